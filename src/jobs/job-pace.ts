// How fast a job writes: a token bucket below Graph's write ceiling for an app in a tenant (3,000 writes per 150 s,
// docs/graph-facts.md §10), shared by every worker of the job. When Graph throttles a write anyway, the whole job
// waits out its Retry-After and slows down, then speeds up again while Graph keeps answering.
import type { ThrottleWatch } from '../graph/throttle-watch';

export interface PaceSettings {
  /** Writes a second to aim for: 90% of the ceiling by default. */
  writesPerSecond: number;
  /** Writes that may go at once after a quiet spell. */
  burst: number;
}

export const GRAPH_WRITE_CEILING_PER_SECOND = 3000 / 150;
export const DEFAULT_PACE: PaceSettings = { writesPerSecond: 0.9 * GRAPH_WRITE_CEILING_PER_SECOND, burst: 4 };

/** After this long without a throttled write, the pace steps back up. */
const RECOVER_AFTER_MS = 15_000;

export class JobPace {
  private tokens: number;
  private rate: number;
  private updatedAt: number;
  private seenThrottles: number;
  private calmSince: number;

  constructor(
    private readonly watch: Pick<ThrottleWatch, 'writesPausedUntil' | 'throttledWrites'>,
    private readonly settings: PaceSettings = DEFAULT_PACE,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.rate = settings.writesPerSecond;
    this.tokens = settings.burst;
    this.updatedAt = now();
    this.seenThrottles = watch.throttledWrites();
    this.calmSince = now();
  }

  /** Writes a second now (lower after throttling). */
  currentRate(): number {
    return this.rate;
  }

  private adjust(now: number): void {
    const throttles = this.watch.throttledWrites();
    if (throttles > this.seenThrottles) {
      this.seenThrottles = throttles;
      this.rate = Math.max(1, this.rate * 0.7);
      this.calmSince = now;
    } else if (now - this.calmSince >= RECOVER_AFTER_MS && this.rate < this.settings.writesPerSecond) {
      this.rate = Math.min(this.settings.writesPerSecond, this.rate + 1);
      this.calmSince = now;
    }
    this.tokens = Math.min(this.settings.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.rate);
    this.updatedAt = now;
  }

  /** Waits until `writes` may be sent: after any pause Graph asked for, at the job's pace. */
  async take(writes: number): Promise<void> {
    const needed = Math.min(writes, this.settings.burst);
    for (;;) {
      const now = this.now();
      const paused = this.watch.writesPausedUntil() - now;
      if (paused > 0) {
        await this.sleep(paused);
        continue;
      }
      this.adjust(now);
      if (this.tokens >= needed) {
        this.tokens -= writes;
        return;
      }
      await this.sleep(Math.ceil(((needed - this.tokens) / this.rate) * 1000));
    }
  }
}
