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
  /** The user's QR code + PIN method (docs/graph-facts.md §17), if they have one. */
  qrCodePin?: SeedQrCodePin;
  /** Temporary Access Passes (docs/graph-facts.md §18); at most one usable. */
  temporaryAccessPasses?: SeedTemporaryAccessPass[];
  /**
   * When the user last signed in with a method other than a QR code (Graph shows it as signInActivity). Until they
   * have once, Entra answers their badge with "Incorrect QR code" (docs/graph-facts.md §17.6). Omitted: the seed's
   * epoch for a user with a phone method, never for anyone else; null: never.
   */
  lastSignInDateTime?: string | null;
}

/** A standard or temporary QR code. */
export interface SeedQrCode {
  id?: string;
  startDateTime: string;
  expireDateTime: string;
  /** When it was last used to sign in; omitted: never. */
  lastUsedDateTime?: string;
}

export interface SeedQrCodePin {
  id?: string;
  createdDateTime?: string;
  standardQRCode?: SeedQrCode;
  temporaryQRCode?: SeedQrCode;
  /** The PIN is never stored; only whether the worker must change it at their next sign-in. */
  forceChangePinNextSignIn?: boolean;
}

export interface SeedTemporaryAccessPass {
  id?: string;
  createdDateTime?: string;
  startDateTime: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  /** Used once to sign in (a one-time pass is then no longer usable). */
  used?: boolean;
}

export interface SeedGroup {
  id: string;
  displayName: string;
  description?: string;
  /** User or group object ids; nested groups count for transitive membership. */
  members: string[];
  /** Only a role-assignable group can hold a directory role, as in Entra (set when the group is made). */
  isAssignableToRole?: boolean;
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

/** A target of the QR code or Temporary Access Pass policy. */
export interface SeedMethodTarget {
  targetType: 'group' | 'user';
  /** A group or user id, or "all_users". */
  id: string;
}

export interface SeedQrCodePinPolicy {
  state: 'enabled' | 'disabled';
  includeTargets: SeedMethodTarget[];
  excludeTargets: SeedMethodTarget[];
  /** 8–20. */
  pinLength: number;
  /** 1–395. */
  standardQRCodeLifetimeInDays: number;
}

export interface SeedTemporaryAccessPassPolicy {
  state: 'enabled' | 'disabled';
  includeTargets: SeedMethodTarget[];
  excludeTargets: SeedMethodTarget[];
  /** 8–48. */
  defaultLength: number;
  /** Each 10–43,200 minutes; minimum ≤ default ≤ maximum. */
  defaultLifetimeInMinutes: number;
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  /** True: every pass in the tenant is one-time. */
  isUsableOnce: boolean;
}

/** "enabledForReportingButNotEnforced" is report-only: it logs what it would do and enforces nothing. */
export type ConditionalAccessState = 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';

/**
 * A Conditional Access policy in Graph v1.0's shape (conditionalAccessPolicy), the parts phonedesk reads. Users and
 * groups are object ids, or "All" / "None" in includeUsers; applications are app ids or "All", "None", "Office365",
 * "MicrosoftAdminPortals".
 */
export interface SeedConditionalAccessPolicy {
  id: string;
  displayName: string;
  state: ConditionalAccessState;
  createdDateTime?: string;
  modifiedDateTime?: string;
  conditions: {
    users: {
      includeUsers: string[];
      excludeUsers?: string[];
      includeGroups?: string[];
      excludeGroups?: string[];
      includeRoles?: string[];
      excludeRoles?: string[];
    };
    applications: { includeApplications: string[]; excludeApplications?: string[] };
    /** Omitted: ["all"]. */
    clientAppTypes?: string[];
    devices?: { deviceFilter: { mode: 'include' | 'exclude'; rule: string } };
  };
  /** Null: no grant controls (a session-only policy). */
  grantControls: {
    operator: 'AND' | 'OR';
    builtInControls: string[];
    authenticationStrength?: { id: string; displayName: string };
  } | null;
}

/** The authentication methods policy's own settings (beside its method configurations). */
export interface SeedAuthenticationMethodsPolicy {
  policyMigrationState: 'preMigration' | 'migrationInProgress' | 'migrationComplete';
  /** The registration campaign (registrationEnforcement.authenticationMethodsRegistrationCampaign). */
  registrationCampaign: {
    state: 'default' | 'enabled' | 'disabled';
    snoozeDurationInDays: number;
    /** Who is nudged: group ids or "all_users", each toward a method (e.g. microsoftAuthenticator). */
    includeTargets: Array<{ id: string; targetType: 'group' | 'user'; targetedAuthenticationMethod: string }>;
  };
}

export interface Seed {
  tenant: { id: string; displayName: string; domain: string };
  users: SeedUser[];
  groups: SeedGroup[];
  administrativeUnits: SeedAdministrativeUnit[];
  roleAssignments: SeedRoleAssignment[];
  smsPolicy: SeedSmsPolicy;
  /** Omitted: disabled, with Graph's defaults. */
  qrCodePinPolicy?: SeedQrCodePinPolicy;
  /** Omitted: disabled, with Graph's defaults. */
  temporaryAccessPassPolicy?: SeedTemporaryAccessPassPolicy;
  /** Roles a person may activate (Privileged Identity Management); Graph shows them as roleEligibilitySchedules. */
  roleEligibilities?: SeedRoleAssignment[];
  /** Omitted: none. phonedesk only reads them. */
  conditionalAccessPolicies?: SeedConditionalAccessPolicy[];
  /** Omitted: migration complete, the campaign Microsoft-managed. */
  authenticationMethodsPolicy?: SeedAuthenticationMethodsPolicy;
}
