// GraphGateway: the only code that talks to Microsoft Graph. Typed operations over the transport (graph-transport.ts):
// one $batch per sign-in snapshot (each method's slice in it), the short cache of tenant-wide reads, phone-method writes that recover a lost answer by reading back.
import type {
  PhoneAuthenticationMethod,
  SmsAuthenticationMethodConfiguration,
  UnifiedRoleAssignment,
  User,
} from '@microsoft/microsoft-graph-types';
import type {
  PhoneMethodSnapshot,
  PhoneType,
  RoleSnapshot,
  SmsPolicySnapshot,
  SmsPolicyTarget,
  WorkerSnapshot,
} from '../snapshot/sign-in-snapshot';
import { GraphFailure, toGraphFailure } from './graph-errors';
import { CredentialWrites } from './credential-writes';
import type { GraphGatewayOptions } from './graph-transport';
import { innerBody, type BatchItem, type Collection } from './graph-wire';
import { odataString, pathSegment, queryValue } from './odata';
import { requesterFrom, requesterItems, type RequesterData } from './requester-reads';
import { PHONE_METHOD_IDS, SMS_POLICY_PATH, phoneSnapshot, policySnapshot } from './snapshot-mapping';
import { sliceAnswers, type SnapshotSlice } from './snapshot-slice';
import { USER_FIELDS, roleGroupsOf, workerFrom, workerItems } from './worker-reads';
import { groupRoleItems, rolesFrom, type RoleGroup } from './worker-roles';

export type { GraphGatewayOptions } from './graph-transport';
export { PHONE_METHOD_IDS } from './snapshot-mapping';
export type { RequesterData } from './requester-reads';

const SMS_CONFIGURATION_TYPE = '#microsoft.graph.smsAuthenticationMethodConfiguration';
/** Entra caps display names, mail and UPNs at 256 characters or less: longer text cannot match anyone. */
const MAX_SEARCH_TEXT = 256;

/** A write Graph may half-apply: the number saved, but held elsewhere for SMS sign-in (docs/graph-facts.md §2.4). */
export interface PhoneWriteResult {
  method: PhoneMethodSnapshot;
  numberInUse: boolean;
  /** True when a lost response was resolved by reading the state back instead of sending the write again. */
  recovered: boolean;
}

interface TenantRead {
  readonly body: unknown;
  readonly readAt: number;
}

/** The worker's core facts, each slice's fields in the order the slices were given, and the asker's profile. */
export interface WorkerRead {
  worker: WorkerSnapshot;
  slices: object[];
  requester?: RequesterData;
}

export class GraphGateway extends CredentialWrites {
  private readonly policyTtlMs: number;
  private readonly now: () => number;
  private readonly tenantReads = new Map<string, TenantRead>();

