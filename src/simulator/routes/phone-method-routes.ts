import { badRequest } from '../graph-error';
import { json, noContent } from '../graph-request';
import { objectBody, type Route, type RouteContext } from '../graph-router';
import { phoneMethodResource } from '../graph-resources';
import { collectionPage } from '../odata-query';
import { PHONE_METHOD_IDS, phoneNumberNotUnique } from '../tenant';
import type { PhoneType } from '../seed';

const PHONE_TYPES: readonly PhoneType[] = ['mobile', 'alternateMobile', 'office'];
const WRITABLE = new Set(['phoneNumber', 'phoneType']);

function context(context: RouteContext, suffix = ''): string {
  return `${context.request.serviceRoot}/$metadata#users('${context.params.user}')/authentication/phoneMethods${suffix}`;
}

/** The list endpoint supports no query options (docs/graph-facts.md §2.1). */
function listPhoneMethods(route: RouteContext) {
  if ([...route.request.query.keys()].some((key) => key.startsWith('$'))) {
    throw badRequest('This endpoint does not support query options.', 'badRequest');
  }
  const user = route.tenant.user(route.params.user);
  const items = [...user.phoneMethods.values()].map((method) => phoneMethodResource(route.tenant, user, method));
  return json(200, collectionPage(route.request, `users('${route.params.user}')/authentication/phoneMethods`, items));
}

function getPhoneMethod(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  const method = route.tenant.phoneMethod(user, route.params.method);
  return json(200, {
    '@odata.context': context(route, '/$entity'),
    ...phoneMethodResource(route.tenant, user, method),
  });
}

function readBody(route: RouteContext): Record<string, unknown> {
  const body = objectBody(route.request);
  if ('smsSignInState' in body)
    throw badRequest("The property 'smsSignInState' is read-only and cannot be set.", 'badRequest');
  for (const key of Object.keys(body)) {
    if (!WRITABLE.has(key) && key !== '@odata.type' && key !== 'id') {
      throw badRequest(
        `The property '${key}' does not exist on type 'microsoft.graph.phoneAuthenticationMethod'.`,
        'badRequest',
      );
    }
  }
  if (body.phoneType !== undefined && !PHONE_TYPES.includes(body.phoneType as PhoneType)) {
    throw badRequest(
      `Invalid phoneType '${String(body.phoneType)}'. Use mobile, alternateMobile or office.`,
      'badRequest',
    );
  }
  return body;
}

function createPhoneMethod(route: RouteContext) {
  const body = readBody(route);
  if (body.phoneType === undefined) throw badRequest('The phoneType property is required.', 'badRequest');
  const user = route.tenant.user(route.params.user);
  const result = route.tenant.addPhoneMethod(user, body.phoneType as PhoneType, body.phoneNumber);
  // Graph saves the number for MFA and then fails the SMS sign-in registration (docs/graph-facts.md §2.4).
  if (result.notUnique) throw phoneNumberNotUnique();
  const resource = phoneMethodResource(route.tenant, user, result.method);
  return json(
    201,
    { '@odata.context': context(route, '/$entity'), ...resource },
    {
      location: `${route.request.serviceRoot}/users/${user.id}/authentication/phoneMethods/${PHONE_METHOD_IDS[result.method.phoneType]}`,
    },
  );
}

function updatePhoneMethod(route: RouteContext) {
  const body = readBody(route);
  const user = route.tenant.user(route.params.user);
  const result = route.tenant.updatePhoneMethod(user, route.params.method, body.phoneType, body.phoneNumber);
  if (result.notUnique) throw phoneNumberNotUnique();
  return noContent();
}

function deletePhoneMethod(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  route.tenant.deletePhoneMethod(user, route.params.method);
  return noContent();
}

function enableSmsSignIn(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  route.tenant.enableSmsSignIn(user, route.params.method);
  return noContent();
}

function disableSmsSignIn(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  route.tenant.disableSmsSignIn(user, route.params.method);
  return noContent();
}

export const phoneMethodRoutes: Route[] = [
  { pattern: 'users/:user/authentication/phoneMethods', methods: { GET: listPhoneMethods, POST: createPhoneMethod } },
  {
    pattern: 'users/:user/authentication/phoneMethods/:method',
    methods: { GET: getPhoneMethod, PATCH: updatePhoneMethod, DELETE: deletePhoneMethod },
  },
  { pattern: 'users/:user/authentication/phoneMethods/:method/enableSmsSignIn', methods: { POST: enableSmsSignIn } },
  { pattern: 'users/:user/authentication/phoneMethods/:method/disableSmsSignIn', methods: { POST: disableSmsSignIn } },
];
