// The worker's core facts, whatever sign-in method they use: the reads of the worker's $batch, and their mapping.
import type {
  DirectoryObject,
  LicenseDetails,
  UnifiedRoleAssignment,
  User,
  UserRegistrationDetails,
} from '@microsoft/microsoft-graph-types';
import type { WorkerSnapshot } from '../snapshot/sign-in-snapshot';
import { innerBody, type BatchItem, type BatchResponse, type Collection } from './graph-wire';
import { ownRoleItems, rolesFrom, type RoleGroup } from './worker-roles';

export const USER_FIELDS =
  'id,displayName,userPrincipalName,mail,employeeId,jobTitle,officeLocation,accountEnabled,userType';

/** The core GETs for one worker; `id` is the user id as a path segment. */
export function workerItems(id: string, userId: string): BatchItem[] {
  return [
    { id: 'user', method: 'GET', url: `/users/${id}?$select=${USER_FIELDS},signInSessionsValidFromDateTime` },
    {
      id: 'memberships',
      method: 'GET',
      url: `/users/${id}/transitiveMemberOf?$select=id,displayName,isAssignableToRole&$top=999`,
    },
    { id: 'licences', method: 'GET', url: `/users/${id}/licenseDetails?$select=skuPartNumber` },
    ...ownRoleItems(userId),
    {
      id: 'registration',
      method: 'GET',
      url: `/reports/authenticationMethods/userRegistrationDetails/${id}?$select=userPreferredMethodForSecondaryAuthentication`,
    },
    { id: 'manager', method: 'GET', url: `/users/${id}/manager?$select=id` },
  ];
}

type Membership = DirectoryObject & { displayName?: string; isAssignableToRole?: boolean; '@odata.type'?: string };

/** The role-assignable groups the worker is in: their roles are the worker's too. */
export function roleGroupsOf(responses: ReadonlyMap<string, BatchResponse>): RoleGroup[] {
  return innerBody<Collection<Membership>>(responses, 'memberships')
    .value.filter((item) => item['@odata.type'] === '#microsoft.graph.group' && item.isAssignableToRole === true)
    .map((group) => ({ id: group.id ?? '', displayName: group.displayName ?? '' }))
    .filter((group) => group.id !== '');
}

export function workerFrom(
  responses: ReadonlyMap<string, BatchResponse>,
  userId: string,
  readAt: string,
): WorkerSnapshot {
  const ok = <T>(key: string): T => innerBody<T>(responses, key);
  const user = ok<User>('user');
  const memberships = ok<Collection<Membership>>('memberships').value;
  const ofType = (type: string) => memberships.filter((item) => item['@odata.type'] === type);
  // The registration report needs AuditLog.Read.All; without it the default method is simply unknown.
  const registration = responses.get('registration');
  const defaultMfaMethod =
    registration && registration.status < 400
      ? ((registration.body as UserRegistrationDetails).userPreferredMethodForSecondaryAuthentication ?? undefined)
      : undefined;
  // No manager is a 404, not a failure.
  const manager = responses.get('manager');
  const managerId = manager && manager.status < 400 ? ((manager.body as DirectoryObject).id ?? undefined) : undefined;
  return {
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
    licenses: ok<Collection<LicenseDetails>>('licences')
      .value.map((licence) => licence.skuPartNumber ?? '')
      .filter((sku) => sku !== ''),
    groups: ofType('#microsoft.graph.group').map((group) => ({
      id: group.id ?? '',
      displayName: group.displayName ?? '',
    })),
    administrativeUnits: ofType('#microsoft.graph.administrativeUnit').map((unit) => ({
      id: unit.id ?? '',
      displayName: unit.displayName ?? '',
    })),
    roles: rolesFrom(responses, ok<Collection<UnifiedRoleAssignment>>('roles').value),
    ...(defaultMfaMethod && defaultMfaMethod !== 'none' && { defaultMfaMethod }),
    readAt,
  };
}
