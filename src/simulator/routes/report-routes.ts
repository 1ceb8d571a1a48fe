import { json } from '../graph-request';
import type { Route, RouteContext } from '../graph-router';
import { REGISTRATION_DETAILS_TYPE, registrationDetailsResource } from '../graph-resources';
import { matches, parseFilter, type FilterCapabilities } from '../odata-filter';
import { collectionPage, project, rejectUnsupportedOptions, selectedProperties } from '../odata-query';

const FILTERS: FilterCapabilities = {
  resource: 'userRegistrationDetails',
  eq: ['id', 'userPrincipalName', 'isAdmin', 'userType', 'isMfaRegistered'],
  in: ['id', 'userPrincipalName'],
  startswith: ['userPrincipalName', 'userDisplayName'],
  anyEq: ['methodsRegistered'],
};

function listRegistrationDetails(route: RouteContext) {
  rejectUnsupportedOptions(route.request);
  let items = [...route.tenant.allUsers()].map((user) => registrationDetailsResource(route.tenant, user));
  const filter = route.request.query.get('$filter');
  if (filter !== null) {
    const node = parseFilter(filter, FILTERS);
    items = items.filter((item) => matches(node, (property) => item[property]));
  }
  return json(
    200,
    collectionPage(
      route.request,
      'reports/authenticationMethods/userRegistrationDetails',
      items,
      selectedProperties(route.request, REGISTRATION_DETAILS_TYPE),
    ),
  );
}

function getRegistrationDetails(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  return json(200, {
    '@odata.context': `${route.request.serviceRoot}/$metadata#reports/authenticationMethods/userRegistrationDetails/$entity`,
    ...project(
      registrationDetailsResource(route.tenant, user),
      selectedProperties(route.request, REGISTRATION_DETAILS_TYPE),
    ),
  });
}

export const reportRoutes: Route[] = [
  { pattern: 'reports/authenticationMethods/userRegistrationDetails', methods: { GET: listRegistrationDetails } },
  { pattern: 'reports/authenticationMethods/userRegistrationDetails/:user', methods: { GET: getRegistrationDetails } },
];
