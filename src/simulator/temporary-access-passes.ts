// Temporary Access Pass as Graph documents it (docs/graph-facts.md §18): the tenant's policy and its bounds, and per
// user at most one usable pass. The pass itself leaves only in the create's answer and is never kept.
import { randomInt, randomUUID } from 'node:crypto';
import { graphDateTime } from './graph-time';
import { badRequest, notFound } from './graph-error';
import { checkTargetsExist, notAllowedBy, type MethodTargets } from './method-policy';
import type { Seed, SeedTemporaryAccessPass, SeedTemporaryAccessPassPolicy } from './seed';
import type { TenantDirectory } from './tenant-directory';
import { SeedError, type UserRecord } from './tenant-records';
import { matches, verifierOf } from './verifier';

export type TemporaryAccessPassPolicyRecord = MethodTargets &
  Omit<SeedTemporaryAccessPassPolicy, 'state' | 'includeTargets' | 'excludeTargets'>;

/** Graph's defaults when the tenant never configured the method. */
const DEFAULT_POLICY: TemporaryAccessPassPolicyRecord = {
  state: 'disabled',
  includeTargets: [],
  excludeTargets: [],
  defaultLength: 8,
  defaultLifetimeInMinutes: 60,
  minimumLifetimeInMinutes: 60,
  maximumLifetimeInMinutes: 480,
  isUsableOnce: false,
};

/** Letters, digits and symbols, as Entra's passes are (without look-alikes such as 0/O and 1/l, for reading aloud). */
const PASS_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%&*+=?';

export interface TemporaryAccessPassRecord {
  id: string;
  createdDateTime: string;
  startDateTime: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  used: boolean;
  /** The hash of the pass; none for one from a seed. */
  verifier?: string;
}

export type UsabilityReason = 'EnabledByPolicy' | 'DisabledByPolicy' | 'Expired' | 'NotYetValid' | 'OneTimeUsed';

export class TemporaryAccessPasses {
  private readonly passes = new Map<string, TemporaryAccessPassRecord[]>();
  private current: TemporaryAccessPassPolicyRecord;

  constructor(
    private readonly directory: TenantDirectory,
    seed: Seed,
  ) {
    this.current = seed.temporaryAccessPassPolicy ? { ...seed.temporaryAccessPassPolicy } : { ...DEFAULT_POLICY };
    try {
      checkTargetsExist(directory, this.current);
      this.checkBounds(this.current);
    } catch (error) {
      throw new SeedError(`temporaryAccessPassPolicy: ${(error as Error).message}`);
    }
    for (const user of seed.users) {
      const passes = (user.temporaryAccessPasses ?? []).map((pass) => this.load(pass));
      if (passes.length > 0) this.passes.set(user.id, passes);
    }
  }

  private load(seed: SeedTemporaryAccessPass): TemporaryAccessPassRecord {
    return {
      id: seed.id ?? randomUUID(),
      createdDateTime: seed.createdDateTime ?? seed.startDateTime,
      startDateTime: seed.startDateTime,
      lifetimeInMinutes: seed.lifetimeInMinutes,
      isUsableOnce: seed.isUsableOnce,
      used: seed.used ?? false,
    };
  }

  private checkBounds(policy: TemporaryAccessPassPolicyRecord): void {
    const { minimumLifetimeInMinutes: min, defaultLifetimeInMinutes: def, maximumLifetimeInMinutes: max } = policy;
    if (!(min <= def && def <= max))
      throw badRequest(
        'The lifetimes must satisfy minimumLifetimeInMinutes ≤ defaultLifetimeInMinutes ≤ maximumLifetimeInMinutes.',
        'badRequest',
      );
  }

  policy(): TemporaryAccessPassPolicyRecord {
    return this.current;
  }

  updatePolicy(change: Partial<TemporaryAccessPassPolicyRecord>): void {
    const next = { ...this.current, ...change };
    checkTargetsExist(this.directory, next);
    this.checkBounds(next);
    this.current = next;
  }

