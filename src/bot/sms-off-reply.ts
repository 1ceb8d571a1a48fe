// "Turn off SMS sign-in for everyone" (or "for the Frontline workers group"): tenant admins only. The impact is read
// live and shown first; a button then asks for the change they chose (untick one target, or the policy off), as a
// tenant-wide request that another tenant admin approves. Card data is only ids and a mode, re-checked.
import type { TurnContext } from 'botbuilder';
import type { Person } from '../audit/audit-context';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { buildSmsOffCard } from '../cards/sms-off-card';
import { readSmsOffImpact, type ImpactGateway } from '../checks/sms-off-impact';
import { submitChange, type SubmitChangeDeps } from '../conversation/submit-change';
import { describeTarget } from '../methods/policy-target';
import { personOf, WHO_ARE_YOU } from './person-of';

export interface SmsOffDeps extends SubmitChangeDeps {
  gateway: ImpactGateway;
}

type Answer = { card: AdaptiveCard } | { text: string } | { posted: string };

const ONLY_TENANT_ADMINS = 'Only tenant admins can turn SMS sign-in off for a whole group or the organisation.';
const REASON = 'SMS sign-in stops on 1 February 2027; the organisation moves to QR badges ahead of it';

/** The impact card for everyone, or for the policy target whose name has every word typed. */
export async function smsOffAnswer(deps: SmsOffDeps, requester: Person, group: string | undefined): Promise<Answer> {
  const profile = await deps.directory.profile(requester, { fresh: true });
  if (!deps.access.isTenantAdmin(profile)) return { text: ONLY_TENANT_ADMINS };
  let targetId: string | undefined;
  if (group) {
    const policy = await deps.gateway.smsPolicy({ fresh: true, withGroupNames: true });
    const words = group.toLowerCase().split(/\s+/).filter(Boolean);
    const found = policy.includeTargets.filter((target) =>
      words.every((word) => (target.displayName ?? '').toLowerCase().includes(word)),
    );
    if (found.length !== 1)
      return {
        text: `The SMS policy has ${found.length === 0 ? 'no' : 'more than one'} target called "${group}". Its targets: ${policy.includeTargets.map((target) => describeTarget(target)).join(', ')}.`,
      };
    targetId = found[0]!.id;
  }
  const impact = await readSmsOffImpact(deps.gateway, targetId, new Date());
  if (!impact) return { text: 'That group is no longer a target of the SMS sign-in policy.' };
  return { card: buildSmsOffCard({ ...impact, oneTarget: targetId !== undefined }) };
}

/** A button on the impact card: the chosen change asked for, tenant-wide, after the policy is read again. */
export async function askSmsOff(
  deps: SmsOffDeps,
  context: TurnContext,
  data: Record<string, unknown>,
): Promise<Answer> {
  const requester = personOf(context.activity);
  if (!requester) return { text: WHO_ARE_YOU };
  const profile = await deps.directory.profile(requester, { fresh: true });
  if (!deps.access.isTenantAdmin(profile)) return { text: ONLY_TENANT_ADMINS };
  const policy = await deps.gateway.smsPolicy({ fresh: true, withGroupNames: true });
  const common = { requester, reason: REASON, urgent: false, tenantWide: true } as const;
  if (data.mode === 'policy') {
    if (policy.state === 'disabled') return { text: 'The SMS policy is already off.' };
    const request = await submitChange(
      deps,
      context,
      { ...common, kind: 'disable-sms-policy', target: { userId: 'tenant', displayName: 'the whole organisation' } },
      undefined,
    );
    return { posted: request ? `Request ${request.number}: see its card below.` : 'Nothing was asked for.' };
  }
  const target = policy.includeTargets.find((candidate) => candidate.id === data.targetId);
  if (data.mode !== 'untick' || !target) return { text: 'That group is no longer a target of the SMS sign-in policy.' };
  if (!target.isUsableForSignIn)
    return { text: `"Use for sign-in" is already unticked for ${target.displayName ?? 'that group'}.` };
  const request = await submitChange(
    deps,
    context,
    {
      ...common,
      kind: 'set-use-for-sign-in',
      policyTargetId: target.id,
      useForSignIn: false,
      target: {
        userId: 'tenant',
        displayName: target.displayName ? `the group "${target.displayName}"` : 'that group',
      },
    },
    undefined,
  );
  return { posted: request ? `Request ${request.number}: see its card below.` : 'Nothing was asked for.' };
}
