// /users/{id}/authentication/methods: every method the user has, each with its @odata.type (docs/graph-facts.md
// §18.3). Clients that assume a fixed list break on qrCodePinAuthenticationMethod; this one has it.
import { json } from '../graph-request';
import { phoneMethodResource } from '../graph-resources';
import type { Route, RouteContext } from '../graph-router';
import { collectionPage } from '../odata-query';
import { qrCodePinResource } from './qr-code-pin-routes';
import { temporaryAccessPassResource } from './temporary-access-pass-routes';

const PHONE_TYPE = '#microsoft.graph.phoneAuthenticationMethod';

function list(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  const qr = route.tenant.qrCodePins.find(user);
  const items = [
    ...[...user.phoneMethods.values()].map((method) => ({
      '@odata.type': PHONE_TYPE,
      ...phoneMethodResource(route.tenant, user, method),
    })),
    ...(qr ? [qrCodePinResource(qr)] : []),
    ...route.tenant.temporaryAccessPasses.list(user).map((pass) => temporaryAccessPassResource(route, user, pass)),
  ];
  return json(200, collectionPage(route.request, `users('${route.params.user}')/authentication/methods`, items));
}

export const authenticationMethodRoutes: Route[] = [
  { pattern: 'users/:user/authentication/methods', methods: { GET: list } },
];
