// A worker's directory roles for the per-worker guard (no SMS sign-in, badge or pass for an admin): the roles given
// to them, the ones they may activate (Privileged Identity Management), and both given to a role-assignable group
// they belong to (docs/graph-facts.md §5.1, §19.2). The group's roles take a second request, made only when the worker
// is in such a group, which frontline workers rarely are.
import type { UnifiedRoleAssignment, UnifiedRoleEligibilitySchedule } from '@microsoft/microsoft-graph-types';
import type { RoleSnapshot } from '../snapshot/sign-in-snapshot';
import { ROLE_TEMPLATES } from './directory-roles';
import type { BatchItem, BatchResponse, Collection } from './graph-wire';
import { odataString, queryValue } from './odata';

const ASSIGNMENTS = '/roleManagement/directory/roleAssignments';
const ELIGIBILITIES = '/roleManagement/directory/roleEligibilitySchedules';

export interface RoleGroup {
  id: string;
  displayName: string;
}

const byPrincipals = (ids: readonly string[]): string =>
  `$filter=${queryValue(
    ids.length === 1 ? `principalId eq ${odataString(ids[0]!)}` : `principalId in (${ids.map(odataString).join(',')})`,
  )}`;

/** The worker's own roles, active and eligible, as items of their $batch. */
export function ownRoleItems(userId: string): BatchItem[] {
  const filter = byPrincipals([userId]);
  return [
    { id: 'roles', method: 'GET', url: `${ASSIGNMENTS}?${filter}` },
    { id: 'eligibleRoles', method: 'GET', url: `${ELIGIBILITIES}?${filter}` },
  ];
}

/** The roles of role-assignable groups, active and eligible. */
export function groupRoleItems(groups: readonly RoleGroup[]): BatchItem[] {
  const filter = byPrincipals(groups.map((group) => group.id));
  return [
    { id: 'group.roles', method: 'GET', url: `${ASSIGNMENTS}?${filter}` },
    { id: 'group.eligibleRoles', method: 'GET', url: `${ELIGIBILITIES}?${filter}` },
  ];
}

function role(
  grant: UnifiedRoleAssignment | UnifiedRoleEligibilitySchedule,
  eligible: boolean,
  throughGroup?: string,
): RoleSnapshot {
  const roleTemplateId = grant.roleDefinitionId ?? '';
  return {
    roleTemplateId,
    displayName: ROLE_TEMPLATES[roleTemplateId]?.displayName ?? 'an admin role',
    directoryScopeId: grant.directoryScopeId ?? '/',
    ...(eligible && { eligible: true as const }),
    ...(throughGroup !== undefined && { throughGroup }),
  };
}

/**
 * The roles in the answers to those items. Active roles must be read (their failure fails the read); eligible ones
 * need Entra ID P2 and RoleEligibilitySchedule.Read.Directory, so a refusal means none can be shown, as in the
 * tenant's admins view.
 */
export function rolesFrom(
  responses: ReadonlyMap<string, BatchResponse>,
  active: readonly UnifiedRoleAssignment[],
  prefix = '',
  groups: readonly RoleGroup[] = [],
): RoleSnapshot[] {
  const eligibleAnswer = responses.get(`${prefix}eligibleRoles`);
  const eligible =
    eligibleAnswer && eligibleAnswer.status < 400
      ? (eligibleAnswer.body as Collection<UnifiedRoleEligibilitySchedule>).value
      : [];
  const groupName = (principalId: string | null | undefined): string | undefined =>
    groups.length === 0 ? undefined : (groups.find((group) => group.id === principalId)?.displayName ?? 'a group');
  return [
    ...active.map((grant) => role(grant, false, groupName(grant.principalId))),
    ...eligible.map((grant) => role(grant, true, groupName(grant.principalId))),
  ];
}
