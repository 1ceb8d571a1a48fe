// The simulated tenant: its directory (tenant-directory.ts) with Graph's documented rules for the SMS policy, phone
// methods and SMS sign-in; QR code + PIN and Temporary Access Pass in their own modules. HTTP concerns live in the
// route modules, the export as a seed in tenant-export.ts.
import { badRequest, notFound } from './graph-error';
import { parseGraphPhoneNumber, type GraphPhoneNumber } from './graph-phone-format';
import type { PhoneType, Seed, SeedSmsPolicy, SeedUser } from './seed';
import { graphDateTime } from './graph-time';
import { targetsUser } from './method-policy';
import { QrCodePins, type BadgeProof } from './qr-code-pins';
import { TemporaryAccessPasses } from './temporary-access-passes';
import { TenantDirectory } from './tenant-directory';
import { TenantPosture } from './tenant-posture';
import {
  PHONE_TYPE_BY_METHOD_ID,
  SeedError,
  phoneNumberNotUnique,
  type PhoneMethodRecord,
  type PhoneWriteResult,
  type SmsPolicyRecord,
  type SmsSignInState,
  type UserRecord,
} from './tenant-records';

export * from './tenant-records';

export class Tenant extends TenantDirectory {
  /** E.164 → the user whose mobile is registered for SMS sign-in with it. */
  private readonly smsRegistry = new Map<string, string>();
  private policy: SmsPolicyRecord;
  /** QR code + PIN (qr-code-pins.ts) and Temporary Access Pass (temporary-access-passes.ts): policy and methods. */
  readonly qrCodePins: QrCodePins;
  readonly temporaryAccessPasses: TemporaryAccessPasses;
  /** Conditional Access, eligible roles and the methods policy's settings (tenant-posture.ts). */
  readonly posture: TenantPosture;

  constructor(seed: Seed) {
    super(seed);
    this.policy = {
      state: seed.smsPolicy.state,
      includeTargets: seed.smsPolicy.includeTargets.map((target) => ({ ...target })),
      excludeTargets: seed.smsPolicy.excludeTargets.map((target) => ({ ...target })),
      telecomProviderSettings: seed.smsPolicy.telecomProviderSettings ?? null,
    };
    try {
      this.validatePolicyTargets(this.policy);
    } catch (error) {
      throw new SeedError(`smsPolicy: ${(error as Error).message}`);
    }
    // Phone methods last: automatic registration depends on the policy and on group membership.
    for (const user of seed.users) this.loadPhoneMethods(user);
    this.qrCodePins = new QrCodePins(this, seed);
    this.temporaryAccessPasses = new TemporaryAccessPasses(this, seed);
    this.posture = new TenantPosture(seed, {
      hasUser: (id) => this.users.has(id),
      hasGroup: (id) => this.groups.has(id),
      isRoleAssignableGroup: (id) => this.groups.get(id)?.isAssignableToRole === true,
      hasUnit: (id) => this.units.has(id),
    });
  }

