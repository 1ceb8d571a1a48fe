// How the SMS policy applies to one user: targeted for sign-in, for MFA only, excluded, or not at all.
import type { SmsPolicyTarget } from '../../snapshot/sign-in-snapshot';
import type { SignInSnapshot } from '../method-types';

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
  const groups = new Set(snapshot.groups.map((group) => group.id));
  const names = new Map(snapshot.groups.map((group) => [group.id, group.displayName]));
  const named = <T extends { id: string; displayName?: string }>(target: T): T => ({
    ...target,
    displayName: target.displayName ?? names.get(target.id),
  });
  const applies = (target: { id: string; targetType: string }): boolean =>
    target.targetType === 'user' ? target.id === snapshot.user.id : target.id === 'all_users' || groups.has(target.id);
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
