// What the authentication method policies share (SMS, QR code, Temporary Access Pass): include/exclude targets, who they let use the method
// (docs/graph-facts.md §17.1, §18.1), and reading a PATCH body's fields with Graph's ranges.
import { badRequest } from './graph-error';
import type { SeedMethodTarget } from './seed';
import type { TenantDirectory } from './tenant-directory';
import type { UserRecord } from './tenant-records';

export interface MethodTargets {
  state: 'enabled' | 'disabled';
  includeTargets: SeedMethodTarget[];
  excludeTargets: SeedMethodTarget[];
}

/** Licences that include QR code sign-in and Temporary Access Pass: the same as SMS sign-in's (docs/graph-facts.md §17.5). */
const LICENSED: ReadonlySet<string> = new Set([
  'SPE_F1',
  'M365_F1',
  'M365_F1_COMM',
  'DESKLESSPACK',
  'AAD_PREMIUM',
  'AAD_PREMIUM_P2',
  'EMS',
  'EMSPREMIUM',
  'SPE_E3',
  'SPE_E5',
]);

/** Whether a policy target names the user: directly, through one of their groups (ids given), or all users. */
export function targetsUser(
  user: UserRecord,
  target: { targetType: string; id: string },
  groups: Set<string>,
): boolean {
  if (target.targetType === 'user') return target.id === user.id;
  return target.id === 'all_users' || groups.has(target.id);
}

/**
 * Why the policy does not let this user have the method, in Graph's words, or undefined. Guests and unlicensed
 * users are refused too: Graph's answer for them is unverified, the choice is in docs/simulator.md.
 */
export function notAllowedBy(
  directory: TenantDirectory,
  policy: MethodTargets,
  user: UserRecord,
  method: string,
): string | undefined {
  if (policy.state !== 'enabled') return `The ${method} authentication method is disabled in this tenant.`;
  if (user.userType === 'Guest') return `The ${method} authentication method is not supported for guest users.`;
  const groups = new Set(directory.transitiveGroups(user.id).map((group) => group.id));
  const included = policy.includeTargets.some((target) => targetsUser(user, target, groups));
  const excluded = policy.excludeTargets.some((target) => targetsUser(user, target, groups));
  if (!included || excluded) return `The user is not enabled for the ${method} authentication method by policy.`;
  if (!user.licenses.some((sku) => LICENSED.has(sku)))
    return `The user needs a licence that includes Microsoft Entra ID P1 to use the ${method} authentication method.`;
  return undefined;
}

export function checkTargetsExist(directory: TenantDirectory, policy: MethodTargets): void {
  for (const target of [...policy.includeTargets, ...policy.excludeTargets]) {
    if (target.id === 'all_users' && target.targetType === 'group') continue;
    const known = target.targetType === 'group' ? directory.group(target.id) : directory.findUser(target.id);
    if (!known)
      throw badRequest(`The policy target ${target.targetType} '${target.id}' does not exist in the directory.`);
  }
}

export function targetList(value: unknown, name: string): SeedMethodTarget[] {
  if (!Array.isArray(value)) throw badRequest(`The property '${name}' must be an array.`, 'badRequest');
  return value.map((item) => {
    const target = item as Record<string, unknown> | null;
    if (target === null || typeof target !== 'object' || Array.isArray(target))
      throw badRequest(`Each entry of '${name}' must be an object.`, 'badRequest');
    if (typeof target.id !== 'string' || target.id === '')
      throw badRequest(`Each entry of '${name}' needs an id.`, 'badRequest');
    if (target.targetType !== 'group' && target.targetType !== 'user')
      throw badRequest(
        `Invalid targetType '${String(target.targetType)}' in '${name}'. Use group or user.`,
        'badRequest',
      );
    return { id: target.id, targetType: target.targetType };
  });
}

/** A whole number in Graph's documented range, or a 400 naming the property and the range. */
export function integerIn(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw badRequest(`The property '${name}' must be a whole number from ${min} to ${max}.`, 'badRequest');
  return value;
}

export function stateOf(value: unknown): 'enabled' | 'disabled' {
  if (value !== 'enabled' && value !== 'disabled')
    throw badRequest(`Invalid state '${String(value)}'. Use enabled or disabled.`, 'badRequest');
  return value;
}

/** The policy as Graph shows its targets. */
export function targetsResource(policy: MethodTargets): Record<string, unknown> {
  return {
    state: policy.state,
    includeTargets: policy.includeTargets.map((target) => ({ targetType: target.targetType, id: target.id })),
    excludeTargets: policy.excludeTargets.map((target) => ({ targetType: target.targetType, id: target.id })),
  };
}
