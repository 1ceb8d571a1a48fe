// What phonedesk reads about one worker, as pure types: the core facts the Graph gateway reads for every method
// (WorkerSnapshot), and Graph's phone methods and SMS policy as phonedesk maps them. A method's slice of the
// snapshot is its own (methods/*/…-snapshot.ts); methods/method-types.ts puts them together as SignInSnapshot.

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

export interface RoleSnapshot {
  roleTemplateId: string;
  displayName: string;
  /** "/" or "/administrativeUnits/{id}". */
  directoryScopeId: string;
  /** Not active: one the worker may turn on (Privileged Identity Management). */
  eligible?: true;
  /** Given to a role-assignable group the worker is in, by its name. */
  throughGroup?: string;
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

export interface WorkerSnapshot {
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
  /** SKU part numbers, e.g. SPE_F1. */
  licenses: string[];
  /** Transitive group memberships. */
  groups: Array<{ id: string; displayName: string }>;
  administrativeUnits: Array<{ id: string; displayName: string }>;
  roles: RoleSnapshot[];
  /** userPreferredMethodForSecondaryAuthentication from the registration report, when known. */
  defaultMfaMethod?: string;
  /** When the gateway read it. */
  readAt: string;
}
