import { GraphHttpError } from '../graph-error';
import { json } from '../graph-request';
import type { Route, RouteContext } from '../graph-router';
import {
  ADMINISTRATIVE_UNIT_TYPE,
  DIRECTORY_ROLE_TYPE,
  GROUP_TYPE,
  LICENSE_DETAILS_TYPE,
  USER_DEFAULT_PROPERTIES,
  USER_TYPE,
  administrativeUnitResource,
  directoryRoleResource,
  groupResource,
  licenseDetailsResource,
  userDirectoryObject,
  userResource,
} from '../graph-resources';
import { matches, parseFilter, type FilterCapabilities, type FilterNode } from '../odata-filter';
import {
  collectionPage,
  directoryObjectType,
  project,
  rejectUnsupportedOptions,
  selectedProperties,
  type EntityType,
} from '../odata-query';
import type { Tenant, UserRecord } from '../tenant';

const USER_FILTERS: FilterCapabilities = {
  resource: 'User',
  eq: [
    'id',
    'userPrincipalName',
    'mail',
    'employeeId',
    'displayName',
    'accountEnabled',
    'userType',
    'givenName',
    'surname',
  ],
  in: ['id', 'userPrincipalName', 'mail', 'employeeId'],
  startswith: ['displayName', 'userPrincipalName', 'mail', 'givenName', 'surname', 'employeeId'],
};

/** Filterable user properties, read straight from the record (building whole resources per user is slow at 20k). */
const USER_FIELDS: Record<string, (user: UserRecord) => unknown> = {
  id: (user) => user.id,
  userPrincipalName: (user) => user.userPrincipalName,
  mail: (user) => user.mail,
  employeeId: (user) => user.employeeId,
  displayName: (user) => user.displayName,
  accountEnabled: (user) => user.accountEnabled,
  userType: (user) => user.userType,
  givenName: (user) => user.givenName,
  surname: (user) => user.surname,
};

/** Users an index can narrow the filter to, or undefined when every user must be scanned. */
function candidates(tenant: Tenant, node: FilterNode): UserRecord[] | undefined {
  switch (node.kind) {
    case 'eq':
      return typeof node.value === 'string' ? tenant.usersWithIndexed(node.property, node.value) : undefined;
    case 'in': {
      const lists = node.values.map((value) =>
        typeof value === 'string' ? tenant.usersWithIndexed(node.property, value) : undefined,
      );
      return lists.some((list) => list === undefined) ? undefined : [...new Set(lists.flat() as UserRecord[])];
    }
    case 'and':
      return candidates(tenant, node.left) ?? candidates(tenant, node.right);
    case 'or': {
      const left = candidates(tenant, node.left);
      const right = left && candidates(tenant, node.right);
      return left && right ? [...new Set([...left, ...right])] : undefined;
    }
    default:
      return undefined;
  }
}

function filteredUsers({ tenant, request }: RouteContext): UserRecord[] {
  const filter = request.query.get('$filter');
  if (filter === null) return [...tenant.allUsers()];
  const node = parseFilter(filter, USER_FILTERS);
  const pool = candidates(tenant, node) ?? [...tenant.allUsers()];
  return pool.filter((user) => matches(node, (property) => USER_FIELDS[property]?.(user)));
}

function userProperties(context: RouteContext): readonly string[] {
  return selectedProperties(context.request, USER_TYPE) ?? USER_DEFAULT_PROPERTIES;
}

function listUsers(context: RouteContext) {
  rejectUnsupportedOptions(context.request);
  const properties = userProperties(context);
  return json(200, collectionPage(context.request, 'users', filteredUsers(context), properties, userResource));
}

function countUsers(context: RouteContext) {
  rejectUnsupportedOptions(context.request, ['$filter']);
  if ((context.request.headers.consistencylevel ?? '').toLowerCase() !== 'eventual') {
    throw new GraphHttpError(
      400,
      'Request_BadRequest',
      "Counting users requires the request header 'ConsistencyLevel: eventual'.",
    );
  }
  return { status: 200, body: String(filteredUsers(context).length), headers: { 'content-type': 'text/plain' } };
}

function getUser(context: RouteContext) {
  rejectUnsupportedOptions(context.request, ['$select']);
  const user = context.tenant.user(context.params.user);
  const body = project(userResource(user), userProperties(context));
  return json(200, { '@odata.context': `${context.request.serviceRoot}/$metadata#users/$entity`, ...body });
}

