// The seed file: a whole simulated tenant as JSON. Its JSON Schema is seed-schema.json (documented in docs/simulator.md).

export type PhoneType = 'mobile' | 'alternateMobile' | 'office';

/**
 * Where a mobile number stands in the SMS sign-in system.
 * - registered: enabled for SMS sign-in (the number is the worker's sign-in name)
 * - notRegistered: attached, never enabled (e.g. added before the worker was in the policy: the "FIG6" case)
 * - conflict: registration was attempted but another account holds the number
 * - disabled: an admin called disableSmsSignIn
 */
export type SmsSignInRegistration = 'registered' | 'notRegistered' | 'conflict' | 'disabled';

/** The user's default MFA method (Graph beta's userPreferredMethodForSecondaryAuthentication values). */
export type DefaultMfaMethod = 'sms' | 'voiceMobile' | 'voiceAlternateMobile' | 'voiceOffice' | 'push' | 'oath';

export interface SeedPhoneMethod {
  phoneType: PhoneType;
  phoneNumber: string;
  /** Mobile only. Omitted: decided as Graph does when a number is added (registered if in policy and unique). */
  smsSignIn?: SmsSignInRegistration;
}

export interface SeedUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName?: string;
  surname?: string;
  mail?: string;
  employeeId?: string;
  jobTitle?: string;
  officeLocation?: string;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  /** SKU part numbers, e.g. SPE_F1 (Microsoft 365 F3). */
  licenses: string[];
  /** Object id of the user's manager. */
  manager?: string;
  phoneMethods?: SeedPhoneMethod[];
  defaultMfaMethod?: DefaultMfaMethod;
  /** Non-phone methods for the registration report, e.g. microsoftAuthenticatorPush, fido2. */
  otherMethodsRegistered?: string[];
  signInSessionsValidFromDateTime?: string;
}

export interface SeedGroup {
  id: string;
  displayName: string;
  description?: string;
  /** User or group object ids; nested groups count for transitive membership. */
  members: string[];
}

interface SeedScopedRoleMember {
  roleTemplateId: string;
  userId: string;
}

interface SeedAdministrativeUnit {
  id: string;
  displayName: string;
  description?: string;
  members: string[];
  /** Sugar for role assignments scoped to this unit; merged with roleAssignments. */
  scopedRoleMembers?: SeedScopedRoleMember[];
}

export interface SeedRoleAssignment {
  id?: string;
  principalId: string;
  roleTemplateId: string;
  /** "/" for tenant-wide, "/administrativeUnits/{id}" for a unit. */
  directoryScopeId: string;
}

export interface SeedSmsIncludeTarget {
  targetType: 'group' | 'user';
  /** A group or user id, or "all_users". */
  id: string;
  isUsableForSignIn: boolean;
}

export interface SeedExcludeTarget {
  targetType: 'group' | 'user';
  id: string;
}

export interface SeedTelecomProviderSettings {
  url?: string;
  appId?: string;
  isEvaluationModeEnabled?: boolean;
  migrationPercentage?: number;
}

export interface SeedSmsPolicy {
  state: 'enabled' | 'disabled';
  includeTargets: SeedSmsIncludeTarget[];
  excludeTargets: SeedExcludeTarget[];
  telecomProviderSettings?: SeedTelecomProviderSettings | null;
}

export interface Seed {
  tenant: { id: string; displayName: string; domain: string };
  users: SeedUser[];
  groups: SeedGroup[];
  administrativeUnits: SeedAdministrativeUnit[];
  roleAssignments: SeedRoleAssignment[];
  smsPolicy: SeedSmsPolicy;
}
