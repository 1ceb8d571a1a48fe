// The simulated tenant's state and Graph's documented rules for phone methods and SMS sign-in.
// HTTP concerns live in the route modules; this class only knows the directory.
import { createHash, randomUUID } from 'node:crypto';
import { ROLE_TEMPLATES } from '../graph/directory-roles';
import { GraphHttpError, badRequest, notFound } from './graph-error';
import { parseGraphPhoneNumber, type GraphPhoneNumber } from './graph-phone-format';
import type {
  DefaultMfaMethod,
  PhoneType,
  Seed,
  SeedExcludeTarget,
  SeedGroup,
  SeedRoleAssignment,
  SeedSmsIncludeTarget,
  SeedSmsPolicy,
  SeedTelecomProviderSettings,
  SeedUser,
  SmsSignInRegistration,
} from './seed';

/** Well-known phone method ids, fixed per type (reference §1). */
export const PHONE_METHOD_IDS: Readonly<Record<PhoneType, string>> = {
  mobile: '3179e48a-750b-4051-897c-87b9720928f7',
  alternateMobile: 'b6332ec1-7057-4abe-9331-3d72feddfe41',
  office: 'e37fc753-ff3b-4958-9484-eaa9425c82bc',
};

export const PHONE_TYPE_BY_METHOD_ID: Readonly<Record<string, PhoneType>> = Object.fromEntries(
  Object.entries(PHONE_METHOD_IDS).map(([type, id]) => [id, type as PhoneType]),
);

export type SmsSignInState = 'notSupported' | 'notAllowedByPolicy' | 'notConfigured' | 'phoneNumberNotUnique' | 'ready' | 'notEnabled';

export interface PhoneMethodRecord {
  phoneType: PhoneType;
  number: GraphPhoneNumber;
  /** Meaningful for mobile only. */
  registration: SmsSignInRegistration;
}

export interface UserRecord {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  employeeId: string | null;
  jobTitle: string | null;
  officeLocation: string | null;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  licenses: string[];
  manager: string | undefined;
  phoneMethods: Map<PhoneType, PhoneMethodRecord>;
  defaultMfaMethod: DefaultMfaMethod | undefined;
  otherMethodsRegistered: string[];
  signInSessionsValidFromDateTime: string;
}

export interface GroupRecord {
  id: string;
  displayName: string;
  description: string | null;
  members: Set<string>;
}

export interface AdministrativeUnitRecord {
  id: string;
  displayName: string;
  description: string | null;
  members: Set<string>;
}

export interface RoleAssignmentRecord {
  id: string;
  principalId: string;
  roleDefinitionId: string;
  directoryScopeId: string;
}

export interface SmsPolicyRecord {
  state: 'enabled' | 'disabled';
  includeTargets: SeedSmsIncludeTarget[];
  excludeTargets: SeedExcludeTarget[];
  telecomProviderSettings: SeedTelecomProviderSettings | null;
}

/** A seed that contradicts itself; the message names the offending entry. */
export class SeedError extends Error {
  override name = 'SeedError';
}

/** Outcome of a write that Graph can half-apply (409 phoneNumberNotUnique with the method saved). */
export interface PhoneWriteResult {
  method: PhoneMethodRecord;
  notUnique: boolean;
}

const SEED_EPOCH = '2026-01-01T00:00:00Z';

/** The number is saved for MFA but another account holds it for SMS sign-in (reference §2.2). */
export function phoneNumberNotUnique(): GraphHttpError {
  return new GraphHttpError(
    409,
    'phoneNumberNotUnique',
    'The phone number is already used by another user for SMS sign-in. The phone method was saved, but it cannot be used for SMS sign-in.',
  );
}

