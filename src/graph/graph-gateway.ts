// GraphGateway: the only code that talks to Microsoft Graph. Typed operations over the transport (graph-transport.ts):
// one $batch per sign-in snapshot, the SMS policy cache, phone-method writes that recover a lost answer by reading back.
import type {
  DirectoryObject,
  LicenseDetails,
  PhoneAuthenticationMethod,
  SmsAuthenticationMethodConfiguration,
  UnifiedRoleAssignment,
  User,
  UserRegistrationDetails,
} from '@microsoft/microsoft-graph-types';
import type {
  PhoneMethodSnapshot,
  PhoneType,
  SignInSnapshot,
  SmsPolicySnapshot,
  SmsPolicyTarget,
} from '../snapshot/sign-in-snapshot';
import { ROLE_TEMPLATES } from './directory-roles';
import { GraphFailure, toGraphFailure } from './graph-errors';
import { DirectoryReads } from './directory-reads';
import type { GraphGatewayOptions } from './graph-transport';
import { innerBody, type BatchItem, type BatchResponse, type Collection } from './graph-wire';
import { odataString, pathSegment, queryValue } from './odata';
import { requesterFrom, requesterItems, type RequesterData } from './requester-reads';
import { PHONE_METHOD_IDS, phoneSnapshot, policySnapshot } from './snapshot-mapping';

export type { GraphGatewayOptions } from './graph-transport';
export { PHONE_METHOD_IDS } from './snapshot-mapping';
export type { RequesterData } from './requester-reads';

const SMS_POLICY_PATH = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/sms';
const SMS_CONFIGURATION_TYPE = '#microsoft.graph.smsAuthenticationMethodConfiguration';
const USER_FIELDS = 'id,displayName,userPrincipalName,mail,employeeId,jobTitle,officeLocation,accountEnabled,userType';
/** Entra caps display names, mail and UPNs at 256 characters or less: longer text cannot match anyone. */
const MAX_SEARCH_TEXT = 256;

/** A write Graph may half-apply: the number saved, but held elsewhere for SMS sign-in (docs/graph-facts.md §2.4). */
export interface PhoneWriteResult {
  method: PhoneMethodSnapshot;
  numberInUse: boolean;
  /** True when a lost response was resolved by reading the state back instead of sending the write again. */
  recovered: boolean;
}

interface CachedPolicy {
  readonly policy: SmsPolicySnapshot;
  readonly readAt: number;
}

export class GraphGateway extends DirectoryReads {
  private readonly policyTtlMs: number;
  private readonly now: () => number;
  private cachedPolicy: CachedPolicy | undefined;
  private groupNames = new Map<string, string>();

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

  // ---- sign-in snapshot ----

  /**
   * Everything the diagnosis needs about one user in one $batch (plus the cached SMS policy):
   * the user, phone methods, memberships, licences, role assignments, default MFA method.
   */
  async signInSnapshot(userId: string): Promise<SignInSnapshot> {
    return (await this.readSnapshot(userId, undefined)).snapshot;
  }

  /**
   * The snapshot plus the groups and roles of the person asking, still in one $batch: "status of Bob" is
   * then one round trip after finding Bob, scope check included.
   */
  async snapshotForRequester(
    userId: string,
    requesterId: string,
  ): Promise<{ snapshot: SignInSnapshot; requester: RequesterData }> {
    const { snapshot, requester } = await this.readSnapshot(userId, requesterId);
    return { snapshot, requester: requester! };
  }

  private profileFrom(responses: ReadonlyMap<string, BatchResponse>, prefix: string): RequesterData {
    return requesterFrom(<T>(key: string) => innerBody<T>(responses, key), prefix);
  }

