import { GraphGateway, type GraphGatewayOptions } from '../../src/graph/graph-gateway';
import { SimulatorCredential } from '../../src/graph/graph-credentials';
import type { GraphCall, GraphCallObserver, GraphCallOutcome } from '../../src/graph/graph-call';
import type { SimulatorHarness } from './simulator';

/** Records what the gateway announces, as the audit log will. */
export class RecordingObserver implements GraphCallObserver {
  readonly intents: GraphCall[] = [];
  readonly outcomes: Array<{ call: GraphCall; outcome: GraphCallOutcome }> = [];
  failIntents = false;

  beforeCall(call: GraphCall): void {
    if (this.failIntents) throw new Error('audit log unavailable');
    this.intents.push(call);
  }

  afterCall(call: GraphCall, outcome: GraphCallOutcome): void {
    this.outcomes.push({ call, outcome });
  }
}

export function testGateway(
  baseUrl: string,
  overrides: Partial<GraphGatewayOptions> = {},
): { gateway: GraphGateway; observer: RecordingObserver } {
  const observer = new RecordingObserver();
  const gateway = new GraphGateway({
    baseUrl,
    credential: new SimulatorCredential('test-token'),
    scope: 'https://graph.microsoft.com/.default',
    observer,
    timeoutMs: 2000,
    retry: { maxRetries: 3, maxRetryAfterMs: 5000, baseDelayMs: 20 },
    ...overrides,
  });
  return { gateway, observer };
}

/** Before each test: the harness's own seed back and a fresh gateway to it (empty caches). Returns that gateway. */
export function useGateway(harness: SimulatorHarness): () => GraphGateway {
  let current: GraphGateway | undefined;
  beforeEach(async () => {
    await harness.restoreSeed();
    ({ gateway: current } = testGateway(harness.url));
  });
  return () => {
    if (!current) throw new Error('the gateway exists only inside a test');
    return current;
  };
}