export class Tenant {
  readonly id: string;
  readonly displayName: string;
  readonly domain: string;
  private readonly users = new Map<string, UserRecord>();
  private readonly usersByUpn = new Map<string, string>();
  /** Lower-cased mail and employee id → user ids, for the equality filters phonedesk sends most. */
  private readonly usersByMail = new Map<string, string[]>();
  private readonly usersByEmployeeId = new Map<string, string[]>();
  private readonly groups = new Map<string, GroupRecord>();
  private readonly units = new Map<string, AdministrativeUnitRecord>();
  private readonly assignments: RoleAssignmentRecord[] = [];
  /** Direct memberships: member object id → group ids. */
  private readonly memberOf = new Map<string, Set<string>>();
  private readonly unitsOfMember = new Map<string, Set<string>>();
  /** E.164 → the user whose mobile is registered for SMS sign-in with it. */
  private readonly smsRegistry = new Map<string, string>();
  private policy: SmsPolicyRecord;

  constructor(seed: Seed) {
    this.id = seed.tenant.id;
    this.displayName = seed.tenant.displayName;
    this.domain = seed.tenant.domain;
    this.policy = {
      state: seed.smsPolicy.state,
      includeTargets: seed.smsPolicy.includeTargets.map((target) => ({ ...target })),
      excludeTargets: seed.smsPolicy.excludeTargets.map((target) => ({ ...target })),
      telecomProviderSettings: seed.smsPolicy.telecomProviderSettings ?? null,
    };
    for (const user of seed.users) this.loadUser(user);
    for (const group of seed.groups) this.loadGroup(group);
    for (const unit of seed.administrativeUnits) {
      if (this.units.has(unit.id)) throw new SeedError(`administrative unit ${unit.id} appears twice`);
      for (const member of unit.members) {
        if (!this.users.has(member) && !seed.groups.some((group) => group.id === member)) {
          throw new SeedError(`administrative unit "${unit.displayName}" lists unknown member ${member}`);
        }
        this.index(this.unitsOfMember, member, unit.id);
      }
      this.units.set(unit.id, { id: unit.id, displayName: unit.displayName, description: unit.description ?? null, members: new Set(unit.members) });
    }
    const scoped: SeedRoleAssignment[] = seed.administrativeUnits.flatMap((unit) =>
      (unit.scopedRoleMembers ?? []).map((member) => ({
        principalId: member.userId,
        roleTemplateId: member.roleTemplateId,
        directoryScopeId: `/administrativeUnits/${unit.id}`,
      })),
    );
    for (const assignment of [...seed.roleAssignments, ...scoped]) this.loadAssignment(assignment);
    for (const user of seed.users) {
      if (user.manager !== undefined && !this.users.has(user.manager)) {
        throw new SeedError(`user ${user.userPrincipalName} has unknown manager ${user.manager}`);
      }
    }
    try {
      this.validatePolicyTargets(this.policy);
    } catch (error) {
      throw new SeedError(`smsPolicy: ${(error as Error).message}`);
    }
    // Phone methods last: automatic registration depends on the policy and on group membership.
    for (const user of seed.users) this.loadPhoneMethods(user);
  }

  // ---- loading ----

  private loadUser(seed: SeedUser): void {
    if (this.users.has(seed.id)) throw new SeedError(`user id ${seed.id} appears twice`);
    const upn = seed.userPrincipalName.toLowerCase();
    if (this.usersByUpn.has(upn)) throw new SeedError(`userPrincipalName ${seed.userPrincipalName} appears twice`);
    this.users.set(seed.id, {
      id: seed.id,
      userPrincipalName: seed.userPrincipalName,
      displayName: seed.displayName,
      givenName: seed.givenName ?? null,
      surname: seed.surname ?? null,
      mail: seed.mail ?? null,
      employeeId: seed.employeeId ?? null,
      jobTitle: seed.jobTitle ?? null,
      officeLocation: seed.officeLocation ?? null,
      accountEnabled: seed.accountEnabled,
      userType: seed.userType,
      licenses: [...seed.licenses],
      manager: seed.manager,
      phoneMethods: new Map(),
      defaultMfaMethod: seed.defaultMfaMethod,
      otherMethodsRegistered: [...(seed.otherMethodsRegistered ?? [])],
      signInSessionsValidFromDateTime: seed.signInSessionsValidFromDateTime ?? SEED_EPOCH,
    });
    this.usersByUpn.set(upn, seed.id);
    if (seed.mail) this.usersByMail.set(seed.mail.toLowerCase(), [...(this.usersByMail.get(seed.mail.toLowerCase()) ?? []), seed.id]);
    if (seed.employeeId) {
      const key = seed.employeeId.toLowerCase();
      this.usersByEmployeeId.set(key, [...(this.usersByEmployeeId.get(key) ?? []), seed.id]);
    }
  }

