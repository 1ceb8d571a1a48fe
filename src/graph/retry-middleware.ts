// Retries Graph's "try again" answers (429, 503, 504) and lost responses, honouring Retry-After with a cap,
// exponential backoff with full jitter otherwise, and a bounded count, never past the turn's deadline. A request
// that is not replayable (a create) is only retried on 429, which Graph answers before doing anything.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { CALL_REFUSED_BY_OBSERVER, CallInfo } from './graph-call';
import { remainingMs } from './turn-deadline';

export interface RetrySettings {
  maxRetries: number;
  /** A Retry-After longer than this is not waited for: the caller gets the 429. */
  maxRetryAfterMs: number;
  baseDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export class AttemptInfo {
  constructor(readonly attempt: number) {}
}

const RETRY_STATUSES = new Set([429, 503, 504]);
/** A retry with less time than this left in the turn would only add a request and an audit record. */
const MIN_ATTEMPT_MS = 500;

export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export class RetryMiddleware implements Middleware {
  private next?: Middleware;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly settings: RetrySettings) {
    this.sleep = settings.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = settings.random ?? Math.random;
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const info = context.middlewareControl?.getMiddlewareOptions(CallInfo) as CallInfo | undefined;
    const replayable = info?.replayable ?? true;
    for (let attempt = 1; ; attempt++) {
      context.middlewareControl?.setMiddlewareOptions(AttemptInfo, new AttemptInfo(attempt));
      const attemptContext: Context = { ...context, options: { ...context.options }, response: undefined };
      let failure: unknown;
      try {
        await this.next!.execute(attemptContext);
      } catch (error) {
        // Nothing was sent when the audit log refused the call: trying again cannot help.
        if (error instanceof Error && error.name === CALL_REFUSED_BY_OBSERVER) throw error;
        failure = error;
      }
      const status = attemptContext.response?.status;
      if (info && (failure !== undefined || (status !== undefined && status >= 500))) info.answerLost = true;
      const retryable =
        failure !== undefined
          ? replayable
          : status !== undefined && RETRY_STATUSES.has(status) && (replayable || status === 429);
      const lastAttempt = attempt > this.settings.maxRetries;
      let delay: number | undefined;
      if (retryable && !lastAttempt) {
        const advised = retryAfterMs(attemptContext.response?.headers.get('retry-after') ?? null);
        delay = advised ?? this.backoff(attempt);
        if (advised !== undefined && advised > this.settings.maxRetryAfterMs) delay = undefined;
        // Someone is waiting and the wait, plus time for the next try to be answered, would outlast their turn.
        if (delay !== undefined && delay + MIN_ATTEMPT_MS >= remainingMs()) delay = undefined;
      }
      if (delay === undefined) {
        if (failure !== undefined) throw failure;
        context.response = attemptContext.response;
        return;
      }
      // Drain the refused response before trying again.
      await attemptContext.response?.arrayBuffer().catch(() => undefined);
      await this.sleep(delay);
    }
  }

  private backoff(attempt: number): number {
    const ceiling = this.settings.baseDelayMs * 2 ** (attempt - 1);
    return Math.round(ceiling / 2 + this.random() * (ceiling / 2));
  }
}
