// /users/{id|upn}/authentication/qrCodePinMethod and its standard code, temporary code and PIN (docs/graph-facts.md
// §17.3). Images and the PIN appear only in the answers that create them.
import { json, noContent } from '../graph-request';
import { objectBody, type Route, type RouteContext } from '../graph-router';
import { NEVER_USED, type IssuedCode, type QrCodePinRecord, type QrCodeRecord } from '../qr-code-pins';

type Json = Record<string, unknown>;

const METHOD_TYPE = '#microsoft.graph.qrCodePinAuthenticationMethod';

function contextOf(route: RouteContext, suffix: string): string {
  return `${route.request.serviceRoot}/$metadata#users('${route.params.user}')/authentication/qrCodePinMethod${suffix}`;
}

function codeResource(code: QrCodeRecord | undefined, image: IssuedCode['image'] | null = null): Json | null {
  if (!code) return null;
  return {
    id: code.id,
    createdDateTime: code.createdDateTime,
    startDateTime: code.startDateTime,
    expireDateTime: code.expireDateTime,
    lastUsedDateTime: code.lastUsedDateTime ?? NEVER_USED,
    image,
  };
}

function pinResource(method: QrCodePinRecord, code: string | null): Json {
  return {
    code,
    forceChangePinNextSignIn: method.pin.forceChangePinNextSignIn,
    createdDateTime: method.pin.createdDateTime,
    updatedDateTime: method.pin.updatedDateTime,
  };
}

/** The method as a GET shows it: no image, no PIN. */
export function qrCodePinResource(method: QrCodePinRecord): Json {
  return {
    '@odata.type': METHOD_TYPE,
    id: method.id,
    createdDateTime: method.createdDateTime,
    standardQRCode: codeResource(method.standardQRCode),
    temporaryQRCode: codeResource(method.temporaryQRCode),
    pin: pinResource(method, null),
  };
}

function create(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  const { method, issued, pin } = route.tenant.qrCodePins.create(user, objectBody(route.request), route.now());
  return json(201, {
    '@odata.context': contextOf(route, '/$entity'),
    ...qrCodePinResource(method),
    standardQRCode: codeResource(issued.code, issued.image),
    pin: pinResource(method, pin),
  });
}

function get(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  return json(200, {
    '@odata.context': contextOf(route, '/$entity'),
    ...qrCodePinResource(route.tenant.qrCodePins.method(user)),
  });
}

function remove(route: RouteContext) {
  route.tenant.qrCodePins.deleteMethod(route.tenant.user(route.params.user));
  return noContent();
}

function patchStandard(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  const { code, issued } = route.tenant.qrCodePins.patchStandard(user, objectBody(route.request), route.now());
  // A new code is created (201, with its image); an extended one is answered without it.
  return json(issued ? 201 : 200, {
    '@odata.context': contextOf(route, '/standardQRCode/$entity'),
    ...codeResource(code, issued?.image ?? null),
  });
}

function removeStandard(route: RouteContext) {
  route.tenant.qrCodePins.deleteStandard(route.tenant.user(route.params.user));
  return noContent();
}

function patchTemporary(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  const issued = route.tenant.qrCodePins.patchTemporary(user, objectBody(route.request), route.now());
  return json(201, {
    '@odata.context': contextOf(route, '/temporaryQRCode/$entity'),
    ...codeResource(issued.code, issued.image),
  });
}

function removeTemporary(route: RouteContext) {
  route.tenant.qrCodePins.deleteTemporary(route.tenant.user(route.params.user));
  return noContent();
}

function resetPin(route: RouteContext) {
  const user = route.tenant.user(route.params.user);
  const body = route.request.body === undefined ? {} : objectBody(route.request);
  const pin = route.tenant.qrCodePins.resetPin(user, body, route.now());
  return json(201, {
    '@odata.context': contextOf(route, '/pin/$entity'),
    ...pinResource(route.tenant.qrCodePins.method(user), pin),
  });
}

export const qrCodePinRoutes: Route[] = [
  { pattern: 'users/:user/authentication/qrCodePinMethod', methods: { PUT: create, GET: get, DELETE: remove } },
  {
    pattern: 'users/:user/authentication/qrCodePinMethod/standardQRCode',
    methods: { PATCH: patchStandard, DELETE: removeStandard },
  },
  {
    pattern: 'users/:user/authentication/qrCodePinMethod/temporaryQRCode',
    methods: { PATCH: patchTemporary, DELETE: removeTemporary },
  },
  { pattern: 'users/:user/authentication/qrCodePinMethod/pin', methods: { PATCH: resetPin } },
];