  private loadGroup(seed: SeedGroup): void {
    if (this.groups.has(seed.id) || this.users.has(seed.id)) throw new SeedError(`group id ${seed.id} appears twice`);
    this.groups.set(seed.id, { id: seed.id, displayName: seed.displayName, description: seed.description ?? null, members: new Set(seed.members) });
    for (const member of seed.members) this.index(this.memberOf, member, seed.id);
  }

  private loadAssignment(seed: SeedRoleAssignment): void {
    if (!ROLE_TEMPLATES[seed.roleTemplateId]) throw new SeedError(`role assignment uses unknown role template ${seed.roleTemplateId}`);
    if (!this.users.has(seed.principalId) && !this.groups.has(seed.principalId)) {
      throw new SeedError(`role assignment names unknown principal ${seed.principalId}`);
    }
    const unit = /^\/administrativeUnits\/(.+)$/.exec(seed.directoryScopeId);
    if (seed.directoryScopeId !== '/' && !(unit && this.units.has(unit[1]))) {
      throw new SeedError(`role assignment has unknown scope ${seed.directoryScopeId}`);
    }
    this.assignments.push({
      id: seed.id ?? randomUUID(),
      principalId: seed.principalId,
      roleDefinitionId: seed.roleTemplateId,
      directoryScopeId: seed.directoryScopeId,
    });
  }

  private loadPhoneMethods(seed: SeedUser): void {
    const user = this.users.get(seed.id)!;
    const methods = [...(seed.phoneMethods ?? [])].sort((a, b) => (a.phoneType === 'mobile' ? -1 : b.phoneType === 'mobile' ? 1 : 0));
    for (const method of methods) {
      const where = `user ${seed.userPrincipalName}, ${method.phoneType} ${method.phoneNumber}`;
      if (user.phoneMethods.has(method.phoneType)) throw new SeedError(`${where}: a user has at most one phone of each type`);
      if (method.phoneType === 'alternateMobile' && !methods.some((m) => m.phoneType === 'mobile')) {
        throw new SeedError(`${where}: an alternateMobile needs a mobile`);
      }
      const number = parseGraphPhoneNumber(method.phoneNumber);
      if (!number) throw new SeedError(`${where}: not in Graph's format "+{country code} {number}"`);
      if (number.extension && method.phoneType !== 'office') throw new SeedError(`${where}: only office phones have extensions`);
      if (method.smsSignIn !== undefined && method.phoneType !== 'mobile') throw new SeedError(`${where}: smsSignIn applies to mobile phones only`);
      const record: PhoneMethodRecord = { phoneType: method.phoneType, number, registration: 'notRegistered' };
      user.phoneMethods.set(method.phoneType, record);
      if (method.phoneType !== 'mobile') continue;
      if (method.smsSignIn === undefined) {
        this.attemptRegistration(user, record);
      } else if (method.smsSignIn === 'registered') {
        const holder = this.smsRegistry.get(number.e164);
        if (holder !== undefined) throw new SeedError(`${where}: already registered for SMS sign-in by user ${holder}`);
        record.registration = 'registered';
        this.smsRegistry.set(number.e164, user.id);
      } else {
        record.registration = method.smsSignIn;
      }
    }
    if (seed.defaultMfaMethod !== undefined && !this.defaultMethodPhoneType(user)) {
      if (['sms', 'voiceMobile', 'voiceAlternateMobile', 'voiceOffice'].includes(seed.defaultMfaMethod)) {
        throw new SeedError(`user ${seed.userPrincipalName}: default MFA method ${seed.defaultMfaMethod} needs that phone`);
      }
    }
  }

