import type { Finding } from '../finding';
import { describeTarget } from '../policy-target';
import { policyScope } from './policy-scope';
import type { SignInSnapshot } from '../method-types';

/** Why the authentication methods policy does or does not let this user sign in by SMS (docs/graph-facts.md §3.3). */
export function policyFindings(snapshot: SignInSnapshot): Finding[] {
  const name = snapshot.user.displayName;
  const scope = policyScope(snapshot);
  if (!scope.enabled) {
    return [
      {
        id: 'sms-policy-disabled',
        severity: 'blocker',
        summary: 'Sign-in by text message is turned off for the whole organisation.',
        fix: 'A tenant admin must turn on the SMS method, with "Use for sign-in" ticked, in the Entra authentication methods policy.',
      },
    ];
  }
  const findings: Finding[] = [];
  if (scope.exclusions.length > 0) {
    const groups = scope.exclusions.map(describeTarget).join(' and ');
    findings.push({
      id: 'excluded-from-policy',
      severity: 'blocker',
      summary: `${name} is in ${groups}, which is not allowed to sign in by text message.`,
      fix: `If ${name} should sign in with their phone, ask IT to take them out of ${groups}.`,
    });
  }
  if (scope.matchingTargets.length === 0) {
    const allowed = snapshot.policy.includeTargets.filter((target) => target.isUsableForSignIn).map(describeTarget);
    findings.push({
      id: 'not-in-policy',
      severity: 'blocker',
      summary: `${name} is not in the group of people allowed to sign in by text message.`,
      fix:
        allowed.length > 0
          ? `Ask IT to add ${name} to ${allowed.join(' or ')}.`
          : 'Ask a tenant admin to add them to the SMS sign-in policy.',
    });
  } else if (!scope.matchingTargets.some((target) => target.isUsableForSignIn)) {
    // The most common set-up mistake: SMS enabled for MFA only.
    const target = scope.matchingTargets[0];
    findings.push({
      id: 'use-for-sign-in-unchecked',
      severity: 'blocker',
      summary: `Text messages are set up for ${name} only as a second check, not for signing in: "Use for sign-in" is not ticked for ${describeTarget(target)}.`,
      fix: `A tenant admin can tick "Use for sign-in" for ${describeTarget(target)} in the SMS policy.`,
      proposal: { kind: 'set-use-for-sign-in', policyTargetId: target.id, useForSignIn: true, tenantWide: true },
    });
  }
  return findings;
}