  /** Whether the pass can be used now, and why not, as Graph's methodUsabilityReason says. */
  usability(pass: TemporaryAccessPassRecord, user: UserRecord, now: Date): UsabilityReason {
    if (notAllowedBy(this.directory, this.current, user, 'Temporary Access Pass')) return 'DisabledByPolicy';
    const start = Date.parse(pass.startDateTime);
    if (now.getTime() < start) return 'NotYetValid';
    if (now.getTime() >= start + pass.lifetimeInMinutes * 60_000) return 'Expired';
    if (pass.used && (pass.isUsableOnce || this.current.isUsableOnce)) return 'OneTimeUsed';
    return 'EnabledByPolicy';
  }

  list(user: UserRecord): TemporaryAccessPassRecord[] {
    return this.passes.get(user.id) ?? [];
  }

  pass(user: UserRecord, id: string): TemporaryAccessPassRecord {
    const pass = this.list(user).find((candidate) => candidate.id === id);
    if (!pass) throw notFound(id);
    return pass;
  }

  /**
   * POST …/temporaryAccessPassMethods within the policy's bounds. A user has one pass: a new one replaces the one
   * they had (docs/graph-facts.md §18.2).
   */
  create(
    user: UserRecord,
    body: Record<string, unknown>,
    now: Date,
  ): { pass: TemporaryAccessPassRecord; code: string } {
    const refusal = notAllowedBy(this.directory, this.current, user, 'Temporary Access Pass');
    if (refusal) throw badRequest(refusal, 'badRequest');
    const policy = this.current;
    const lifetime = body.lifetimeInMinutes ?? policy.defaultLifetimeInMinutes;
    if (
      typeof lifetime !== 'number' ||
      !Number.isInteger(lifetime) ||
      lifetime < policy.minimumLifetimeInMinutes ||
      lifetime > policy.maximumLifetimeInMinutes
    )
      throw badRequest(
        `The lifetimeInMinutes must be from ${policy.minimumLifetimeInMinutes} to ${policy.maximumLifetimeInMinutes}.`,
        'badRequest',
      );
    const start =
      body.startDateTime === undefined
        ? now
        : new Date(typeof body.startDateTime === 'string' ? Date.parse(body.startDateTime) : NaN);
    if (!Number.isFinite(start.getTime()))
      throw badRequest("The property 'startDateTime' must be a date and time.", 'badRequest');
    if (body.isUsableOnce !== undefined && typeof body.isUsableOnce !== 'boolean')
      throw badRequest('isUsableOnce must be true or false.', 'badRequest');
    // A tenant that makes every pass one-time overrides the request.
    const isUsableOnce = policy.isUsableOnce || body.isUsableOnce === true;
    const pass: TemporaryAccessPassRecord = {
      id: randomUUID(),
      createdDateTime: graphDateTime(now),
      startDateTime: graphDateTime(start),
      lifetimeInMinutes: lifetime,
      isUsableOnce,
      used: false,
    };
    // "Users can only have one Temporary Access Pass authentication method": a new one replaces any other.
    this.passes.set(user.id, [pass]);
    const code = Array.from(
      { length: policy.defaultLength },
      () => PASS_ALPHABET[randomInt(PASS_ALPHABET.length)],
    ).join('');
    pass.verifier = verifierOf(code);
    return { pass, code };
  }

  delete(user: UserRecord, id: string): void {
    this.pass(user, id);
    this.passes.set(
      user.id,
      this.list(user).filter((pass) => pass.id !== id),
    );
  }

  /** A sign-in with the pass (the control API plays it); refused unless it is usable now. */
  markUsed(user: UserRecord, now: Date, presented?: string): TemporaryAccessPassRecord {
    const pass = this.list(user).find((candidate) => this.usability(candidate, user, now) === 'EnabledByPolicy');
    if (!pass) throw badRequest('The user has no usable Temporary Access Pass.', 'badRequest');
    if (presented !== undefined && !matches(pass.verifier, presented))
      throw badRequest('The Temporary Access Pass is incorrect.', 'badRequest');
    pass.used = true;
    return pass;
  }

  toSeed(userId: string): SeedTemporaryAccessPass[] | undefined {
    const passes = this.passes.get(userId);
    return passes && passes.length > 0
      ? passes.map((pass) => ({
          id: pass.id,
          createdDateTime: pass.createdDateTime,
          startDateTime: pass.startDateTime,
          lifetimeInMinutes: pass.lifetimeInMinutes,
          isUsableOnce: pass.isUsableOnce,
          used: pass.used,
        }))
      : undefined;
  }
}
