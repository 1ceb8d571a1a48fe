// How the SMS policy applies to one user: targeted for sign-in, for MFA only, excluded, or not at all.
import type { SmsPolicyTarget } from '../../snapshot/sign-in-snapshot';
import type { SignInSnapshot } from '../method-types';
import { targetsWorker } from '../policy-target';

interface PolicyScope {
  enabled: boolean;
  /** Include targets that name the user (directly, through a group, or all_users). */
  matchingTargets: SmsPolicyTarget[];
  /** Exclude targets that name the user. */
  exclusions: Array<{ id: string; targetType: 'group' | 'user'; displayName?: string }>;
  /** Targeted with "Use for sign-in" ticked and not excluded. */
  usableForSignIn: boolean;
}

export function policyScope(snapshot: SignInSnapshot): PolicyScope {
  const names = new Map(snapshot.groups.map((group) => [group.id, group.displayName]));
  const named = <T extends { id: string; displayName?: string }>(target: T): T => ({
    ...target,
    displayName: target.displayName ?? names.get(target.id),
  });
  const applies = targetsWorker(snapshot);
  const matchingTargets = snapshot.policy.includeTargets.filter(applies).map(named);
  const exclusions = snapshot.policy.excludeTargets.filter(applies).map(named);
  return {
    enabled: snapshot.policy.state === 'enabled',
    matchingTargets,
    exclusions,
    usableForSignIn:
      snapshot.policy.state === 'enabled' &&
      exclusions.length === 0 &&
      matchingTargets.some((target) => target.isUsableForSignIn),
  };
}
