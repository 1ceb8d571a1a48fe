// Graph's identity-and-access throttling as token buckets of resource units (docs/graph-facts.md §10).
import { isWrite, type GraphRequest } from './graph-request';

export type TenantSize = 'S' | 'M' | 'L';

export interface ThrottleSettings {
  enabled: boolean;
  /** Omitted: from the tenant's user count (<50 S, 50–500 M, >500 L). */
  tenantSize?: TenantSize;
  /** Real time runs this many times faster: 10 makes a 10 s window last 1 s. */
  timeScale: number;
  /** Overrides the resource units per 10 s for the app in this tenant. */
  resourceUnitsPer10s?: number;
  /** Overrides the writes per 150 s for the app in this tenant. */
  writesPer150s?: number;
}

const RESOURCE_UNITS_PER_10S: Readonly<Record<TenantSize, number>> = { S: 3500, M: 5000, L: 8000 };
const WRITES_PER_150S = 3000;

type ThrottleDecision =
  | { allowed: true; cost: number; headers: Record<string, string> }
  | { allowed: false; cost: number; retryAfterSeconds: number; headers: Record<string, string> };

class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    private readonly windowMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) * this.capacity) / this.windowMs);
    this.updatedAt = now;
  }

  /**
   * Milliseconds until the bucket holds enough for `cost`, 0 if it does now. A request dearer than the whole
   * bucket needs a full one (it never holds more), so waiting Retry-After always lets it run (docs/graph-facts.md §10).
   */
  waitFor(cost: number, now: number): number {
    this.refill(now);
    const needed = Math.min(cost, this.capacity);
    return this.tokens >= needed ? 0 : ((needed - this.tokens) * this.windowMs) / this.capacity;
  }

  /** Takes the whole cost, overdrawing for a request dearer than the bucket: the next ones wait for that debt. */
  take(cost: number): void {
    this.tokens -= cost;
  }

  usedFraction(): number {
    return 1 - this.tokens / this.capacity;
  }
}

/** Resource-unit cost of a request: base 1, GET users 2, $select −1, $expand +1, $top < 20 −1, at least 1. */
function resourceUnitCost(request: GraphRequest): number {
  let cost = request.method === 'GET' && request.segments[0] === 'users' && request.segments.length <= 2 ? 2 : 1;
  if (request.query.has('$select')) cost -= 1;
  if (request.query.has('$expand')) cost += 1;
  const top = Number(request.query.get('$top'));
  if (request.query.has('$top') && top < 20) cost -= 1;
  return Math.max(1, cost);
}

export class Throttle {
  private units!: TokenBucket;
  private writes!: TokenBucket;

  constructor(
    private settings: ThrottleSettings,
    private readonly userCount: () => number,
    private readonly appId: string,
    private readonly tenantId: () => string,
  ) {
    this.resetBuckets();
  }

  get current(): ThrottleSettings {
    return { ...this.settings };
  }

  configure(settings: Partial<ThrottleSettings>): void {
    this.settings = { ...this.settings, ...settings };
    this.resetBuckets();
  }

  /** Replaces every setting (configure merges, which would keep limits a test set after a reset). */
  restore(settings: ThrottleSettings): void {
    this.settings = { ...settings };
    this.resetBuckets();
  }

  private size(): TenantSize {
    if (this.settings.tenantSize) return this.settings.tenantSize;
    const users = this.userCount();
    return users < 50 ? 'S' : users <= 500 ? 'M' : 'L';
  }

  private resetBuckets(): void {
    const scale = this.settings.timeScale > 0 ? this.settings.timeScale : 1;
    const now = Date.now();
    this.units = new TokenBucket(
      this.settings.resourceUnitsPer10s ?? RESOURCE_UNITS_PER_10S[this.size()],
      10_000 / scale,
      now,
    );
    this.writes = new TokenBucket(this.settings.writesPer150s ?? WRITES_PER_150S, 150_000 / scale, now);
  }

  decide(request: GraphRequest): ThrottleDecision {
    const cost = resourceUnitCost(request);
    const headers: Record<string, string> = { 'x-ms-resource-unit': String(cost) };
    if (!this.settings.enabled) return { allowed: true, cost, headers };
    const now = Date.now();
    const write = isWrite(request.method);
    const unitWait = this.units.waitFor(cost, now);
    const writeWait = write ? this.writes.waitFor(1, now) : 0;
    if (unitWait > 0 || writeWait > 0) {
      const wait = Math.max(unitWait, writeWait);
      return {
        allowed: false,
        cost,
        retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)),
        headers: {
          ...headers,
          'x-ms-throttle-scope': `Tenant_Application/${write ? 'ReadWrite' : 'Read'}/${this.appId}/${this.tenantId()}`,
          'x-ms-throttle-information': writeWait > unitWait ? 'WriteLimitExceeded' : 'ResourceUnitLimitExceeded',
        },
      };
    }
    this.units.take(cost);
    if (write) this.writes.take(1);
    const used = Math.max(this.units.usedFraction(), write ? this.writes.usedFraction() : 0);
    // Graph adds this header from 80% of the limit on, with values of 0.8 to 1.8 (docs/graph-facts.md §10), so an
    // overdrawn bucket reports at most 1.8.
    if (used >= 0.8) headers['x-ms-throttle-limit-percentage'] = Math.min(used, 1.8).toFixed(2);
    return { allowed: true, cost, headers };
  }
}