  private index(map: Map<string, Set<string>>, key: string, value: string): void {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(value);
  }

  private validatePolicyTargets(policy: SmsPolicyRecord): void {
    for (const target of [...policy.includeTargets, ...policy.excludeTargets]) {
      if (target.id === 'all_users' && target.targetType === 'group') continue;
      const known = target.targetType === 'group' ? this.groups.has(target.id) : this.users.has(target.id);
      if (!known) throw badRequest(`The policy target ${target.targetType} '${target.id}' does not exist in the directory.`, 'badRequest');
    }
  }

  // ---- directory reads ----

  get userCount(): number {
    return this.users.size;
  }

  allUsers(): IterableIterator<UserRecord> {
    return this.users.values();
  }

  /** By object id or userPrincipalName (case-insensitive), as /users/{id | userPrincipalName}. */
  findUser(idOrUpn: string): UserRecord | undefined {
    return this.users.get(idOrUpn) ?? this.users.get(this.usersByUpn.get(idOrUpn.toLowerCase()) ?? '');
  }

  /** Users whose indexed property equals the value (case-insensitive); undefined if the property has no index. */
  usersWithIndexed(property: string, value: string): UserRecord[] | undefined {
    const ids = (() => {
      switch (property) {
        case 'id':
          return this.users.has(value) ? [value] : [];
        case 'userPrincipalName': {
          const id = this.usersByUpn.get(value.toLowerCase());
          return id === undefined ? [] : [id];
        }
        case 'mail':
          return this.usersByMail.get(value.toLowerCase()) ?? [];
        case 'employeeId':
          return this.usersByEmployeeId.get(value.toLowerCase()) ?? [];
        default:
          return undefined;
      }
    })();
    return ids?.map((id) => this.users.get(id)!);
  }

  user(idOrUpn: string): UserRecord {
    const user = this.findUser(idOrUpn);
    if (!user) throw notFound(idOrUpn);
    return user;
  }

  group(id: string): GroupRecord | undefined {
    return this.groups.get(id);
  }

  allGroups(): IterableIterator<GroupRecord> {
    return this.groups.values();
  }

  administrativeUnit(id: string): AdministrativeUnitRecord {
    const unit = this.units.get(id);
    if (!unit) throw notFound(id);
    return unit;
  }

  allAdministrativeUnits(): IterableIterator<AdministrativeUnitRecord> {
    return this.units.values();
  }

  directReports(userId: string): UserRecord[] {
    return [...this.users.values()].filter((user) => user.manager === userId);
  }

