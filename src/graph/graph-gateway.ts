// GraphGateway: the only code that talks to Microsoft Graph. Typed operations, one $batch per sign-in snapshot,
// Graph errors turned into GraphFailure, every call seen by the observer (audit) before it is made.
import { randomUUID } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import { Client, GraphError, type GraphRequest } from '@microsoft/microsoft-graph-client';
import type {
  DirectoryObject,
  LicenseDetails,
  PhoneAuthenticationMethod,
  SmsAuthenticationMethodConfiguration,
  UnifiedRoleAssignment,
  User,
  UserRegistrationDetails,
} from '@microsoft/microsoft-graph-types';
import type { PhoneMethodSnapshot, PhoneType, SignInSnapshot, SmsPolicySnapshot, SmsPolicyTarget } from '../diagnosis/sign-in-snapshot';
import { AuthMiddleware } from './auth-middleware';
import { ROLE_TEMPLATES } from './directory-roles';
import { FetchMiddleware } from './fetch-middleware';
import { CallInfo, type GraphCallObserver } from './graph-call';
import { GraphFailure, toGraphFailure } from './graph-errors';
import { ObserverMiddleware } from './observer-middleware';
import { odataString, pathSegment, queryValue } from './odata';
import { RetryMiddleware, retryAfterMs, type RetrySettings } from './retry-middleware';
import { requesterFrom, requesterItems, type RequesterData } from './requester-reads';
import { remainingMs } from './turn-deadline';

export type { RequesterData } from './requester-reads';

export const PHONE_METHOD_IDS: Readonly<Record<PhoneType, string>> = {
  mobile: '3179e48a-750b-4051-897c-87b9720928f7',
  alternateMobile: 'b6332ec1-7057-4abe-9331-3d72feddfe41',
  office: 'e37fc753-ff3b-4958-9484-eaa9425c82bc',
};

const SMS_POLICY_PATH = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/sms';
const SMS_CONFIGURATION_TYPE = '#microsoft.graph.smsAuthenticationMethodConfiguration';
const USER_FIELDS = 'id,displayName,userPrincipalName,mail,employeeId,jobTitle,officeLocation,accountEnabled,userType';
const MAX_BATCH = 20;
/** Entra caps display names, mail and UPNs at 256 characters or less: longer text cannot match anyone. */
const MAX_SEARCH_TEXT = 256;

export interface GraphGatewayOptions {
  /** Graph root without the version, e.g. https://graph.microsoft.com or http://127.0.0.1:5080. */
  baseUrl: string;
  credential: TokenCredential;
  scope: string;
  observer: GraphCallObserver;
  timeoutMs?: number;
  retry?: Partial<RetrySettings>;
  /** How long the SMS policy is reused before it is read again. */
  policyTtlMs?: number;
  now?: () => number;
}

/** A write that Graph may half-apply: the number saved, but in use elsewhere for SMS sign-in (reference §2.2). */
export interface PhoneWriteResult {
  method: PhoneMethodSnapshot;
  numberInUse: boolean;
  /** True when a lost response was resolved by reading the state back instead of sending the write again. */
  recovered: boolean;
}

interface BatchItem {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
}

interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface CachedPolicy {
  readonly policy: SmsPolicySnapshot;
  readonly readAt: number;
}

type Collection<T> = { value: T[]; '@odata.nextLink'?: string };

/** An @odata.nextLink as a path after the version: the Graph client only follows absolute https links itself. */
function relativeToVersion(link: string): string {
  const url = new URL(link);
  return `${url.pathname.replace(/^\/(v1\.0|beta)/, '')}${url.search}`;
}

function phoneSnapshot(method: PhoneAuthenticationMethod): PhoneMethodSnapshot {
  return {
    id: method.id ?? '',
    phoneType: (method.phoneType ?? 'mobile') as PhoneType,
    phoneNumber: method.phoneNumber ?? '',
    smsSignInState: (method.smsSignInState ?? 'unknownFutureValue') as PhoneMethodSnapshot['smsSignInState'],
  };
}

