// A new starter's badge: a one-time Temporary Access Pass for their first sign-in (a badge shows "Incorrect QR code"
// until the worker has signed in once another way, docs/graph-facts.md §17.6) and the badge with its PIN, made and
// handed over together. The pass comes first: without it the badge would not work yet.
import { GraphFailure } from '../../graph/graph-errors';
import { failureWords } from '../account/stop-then-sign-out';
import type { ChangeHandler, SecretMakingKind, TargetedChange } from '../method-contract';
import { makePass, passMadeSince, passRefusal, type TapGateway } from '../temporary-access-pass/tap-handlers';
import { HANDED_OVER, issueBadge, policyRefusal, type QrIssueGateway } from './qr-issue-handlers';
import type { NewStarter } from './qr-types';

type StarterGateway = QrIssueGateway & TapGateway;

const apply: ChangeHandler<NewStarter, StarterGateway>['apply'] = async (change, gateway, live) => {
  const name = change.target.displayName;
  const pass = await makePass(gateway, change.target.userId, change.passMinutes, live);
  const asBadge: TargetedChange<{ kind: 'issue-badge'; lifetimeDays: number }> = {
    kind: 'issue-badge',
    lifetimeDays: change.lifetimeDays,
    target: change.target,
  };
  try {
    const badge = await issueBadge.handler.apply(asBadge, gateway, live);
    return {
      status: badge.status,
      outcome:
        badge.status === 'succeeded'
          ? `${name} is set up: a one-time Temporary Access Pass for their first sign-in, then a badge for ${change.lifetimeDays} days with a temporary PIN, ${HANDED_OVER}.`
          : `${name} has a Temporary Access Pass for their first sign-in. ${badge.outcome}`,
      handover: { ...badge.handover, pass },
    };
  } catch (error) {
    // An answer that may have made the badge is for the executor to check; a plain refusal leaves the pass.
    if (error instanceof GraphFailure && error.mayHaveApplied) throw error;
    return {
      status: 'partially-succeeded',
      outcome: `${name} has a Temporary Access Pass for their first sign-in (${HANDED_OVER}), but the badge could not be made: ${failureWords(error)}. Ask "give ${name} a QR badge" once that is sorted.`,
      handover: { pass },
    };
  }
};

export const newStarter: SecretMakingKind<NewStarter, StarterGateway> = {
  handler: {
    plan(change, live) {
      const refusal = policyRefusal(change, live) ?? passRefusal(change.target.displayName, live);
      return refusal ? { action: 'refuse', outcome: refusal } : { action: 'apply' };
    },
    apply,
    reconcile(change, live) {
      const badge = issueBadge.handler.reconcile({ ...change, kind: 'issue-badge' }, live) === 'applied';
      const pass = passMadeSince(live);
      return badge && pass ? 'applied' : badge || pass ? 'partly-applied' : 'not-applied';
    },
  },
  secrets: {
    // A new pass replaces the lost one; the badge is made afresh if it exists (never a second create).
    reissue: apply,
    async withdraw(change, gateway, handover) {
      if (handover.pass) await gateway.deleteTemporaryAccessPass(change.target.userId, handover.pass.id);
      if (handover.code) await gateway.deleteQrCode(change.target.userId, 'standardQRCode');
      return `${change.target.displayName}'s pass and badge were made, but phonedesk could not hand them to the person who asked in their 1:1 chat, so both were stopped at once: nobody can use them. They can open a chat with phonedesk and ask again.`;
    },
  },
};
