// Preloaded into each Agents Playground (`node --require`): it has no option for the interface and listens on all
// of them, but it talks to a bot that accepts anyone in local anonymous mode. Listens without a host go to loopback.
import net from 'node:net';

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

function onLoopback(args: unknown[]): unknown[] {
  const [first, second] = args;
  const isPort = typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first));
  if (isPort) return typeof second === 'string' ? args : [first, LOOPBACK, ...args.slice(1)];
  if (first === undefined || typeof first === 'function')
    return [0, LOOPBACK, ...args.slice(first === undefined ? 1 : 0)];
  if (
    typeof first === 'object' &&
    first !== null &&
    !('host' in first) &&
    !('path' in first) &&
    !('fd' in first) &&
    !('_handle' in first)
  ) {
    return [{ ...first, host: LOOPBACK }, ...args.slice(1)];
  }
  return args;
}

net.Server.prototype.listen = function listenOnLoopback(this: net.Server, ...args: unknown[]) {
  return (listen as (...given: unknown[]) => net.Server).apply(this, onLoopback(args));
} as typeof listen;
