// The simulated tenant's HTTP server: Graph v1.0 under /v1.0, the control API under /_sim/.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { handleControl } from './control-api';
import { errorBody } from './graph-error';
import type { GraphRequest } from './graph-request';
import { GraphService } from './graph-service';
import type { Seed } from './seed';
import { SimulatorState } from './simulator-state';
import type { ThrottleSettings } from './throttle';

export interface SimulatorOptions {
  seed: Seed;
  /** When set, only this bearer token is accepted; otherwise any non-empty one. */
  token?: string;
  port?: number;
  host?: string;
  throttle?: Partial<ThrottleSettings>;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:5080 (without /v1.0, as a Graph client's baseUrl). */
  url: string;
  port: number;
  state: SimulatorState;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isLoopback(address: string | undefined): boolean {
  return (
    address !== undefined && (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'))
  );
}

function send(res: http.ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  if (res.destroyed) return;
  if (body === undefined || status === 204) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : JSON_TYPE, ...headers });
  res.end(text);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function createSimulatorHandler(state: SimulatorState, token: string | undefined): http.RequestListener {
  const service = new GraphService(state);

  return async (req, res) => {
    const requestId = randomUUID();
    const clientRequestId = String(req.headers['client-request-id'] ?? randomUUID());
    const ids = { 'request-id': requestId, 'client-request-id': clientRequestId };
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const startedAt = new Date().toISOString();
    const fail = (status: number, code: string, message: string): void => {
      // Requests to /v1.0 refused before the service (token, body, encoding) are round trips too: log them.
      const graphPath = /^\/v1\.0(\/.*)?$/.exec(url.pathname);
      if (graphPath) {
        const path = `${graphPath[1] ?? '/'}${url.search}`;
        state.log.add({
          method,
          path,
          status,
          startedAt,
          endedAt: new Date().toISOString(),
          requestId,
          clientRequestId,
        });
      }
      send(res, status, ids, errorBody(code, message, requestId, clientRequestId));
    };

    let text: string;
    try {
      text = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) return fail(413, 'RequestEntityTooLarge', 'The request body is too large.');
      return fail(400, 'BadRequest', 'The request body could not be read.');
    }
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        return fail(
          400,
          'BadRequest',
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
        );
      }
    }

    if (url.pathname.startsWith('/_sim/') || url.pathname === '/_sim') {
      if (!isLoopback(req.socket.remoteAddress))
        return send(res, 403, {}, { error: 'the control API answers loopback callers only' });
      const result = handleControl(state, method, url.pathname, body);
      return send(res, result.status, {}, result.body);
    }

    const version = /^\/(v1\.0|beta)(\/.*)?$/.exec(url.pathname);
    if (!version || version[1] !== 'v1.0') {
      return fail(
        400,
        'BadRequest',
        `Invalid version: the simulator serves Microsoft Graph v1.0 under /v1.0 (got ${url.pathname}).`,
      );
    }

    const delay = state.faults.delayMs();
    if (delay > 0) await sleep(delay);

    const authorization = req.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!bearer) return fail(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    if (token !== undefined && bearer[1] !== token)
      return fail(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');

    const pathAfterVersion = version[2] ?? '/';
    let segments: string[];
    try {
      segments = pathAfterVersion
        .split('/')
        .filter((segment) => segment !== '')
        .map((segment) => decodeURIComponent(segment));
    } catch {
      return fail(400, 'BadRequest', 'The request URL is not correctly percent-encoded.');
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const host = req.headers.host ?? '127.0.0.1';
    const request: GraphRequest = {
      method,
      segments,
      path: `${pathAfterVersion}${url.search}`,
      query: url.searchParams,
      headers,
      body,
      serviceRoot: `http://${host}/v1.0`,
      requestId,
      clientRequestId,
    };
    const result = await service.handle(request);
    if (result.drop) {
      req.socket.destroy();
      return;
    }
    send(res, result.status, result.headers ?? ids, result.body);
  };
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const state = new SimulatorState(options.seed, options.throttle);
  const server = http.createServer(createSimulatorHandler(state, options.token));
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        state.faults.releaseAll();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