function policySnapshot(configuration: SmsAuthenticationMethodConfiguration, names: ReadonlyMap<string, string>): SmsPolicySnapshot {
  // The docs show the object wrapped in "value" (reference §3); accept both shapes.
  const raw = (configuration as { value?: SmsAuthenticationMethodConfiguration }).value ?? configuration;
  const named = (id: string): { displayName?: string } => (names.has(id) ? { displayName: names.get(id) } : {});
  return {
    state: raw.state === 'enabled' ? 'enabled' : 'disabled',
    includeTargets: (raw.includeTargets ?? []).map((target) => ({
      id: target.id ?? '',
      targetType: target.targetType === 'user' ? 'user' : 'group',
      isUsableForSignIn: target.isUsableForSignIn !== false,
      ...named(target.id ?? ''),
    })),
    excludeTargets: (raw.excludeTargets ?? []).map((target) => ({
      id: target.id ?? '',
      targetType: target.targetType === 'user' ? 'user' : 'group',
      ...named(target.id ?? ''),
    })),
    telecomProviderSettings: (raw as { telecomProviderSettings?: SmsPolicySnapshot['telecomProviderSettings'] }).telecomProviderSettings ?? null,
  };
}

/** The body of one inner $batch response, or its error as a GraphFailure. */
function innerBody<T>(responses: ReadonlyMap<string, BatchResponse>, key: string): T {
  const response = responses.get(key);
  if (!response || response.status >= 400) {
    const body = response?.body as { error?: { code?: string; message?: string } } | undefined;
    const error = new GraphError(response?.status ?? 0, body?.error?.message ?? `no answer for ${key}`);
    error.code = body?.error?.code ?? null;
    error.requestId = response?.headers?.['request-id'] ?? null;
    throw toGraphFailure(error);
  }
  return response.body as T;
}

export class GraphGateway {
  private readonly client: Client;
  private readonly policyTtlMs: number;
  private readonly now: () => number;
  private readonly retry: RetrySettings;
  private cachedPolicy: CachedPolicy | undefined;
  private groupNames = new Map<string, string>();

  constructor(options: GraphGatewayOptions) {
    this.retry = { maxRetries: 4, maxRetryAfterMs: 30_000, baseDelayMs: 500, ...options.retry };
    const retry = new RetryMiddleware(this.retry);
    const auth = new AuthMiddleware(options.credential, options.scope);
    const observer = new ObserverMiddleware(options.observer);
    const fetcher = new FetchMiddleware(options.timeoutMs ?? 10_000);
    retry.setNext(auth);
    auth.setNext(observer);
    observer.setNext(fetcher);
    this.client = Client.initWithMiddleware({ middleware: retry, baseUrl: options.baseUrl, defaultVersion: 'v1.0' });
    this.policyTtlMs = options.policyTtlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** One logical call: a fresh client-request-id and failures as GraphFailure. */
  private async call<T>(
    operation: string,
    path: string,
    send: (request: GraphRequest) => Promise<T>,
    replayable = true,
    batch?: CallInfo['batch'],
  ): Promise<T> {
    const info = new CallInfo(operation, randomUUID(), replayable, batch);
    try {
      return await send(this.client.api(path).middlewareOptions([info]));
    } catch (error) {
      throw toGraphFailure(error, info.clientRequestId, info.answerLost);
    }
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
      request.filter(queryValue(`startswith(displayName,${odataString(prefix)})`)).select(USER_FIELDS).top(top).get(),
    );
    return page.value;
  }

  /** The user, or undefined when Graph does not know them. */
  async getUser(idOrUpn: string): Promise<User | undefined> {
    try {
      return await this.call<User>('users.get', `/users/${pathSegment(idOrUpn)}`, (request) => request.select(USER_FIELDS).get());
    } catch (error) {
      if (error instanceof GraphFailure && error.kind === 'not-found') return undefined;
      throw error;
    }
  }


  // ---- $batch ----

