// Whether a TCP port can be listened on, checked before anything starts so that a taken port gets one plain line.
// Without a host it checks all interfaces: a port held on any of them is taken for us too (the Agents Playground
// silently moves to a random port when its own is taken, so the launcher must check first).
import net from 'node:net';

export function portIsFree(port: number, host?: string): Promise<boolean> {
  if (port === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host }, () => server.close(() => resolve(true)));
  });
}

/** A port another program holds; `message` is the one line the launcher prints. */
export class PortBusyError extends Error {
  constructor(
    readonly port: number,
    what: string,
    readonly variable: string,
  ) {
    super(`port ${port} is already in use (${what}); set ${variable} to a free port`);
    this.name = 'PortBusyError';
  }
}