  /** Groups the object belongs to, directly or through nested groups. */
  transitiveGroups(objectId: string): GroupRecord[] {
    const seen = new Set<string>();
    const queue = [...(this.memberOf.get(objectId) ?? [])];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(...(this.memberOf.get(id) ?? []));
    }
    return [...seen].map((id) => this.groups.get(id)!);
  }

  /** Administrative units with the user as a direct member (unit membership is not inherited through groups). */
  administrativeUnitsOf(userId: string): AdministrativeUnitRecord[] {
    return [...(this.unitsOfMember.get(userId) ?? [])].map((id) => this.units.get(id)!);
  }

  /** A directoryRole object's id differs from its template id in Graph; derive a stable one per tenant. */
  directoryRoleId(roleTemplateId: string): string {
    const hex = createHash('sha256').update(`${this.id}:${roleTemplateId}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  roleAssignments(): readonly RoleAssignmentRecord[] {
    return this.assignments;
  }

  /**
   * Tenant-wide roles held directly or through a role-assignable group. AU-scoped assignments are not
   * directoryRole memberships (reference §9 item 6; see docs/simulator.md).
   */
  tenantWideRoleTemplates(userId: string): string[] {
    const principals = new Set([userId, ...this.transitiveGroups(userId).map((group) => group.id)]);
    const templates = this.assignments
      .filter((assignment) => assignment.directoryScopeId === '/' && principals.has(assignment.principalId))
      .map((assignment) => assignment.roleDefinitionId);
    return [...new Set(templates)];
  }

  // ---- SMS policy ----

  smsPolicy(): SmsPolicyRecord {
    return this.policy;
  }

  /** Replaces the policy's updatable parts; targets must exist. */
  updateSmsPolicy(change: Partial<SeedSmsPolicy>): void {
    const next: SmsPolicyRecord = {
      state: change.state ?? this.policy.state,
      includeTargets: change.includeTargets ? change.includeTargets.map((target) => ({ ...target })) : this.policy.includeTargets,
      excludeTargets: change.excludeTargets ? change.excludeTargets.map((target) => ({ ...target })) : this.policy.excludeTargets,
      telecomProviderSettings:
        change.telecomProviderSettings === undefined ? this.policy.telecomProviderSettings : change.telecomProviderSettings,
    };
    this.validatePolicyTargets(next);
    this.policy = next;
  }

  private targets(user: UserRecord, target: { targetType: string; id: string }, groups: Set<string>): boolean {
    if (target.targetType === 'user') return target.id === user.id;
    return target.id === 'all_users' || groups.has(target.id);
  }

  /** Whether the policy lets the user use SMS for primary sign-in (enabled, targeted with "Use for sign-in", not excluded). */
  smsSignInAllowed(user: UserRecord): boolean {
    if (this.policy.state !== 'enabled') return false;
    const groups = new Set(this.transitiveGroups(user.id).map((group) => group.id));
    if (this.policy.excludeTargets.some((target) => this.targets(user, target, groups))) return false;
    return this.policy.includeTargets.some((target) => target.isUsableForSignIn && this.targets(user, target, groups));
  }

  smsSignInState(user: UserRecord, method: PhoneMethodRecord): SmsSignInState {
    // Only the primary mobile can be a sign-in name; B2B guests are not supported (reference §1, §6).
    if (method.phoneType !== 'mobile' || user.userType === 'Guest') return 'notSupported';
    if (!this.smsSignInAllowed(user)) return 'notAllowedByPolicy';
    switch (method.registration) {
      case 'registered':
        return 'ready';
      case 'conflict':
        return 'phoneNumberNotUnique';
      case 'disabled':
        return 'notEnabled';
      case 'notRegistered':
        return 'notConfigured';
    }
  }

  /** Who holds the number for SMS sign-in, if anyone. */
  smsSignInHolder(e164: string): string | undefined {
    return this.smsRegistry.get(e164);
  }

  /** What Graph does when a mobile is added or changed for a user in the policy: try to register it. */
  private attemptRegistration(user: UserRecord, method: PhoneMethodRecord): boolean {
    if (method.phoneType !== 'mobile' || user.userType === 'Guest' || !this.smsSignInAllowed(user)) {
      method.registration = 'notRegistered';
      return true;
    }
    const holder = this.smsRegistry.get(method.number.e164);
    if (holder !== undefined && holder !== user.id) {
      method.registration = 'conflict';
      return false;
    }
    method.registration = 'registered';
    this.smsRegistry.set(method.number.e164, user.id);
    return true;
  }

  private releaseRegistration(user: UserRecord, method: PhoneMethodRecord): void {
    if (method.registration === 'registered' && this.smsRegistry.get(method.number.e164) === user.id) {
      this.smsRegistry.delete(method.number.e164);
    }
  }

  // ---- phone methods ----

  phoneMethod(user: UserRecord, methodId: string): PhoneMethodRecord {
    const type = PHONE_TYPE_BY_METHOD_ID[methodId];
    const method = type && user.phoneMethods.get(type);
    if (!method) throw notFound(methodId);
    return method;
  }

  private parseNumber(phoneNumber: unknown, phoneType: PhoneType): GraphPhoneNumber {
    if (typeof phoneNumber !== 'string') throw badRequest('The phoneNumber property is required.', 'badRequest');
    const number = parseGraphPhoneNumber(phoneNumber);
    if (!number) {
      throw badRequest(
        `Invalid phone number '${phoneNumber}'. Phone numbers must be in the format "+{country code} {number}x{extension}", for example "+1 5555551234".`,
        'badRequest',
      );
    }
    if (number.extension && phoneType !== 'office') throw badRequest('Extensions are supported only for office phones.', 'badRequest');
    return number;
  }

  addPhoneMethod(user: UserRecord, phoneType: PhoneType, phoneNumber: unknown): PhoneWriteResult {
    if (user.phoneMethods.has(phoneType)) {
      throw badRequest(`A phone method of type '${phoneType}' already exists for this user. Update it instead.`, 'badRequest');
    }
    if (phoneType === 'alternateMobile' && !user.phoneMethods.has('mobile')) {
      throw badRequest('A mobile phone must be added before an alternateMobile phone.', 'badRequest');
    }
    const method: PhoneMethodRecord = { phoneType, number: this.parseNumber(phoneNumber, phoneType), registration: 'notRegistered' };
    user.phoneMethods.set(phoneType, method);
    const unique = this.attemptRegistration(user, method);
    return { method, notUnique: !unique };
  }

  updatePhoneMethod(user: UserRecord, methodId: string, phoneType: unknown, phoneNumber: unknown): PhoneWriteResult {
    const method = this.phoneMethod(user, methodId);
    if (phoneType !== undefined && phoneType !== method.phoneType) {
      throw badRequest('The phoneType of a phone method cannot be changed. Add a phone of the new type, then delete the old one.', 'badRequest');
    }
    if (phoneNumber === undefined) return { method, notUnique: false };
    const number = this.parseNumber(phoneNumber, method.phoneType);
    if (number.formatted === method.number.formatted) {
      // Unchanged number: no new registration attempt, and a 409 only while another account still holds it.
      const holder = this.smsRegistry.get(number.e164);
      return { method, notUnique: method.registration === 'conflict' && holder !== undefined && holder !== user.id };
    }
    this.releaseRegistration(user, method);
    method.number = number;
    const unique = this.attemptRegistration(user, method);
    return { method, notUnique: !unique };
  }

  /** The phone type behind the user's default MFA method, if it is a phone. */
  defaultMethodPhoneType(user: UserRecord): PhoneType | undefined {
    switch (user.defaultMfaMethod) {
      case 'sms':
      case 'voiceMobile':
        return user.phoneMethods.has('mobile') ? 'mobile' : undefined;
      case 'voiceAlternateMobile':
        return user.phoneMethods.has('alternateMobile') ? 'alternateMobile' : undefined;
      case 'voiceOffice':
        return user.phoneMethods.has('office') ? 'office' : undefined;
      default:
        return undefined;
    }
  }

  deletePhoneMethod(user: UserRecord, methodId: string): void {
    const method = this.phoneMethod(user, methodId);
    if (this.defaultMethodPhoneType(user) === method.phoneType) {
      throw badRequest(
        `The requested authentication method id of [${methodId}] matches the user's current default authentication method, and cannot be deleted until the default authentication method is changed`,
        'badRequest',
      );
    }
    if (method.phoneType === 'mobile' && user.phoneMethods.has('alternateMobile')) {
      throw badRequest('A user cannot have an alternateMobile phone without a mobile phone. Delete the alternateMobile phone first.', 'badRequest');
    }
    this.releaseRegistration(user, method);
    user.phoneMethods.delete(method.phoneType);
  }

  enableSmsSignIn(user: UserRecord, methodId: string): void {
    const method = this.phoneMethod(user, methodId);
    if (method.phoneType !== 'mobile') throw badRequest('SMS sign-in can only be enabled for a mobile phone method.', 'badRequest');
    if (user.userType === 'Guest') throw badRequest('SMS sign-in is not supported for external (B2B) users.', 'badRequest');
    if (!this.smsSignInAllowed(user)) {
      throw badRequest('The user is not enabled for SMS sign-in in the authentication methods policy.', 'badRequest');
    }
    const holder = this.smsRegistry.get(method.number.e164);
    if (holder !== undefined && holder !== user.id) {
      method.registration = 'conflict';
      throw phoneNumberNotUnique();
    }
    method.registration = 'registered';
    this.smsRegistry.set(method.number.e164, user.id);
  }

  disableSmsSignIn(user: UserRecord, methodId: string): void {
    const method = this.phoneMethod(user, methodId);
    if (method.phoneType !== 'mobile') throw badRequest('SMS sign-in can only be disabled for a mobile phone method.', 'badRequest');
    this.releaseRegistration(user, method);
    method.registration = 'disabled';
  }

  /** Moves signInSessionsValidFromDateTime; external users' sessions are not revoked (reference §4.1). */
  revokeSignInSessions(user: UserRecord, now: Date): void {
    if (user.userType === 'Guest') return;
    user.signInSessionsValidFromDateTime = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  // ---- export ----

  /** The current state as a seed, so a test can compare before and after. */
  toSeed(): Seed {
    const unitMembers = [...this.units.values()];
    return {
      tenant: { id: this.id, displayName: this.displayName, domain: this.domain },
      users: [...this.users.values()].map((user) => ({
        id: user.id,
        userPrincipalName: user.userPrincipalName,
        displayName: user.displayName,
        ...(user.givenName !== null && { givenName: user.givenName }),
        ...(user.surname !== null && { surname: user.surname }),
        ...(user.mail !== null && { mail: user.mail }),
        ...(user.employeeId !== null && { employeeId: user.employeeId }),
        ...(user.jobTitle !== null && { jobTitle: user.jobTitle }),
        ...(user.officeLocation !== null && { officeLocation: user.officeLocation }),
        accountEnabled: user.accountEnabled,
        userType: user.userType,
        licenses: [...user.licenses],
        ...(user.manager !== undefined && { manager: user.manager }),
        phoneMethods: [...user.phoneMethods.values()].map((method) => ({
          phoneType: method.phoneType,
          phoneNumber: method.number.formatted,
          ...(method.phoneType === 'mobile' && { smsSignIn: method.registration }),
        })),
        ...(user.defaultMfaMethod !== undefined && { defaultMfaMethod: user.defaultMfaMethod }),
        otherMethodsRegistered: [...user.otherMethodsRegistered],
        signInSessionsValidFromDateTime: user.signInSessionsValidFromDateTime,
      })),
      groups: [...this.groups.values()].map((group) => ({
        id: group.id,
        displayName: group.displayName,
        ...(group.description !== null && { description: group.description }),
        members: [...group.members],
      })),
      administrativeUnits: unitMembers.map((unit) => ({
        id: unit.id,
        displayName: unit.displayName,
        ...(unit.description !== null && { description: unit.description }),
        members: [...unit.members],
      })),
      roleAssignments: this.assignments.map((assignment) => ({
        id: assignment.id,
        principalId: assignment.principalId,
        roleTemplateId: assignment.roleDefinitionId,
        directoryScopeId: assignment.directoryScopeId,
      })),
      smsPolicy: {
        state: this.policy.state,
        includeTargets: this.policy.includeTargets.map((target) => ({ ...target })),
        excludeTargets: this.policy.excludeTargets.map((target) => ({ ...target })),
        telecomProviderSettings: this.policy.telecomProviderSettings,
      },
    };
  }
}
