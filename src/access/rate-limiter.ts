// Per-person limits on reads and change requests, so one account (or a stolen one) cannot sweep the directory
// or flood approvers. In memory: with several bot instances each applies the limit on its own.
interface RateLimit {
  /** How many actions a person may take within the window. */
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly history = new Map<string, number[]>();

  constructor(
    private readonly rate: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an action; false when the person is over the limit (the action is then not counted). */
  take(personId: string): boolean {
    const now = this.now();
    const recent = (this.history.get(personId) ?? []).filter((at) => now - at < this.rate.windowMs);
    if (recent.length >= this.rate.limit) {
      this.history.set(personId, recent);
      return false;
    }
    recent.push(now);
    this.history.set(personId, recent);
    return true;
  }
}