  private async readSnapshot(
    userId: string,
    requesterId: string | undefined,
  ): Promise<{ snapshot: SignInSnapshot; requester?: RequesterData }> {
    const id = pathSegment(userId);
    // Taken once: a policy change may empty the cache while the batch is out, and this read must not see that.
    const cached =
      this.cachedPolicy !== undefined && this.now() - this.cachedPolicy.readAt < this.policyTtlMs
        ? this.cachedPolicy
        : undefined;
    const policyFresh = cached !== undefined;
    const items: BatchItem[] = [
      { id: 'user', method: 'GET', url: `/users/${id}?$select=${USER_FIELDS},signInSessionsValidFromDateTime` },
      { id: 'phones', method: 'GET', url: `/users/${id}/authentication/phoneMethods` },
      { id: 'memberships', method: 'GET', url: `/users/${id}/transitiveMemberOf?$select=id,displayName&$top=999` },
      { id: 'licences', method: 'GET', url: `/users/${id}/licenseDetails?$select=skuPartNumber` },
      {
        id: 'roles',
        method: 'GET',
        url: `/roleManagement/directory/roleAssignments?$filter=${queryValue(`principalId eq ${odataString(userId)}`)}`,
      },
      {
        id: 'registration',
        method: 'GET',
        url: `/reports/authenticationMethods/userRegistrationDetails/${id}?$select=userPreferredMethodForSecondaryAuthentication`,
      },
      { id: 'manager', method: 'GET', url: `/users/${id}/manager?$select=id` },
      ...(policyFresh ? [] : [{ id: 'policy', method: 'GET' as const, url: SMS_POLICY_PATH }]),
      ...(requesterId ? requesterItems('requester.', requesterId) : []),
    ];
    const responses = await this.batch('users.signInSnapshot', items);
    const ok = <T>(key: string): T => innerBody<T>(responses, key);
    const user = ok<User>('user');
    const memberships =
      ok<Collection<DirectoryObject & { displayName?: string; '@odata.type'?: string }>>('memberships').value;
    const groups = memberships.filter((item) => item['@odata.type'] === '#microsoft.graph.group');
    for (const group of groups) if (group.id && group.displayName) this.groupNames.set(group.id, group.displayName);
    const policy = cached ? cached.policy : this.rememberPolicy(ok<SmsAuthenticationMethodConfiguration>('policy'));
    // The registration report needs AuditLog.Read.All; without it the default method is simply unknown.
    const registration = responses.get('registration');
    const defaultMfaMethod =
      registration && registration.status < 400
        ? ((registration.body as UserRegistrationDetails).userPreferredMethodForSecondaryAuthentication ?? undefined)
        : undefined;
    // No manager is a 404, not a failure.
    const manager = responses.get('manager');
    const managerId = manager && manager.status < 400 ? ((manager.body as DirectoryObject).id ?? undefined) : undefined;
    const snapshot: SignInSnapshot = {
      user: {
        id: user.id ?? userId,
        displayName: user.displayName ?? user.userPrincipalName ?? userId,
        userPrincipalName: user.userPrincipalName ?? '',
        accountEnabled: user.accountEnabled !== false,
        userType: user.userType === 'Guest' ? 'Guest' : 'Member',
        ...(user.jobTitle && { jobTitle: user.jobTitle }),
        ...(user.signInSessionsValidFromDateTime && {
          signInSessionsValidFromDateTime: user.signInSessionsValidFromDateTime,
        }),
        ...(managerId && { managerId }),
      },
      phoneMethods: ok<Collection<PhoneAuthenticationMethod>>('phones').value.map(phoneSnapshot),
      licenses: ok<Collection<LicenseDetails>>('licences')
        .value.map((licence) => licence.skuPartNumber ?? '')
        .filter((sku) => sku !== ''),
      groups: groups.map((group) => ({ id: group.id ?? '', displayName: group.displayName ?? '' })),
      administrativeUnits: memberships
        .filter((item) => item['@odata.type'] === '#microsoft.graph.administrativeUnit')
        .map((unit) => ({ id: unit.id ?? '', displayName: unit.displayName ?? '' })),
      roles: ok<Collection<UnifiedRoleAssignment>>('roles').value.map((assignment) => ({
        roleTemplateId: assignment.roleDefinitionId ?? '',
        displayName: ROLE_TEMPLATES[assignment.roleDefinitionId ?? '']?.displayName ?? 'an admin role',
        directoryScopeId: assignment.directoryScopeId ?? '/',
      })),
      ...(defaultMfaMethod && defaultMfaMethod !== 'none' && { defaultMfaMethod }),
      policy,
      readAt: new Date(this.now()).toISOString(),
    };
    return { snapshot, ...(requesterId && { requester: this.profileFrom(responses, 'requester.') }) };
  }

  /** The groups and directory roles of a person who asks or approves, in one $batch. */
  async requesterProfile(userId: string): Promise<RequesterData> {
    const responses = await this.batch('users.requesterProfile', requesterItems('', userId));
    return this.profileFrom(responses, '');
  }

  // ---- SMS policy ----

  private rememberPolicy(configuration: SmsAuthenticationMethodConfiguration): SmsPolicySnapshot {
    const policy = policySnapshot(configuration, this.groupNames);
    this.cachedPolicy = { policy, readAt: this.now() };
    return policy;
  }

  /** The SMS policy, reused for a short while; target group names are filled in where known. */
  async smsPolicy(options: { fresh?: boolean; withGroupNames?: boolean } = {}): Promise<SmsPolicySnapshot> {
    if (
      !options.fresh &&
      this.cachedPolicy &&
      this.now() - this.cachedPolicy.readAt < this.policyTtlMs &&
      !options.withGroupNames
    ) {
      return this.cachedPolicy.policy;
    }
    const configuration = await this.call<SmsAuthenticationMethodConfiguration>(
      'policy.sms.get',
      SMS_POLICY_PATH,
      (request) => request.get(),
    );
    let policy = this.rememberPolicy(configuration);
    if (options.withGroupNames) {
      const unknown = [...policy.includeTargets, ...policy.excludeTargets]
        .filter(
          (target) => target.targetType === 'group' && target.id !== 'all_users' && !this.groupNames.has(target.id),
        )
        .map((target) => target.id);
      for (let start = 0; start < unknown.length; start += 15) {
        const ids = unknown
          .slice(start, start + 15)
          .map(odataString)
          .join(',');
        const page = await this.call<Collection<{ id: string; displayName: string }>>(
          'groups.names',
          '/groups',
          (request) =>
            request
              .filter(queryValue(`id in (${ids})`))
              .select('id,displayName')
              .get(),
        );
        for (const group of page.value) this.groupNames.set(group.id, group.displayName);
      }
      policy = this.rememberPolicy(configuration);
    }
    return policy;
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
    this.cachedPolicy = undefined;
    await this.call('policy.sms.setUseForSignIn', SMS_POLICY_PATH, (request) =>
      request.patch({ '@odata.type': SMS_CONFIGURATION_TYPE, includeTargets }),
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