/** manager and directReports are directoryObjects; here they are always users. */
const USER_OBJECT_TYPE = directoryObjectType(USER_TYPE);

/** transitiveMemberOf's casts; without one, its directoryObjects are any of them. */
const MEMBERSHIP_TYPES: readonly EntityType[] = [GROUP_TYPE, ADMINISTRATIVE_UNIT_TYPE, DIRECTORY_ROLE_TYPE];
const MEMBERSHIP_OBJECT_TYPE = directoryObjectType(...MEMBERSHIP_TYPES);

function getManager(context: RouteContext) {
  const user = context.tenant.user(context.params.user);
  const manager = user.manager === undefined ? undefined : context.tenant.findUser(user.manager);
  if (!manager)
    throw new GraphHttpError(
      404,
      'Request_ResourceNotFound',
      `Resource 'manager' does not exist or one of its queried reference-property objects are not present.`,
    );
  const properties = selectedProperties(context.request, USER_OBJECT_TYPE);
  return json(200, {
    '@odata.context': `${context.request.serviceRoot}/$metadata#directoryObjects/$entity`,
    ...userDirectoryObject(manager, properties),
  });
}

function listDirectReports(context: RouteContext) {
  rejectUnsupportedOptions(context.request, ['$select', '$top', '$count', '$skiptoken']);
  const user = context.tenant.user(context.params.user);
  const properties = selectedProperties(context.request, USER_OBJECT_TYPE);
  const items = context.tenant.directReports(user.id).map((report) => userDirectoryObject(report, properties));
  return json(200, collectionPage(context.request, 'directoryObjects', items, properties));
}

function memberships(context: RouteContext, cast?: string) {
  rejectUnsupportedOptions(context.request, ['$select', '$top', '$count', '$skiptoken']);
  const { tenant } = context;
  const user = tenant.user(context.params.user);
  const castType = MEMBERSHIP_TYPES.find((type) => type.name === cast);
  if (cast !== undefined && !castType)
    throw new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${cast}'.`);
  const properties = selectedProperties(context.request, castType ?? MEMBERSHIP_OBJECT_TYPE);
  const all: Array<Record<string, unknown>> = [
    ...tenant.transitiveGroups(user.id).map(groupResource),
    ...tenant.administrativeUnitsOf(user.id).map(administrativeUnitResource),
    ...tenant.tenantWideRoleTemplates(user.id).map((template) => directoryRoleResource(tenant, template)),
  ];
  const items = cast === undefined ? all : all.filter((item) => item['@odata.type'] === `#${cast}`);
  const metadata = cast === undefined ? 'directoryObjects' : `${cast.replace('microsoft.graph.', '')}s`;
  return json(200, collectionPage(context.request, metadata, items, properties));
}

function licenseDetails(context: RouteContext) {
  const user = context.tenant.user(context.params.user);
  const items = user.licenses.map((part) => licenseDetailsResource(user, part));
  return json(
    200,
    collectionPage(
      context.request,
      `users('${user.id}')/licenseDetails`,
      items,
      selectedProperties(context.request, LICENSE_DETAILS_TYPE),
    ),
  );
}

function revokeSignInSessions(context: RouteContext) {
  const user = context.tenant.user(context.params.user);
  context.tenant.revokeSignInSessions(user, context.now());
  return json(200, { '@odata.context': `${context.request.serviceRoot}/$metadata#Edm.Boolean`, value: true });
}

export const userRoutes: Route[] = [
  { pattern: 'users', methods: { GET: listUsers } },
  { pattern: 'users/$count', methods: { GET: countUsers } },
  { pattern: 'users/:user', methods: { GET: getUser } },
  { pattern: 'users/:user/manager', methods: { GET: getManager } },
  { pattern: 'users/:user/directReports', methods: { GET: listDirectReports } },
  { pattern: 'users/:user/transitiveMemberOf', methods: { GET: (context) => memberships(context) } },
  {
    pattern: 'users/:user/transitiveMemberOf/:cast',
    methods: { GET: (context) => memberships(context, context.params.cast) },
  },
  { pattern: 'users/:user/licenseDetails', methods: { GET: licenseDetails } },
  { pattern: 'users/:user/revokeSignInSessions', methods: { POST: revokeSignInSessions } },
];