  constructor(options: GraphGatewayOptions) {
    super(options);
    this.policyTtlMs = options.policyTtlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  // ---- users ----

  /** Exact match on user principal name, mail or employee id, in one request. */
  async findUsersExact(value: string): Promise<User[]> {
    if (value.length === 0 || value.length > MAX_SEARCH_TEXT) return [];
    const literal = odataString(value);
    const filter = `userPrincipalName eq ${literal} or mail eq ${literal} or employeeId eq ${literal}`;
    const page = await this.call<Collection<User>>('users.findExact', '/users', (request) =>
      request.filter(queryValue(filter)).select(USER_FIELDS).top(10).get(),
    );
    return page.value;
  }

  /** Display names starting with the text (case-insensitive), at most `top`. */
  async findUsersByNamePrefix(prefix: string, top = 10): Promise<User[]> {
    if (prefix.length === 0 || prefix.length > MAX_SEARCH_TEXT) return [];
    const page = await this.call<Collection<User>>('users.findByName', '/users', (request) =>
      request
        .filter(queryValue(`startswith(displayName,${odataString(prefix)})`))
        .select(USER_FIELDS)
        .top(top)
        .get(),
    );
    return page.value;
  }

  /** The user, or undefined when Graph does not know them. */
  async getUser(idOrUpn: string): Promise<User | undefined> {
    try {
      return await this.call<User>('users.get', `/users/${pathSegment(idOrUpn)}`, (request) =>
        request.select(USER_FIELDS).get(),
      );
    } catch (error) {
      if (error instanceof GraphFailure && error.kind === 'not-found') return undefined;
      throw error;
    }
  }

  // ---- the worker's sign-in snapshot ----

  /**
   * The worker's core facts (user, memberships, licences, role assignments, default MFA method, manager) and each
   * sign-in method's slice in one $batch, with the profile of the person asking when one is named: "status of Bob"
   * is then one round trip after finding Bob, scope check included. Tenant-wide reads come from the short cache.
   */
  async readWorker(userId: string, slices: readonly SnapshotSlice[], requesterId?: string): Promise<WorkerRead> {
    const id = pathSegment(userId);
    const now = this.now();
    const items: BatchItem[] = [
      ...workerItems(id, userId),
      ...(requesterId ? requesterItems('requester.', requesterId) : []),
    ];
    // A tenant-wide read is asked for once per batch, however many slices need it. Whether the cache will do is
    // decided here, once: a policy change may empty the cache while the batch is out, and this read must not see that.
    const tenantKeys = new Map<string, string>();
    const cached = new Map<string, unknown>();
    slices.forEach((slice, index) => {
      for (const read of slice.workerReads(id)) items.push({ id: `${index}.${read.id}`, method: 'GET', url: read.url });
      for (const read of slice.tenantReads ?? []) {
        if (tenantKeys.has(read.url)) continue;
        const key = `tenant.${tenantKeys.size}`;
        tenantKeys.set(read.url, key);
        const fresh = this.freshTenantRead(read.url, now);
        if (fresh) cached.set(key, fresh.body);
        else items.push({ id: key, method: 'GET', url: read.url });
      }
    });
    const responses = await this.batch('users.signInSnapshot', items);
    const worker = workerFrom(responses, userId, new Date(now).toISOString());
    const roleGroups = roleGroupsOf(responses);
    if (roleGroups.length > 0) worker.roles.push(...(await this.groupRoles(roleGroups)));
    for (const group of worker.groups)
      if (group.id && group.displayName) this.groupNames.set(group.id, group.displayName);
    const answers = new Map(responses);
    for (const [url, key] of tenantKeys) {
      const answer = responses.get(key);
      if (answer && answer.status < 400) this.rememberTenantRead(url, answer.body, now);
      if (cached.has(key)) answers.set(key, { id: key, status: 200, body: cached.get(key) });
    }
    const mapped = slices.map((slice, index) => {
      const tenantKeyOf = new Map((slice.tenantReads ?? []).map((read) => [read.id, tenantKeys.get(read.url)!]));
      return slice.map(sliceAnswers(answers, (key) => tenantKeyOf.get(key) ?? `${index}.${key}`, this.groupNames));
    });
    return {
      worker,
      slices: mapped,
      ...(requesterId && { requester: requesterFrom(<T>(key: string) => innerBody<T>(responses, key), 'requester.') }),
    };
  }

  /** Roles given to role-assignable groups, which their members hold. */
  private async groupRoles(groups: readonly RoleGroup[]): Promise<RoleSnapshot[]> {
    const responses = await this.batch('roles.ofGroups', groupRoleItems(groups));
    return rolesFrom(
      responses,
      innerBody<Collection<UnifiedRoleAssignment>>(responses, 'group.roles').value,
      'group.',
      groups,
    );
  }

  /** The groups and directory roles of a person who asks or approves, in one $batch. */
  async requesterProfile(userId: string): Promise<RequesterData> {
    const responses = await this.batch('users.requesterProfile', requesterItems('', userId));
    return requesterFrom(<T>(key: string) => innerBody<T>(responses, key), '');
  }

  // ---- tenant-wide reads (policies), kept for policyTtlMs ----

  private freshTenantRead(url: string, now = this.now()): TenantRead | undefined {
    const read = this.tenantReads.get(url);
    return read && now - read.readAt < this.policyTtlMs ? read : undefined;
  }

  private rememberTenantRead(url: string, body: unknown, readAt = this.now()): void {
    this.tenantReads.set(url, { body, readAt });
  }

  // ---- SMS policy ----

  /** The SMS policy, reused for a short while; target group names are filled in where known. */
  async smsPolicy(options: { fresh?: boolean; withGroupNames?: boolean } = {}): Promise<SmsPolicySnapshot> {
    const cached = options.fresh || options.withGroupNames ? undefined : this.freshTenantRead(SMS_POLICY_PATH);
    if (cached) return policySnapshot(cached.body as SmsAuthenticationMethodConfiguration, this.groupNames);
    const configuration = await this.call<SmsAuthenticationMethodConfiguration>(
      'policy.sms.get',
      SMS_POLICY_PATH,
      (request) => request.get(),
    );
    this.rememberTenantRead(SMS_POLICY_PATH, configuration);
    if (options.withGroupNames) {
      const policy = policySnapshot(configuration, this.groupNames);
      await this.nameGroups(
        [...policy.includeTargets, ...policy.excludeTargets]
          .filter((target) => target.targetType === 'group' && target.id !== 'all_users')
          .map((target) => target.id),
      );
    }
    return policySnapshot(configuration, this.groupNames);
  }

  /** Ticks or unticks "Use for sign-in" for one include target (tenant-wide; docs/graph-facts.md §3.1). */
  async setUseForSignIn(targetId: string, useForSignIn: boolean): Promise<SmsPolicySnapshot> {
    const current = await this.smsPolicy({ fresh: true });
    const target = current.includeTargets.find((candidate) => candidate.id === targetId);
    if (!target) {
      throw new GraphFailure({
        kind: 'not-found',
        userMessage: 'That group is no longer a target of the SMS sign-in policy.',
        graphMessage: `no include target ${targetId}`,
        status: 404,
      });
    }
    const includeTargets = current.includeTargets.map((candidate: SmsPolicyTarget) => ({
      id: candidate.id,
      targetType: candidate.targetType,
      isRegistrationRequired: false,
      isUsableForSignIn: candidate.id === targetId ? useForSignIn : candidate.isUsableForSignIn,
    }));
    this.tenantReads.delete(SMS_POLICY_PATH);
    await this.call('policy.sms.setUseForSignIn', SMS_POLICY_PATH, (request) =>
      request.patch({ '@odata.type': SMS_CONFIGURATION_TYPE, includeTargets }),
    );
    return this.smsPolicy({ fresh: true });
  }

  /** Turns the whole SMS policy on or off (tenant-wide; numbers stay; docs/graph-facts.md §3.1). */
  async setSmsPolicyState(state: 'enabled' | 'disabled'): Promise<SmsPolicySnapshot> {
    this.tenantReads.delete(SMS_POLICY_PATH);
    await this.call('policy.sms.setState', SMS_POLICY_PATH, (request) =>
      request.patch({ '@odata.type': SMS_CONFIGURATION_TYPE, state }),
    );
    return this.smsPolicy({ fresh: true });
  }

  // ---- phone methods ----

  async listPhoneMethods(userId: string): Promise<PhoneMethodSnapshot[]> {
    const page = await this.call<Collection<PhoneAuthenticationMethod>>(
      'phoneMethods.list',
      `/users/${pathSegment(userId)}/authentication/phoneMethods`,
      (request) => request.get(),
    );
    return page.value.map(phoneSnapshot);
  }

  private async readBack(userId: string, phoneType: PhoneType): Promise<PhoneMethodSnapshot | undefined> {
    return (await this.listPhoneMethods(userId)).find((method) => method.phoneType === phoneType);
  }

  /**
   * Adds a phone. A create is not sent twice blindly: after a lost answer phonedesk looks first, and
   * treats the number already being there as success.
   */
  async addPhoneMethod(userId: string, phoneType: PhoneType, graphNumber: string): Promise<PhoneWriteResult> {
    const path = `/users/${pathSegment(userId)}/authentication/phoneMethods`;
    const create = () =>
      this.call<PhoneAuthenticationMethod>(
        'phoneMethods.create',
        path,
        (request) => request.post({ phoneNumber: graphNumber, phoneType }),
        false,
      );
    const sameNumber = (method: PhoneMethodSnapshot | undefined): boolean =>
      method?.phoneNumber.replace(/\s/g, '') === graphNumber.replace(/\s/g, '');
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await create();
        return { method: phoneSnapshot(created), numberInUse: false, recovered: attempt > 1 };
      } catch (error) {
        const failure = toGraphFailure(error);
        if (failure.kind === 'number-in-use') {
          // Saved for MFA, refused for sign-in: read the method back to report its state.
          const saved = await this.readBack(userId, phoneType);
          if (saved) return { method: saved, numberInUse: true, recovered: false };
          throw failure;
        }
        if (failure.kind !== 'unavailable' || attempt > 1) throw failure;
        const existing = await this.readBack(userId, phoneType);
        if (sameNumber(existing))
          return {
            method: existing!,
            numberInUse: existing!.smsSignInState === 'phoneNumberNotUnique',
            recovered: true,
          };
        if (existing) throw failure;
      }
    }
  }

  /** Changes the number of an existing phone (PATCH is safe to repeat). */
  async updatePhoneMethod(userId: string, phoneType: PhoneType, graphNumber: string): Promise<PhoneWriteResult> {
    const path = `/users/${pathSegment(userId)}/authentication/phoneMethods/${PHONE_METHOD_IDS[phoneType]}`;
    let numberInUse = false;
    try {
      await this.call('phoneMethods.update', path, (request) => request.patch({ phoneNumber: graphNumber, phoneType }));
    } catch (error) {
      if (!(error instanceof GraphFailure) || error.kind !== 'number-in-use') throw error;
      numberInUse = true;
    }
    const method = await this.readBack(userId, phoneType);
    if (!method)
      throw new GraphFailure({
        kind: 'not-found',
        userMessage: 'The phone number was removed while phonedesk was changing it.',
        graphMessage: 'method gone after update',
        status: 404,
      });
    return { method, numberInUse: numberInUse || method.smsSignInState === 'phoneNumberNotUnique', recovered: false };
  }

  /** Removes a phone; a phone that is already gone counts as removed. */
  async deletePhoneMethod(userId: string, phoneType: PhoneType): Promise<{ alreadyGone: boolean }> {
    const path = `/users/${pathSegment(userId)}/authentication/phoneMethods/${PHONE_METHOD_IDS[phoneType]}`;
    try {
      await this.call('phoneMethods.delete', path, (request) => request.delete());
      return { alreadyGone: false };
    } catch (error) {
      if (error instanceof GraphFailure && error.kind === 'not-found') return { alreadyGone: true };
      throw error;
    }
  }

  async enableSmsSignIn(userId: string): Promise<void> {
    await this.call(
      'phoneMethods.enableSmsSignIn',
      `/users/${pathSegment(userId)}/authentication/phoneMethods/${PHONE_METHOD_IDS.mobile}/enableSmsSignIn`,
      (request) => request.post({}),
    );
  }

  async disableSmsSignIn(userId: string): Promise<void> {
    await this.call(
      'phoneMethods.disableSmsSignIn',
      `/users/${pathSegment(userId)}/authentication/phoneMethods/${PHONE_METHOD_IDS.mobile}/disableSmsSignIn`,
      (request) => request.post({}),
    );
  }

  /** Signs the user out everywhere (docs/graph-facts.md §4); any 2xx is success. */
  async revokeSignInSessions(userId: string): Promise<void> {
    await this.call('users.revokeSignInSessions', `/users/${pathSegment(userId)}/revokeSignInSessions`, (request) =>
      request.post({}),
    );
  }
}
