// How the simulator's records look as Graph JSON resources.
import { ROLE_TEMPLATES } from './role-templates';
import type { EntityType } from './odata-query';
import { SKUS } from './skus';
import {
  PHONE_METHOD_IDS,
  type AdministrativeUnitRecord,
  type GroupRecord,
  type PhoneMethodRecord,
  type Tenant,
  type UserRecord,
} from './tenant';
import { createHash } from 'node:crypto';

type Json = Record<string, unknown>;

/** Properties Graph v1.0 returns for a user when there is no $select. */
export const USER_DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

// What $select may name on each type: exactly the properties the builders below return (test/integration/
// simulator/select-properties.test.ts keeps the two in step).
export const USER_TYPE: EntityType = {
  name: 'microsoft.graph.user',
  properties: new Set([
    ...USER_DEFAULT_PROPERTIES,
    'accountEnabled',
    'employeeId',
    'userType',
    'assignedLicenses',
    'signInSessionsValidFromDateTime',
    'usageLocation',
    'signInActivity',
  ]),
};

const entityType = (name: string, properties: readonly string[]): EntityType => ({
  name: `microsoft.graph.${name}`,
  properties: new Set(properties),
});

export const GROUP_TYPE = entityType('group', [
  'id',
  'displayName',
  'description',
  'groupTypes',
  'mailEnabled',
  'securityEnabled',
  'isAssignableToRole',
]);
export const ADMINISTRATIVE_UNIT_TYPE = entityType('administrativeUnit', [
  'id',
  'displayName',
  'description',
  'visibility',
]);
export const DIRECTORY_ROLE_TYPE = entityType('directoryRole', ['id', 'displayName', 'description', 'roleTemplateId']);
export const ROLE_ASSIGNMENT_TYPE = entityType('unifiedRoleAssignment', [
  'id',
  'principalId',
  'roleDefinitionId',
  'directoryScopeId',
]);
export const SCOPED_ROLE_MEMBERSHIP_TYPE = entityType('scopedRoleMembership', [
  'id',
  'roleId',
  'administrativeUnitId',
  'roleMemberInfo',
]);
export const LICENSE_DETAILS_TYPE = entityType('licenseDetails', ['id', 'skuId', 'skuPartNumber', 'servicePlans']);
export const REGISTRATION_DETAILS_TYPE = entityType('userRegistrationDetails', [
  'id',
  'userPrincipalName',
  'userDisplayName',
  'userType',
  'isAdmin',
  'isMfaCapable',
  'isMfaRegistered',
  'isPasswordlessCapable',
  'isSsprCapable',
  'isSsprEnabled',
  'isSsprRegistered',
  'isSystemPreferredAuthenticationMethodEnabled',
  'lastUpdatedDateTime',
  'methodsRegistered',
  'systemPreferredAuthenticationMethods',
  'userPreferredMethodForSecondaryAuthentication',
]);

function skuId(partNumber: string): string {
  const known = SKUS[partNumber];
  if (known) return known.skuId;
  const hex = createHash('sha256').update(`sku:${partNumber}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Every property the simulator knows; routes project to the default set or to $select. */
export function userResource(user: UserRecord): Json {
  return {
    id: user.id,
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: user.officeLocation,
    preferredLanguage: null,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    accountEnabled: user.accountEnabled,
    employeeId: user.employeeId,
    userType: user.userType,
    assignedLicenses: user.licenses.map((part) => ({ disabledPlans: [], skuId: skuId(part) })),
    signInSessionsValidFromDateTime: user.signInSessionsValidFromDateTime,
    usageLocation: null,
    // Graph returns it only when selected, and only with AuditLog.Read.All (docs/graph-facts.md §17.6).
    signInActivity: user.lastSignInDateTime
      ? {
          lastSignInDateTime: user.lastSignInDateTime,
          lastSuccessfulSignInDateTime: user.lastSignInDateTime,
          lastNonInteractiveSignInDateTime: null,
        }
      : null,
  };
}

/** A user in a directoryObject answer: the default properties, or the $select ones (any user property). */
export function userDirectoryObject(user: UserRecord, properties: readonly string[] = USER_DEFAULT_PROPERTIES): Json {
  const resource = userResource(user);
  const result: Json = { '@odata.type': '#microsoft.graph.user' };
  for (const property of properties) result[property] = resource[property];
  return result;
}

export function phoneMethodResource(tenant: Tenant, user: UserRecord, method: PhoneMethodRecord): Json {
  return {
    id: PHONE_METHOD_IDS[method.phoneType],
    phoneNumber: method.number.formatted,
    phoneType: method.phoneType,
    smsSignInState: tenant.smsSignInState(user, method),
  };
}

export function groupResource(group: GroupRecord): Json {
  return {
    '@odata.type': '#microsoft.graph.group',
    id: group.id,
    displayName: group.displayName,
    description: group.description,
    groupTypes: [],
    mailEnabled: false,
    securityEnabled: true,
    isAssignableToRole: group.isAssignableToRole,
  };
}

export function administrativeUnitResource(unit: AdministrativeUnitRecord): Json {
  return {
    '@odata.type': '#microsoft.graph.administrativeUnit',
    id: unit.id,
    displayName: unit.displayName,
    description: unit.description,
    visibility: null,
  };
}

export function directoryRoleResource(tenant: Tenant, roleTemplateId: string): Json {
  const template = ROLE_TEMPLATES[roleTemplateId];
  return {
    '@odata.type': '#microsoft.graph.directoryRole',
    id: tenant.directoryRoleId(roleTemplateId),
    displayName: template?.displayName ?? null,
    description: template?.description ?? null,
    roleTemplateId,
  };
}

export function licenseDetailsResource(user: UserRecord, partNumber: string): Json {
  const id = skuId(partNumber);
  return {
    id: `${user.id.slice(0, 8)}${id.replace(/-/g, '')}`,
    skuId: id,
    skuPartNumber: partNumber,
    servicePlans: [],
  };
}

const METHOD_NAMES = { mobile: 'mobilePhone', alternateMobile: 'alternateMobilePhone', office: 'officePhone' } as const;

export function registrationDetailsResource(tenant: Tenant, user: UserRecord): Json {
  // "qrCodePin" for a badge is the simulator's choice: Graph's list of values does not name it yet (docs/simulator.md).
  const methodsRegistered = [
    ...[...user.phoneMethods.keys()].map((type) => METHOD_NAMES[type]),
    ...(tenant.qrCodePins.find(user) ? ['qrCodePin'] : []),
    ...user.otherMethodsRegistered,
  ];
  const isAdmin = tenant.roleAssignments().some((assignment) => assignment.principalId === user.id);
  const passwordless = user.otherMethodsRegistered.some((method) =>
    ['microsoftAuthenticatorPasswordless', 'fido2', 'windowsHelloForBusiness', 'passKeyDeviceBound'].includes(method),
  );
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    userDisplayName: user.displayName,
    userType: user.userType === 'Guest' ? 'guest' : 'member',
    isAdmin,
    isMfaCapable: methodsRegistered.length > 0,
    isMfaRegistered: methodsRegistered.length > 0,
    isPasswordlessCapable: passwordless,
    isSsprCapable: methodsRegistered.length > 0,
    isSsprEnabled: true,
    isSsprRegistered: methodsRegistered.length > 0,
    isSystemPreferredAuthenticationMethodEnabled: false,
    lastUpdatedDateTime: user.signInSessionsValidFromDateTime,
    methodsRegistered,
    systemPreferredAuthenticationMethods: [],
    userPreferredMethodForSecondaryAuthentication: user.defaultMfaMethod ?? 'none',
  };
}
