// The QR code + PIN and Temporary Access Pass policies under authenticationMethodConfigurations (docs/graph-facts.md
// §17.1, §18.1): GET, and PATCH with Graph's ranges. "@odata.type" is required on a PATCH, as for SMS.
import { badRequest } from '../graph-error';
import { json, noContent } from '../graph-request';
import { objectBody, type Route, type RouteContext } from '../graph-router';
import { integerIn, stateOf, targetList, targetsResource, type MethodTargets } from '../method-policy';
import type { QrCodePinPolicyRecord } from '../qr-code-pins';
import type { TemporaryAccessPassPolicyRecord } from '../temporary-access-passes';

const BASE = 'policies/authenticationMethodsPolicy/authenticationMethodConfigurations';
const QR_TYPE = '#microsoft.graph.qrCodePinAuthenticationMethodConfiguration';
const TAP_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration';

function entity(route: RouteContext, type: string, id: string, fields: Record<string, unknown>) {
  return {
    '@odata.context': `${route.request.serviceRoot}/$metadata#${BASE}/$entity`,
    '@odata.type': type,
    id,
    ...fields,
  };
}

function qrResource(route: RouteContext) {
  const policy = route.tenant.qrCodePins.policy();
  return entity(route, QR_TYPE, 'QRCodePin', {
    ...targetsResource(policy),
    pinLength: policy.pinLength,
    standardQRCodeLifetimeInDays: policy.standardQRCodeLifetimeInDays,
  });
}

function tapResource(route: RouteContext) {
  const policy = route.tenant.temporaryAccessPasses.policy();
  return entity(route, TAP_TYPE, 'TemporaryAccessPass', {
    ...targetsResource(policy),
    defaultLength: policy.defaultLength,
    defaultLifetimeInMinutes: policy.defaultLifetimeInMinutes,
    minimumLifetimeInMinutes: policy.minimumLifetimeInMinutes,
    maximumLifetimeInMinutes: policy.maximumLifetimeInMinutes,
    isUsableOnce: policy.isUsableOnce,
  });
}

/** The body's fields, each read by its own reader; an unknown field is refused by name. */
function readPatch<T>(
  route: RouteContext,
  type: string,
  readers: Record<string, (value: unknown) => Partial<T>>,
): Partial<T> {
  const body = objectBody(route.request);
  if (body['@odata.type'] !== type)
    throw badRequest(`The request body must include "@odata.type": "${type}".`, 'badRequest');
  let change: Partial<T> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '@odata.type' || key === 'id') continue;
    const read = readers[key];
    if (!read) throw badRequest(`The property '${key}' cannot be updated on type '${type.slice(1)}'.`, 'badRequest');
    change = { ...change, ...read(value) };
  }
  return change;
}

const TARGET_READERS = {
  state: (value: unknown): Partial<MethodTargets> => ({ state: stateOf(value) }),
  includeTargets: (value: unknown): Partial<MethodTargets> => ({ includeTargets: targetList(value, 'includeTargets') }),
  excludeTargets: (value: unknown): Partial<MethodTargets> => ({ excludeTargets: targetList(value, 'excludeTargets') }),
};

function patchQr(route: RouteContext) {
  const change = readPatch<QrCodePinPolicyRecord>(route, QR_TYPE, {
    ...TARGET_READERS,
    pinLength: (value) => ({ pinLength: integerIn(value, 'pinLength', 8, 20) }),
    standardQRCodeLifetimeInDays: (value) => ({
      standardQRCodeLifetimeInDays: integerIn(value, 'standardQRCodeLifetimeInDays', 1, 395),
    }),
  });
  route.tenant.qrCodePins.updatePolicy(change);
  // The update page answers 200 with the object (the how-to says 204; docs/simulator.md).
  return json(200, qrResource(route));
}

function patchTap(route: RouteContext) {
  const minutes = (name: keyof TemporaryAccessPassPolicyRecord) => (value: unknown) => ({
    [name]: integerIn(value, name, 10, 43_200),
  });
  const change = readPatch<TemporaryAccessPassPolicyRecord>(route, TAP_TYPE, {
    ...TARGET_READERS,
    defaultLength: (value) => ({ defaultLength: integerIn(value, 'defaultLength', 8, 48) }),
    defaultLifetimeInMinutes: minutes('defaultLifetimeInMinutes'),
    minimumLifetimeInMinutes: minutes('minimumLifetimeInMinutes'),
    maximumLifetimeInMinutes: minutes('maximumLifetimeInMinutes'),
    isUsableOnce: (value) => {
      if (typeof value !== 'boolean') throw badRequest('isUsableOnce must be true or false.', 'badRequest');
      return { isUsableOnce: value };
    },
  });
  route.tenant.temporaryAccessPasses.updatePolicy(change);
  return noContent();
}

export const methodPolicyRoutes: Route[] = [
  { pattern: `${BASE}/qrCodePin`, methods: { GET: (route) => json(200, qrResource(route)), PATCH: patchQr } },
  {
    pattern: `${BASE}/temporaryAccessPass`,
    methods: { GET: (route) => json(200, tapResource(route)), PATCH: patchTap },
  },
];
