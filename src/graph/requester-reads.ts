// What phonedesk reads about a person who asks or approves, as items of a $batch: their groups and directory roles
// (for access), and their directory name and stores (for cards and the audit log, never the name a client sends).
import type { DirectoryObject, UnifiedRoleAssignment, User } from '@microsoft/microsoft-graph-types';
import { odataString, pathSegment, queryValue } from './odata';

/** The groups and directory roles of a person who asks or approves. */
export interface RequesterData {
  groupIds: string[];
  roles: Array<{ roleTemplateId: string; directoryScopeId: string }>;
  /** Entra display name: what cards and the audit log call the person, never the name a client sends. */
  displayName?: string;
  /** The administrative units (stores) the person belongs to. */
  stores?: Array<{ id: string; displayName: string }>;
}

type Collection<T> = { value: T[] };

/** The GET requests of a person's profile, with ids starting with `prefix` so they can share a $batch. */
export function requesterItems(prefix: string, userId: string): Array<{ id: string; method: 'GET'; url: string }> {
  const id = pathSegment(userId);
  return [
    {
      id: `${prefix}groups`,
      method: 'GET',
      url: `/users/${id}/transitiveMemberOf/microsoft.graph.group?$select=id&$top=999`,
    },
    {
      id: `${prefix}roles`,
      method: 'GET',
      url: `/roleManagement/directory/roleAssignments?$filter=${queryValue(`principalId eq ${odataString(userId)}`)}`,
    },
    { id: `${prefix}name`, method: 'GET', url: `/users/${id}?$select=id,displayName` },
    {
      id: `${prefix}stores`,
      method: 'GET',
      url: `/users/${id}/transitiveMemberOf/microsoft.graph.administrativeUnit?$select=id,displayName&$top=999`,
    },
  ];
}

/** The profile from the answers to requesterItems; `body` throws the GraphFailure of an inner error. */
export function requesterFrom(body: <T>(key: string) => T, prefix: string): RequesterData {
  const list = <T>(key: string): T[] => body<Collection<T>>(`${prefix}${key}`).value;
  const user = body<User>(`${prefix}name`);
  return {
    groupIds: list<DirectoryObject>('groups')
      .map((group) => group.id ?? '')
      .filter((groupId) => groupId !== ''),
    roles: list<UnifiedRoleAssignment>('roles').map((assignment) => ({
      roleTemplateId: assignment.roleDefinitionId ?? '',
      directoryScopeId: assignment.directoryScopeId ?? '/',
    })),
    ...(user.displayName && { displayName: user.displayName }),
    stores: list<DirectoryObject & { displayName?: string | null }>('stores').map((unit) => ({
      id: unit.id ?? '',
      displayName: unit.displayName ?? '',
    })),
  };
}
