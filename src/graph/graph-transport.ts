// The transport under the gateway: the Graph client with phonedesk's middleware (retries, token, audit observer,
// timeout), one logical call with its own client-request-id, and the $batch engine that retries inner answers.
import { randomUUID } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import { Client, type GraphRequest } from '@microsoft/microsoft-graph-client';
import { AuthMiddleware } from './auth-middleware';
import { FetchMiddleware } from './fetch-middleware';
import { CallInfo, type GraphCallObserver } from './graph-call';
import { toGraphFailure } from './graph-errors';
import { MAX_BATCH, type BatchItem, type BatchResponse } from './graph-wire';
import { ObserverMiddleware } from './observer-middleware';
import { RetryMiddleware, retryAfterMs, type RetrySettings } from './retry-middleware';
import { remainingMs } from './turn-deadline';

export interface GraphGatewayOptions {
  /** Graph root without the version, e.g. https://graph.microsoft.com or http://127.0.0.1:5080. */
  baseUrl: string;
  credential: TokenCredential;
  scope: string;
  observer: GraphCallObserver;
  timeoutMs?: number;
  retry?: Partial<RetrySettings>;
  /** How long the SMS policy is reused before it is read again. */
  policyTtlMs?: number;
  now?: () => number;
}

export class GraphTransport {
  private readonly client: Client;
  protected readonly retry: RetrySettings;

  constructor(options: GraphGatewayOptions) {
    this.retry = { maxRetries: 4, maxRetryAfterMs: 30_000, baseDelayMs: 500, ...options.retry };
    const retry = new RetryMiddleware(this.retry);
    const auth = new AuthMiddleware(options.credential, options.scope);
    const observer = new ObserverMiddleware(options.observer);
    const fetcher = new FetchMiddleware(options.timeoutMs ?? 10_000);
    retry.setNext(auth);
    auth.setNext(observer);
    observer.setNext(fetcher);
    this.client = Client.initWithMiddleware({ middleware: retry, baseUrl: options.baseUrl, defaultVersion: 'v1.0' });
  }

  /** One logical call: a fresh client-request-id and failures as GraphFailure. */
  protected async call<T>(
    operation: string,
    path: string,
    send: (request: GraphRequest) => Promise<T>,
    replayable = true,
    batch?: CallInfo['batch'],
  ): Promise<T> {
    const info = new CallInfo(operation, randomUUID(), replayable, batch);
    try {
      return await send(this.client.api(path).middlewareOptions([info]));
    } catch (error) {
      throw toGraphFailure(error, info.clientRequestId, info.answerLost);
    }
  }

  /**
   * Sends up to 20 requests in one $batch. Inner 429/503/504 answers to reads are retried on their own,
   * honouring their Retry-After, within the same bounds as single requests.
   */
  async batch(operation: string, items: BatchItem[]): Promise<Map<string, BatchResponse>> {
    if (items.length > MAX_BATCH) throw new Error(`a $batch holds at most ${MAX_BATCH} requests`);
    const results = new Map<string, BatchResponse>();
    let pending = items;
    for (let round = 0; pending.length > 0; round++) {
      const body = { requests: pending.map((item) => ({ id: item.id, method: item.method, url: item.url })) };
      const reply = await this.call<{ responses: BatchResponse[] }>(
        operation,
        '/$batch',
        (request) => request.post(body),
        pending.every((item) => item.method === 'GET'),
        body.requests,
      );
      const retry: BatchItem[] = [];
      let wait = 0;
      for (const response of reply.responses) {
        const item = pending.find((candidate) => candidate.id === response.id);
        const headers = Object.fromEntries(
          Object.entries(response.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
        );
        const again =
          item?.method === 'GET' && [429, 503, 504].includes(response.status) && round < this.retry.maxRetries;
        const advised = retryAfterMs(headers['retry-after'] ?? null) ?? this.retry.baseDelayMs * 2 ** round;
        if (item && again && advised <= this.retry.maxRetryAfterMs && advised < remainingMs()) {
          retry.push(item);
          wait = Math.max(wait, advised);
        } else {
          results.set(response.id, { ...response, headers });
        }
      }
      pending = retry;
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    return results;
  }
}
