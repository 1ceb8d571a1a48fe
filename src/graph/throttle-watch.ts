// Passes every call on to the observer it wraps (the audit log) and remembers the last time Graph said "too many
// requests" to a write, and for how long: a job then waits as a whole, not one worker at a time.
import type { GraphCall, GraphCallObserver, GraphCallOutcome } from './graph-call';

/** When Graph throttles without saying how long (docs/graph-facts.md §10 allows it), a job waits this long. */
const DEFAULT_WAIT_MS = 2000;

export class ThrottleWatch implements GraphCallObserver {
  private until = 0;
  private count = 0;

  constructor(
    private readonly inner: GraphCallObserver,
    private readonly now: () => number = Date.now,
  ) {}

  beforeCall(call: GraphCall): Promise<void> | void {
    return this.inner.beforeCall(call);
  }

  afterCall(call: GraphCall, outcome: GraphCallOutcome): Promise<void> | void {
    if (outcome.status === 429 && call.method !== 'GET') {
      this.count++;
      this.until = Math.max(this.until, this.now() + (outcome.retryAfterMs ?? DEFAULT_WAIT_MS));
    }
    return this.inner.afterCall(call, outcome);
  }

  /** Until when writes should wait (0 when Graph has not asked). */
  writesPausedUntil(): number {
    return this.until;
  }

  /** How many writes Graph has throttled since start. */
  throttledWrites(): number {
    return this.count;
  }
}
