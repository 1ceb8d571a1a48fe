// Per-person limits on reads and change requests, so one account (or a stolen one) cannot sweep the directory
// or flood approvers. The counts live behind a port: in memory for one instance (the SQLite default), in a shared
// table when several instances serve the bot (storage/azure/azure-rate-counters.ts), so the limit is the tenant's.
export interface RateLimit {
  /** How many actions a person may take within the window. */
  limit: number;
  windowMs: number;
}

/** Port: counts actions per key over a sliding window; false (and nothing counted) when the key is at its limit. */
export interface RateCounters {
  take(key: string, rate: RateLimit, now: number): Promise<boolean>;
}

/** The counts of this process alone. */
export class MemoryRateCounters implements RateCounters {
  private readonly history = new Map<string, number[]>();

  async take(key: string, rate: RateLimit, now: number): Promise<boolean> {
    const recent = (this.history.get(key) ?? []).filter((at) => now - at < rate.windowMs);
    if (recent.length >= rate.limit) {
      this.history.set(key, recent);
      return false;
    }
    recent.push(now);
    this.history.set(key, recent);
    return true;
  }
}

export class RateLimiter {
  constructor(
    private readonly rate: RateLimit,
    /** Which limit this is ("reads", "changes"): the counters of several limiters never mix. */
    private readonly name = 'actions',
    private readonly counters: RateCounters = new MemoryRateCounters(),
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an action; false when the person is over the limit (the action is then not counted). */
  take(personId: string): Promise<boolean> {
    return this.counters.take(`${this.name}:${personId.toLowerCase()}`, this.rate, this.now());
  }
}
