// /users/{id}/authentication/temporaryAccessPassMethods (docs/graph-facts.md §18.2): the pass itself is in the
// create's answer only.
import { json, noContent } from '../graph-request';
import { objectBody, type Route, type RouteContext } from '../graph-router';
import { collectionPage } from '../odata-query';
import type { TemporaryAccessPassRecord } from '../temporary-access-passes';
import type { UserRecord } from '../tenant-records';

const PASS_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethod';
const PATH = (user: string) => `users('${user}')/authentication/temporaryAccessPassMethods`;

export function temporaryAccessPassResource(
  route: RouteContext,
  user: UserRecord,
  pass: TemporaryAccessPassRecord,
  code: string | null = null,
): Record<string, unknown> {
  const reason = route.tenant.temporaryAccessPasses.usability(pass, user, route.now());
  return {
    '@odata.type': PASS_TYPE,
    id: pass.id,
    temporaryAccessPass: code,
    createdDateTime: pass.createdDateTime,
    startDateTime: pass.startDateTime,
    lifetimeInMinutes: pass.lifetimeInMinutes,
    isUsableOnce: pass.isUsableOnce,
    isUsable: reason === 'EnabledByPolicy',
    methodUsabilityReason: reason,
  };
}

function list(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  const items = route.tenant.temporaryAccessPasses
    .list(user)
    .map((pass) => temporaryAccessPassResource(route, user, pass));
  return json(200, collectionPage(route.request, PATH(route.params.user), items));
}

function create(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  const { pass, code } = route.tenant.temporaryAccessPasses.create(user, objectBody(route.request), route.now());
  return json(201, {
    '@odata.context': `${route.request.serviceRoot}/$metadata#${PATH(route.params.user)}/$entity`,
    ...temporaryAccessPassResource(route, user, pass, code),
  });
}

function get(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  const pass = route.tenant.temporaryAccessPasses.pass(user, route.params.pass);
  return json(200, {
    '@odata.context': `${route.request.serviceRoot}/$metadata#${PATH(route.params.user)}/$entity`,
    ...temporaryAccessPassResource(route, user, pass),
  });
}

function remove(route: RouteContext) {
  route.tenant.temporaryAccessPasses.delete(route.tenant.user(route.params.user), route.params.pass);
  return noContent();
}

export const temporaryAccessPassRoutes: Route[] = [
  { pattern: 'users/:user/authentication/temporaryAccessPassMethods', methods: { GET: list, POST: create } },
  { pattern: 'users/:user/authentication/temporaryAccessPassMethods/:pass', methods: { GET: get, DELETE: remove } },
];
