// The simulated tenant's records, as the directory and its phone methods hold them, and the errors its rules raise.
import { GraphHttpError } from './graph-error';
import type { GraphPhoneNumber } from './graph-phone-format';
import type {
  DefaultMfaMethod,
  PhoneType,
  SeedExcludeTarget,
  SeedSmsIncludeTarget,
  SeedTelecomProviderSettings,
  SmsSignInRegistration,
} from './seed';

/** Well-known phone method ids, fixed per type (docs/graph-facts.md §1.1). */
export const PHONE_METHOD_IDS: Readonly<Record<PhoneType, string>> = {
  mobile: '3179e48a-750b-4051-897c-87b9720928f7',
  alternateMobile: 'b6332ec1-7057-4abe-9331-3d72feddfe41',
  office: 'e37fc753-ff3b-4958-9484-eaa9425c82bc',
};

export const PHONE_TYPE_BY_METHOD_ID: Readonly<Record<string, PhoneType>> = Object.fromEntries(
  Object.entries(PHONE_METHOD_IDS).map(([type, id]) => [id, type as PhoneType]),
);

export type SmsSignInState =
  'notSupported' | 'notAllowedByPolicy' | 'notConfigured' | 'phoneNumberNotUnique' | 'ready' | 'notEnabled';

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
  /**
   * Last sign-in, any method (Graph's signInActivity), when there was one. A badge works only after one (the first
   * is never by badge), else it reads "Incorrect QR code".
   */
  lastSignInDateTime: string | undefined;
}

export interface GroupRecord {
  id: string;
  displayName: string;
  description: string | null;
  members: Set<string>;
  isAssignableToRole: boolean;
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

export const SEED_EPOCH = '2026-01-01T00:00:00Z';

/** The number is saved for MFA but another account holds it for SMS sign-in (docs/graph-facts.md §2.4). */
export function phoneNumberNotUnique(): GraphHttpError {
  return new GraphHttpError(
    409,
    'phoneNumberNotUnique',
    'The phone number is already used by another user for SMS sign-in. The phone method was saved, but it cannot be used for SMS sign-in.',
  );
}