  private loadPhoneMethods(seed: SeedUser): void {
    const user = this.users.get(seed.id)!;
    const methods = [...(seed.phoneMethods ?? [])].sort((a, b) =>
      a.phoneType === 'mobile' ? -1 : b.phoneType === 'mobile' ? 1 : 0,
    );
    for (const method of methods) {
      const where = `user ${seed.userPrincipalName}, ${method.phoneType} ${method.phoneNumber}`;
      if (user.phoneMethods.has(method.phoneType))
        throw new SeedError(`${where}: a user has at most one phone of each type`);
      if (method.phoneType === 'alternateMobile' && !methods.some((m) => m.phoneType === 'mobile')) {
        throw new SeedError(`${where}: an alternateMobile needs a mobile`);
      }
      const number = parseGraphPhoneNumber(method.phoneNumber);
      if (!number) throw new SeedError(`${where}: not in Graph's format "+{country code} {number}"`);
      if (number.extension && method.phoneType !== 'office')
        throw new SeedError(`${where}: only office phones have extensions`);
      if (method.smsSignIn !== undefined && method.phoneType !== 'mobile')
        throw new SeedError(`${where}: smsSignIn applies to mobile phones only`);
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
        throw new SeedError(
          `user ${seed.userPrincipalName}: default MFA method ${seed.defaultMfaMethod} needs that phone`,
        );
      }
    }
  }

  private validatePolicyTargets(policy: SmsPolicyRecord): void {
    for (const target of [...policy.includeTargets, ...policy.excludeTargets]) {
      if (target.id === 'all_users' && target.targetType === 'group') continue;
      const known = target.targetType === 'group' ? this.groups.has(target.id) : this.users.has(target.id);
      if (!known)
        throw badRequest(
          `The policy target ${target.targetType} '${target.id}' does not exist in the directory.`,
          'badRequest',
        );
    }
  }

  // ---- SMS policy ----

  smsPolicy(): SmsPolicyRecord {
    return this.policy;
  }

  /** Replaces the policy's updatable parts; targets must exist. */
  updateSmsPolicy(change: Partial<SeedSmsPolicy>): void {
    const next: SmsPolicyRecord = {
      state: change.state ?? this.policy.state,
      includeTargets: change.includeTargets
        ? change.includeTargets.map((target) => ({ ...target }))
        : this.policy.includeTargets,
      excludeTargets: change.excludeTargets
        ? change.excludeTargets.map((target) => ({ ...target }))
        : this.policy.excludeTargets,
      telecomProviderSettings:
        change.telecomProviderSettings === undefined
          ? this.policy.telecomProviderSettings
          : change.telecomProviderSettings,
    };
    this.validatePolicyTargets(next);
    this.policy = next;
  }

  /** Whether the policy lets the user use SMS for primary sign-in (enabled, targeted with "Use for sign-in", not excluded). */
  smsSignInAllowed(user: UserRecord): boolean {
    if (this.policy.state !== 'enabled') return false;
    const groups = new Set(this.transitiveGroups(user.id).map((group) => group.id));
    if (this.policy.excludeTargets.some((target) => targetsUser(user, target, groups))) return false;
    return this.policy.includeTargets.some((target) => target.isUsableForSignIn && targetsUser(user, target, groups));
  }

  smsSignInState(user: UserRecord, method: PhoneMethodRecord): SmsSignInState {
    // Only the primary mobile can be a sign-in name; B2B guests are not supported (docs/graph-facts.md §1.3, §13.2).
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
    if (number.extension && phoneType !== 'office')
      throw badRequest('Extensions are supported only for office phones.', 'badRequest');
    return number;
  }

  addPhoneMethod(user: UserRecord, phoneType: PhoneType, phoneNumber: unknown): PhoneWriteResult {
    if (user.phoneMethods.has(phoneType)) {
      throw badRequest(
        `A phone method of type '${phoneType}' already exists for this user. Update it instead.`,
        'badRequest',
      );
    }
    if (phoneType === 'alternateMobile' && !user.phoneMethods.has('mobile')) {
      throw badRequest('A mobile phone must be added before an alternateMobile phone.', 'badRequest');
    }
    const method: PhoneMethodRecord = {
      phoneType,
      number: this.parseNumber(phoneNumber, phoneType),
      registration: 'notRegistered',
    };
    user.phoneMethods.set(phoneType, method);
    const unique = this.attemptRegistration(user, method);
    return { method, notUnique: !unique };
  }

  updatePhoneMethod(user: UserRecord, methodId: string, phoneType: unknown, phoneNumber: unknown): PhoneWriteResult {
    const method = this.phoneMethod(user, methodId);
    if (phoneType !== undefined && phoneType !== method.phoneType) {
      throw badRequest(
        'The phoneType of a phone method cannot be changed. Add a phone of the new type, then delete the old one.',
        'badRequest',
      );
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
      throw badRequest(
        'A user cannot have an alternateMobile phone without a mobile phone. Delete the alternateMobile phone first.',
        'badRequest',
      );
    }
    this.releaseRegistration(user, method);
    user.phoneMethods.delete(method.phoneType);
  }

  enableSmsSignIn(user: UserRecord, methodId: string): void {
    const method = this.phoneMethod(user, methodId);
    if (method.phoneType !== 'mobile')
      throw badRequest('SMS sign-in can only be enabled for a mobile phone method.', 'badRequest');
    if (user.userType === 'Guest')
      throw badRequest('SMS sign-in is not supported for external (B2B) users.', 'badRequest');
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
    if (method.phoneType !== 'mobile')
      throw badRequest('SMS sign-in can only be disabled for a mobile phone method.', 'badRequest');
    this.releaseRegistration(user, method);
    method.registration = 'disabled';
  }

  /**
   * A sign-in played through the control API, by an enabled account. A badge works only after a first sign-in with
   * another method, else Entra says "Incorrect QR code" (docs/graph-facts.md §17.6), and only while its policy lets
   * the user use it and the code is valid; a pass must be usable.
   */
  signIn(
    user: UserRecord,
    method: 'sms' | 'standardQRCode' | 'temporaryQRCode' | 'temporaryAccessPass',
    now: Date,
    proof: BadgeProof & { pass?: string } = {},
  ): void {
    if (!user.accountEnabled) throw badRequest('The account is disabled.', 'userAccountDisabled');
    if (method === 'standardQRCode' || method === 'temporaryQRCode') {
      if (user.lastSignInDateTime === undefined) throw badRequest('Incorrect QR code.', 'incorrectQrCode');
      this.qrCodePins.markUsed(user, method === 'standardQRCode' ? 'standard' : 'temporary', now, proof);
    } else if (method === 'temporaryAccessPass') {
      this.temporaryAccessPasses.markUsed(user, now, proof.pass);
    } else {
      const mobile = user.phoneMethods.get('mobile');
      if (!mobile || this.smsSignInState(user, mobile) !== 'ready')
        throw badRequest('The user cannot sign in by SMS.', 'badRequest');
    }
    user.lastSignInDateTime = graphDateTime(now);
  }

  /** Moves signInSessionsValidFromDateTime; external users' sessions are not revoked (docs/graph-facts.md §4). */
  revokeSignInSessions(user: UserRecord, now: Date): void {
    if (user.userType === 'Guest') return;
    user.signInSessionsValidFromDateTime = graphDateTime(now);
  }
}
