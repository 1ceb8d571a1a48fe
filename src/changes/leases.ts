// Port: named leases, so that of several instances exactly one runs a piece of background work (a sweep, a job's
// rows) and another takes it over when the holder stops renewing (it died). A lease is held until `until`; its owner
// renews it well before then.

export interface Leases {
  /** Takes the lease, or renews it for its holder, until `now + ttlMs`; true when `owner` holds it after the call. */
  acquire(name: string, owner: string, ttlMs: number, now: number): Promise<boolean>;
  /** Gives the lease up at once, if `owner` holds it, so another instance need not wait for it to run out. */
  release(name: string, owner: string): Promise<void>;
}

/** One process alone (the SQLite default): it holds every lease it asks for, as nobody else can ask. */
export class MemoryLeases implements Leases {
  private readonly held = new Map<string, { owner: string; until: number }>();

  async acquire(name: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
    const current = this.held.get(name);
    if (current && current.owner !== owner && current.until > now) return false;
    this.held.set(name, { owner, until: now + ttlMs });
    return true;
  }

  async release(name: string, owner: string): Promise<void> {
    if (this.held.get(name)?.owner === owner) this.held.delete(name);
  }
}
