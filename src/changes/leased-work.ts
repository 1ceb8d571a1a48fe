// Work that one instance runs at a time: a request's execution, a job's rows, a sweep. The instance holds the work's
// lease while it runs, renewing it, and gives it up when done; an instance that dies stops renewing, and once the
// lease runs out another takes the work over. A renewal that fails aborts the work's signal: by then the lease may be
// another instance's, so the work stops before its next write.
import { randomUUID } from 'node:crypto';
import type { Leases } from './leases';

export interface LeaseTimes {
  /** How long a lease lasts unless renewed: how long the others wait for an instance that died. */
  ttlMs: number;
}

export const DEFAULT_LEASE: LeaseTimes = { ttlMs: 30_000 };

export class LeasedWork {
  /** Work this instance runs now, by lease name: never started twice here. */
  private readonly running = new Set<string>();

  constructor(
    private readonly leases: Leases,
    /** This instance, as lease holder. */
    readonly owner: string = randomUUID(),
    readonly times: LeaseTimes = DEFAULT_LEASE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether this instance runs the work named so at this moment. */
  runs(name: string): boolean {
    return this.running.has(name);
  }

  /**
   * Runs `work` holding the lease `name`, renewed every third of its life; undefined, without running it, when
   * another instance holds it (or this one already runs it).
   */
  async during<T>(name: string, work: (lost: AbortSignal) => Promise<T>): Promise<T | undefined> {
    if (this.running.has(name)) return undefined;
    this.running.add(name);
    try {
      if (!(await this.leases.acquire(name, this.owner, this.times.ttlMs, this.now()))) return undefined;
      const lost = new AbortController();
      const renew = setInterval(() => {
        this.leases.acquire(name, this.owner, this.times.ttlMs, this.now()).then(
          (kept) => kept || lost.abort(),
          () => lost.abort(),
        );
      }, this.times.ttlMs / 3);
      renew.unref();
      try {
        return await work(lost.signal);
      } finally {
        clearInterval(renew);
        // Not giving it up (storage unreachable) only makes the others wait for it to run out.
        await this.leases.release(name, this.owner).catch(() => undefined);
      }
    } finally {
      this.running.delete(name);
    }
  }
}
