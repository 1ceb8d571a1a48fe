// A gateway to the bench's simulator that counts the Graph calls it makes (each HTTP attempt, as the audit sees).
import { SimulatorCredential } from '../src/graph/graph-credentials';
import { GraphGateway } from '../src/graph/graph-gateway';

export interface CountingGateway {
  gateway: GraphGateway;
  /** Calls since the last reset. */
  calls(): number;
  reset(): void;
}

export function countingGateway(baseUrl: string): CountingGateway {
  let calls = 0;
  const gateway = new GraphGateway({
    baseUrl,
    credential: new SimulatorCredential(),
    scope: 'https://graph.microsoft.com/.default',
    observer: { beforeCall: () => void calls++, afterCall: () => undefined },
  });
  return { gateway, calls: () => calls, reset: () => void (calls = 0) };
}
