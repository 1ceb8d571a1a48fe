// Making a Temporary Access Pass: always one-time (a first sign-in needs no more), within the tenant's bounds, and
// handed to the requester once. Graph keeps one pass per user, so a new one replaces a pass whose answer was lost.
import type { GraphGateway } from '../../graph/graph-gateway';
import type { ApplyResult, LiveState, SecretMakingKind, TargetedChange } from '../method-contract';
import type { HandedOverPass } from '../handover';
import type { IssuePass, TapPolicySnapshot } from './tap-types';

export type TapGateway = Pick<GraphGateway, 'createTemporaryAccessPass' | 'deleteTemporaryAccessPass'>;

const WHOLE_SECOND = 1000;
const whenOf = (live: LiveState): Date => live.executionStartedAt ?? new Date();

/** The lifetime asked for, within the tenant's current bounds. */
export function passMinutes(asked: number, policy: TapPolicySnapshot | undefined): number {
  if (!policy) return asked;
  return Math.min(policy.maximumLifetimeInMinutes, Math.max(policy.minimumLifetimeInMinutes, asked));
}

/** Why the tenant lets no pass be made now, in plain words. */
export function passRefusal(name: string, live: LiveState): string | undefined {
  return live.snapshot?.tapPolicy?.state === 'disabled'
    ? `Temporary Access Pass is turned off for the whole organisation, so ${name} cannot have one. Nothing was changed; a tenant admin can turn it on in the Entra authentication methods policy.`
    : undefined;
}

/** Makes a one-time pass for the worker; the pass itself goes in the handover only. */
export async function makePass(
  gateway: TapGateway,
  userId: string,
  minutes: number,
  live: LiveState,
): Promise<HandedOverPass> {
  const made = await gateway.createTemporaryAccessPass(userId, {
    lifetimeInMinutes: passMinutes(minutes, live.snapshot?.tapPolicy),
    isUsableOnce: true,
  });
  return {
    id: made.id,
    pass: made.pass,
    startDateTime: made.startDateTime,
    expireDateTime: new Date(Date.parse(made.startDateTime) + made.lifetimeInMinutes * 60_000).toISOString(),
    usableOnce: made.isUsableOnce,
  };
}

/** Whether a pass was made since this run began (Graph keeps whole seconds). */
export function passMadeSince(live: LiveState): boolean {
  const since = Math.floor(whenOf(live).getTime() / WHOLE_SECOND) * WHOLE_SECOND;
  return (live.snapshot?.temporaryAccessPasses ?? []).some((pass) => Date.parse(pass.startDateTime) >= since);
}

async function newPass(change: TargetedChange<IssuePass>, gateway: TapGateway, live: LiveState): Promise<ApplyResult> {
  const pass = await makePass(gateway, change.target.userId, change.lifetimeMinutes, live);
  return {
    status: 'succeeded',
    outcome: `${change.target.displayName} has a Temporary Access Pass for one sign-in, sent only to the person who asked, in their chat with phonedesk. It replaces any pass they had.`,
    handover: { pass },
  };
}

export const issuePass: SecretMakingKind<IssuePass, TapGateway> = {
  handler: {
    plan(change, live) {
      const refusal = passRefusal(change.target.displayName, live);
      return refusal ? { action: 'refuse', outcome: refusal } : { action: 'apply' };
    },
    apply: newPass,
    reconcile: (_change, live) => (passMadeSince(live) ? 'applied' : 'not-applied'),
  },
  secrets: {
    reissue: newPass,
    async withdraw(change, gateway, handover) {
      if (handover.pass) await gateway.deleteTemporaryAccessPass(change.target.userId, handover.pass.id);
      return `The Temporary Access Pass for ${change.target.displayName} was made, but phonedesk could not hand it to the person who asked in their 1:1 chat, so it was removed at once. They can open a chat with phonedesk and ask again.`;
    },
  },
};