  /**
   * Sends up to 20 requests in one $batch. Inner 429/503/504 answers to reads are retried on their own,
   * honouring their Retry-After, within the same bounds as single requests.
   */
  async batch(operation: string, items: BatchItem[]): Promise<Map<string, BatchResponse>> {
    if (items.length > MAX_BATCH) throw new Error(`a $batch holds at most ${MAX_BATCH} requests`);
    const results = new Map<string, BatchResponse>();
    let pending = items;
    for (let round = 0; pending.length > 0; round++) {
      const body = { requests: pending.map((item) => ({ id: item.id, method: item.method, url: item.url })) };
      const reply = await this.call<{ responses: BatchResponse[] }>(
        operation,
        '/$batch',
        (request) => request.post(body),
        pending.every((item) => item.method === 'GET'),
        body.requests,
      );
      const retry: BatchItem[] = [];
      let wait = 0;
      for (const response of reply.responses) {
        const item = pending.find((candidate) => candidate.id === response.id);
        const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
        const again = item?.method === 'GET' && [429, 503, 504].includes(response.status) && round < this.retry.maxRetries;
        const advised = retryAfterMs(headers['retry-after'] ?? null) ?? this.retry.baseDelayMs * 2 ** round;
        if (item && again && advised <= this.retry.maxRetryAfterMs && advised < remainingMs()) {
          retry.push(item);
          wait = Math.max(wait, advised);
        } else {
          results.set(response.id, { ...response, headers });
        }
      }
      pending = retry;
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    return results;
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
  async snapshotForRequester(userId: string, requesterId: string): Promise<{ snapshot: SignInSnapshot; requester: RequesterData }> {
    const { snapshot, requester } = await this.readSnapshot(userId, requesterId);
    return { snapshot, requester: requester! };
  }

  private profileFrom(responses: ReadonlyMap<string, BatchResponse>, prefix: string): RequesterData {
    return requesterFrom(<T>(key: string) => innerBody<T>(responses, key), prefix);
  }

  private async readSnapshot(userId: string, requesterId: string | undefined): Promise<{ snapshot: SignInSnapshot; requester?: RequesterData }> {
    const id = pathSegment(userId);
    // Taken once: a policy change may empty the cache while the batch is out, and this read must not see that.
    const cached = this.cachedPolicy !== undefined && this.now() - this.cachedPolicy.readAt < this.policyTtlMs ? this.cachedPolicy : undefined;
    const policyFresh = cached !== undefined;
    const items: BatchItem[] = [
      { id: 'user', method: 'GET', url: `/users/${id}?$select=${USER_FIELDS},signInSessionsValidFromDateTime` },
      { id: 'phones', method: 'GET', url: `/users/${id}/authentication/phoneMethods` },
      { id: 'memberships', method: 'GET', url: `/users/${id}/transitiveMemberOf?$select=id,displayName&$top=999` },
      { id: 'licences', method: 'GET', url: `/users/${id}/licenseDetails?$select=skuPartNumber` },
      { id: 'roles', method: 'GET', url: `/roleManagement/directory/roleAssignments?$filter=${queryValue(`principalId eq ${odataString(userId)}`)}` },
      { id: 'registration', method: 'GET', url: `/reports/authenticationMethods/userRegistrationDetails/${id}?$select=userPreferredMethodForSecondaryAuthentication` },
      { id: 'manager', method: 'GET', url: `/users/${id}/manager?$select=id` },
      ...(policyFresh ? [] : [{ id: 'policy', method: 'GET' as const, url: SMS_POLICY_PATH }]),
      ...(requesterId ? requesterItems('requester.', requesterId) : []),
    ];
    const responses = await this.batch('users.signInSnapshot', items);
    const ok = <T>(key: string): T => innerBody<T>(responses, key);
    const user = ok<User>('user');
    const memberships = ok<Collection<DirectoryObject & { displayName?: string; '@odata.type'?: string }>>('memberships').value;
    const groups = memberships.filter((item) => item['@odata.type'] === '#microsoft.graph.group');
    for (const group of groups) if (group.id && group.displayName) this.groupNames.set(group.id, group.displayName);
    const policy = cached ? cached.policy : this.rememberPolicy(ok<SmsAuthenticationMethodConfiguration>('policy'));
    // The registration report needs AuditLog.Read.All; without it the default method is simply unknown.
    const registration = responses.get('registration');
    const defaultMfaMethod = registration && registration.status < 400 ? (registration.body as UserRegistrationDetails).userPreferredMethodForSecondaryAuthentication ?? undefined : undefined;
    // No manager is a 404, not a failure.
    const manager = responses.get('manager');
    const managerId = manager && manager.status < 400 ? (manager.body as DirectoryObject).id ?? undefined : undefined;
    const snapshot: SignInSnapshot = {
      user: {
        id: user.id ?? userId,
        displayName: user.displayName ?? user.userPrincipalName ?? userId,
        userPrincipalName: user.userPrincipalName ?? '',
        accountEnabled: user.accountEnabled !== false,
        userType: user.userType === 'Guest' ? 'Guest' : 'Member',
        ...(user.jobTitle && { jobTitle: user.jobTitle }),
        ...(user.signInSessionsValidFromDateTime && { signInSessionsValidFromDateTime: user.signInSessionsValidFromDateTime }),
        ...(managerId && { managerId }),
      },
      phoneMethods: ok<Collection<PhoneAuthenticationMethod>>('phones').value.map(phoneSnapshot),
      licenses: ok<Collection<LicenseDetails>>('licences').value.map((licence) => licence.skuPartNumber ?? '').filter((sku) => sku !== ''),
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
    if (!options.fresh && this.cachedPolicy && this.now() - this.cachedPolicy.readAt < this.policyTtlMs && !options.withGroupNames) {
      return this.cachedPolicy.policy;
    }
    const configuration = await this.call<SmsAuthenticationMethodConfiguration>('policy.sms.get', SMS_POLICY_PATH, (request) => request.get());
    let policy = this.rememberPolicy(configuration);
    if (options.withGroupNames) {
      const unknown = [...policy.includeTargets, ...policy.excludeTargets]
        .filter((target) => target.targetType === 'group' && target.id !== 'all_users' && !this.groupNames.has(target.id))
        .map((target) => target.id);
      for (let start = 0; start < unknown.length; start += 15) {
        const ids = unknown.slice(start, start + 15).map(odataString).join(',');
        const page = await this.call<Collection<{ id: string; displayName: string }>>('groups.names', '/groups', (request) =>
          request.filter(queryValue(`id in (${ids})`)).select('id,displayName').get(),
        );
        for (const group of page.value) this.groupNames.set(group.id, group.displayName);
      }
      policy = this.rememberPolicy(configuration);
    }
    return policy;
  }

  /** Ticks or unticks "Use for sign-in" for one include target (tenant-wide; reference §3). */
  async setUseForSignIn(targetId: string, useForSignIn: boolean): Promise<SmsPolicySnapshot> {
    const current = await this.smsPolicy({ fresh: true });
    const target = current.includeTargets.find((candidate) => candidate.id === targetId);
    if (!target) {
      throw new GraphFailure({ kind: 'not-found', userMessage: 'That group is no longer a target of the SMS sign-in policy.', graphMessage: `no include target ${targetId}`, status: 404 });
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
    const create = () => this.call<PhoneAuthenticationMethod>('phoneMethods.create', path, (request) => request.post({ phoneNumber: graphNumber, phoneType }), false);
    const sameNumber = (method: PhoneMethodSnapshot | undefined): boolean => method?.phoneNumber.replace(/\s/g, '') === graphNumber.replace(/\s/g, '');
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
        if (sameNumber(existing)) return { method: existing!, numberInUse: existing!.smsSignInState === 'phoneNumberNotUnique', recovered: true };
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
    if (!method) throw new GraphFailure({ kind: 'not-found', userMessage: 'The phone number was removed while phonedesk was changing it.', graphMessage: 'method gone after update', status: 404 });
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
    await this.call('phoneMethods.enableSmsSignIn', `/users/${pathSegment(userId)}/authentication/phoneMethods/${PHONE_METHOD_IDS.mobile}/enableSmsSignIn`, (request) =>
      request.post({}),
    );
  }

  async disableSmsSignIn(userId: string): Promise<void> {
    await this.call('phoneMethods.disableSmsSignIn', `/users/${pathSegment(userId)}/authentication/phoneMethods/${PHONE_METHOD_IDS.mobile}/disableSmsSignIn`, (request) =>
      request.post({}),
    );
  }

  /** Signs the user out everywhere (reference §4.1); any 2xx is success. */
  async revokeSignInSessions(userId: string): Promise<void> {
    await this.call('users.revokeSignInSessions', `/users/${pathSegment(userId)}/revokeSignInSessions`, (request) => request.post({}));
  }

  // ---- who holds a number ----

  /** One page of users with a mobile phone registered (reference §4.7), for the number index sweep. */
  async mobileRegistrations(nextLink?: string, pageSize = 999): Promise<{ userIds: string[]; nextLink: string | undefined }> {
    const page = nextLink
      ? await this.call<Collection<UserRegistrationDetails>>('reports.mobileRegistrations', relativeToVersion(nextLink), (request) => request.get())
      : await this.call<Collection<UserRegistrationDetails>>('reports.mobileRegistrations', '/reports/authenticationMethods/userRegistrationDetails', (request) =>
          request.filter(queryValue(`methodsRegistered/any(t: t eq 'mobilePhone')`)).select('id').top(pageSize).get(),
        );
    return { userIds: page.value.map((item) => item.id ?? '').filter((id) => id !== ''), nextLink: page['@odata.nextLink'] };
  }

  /** One page of a group's users, direct or through nested groups (src/access/approver-roster.ts reads all pages). */
  async groupUserIds(groupId: string, nextLink?: string, pageSize = 999): Promise<{ userIds: string[]; nextLink: string | undefined }> {
    const path = nextLink ? relativeToVersion(nextLink) : `/groups/${pathSegment(groupId)}/transitiveMembers/microsoft.graph.user`;
    const page = await this.call<Collection<DirectoryObject>>('groups.transitiveUsers', path, (request) => (nextLink ? request.get() : request.select('id').top(pageSize).get()));
    return { userIds: page.value.map((item) => item.id ?? '').filter((id) => id !== ''), nextLink: page['@odata.nextLink'] };
  }

  /** Store units and manager of up to 10 users in one $batch, to check a requester's scope over them. */
  async scopesOf(userIds: readonly string[]): Promise<Map<string, { administrativeUnitIds: string[]; managerId: string | undefined }>> {
    const items = userIds.flatMap((userId, index) => [
      { id: `a${index}`, method: 'GET' as const, url: `/users/${pathSegment(userId)}/transitiveMemberOf/microsoft.graph.administrativeUnit?$select=id` },
      { id: `m${index}`, method: 'GET' as const, url: `/users/${pathSegment(userId)}/manager?$select=id` },
    ]);
    const responses = await this.batch('users.scopes', items);
    const result = new Map<string, { administrativeUnitIds: string[]; managerId: string | undefined }>();
    userIds.forEach((userId, index) => {
      const units = responses.get(`a${index}`);
      if (!units || units.status >= 400) return;
      const manager = responses.get(`m${index}`);
      result.set(userId, {
        administrativeUnitIds: (units.body as Collection<DirectoryObject>).value.map((unit) => unit.id ?? ''),
        managerId: manager && manager.status < 400 ? (manager.body as DirectoryObject).id ?? undefined : undefined,
      });
    });
    return result;
  }

  /** Names and phone methods of up to 10 users in one $batch (to confirm who holds a number). */
  async phoneMethodsWithNames(userIds: readonly string[]): Promise<Map<string, { displayName: string; methods: PhoneMethodSnapshot[] }>> {
    const items = userIds.flatMap((userId, index) => [
      { id: `u${index}`, method: 'GET' as const, url: `/users/${pathSegment(userId)}?$select=id,displayName` },
      { id: `p${index}`, method: 'GET' as const, url: `/users/${pathSegment(userId)}/authentication/phoneMethods` },
    ]);
    const responses = await this.batch('phoneMethods.confirmHolders', items);
    const result = new Map<string, { displayName: string; methods: PhoneMethodSnapshot[] }>();
    userIds.forEach((userId, index) => {
      const user = responses.get(`u${index}`);
      const phones = responses.get(`p${index}`);
      if (!user || !phones || user.status >= 400 || phones.status >= 400) return;
      result.set(userId, {
        displayName: (user.body as User).displayName ?? userId,
        methods: (phones.body as Collection<PhoneAuthenticationMethod>).value.map(phoneSnapshot),
      });
    });
    return result;
  }

  /** Phone methods of up to 20 users in one $batch; users Graph no longer knows are left out. */
  async phoneMethodsOf(userIds: readonly string[]): Promise<Map<string, PhoneMethodSnapshot[]>> {
    const items = userIds.map((userId, index) => ({ id: String(index), method: 'GET' as const, url: `/users/${pathSegment(userId)}/authentication/phoneMethods` }));
    const responses = await this.batch('phoneMethods.listMany', items);
    const result = new Map<string, PhoneMethodSnapshot[]>();
    userIds.forEach((userId, index) => {
      const response = responses.get(String(index));
      if (response && response.status < 400) result.set(userId, (response.body as Collection<PhoneAuthenticationMethod>).value.map(phoneSnapshot));
    });
    return result;
  }
}
