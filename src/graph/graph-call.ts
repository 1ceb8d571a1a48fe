// What the gateway tells its observer (the audit log) about every HTTP call to Graph, before and after.
import type { MiddlewareOptions } from '@microsoft/microsoft-graph-client';

export interface GraphCall {
  /** What phonedesk is doing, e.g. "phoneMethods.create". */
  operation: string;
  method: string;
  /** Path and query after the version, e.g. /users/{id}/authentication/phoneMethods. */
  path: string;
  /** Fresh per logical call, kept across its retries; Graph echoes it. */
  clientRequestId: string;
  /** 1 for the first try. */
  attempt: number;
  /** For $batch: the inner requests. */
  batch?: Array<{ id: string; method: string; url: string }>;
}

export interface GraphCallOutcome {
  /** HTTP status, or 0 when no response came (timeout, reset). */
  status: number;
  /** Graph's request-id header, for support tickets. */
  requestId: string | undefined;
  /** Graph's error code, when there was one. */
  graphCode?: string;
  /** Why there was no response. */
  failure?: string;
  /** On a 429: how long Graph asked to wait (its Retry-After). */
  retryAfterMs?: number;
  durationMs: number;
}

/**
 * The error name an observer uses to refuse a call it could not record (the audit log's AuditUnavailableError).
 * The gateway neither retries it nor words it as a Graph outage.
 */
export const CALL_REFUSED_BY_OBSERVER = 'AuditUnavailableError';

/**
 * Sees every Graph call. `beforeCall` must make the intent durable; if it throws, the call is not made.
 * `afterCall` records the outcome.
 */
export interface GraphCallObserver {
  beforeCall(call: GraphCall): Promise<void> | void;
  afterCall(call: GraphCall, outcome: GraphCallOutcome): Promise<void> | void;
}

/** Per-request data for phonedesk's middleware, passed with the Graph client's middlewareOptions. */
export class CallInfo implements MiddlewareOptions {
  constructor(
    readonly operation: string,
    readonly clientRequestId: string,
    /** Whether the request may be sent again after a timeout or 5xx (a create may not). */
    readonly replayable: boolean,
    readonly batch?: GraphCall['batch'],
  ) {}

  /** Set by the retry middleware when an attempt got no answer or a 5xx: Graph may have made the change. */
  answerLost = false;
}
