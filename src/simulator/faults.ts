// Injected faults for tests: latency, failing the next N matching requests, random 5xx, held or dropped requests.

export type FaultAction = 'status' | 'hold' | 'drop';

export interface FaultRule {
  id: string;
  /** HTTP method to match, or undefined for any. */
  method?: string;
  /** Regular expression tested against the path after /v1.0 (query included). */
  path: string;
  remaining: number;
  action: FaultAction;
  /** For 'status'. */
  status?: number;
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
  /** For 'hold': apply the request before or after the hold (did the change happen?). */
  hold?: 'before' | 'after';
  /** For 'hold': release automatically after this long; otherwise wait for /_sim/release. */
  holdMs?: number;
}

interface Latency {
  fixedMs: number;
  jitterMs: number;
}

interface RandomFailures {
  rate: number;
  statuses: number[];
}

export class Faults {
  latency: Latency = { fixedMs: 0, jitterMs: 0 };
  random: RandomFailures = { rate: 0, statuses: [503] };
  private rules: Array<FaultRule & { pattern: RegExp }> = [];
  private held = new Set<() => void>();
  private nextId = 1;

  add(rule: Omit<FaultRule, 'id'>): FaultRule {
    const created = { ...rule, id: `fault-${this.nextId++}`, pattern: new RegExp(rule.path) };
    this.rules.push(created);
    return { ...rule, id: created.id };
  }

  list(): FaultRule[] {
    return this.rules.map(({ pattern: _pattern, ...rule }) => rule);
  }

  clear(): void {
    this.rules = [];
    this.latency = { fixedMs: 0, jitterMs: 0 };
    this.random = { rate: 0, statuses: [503] };
    this.releaseAll();
  }

  /** Consumes and returns the first rule matching the request, if any. */
  take(method: string, path: string): FaultRule | undefined {
    const index = this.rules.findIndex(
      (rule) => (rule.method === undefined || rule.method === method) && rule.pattern.test(path),
    );
    if (index < 0) return undefined;
    const rule = this.rules[index];
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(index, 1);
    const { pattern: _pattern, ...copy } = rule;
    return copy;
  }

  randomStatus(): number | undefined {
    if (this.random.rate <= 0 || Math.random() >= this.random.rate) return undefined;
    return this.random.statuses[Math.floor(Math.random() * this.random.statuses.length)] ?? 503;
  }

  delayMs(): number {
    return this.latency.fixedMs + Math.random() * this.latency.jitterMs;
  }

  /** Waits until released (or `holdMs` passes). */
  hold(holdMs: number | undefined): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        this.held.delete(release);
        if (timer) clearTimeout(timer);
        resolve();
      };
      const timer = holdMs === undefined ? undefined : setTimeout(release, holdMs);
      this.held.add(release);
    });
  }

  get heldCount(): number {
    return this.held.size;
  }

  releaseAll(): number {
    const waiting = [...this.held];
    waiting.forEach((release) => release());
    return waiting.length;
  }
}
