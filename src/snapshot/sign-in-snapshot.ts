// Everything phonedesk reads about one worker (and the SMS policy), in one go by the Graph gateway; pure types.

export type PhoneType = 'mobile' | 'alternateMobile' | 'office';

/** Graph's authenticationMethodSignInState (docs/graph-facts.md §1.3). */
export type SmsSignInState =
  | 'notSupported'
  | 'notAllowedByPolicy'
  | 'notConfigured'
  | 'phoneNumberNotUnique'
  | 'ready'
  | 'notEnabled'
  | 'unknownFutureValue';

export interface PhoneMethodSnapshot {
  id: string;
  phoneType: PhoneType;
  /** As Graph returns it: "+44 7700900123". */
  phoneNumber: string;
  smsSignInState: SmsSignInState;
}

interface RoleSnapshot {
  roleTemplateId: string;
  displayName: string;
  /** "/" or "/administrativeUnits/{id}". */
  directoryScopeId: string;
}

export interface SmsPolicyTarget {
  id: string;
  targetType: 'group' | 'user';
  isUsableForSignIn: boolean;
  /** Group name when the gateway could read it. */
  displayName?: string;
}

export interface SmsPolicySnapshot {
  state: 'enabled' | 'disabled';
  includeTargets: SmsPolicyTarget[];
  excludeTargets: Array<Omit<SmsPolicyTarget, 'isUsableForSignIn'>>;
  telecomProviderSettings?: {
    url?: string | null;
    appId?: string | null;
    isEvaluationModeEnabled?: boolean | null;
    migrationPercentage?: number | null;
  } | null;
}

export interface SignInSnapshot {
  user: {
    id: string;
    displayName: string;
    userPrincipalName: string;
    accountEnabled: boolean;
    userType: 'Member' | 'Guest';
    /** As the directory has it ("Sales Associate"), when set. */
    jobTitle?: string;
    /** When sessions were last revoked (or the account created). */
    signInSessionsValidFromDateTime?: string;
    /** The user's manager, for the "direct reports" scope. */
    managerId?: string;
  };
  phoneMethods: PhoneMethodSnapshot[];
  /** SKU part numbers, e.g. SPE_F1. */
  licenses: string[];
  /** Transitive group memberships. */
  groups: Array<{ id: string; displayName: string }>;
  administrativeUnits: Array<{ id: string; displayName: string }>;
  roles: RoleSnapshot[];
  /** userPreferredMethodForSecondaryAuthentication from the registration report, when known. */
  defaultMfaMethod?: string;
  policy: SmsPolicySnapshot;
  /** When the gateway read it. */
  readAt: string;
}
