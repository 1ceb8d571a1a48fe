import { json } from '../graph-request';
import type { Route, RouteContext } from '../graph-router';
import {
  ADMINISTRATIVE_UNIT_TYPE,
  GROUP_TYPE,
  ROLE_ASSIGNMENT_TYPE,
  SCOPED_ROLE_MEMBERSHIP_TYPE,
  USER_TYPE,
  administrativeUnitResource,
  groupResource,
  userDirectoryObject,
} from '../graph-resources';
import { notFound } from '../graph-error';
import { matches, parseFilter, type FilterCapabilities } from '../odata-filter';
import {
  collectionPage,
  directoryObjectType,
  project,
  rejectUnsupportedOptions,
  selectedProperties,
} from '../odata-query';

const ROLE_ASSIGNMENT_FILTERS: FilterCapabilities = {
  resource: 'unifiedRoleAssignment',
  eq: ['principalId', 'roleDefinitionId', 'directoryScopeId', 'id'],
  in: ['principalId', 'roleDefinitionId', 'directoryScopeId', 'id'],
};

const UNIT_FILTERS: FilterCapabilities = {
  resource: 'AdministrativeUnit',
  eq: ['displayName', 'id'],
  in: ['id'],
  startswith: ['displayName'],
};
const GROUP_FILTERS: FilterCapabilities = {
  resource: 'Group',
  eq: ['displayName', 'id'],
  in: ['id'],
  startswith: ['displayName'],
};
const UNIT_MEMBER_TYPE = directoryObjectType(USER_TYPE, GROUP_TYPE);

function filtered<T extends Record<string, unknown>>(
  route: RouteContext,
  items: T[],
  capabilities: FilterCapabilities,
): T[] {
  const filter = route.request.query.get('$filter');
  if (filter === null) return items;
  const node = parseFilter(filter, capabilities);
  return items.filter((item) => matches(node, (property) => item[property]));
}

function listRoleAssignments(route: RouteContext) {
  rejectUnsupportedOptions(route.request);
  const items = route.tenant.roleAssignments().map((assignment) => ({ ...assignment }));
  return json(
    200,
    collectionPage(
      route.request,
      'roleManagement/directory/roleAssignments',
      filtered(route, items, ROLE_ASSIGNMENT_FILTERS),
      selectedProperties(route.request, ROLE_ASSIGNMENT_TYPE),
    ),
  );
}

function listUnits(route: RouteContext) {
  rejectUnsupportedOptions(route.request);
  const items = [...route.tenant.allAdministrativeUnits()].map(administrativeUnitResource);
  return json(
    200,
    collectionPage(
      route.request,
      'directory/administrativeUnits',
      filtered(route, items, UNIT_FILTERS),
      selectedProperties(route.request, ADMINISTRATIVE_UNIT_TYPE),
    ),
  );
}

function getUnit(route: RouteContext) {
  const unit = route.tenant.administrativeUnit(route.params.unit);
  return json(200, {
    '@odata.context': `${route.request.serviceRoot}/$metadata#directory/administrativeUnits/$entity`,
    ...project(administrativeUnitResource(unit), selectedProperties(route.request, ADMINISTRATIVE_UNIT_TYPE)),
  });
}

function unitMembers(route: RouteContext) {
  rejectUnsupportedOptions(route.request, ['$select', '$top', '$count', '$skiptoken']);
  const unit = route.tenant.administrativeUnit(route.params.unit);
  const properties = selectedProperties(route.request, UNIT_MEMBER_TYPE);
  const items = [...unit.members].flatMap((id) => {
    const user = route.tenant.findUser(id);
    if (user) return [userDirectoryObject(user, properties)];
    const group = route.tenant.group(id);
    return group ? [groupResource(group)] : [];
  });
  return json(200, collectionPage(route.request, 'directoryObjects', items, properties));
}

function scopedRoleMembers(route: RouteContext) {
  const { tenant } = route;
  const unit = tenant.administrativeUnit(route.params.unit);
  const scope = `/administrativeUnits/${unit.id}`;
  const items = tenant
    .roleAssignments()
    .filter((assignment) => assignment.directoryScopeId === scope)
    .map((assignment) => {
      const member = tenant.findUser(assignment.principalId) ?? tenant.group(assignment.principalId);
      return {
        id: assignment.id,
        roleId: tenant.directoryRoleId(assignment.roleDefinitionId),
        administrativeUnitId: unit.id,
        roleMemberInfo: { id: assignment.principalId, displayName: member?.displayName ?? null },
      };
    });
  const properties = selectedProperties(route.request, SCOPED_ROLE_MEMBERSHIP_TYPE);
  return json(
    200,
    collectionPage(route.request, `directory/administrativeUnits('${unit.id}')/scopedRoleMembers`, items, properties),
  );
}

function listGroups(route: RouteContext) {
  rejectUnsupportedOptions(route.request);
  const items = [...route.tenant.allGroups()].map(groupResource);
  return json(
    200,
    collectionPage(
      route.request,
      'groups',
      filtered(route, items, GROUP_FILTERS),
      selectedProperties(route.request, GROUP_TYPE),
    ),
  );
}

function getGroup(route: RouteContext) {
  const group = route.tenant.group(route.params.group);
  if (!group) throw notFound(route.params.group);
  return json(200, {
    '@odata.context': `${route.request.serviceRoot}/$metadata#groups/$entity`,
    ...project(groupResource(group), selectedProperties(route.request, GROUP_TYPE)),
  });
}

export const directoryRoutes: Route[] = [
  { pattern: 'roleManagement/directory/roleAssignments', methods: { GET: listRoleAssignments } },
  { pattern: 'directory/administrativeUnits', methods: { GET: listUnits } },
  { pattern: 'directory/administrativeUnits/:unit', methods: { GET: getUnit } },
  { pattern: 'directory/administrativeUnits/:unit/members', methods: { GET: unitMembers } },
  { pattern: 'directory/administrativeUnits/:unit/scopedRoleMembers', methods: { GET: scopedRoleMembers } },
  { pattern: 'groups', methods: { GET: listGroups } },
  { pattern: 'groups/:group', methods: { GET: getGroup } },
];
