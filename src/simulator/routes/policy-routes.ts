import { badRequest } from '../graph-error';
import { json, noContent } from '../graph-request';
import { objectBody, type Route, type RouteContext } from '../graph-router';
import type { SeedExcludeTarget, SeedSmsIncludeTarget, SeedSmsPolicy } from '../seed';

const SMS_TYPE = '#microsoft.graph.smsAuthenticationMethodConfiguration';
const PATH = 'policies/authenticationMethodsPolicy/authenticationMethodConfigurations/sms';

/** The configuration at the top level, not in the docs' {"value": …} wrapper (docs/graph-facts.md §3.1). */
function getSmsPolicy(route: RouteContext) {
  const policy = route.tenant.smsPolicy();
  return json(200, {
    '@odata.context': `${route.request.serviceRoot}/$metadata#policies/authenticationMethodsPolicy/authenticationMethodConfigurations/$entity`,
    '@odata.type': SMS_TYPE,
    id: 'Sms',
    state: policy.state,
    excludeTargets: policy.excludeTargets.map((target) => ({ id: target.id, targetType: target.targetType })),
    includeTargets: policy.includeTargets.map((target) => ({
      targetType: target.targetType,
      id: target.id,
      isRegistrationRequired: false,
      isUsableForSignIn: target.isUsableForSignIn,
    })),
    telecomProviderSettings: policy.telecomProviderSettings,
  });
}

function targetList(value: unknown, name: string): Array<Record<string, unknown>> {
  if (!Array.isArray(value)) throw badRequest(`The property '${name}' must be an array.`, 'badRequest');
  return value.map((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      throw badRequest(`Each entry of '${name}' must be an object.`, 'badRequest');
    const target = item as Record<string, unknown>;
    if (typeof target.id !== 'string' || target.id === '')
      throw badRequest(`Each entry of '${name}' needs an id.`, 'badRequest');
    if (target.targetType !== 'group' && target.targetType !== 'user') {
      throw badRequest(
        `Invalid targetType '${String(target.targetType)}' in '${name}'. Use group or user.`,
        'badRequest',
      );
    }
    return target;
  });
}

function includeTargets(value: unknown): SeedSmsIncludeTarget[] {
  return targetList(value, 'includeTargets').map((target) => {
    if (target.isRegistrationRequired === true)
      throw badRequest('isRegistrationRequired is not supported for SMS.', 'badRequest');
    if (target.isUsableForSignIn !== undefined && typeof target.isUsableForSignIn !== 'boolean') {
      throw badRequest('isUsableForSignIn must be true or false.', 'badRequest');
    }
    return {
      id: target.id as string,
      targetType: target.targetType as 'group' | 'user',
      isUsableForSignIn: target.isUsableForSignIn !== false,
    };
  });
}

function excludeTargets(value: unknown): SeedExcludeTarget[] {
  return targetList(value, 'excludeTargets').map((target) => ({
    id: target.id as string,
    targetType: target.targetType as 'group' | 'user',
  }));
}

/**
 * Documented updatable properties are state and excludeTargets; includeTargets is accepted too, as common
 * practice does (unverified, docs/graph-facts.md §3.1; see docs/simulator.md).
 */
function patchSmsPolicy(route: RouteContext) {
  const body = objectBody(route.request);
  if (body['@odata.type'] !== SMS_TYPE) {
    throw badRequest(`The request body must include "@odata.type": "${SMS_TYPE}".`, 'badRequest');
  }
  const change: Partial<SeedSmsPolicy> = {};
  for (const [key, value] of Object.entries(body)) {
    switch (key) {
      case '@odata.type':
      case 'id':
        break;
      case 'state':
        if (value !== 'enabled' && value !== 'disabled')
          throw badRequest(`Invalid state '${String(value)}'. Use enabled or disabled.`, 'badRequest');
        change.state = value;
        break;
      case 'includeTargets':
        change.includeTargets = includeTargets(value);
        break;
      case 'excludeTargets':
        change.excludeTargets = excludeTargets(value);
        break;
      default:
        throw badRequest(
          `The property '${key}' cannot be updated on type 'microsoft.graph.smsAuthenticationMethodConfiguration'.`,
          'badRequest',
        );
    }
  }
  route.tenant.updateSmsPolicy(change);
  return noContent();
}

export const policyRoutes: Route[] = [{ pattern: PATH, methods: { GET: getSmsPolicy, PATCH: patchSmsPolicy } }];
