// Everything a running simulator holds: the tenant, its baseline seed, faults, throttling and the request log.
import { Faults } from './faults';
import { RequestLog } from './request-log';
import type { Seed } from './seed';
import { Tenant } from './tenant';
import { Throttle, type ThrottleSettings } from './throttle';

const SIMULATOR_APP_ID = '5f2d9a34-7c1e-4b8a-9e6f-3a1b2c4d5e6f';

export class SimulatorState {
  tenant: Tenant;
  readonly faults = new Faults();
  readonly log = new RequestLog();
  readonly throttle: Throttle;
  private baseline: Seed;
  private readonly initialThrottle: ThrottleSettings;

  constructor(seed: Seed, throttle: Partial<ThrottleSettings> = {}) {
    this.baseline = seed;
    this.tenant = new Tenant(seed);
    this.initialThrottle = { enabled: false, timeScale: 1, ...throttle };
    this.throttle = new Throttle(
      this.initialThrottle,
      () => this.tenant.userCount,
      SIMULATOR_APP_ID,
      () => this.tenant.id,
    );
  }

  /** Back to the baseline seed with no faults, default throttling and an empty request log. */
  reset(): void {
    this.tenant = new Tenant(this.baseline);
    this.faults.clear();
    this.log.clear();
    this.throttle.restore(this.initialThrottle);
  }

  /** Replaces the baseline; throws SeedError if the seed contradicts itself, leaving the old tenant in place. */
  load(seed: Seed): void {
    const tenant = new Tenant(seed);
    this.baseline = seed;
    this.tenant = tenant;
    this.throttle.configure({});
  }
}
