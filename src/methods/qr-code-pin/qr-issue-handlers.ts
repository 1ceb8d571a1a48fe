// The QR code + PIN changes that make a secret: a badge (with its PIN), a temporary code, a PIN reset. Each hands
// its secret over once (methods/handover.ts) and never sends a create twice: a badge whose answer was lost is made
// afresh as a new standard code and a PIN reset (docs/graph-facts.md §17.3).
import type { CodePeriod, IssuedQrCode } from '../../graph/credential-writes';
import type { GraphGateway } from '../../graph/graph-gateway';
import { rfc3339 } from '../../time/rfc3339';
import type { ApplyResult, LiveState, SecretMakingKind, TargetedChange } from '../method-contract';
import type { HandedOverCode, Handover } from '../handover';
import { makePin } from './pin-maker';
import { describeTarget } from '../policy-target';
import { qrPolicyAllows } from './qr-findings';
import type { IssueBadge, ResetPin, TemporaryCode } from './qr-types';

export type QrIssueGateway = Pick<
  GraphGateway,
  'createQrCodePinMethod' | 'newStandardQrCode' | 'newTemporaryQrCode' | 'resetQrPin' | 'deleteQrCode'
>;

type Issuing<C> = SecretMakingKind<C, QrIssueGateway>;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Graph keeps whole seconds: a code made in the second the run started was made by it. */
const WHOLE_SECOND = 1000;
export const TEMPORARY_CODE_HOURS = { min: 1, max: 12 } as const;

const name = (change: TargetedChange<unknown>): string => change.target.displayName;
const badgeOf = (live: LiveState) => live.snapshot?.qrCodePin;
const whenOf = (live: LiveState): Date => live.executionStartedAt ?? new Date();
const madeSince = (time: string | undefined, live: LiveState): boolean =>
  time !== undefined && Date.parse(time) >= Math.floor(whenOf(live).getTime() / WHOLE_SECOND) * WHOLE_SECOND;

function period(live: LiveState, lengthMs: number): CodePeriod {
  const start = whenOf(live).getTime();
  return { startDateTime: rfc3339(start)!, expireDateTime: rfc3339(start + lengthMs)! };
}

const handedOver = (code: IssuedQrCode, temporary: boolean): HandedOverCode => ({
  rawContent: code.rawContent,
  codeId: code.id,
  expireDateTime: code.expireDateTime,
  temporary,
});

/** Why the worker cannot have a badge or code now (the policy), in plain words; undefined when they can. */
export function policyRefusal(change: TargetedChange<unknown>, live: LiveState): string | undefined {
  const snapshot = live.snapshot;
  if (!snapshot?.qrPolicy || qrPolicyAllows(snapshot, snapshot.qrPolicy)) return undefined;
  return snapshot.qrPolicy.state !== 'enabled'
    ? `Sign-in with a QR code is turned off for the whole organisation, so ${name(change)} cannot have a badge. Nothing was changed.`
    : `${name(change)} is not in the group of people allowed to sign in with a QR code, so nothing was changed. Ask IT to add them to ${snapshot.qrPolicy.includeTargets.map(describeTarget).join(' or ') || 'the QR code policy'}.`;
}

const noBadgeRefusal = (change: TargetedChange<unknown>, what: string) => ({
  action: 'refuse' as const,
  outcome: `${name(change)} has no QR badge, so ${what} would not help. Nothing was changed; ask to give them a badge instead.`,
});

export const HANDED_OVER = 'sent only to the person who asked, in their chat with phonedesk';

/** A new standard code in place of any other, then a new PIN: a whole badge without a second create. */
async function replaceBadge(
  change: TargetedChange<IssueBadge>,
  gateway: QrIssueGateway,
  live: LiveState,
): Promise<ApplyResult> {
  const userId = change.target.userId;
  if (badgeOf(live)?.standardQRCode) await gateway.deleteQrCode(userId, 'standardQRCode');
  const code = await gateway.newStandardQrCode(userId, period(live, change.lifetimeDays * DAY_MS));
  const handover: Handover = { code: handedOver(code, false) };
  try {
    handover.pin = await gateway.resetQrPin(userId);
  } catch {
    return {
      status: 'partially-succeeded',
      outcome: `${name(change)} has a new badge (${HANDED_OVER}), but their PIN could not be reset: they keep the PIN they had. Ask "reset ${name(change)}'s PIN" if they do not know it.`,
      handover,
    };
  }
  return { status: 'succeeded', outcome: badgeReady(change, live), handover };
}

function badgeReady(change: TargetedChange<IssueBadge>, live: LiveState): string {
  const smsOn = live.snapshot?.phoneMethods.some(
    (method) => method.phoneType === 'mobile' && method.smsSignInState === 'ready',
  );
  return `${name(change)}'s badge works for ${change.lifetimeDays} days from ${rfc3339(whenOf(live))!.slice(0, 10)}; the badge and a temporary PIN were ${HANDED_OVER}. Print it or show it to them, then mark it handed over.${smsOn ? ` Once they have signed in with it, "status of ${name(change)}" offers to turn off their SMS sign-in.` : ''}`;
}

export const issueBadge: Issuing<IssueBadge> = {
  handler: {
    plan(change, live) {
      const refusal = policyRefusal(change, live);
      return refusal ? { action: 'refuse', outcome: refusal } : { action: 'apply' };
    },
    async apply(change, gateway, live) {
      if (badgeOf(live)) return replaceBadge(change, gateway, live);
      const created = await gateway.createQrCodePinMethod(
        change.target.userId,
        period(live, change.lifetimeDays * DAY_MS),
        makePin(live.snapshot?.qrPolicy?.pinLength ?? 8),
      );
      return {
        status: 'succeeded',
        outcome: badgeReady(change, live),
        handover: { code: handedOver(created.standardQRCode, false), pin: created.pin },
      };
    },
    reconcile: (_change, live) =>
      madeSince(badgeOf(live)?.standardQRCode?.createdDateTime, live) ? 'applied' : 'not-applied',
  },
  secrets: {
    reissue: (change, gateway, live) => replaceBadge(change, gateway, live),
    async withdraw(change, gateway, handover) {
      if (handover.code) await gateway.deleteQrCode(change.target.userId, 'standardQRCode');
      return `${name(change)}'s new badge was made, but phonedesk could not hand it to the person who asked in their 1:1 chat, so it was stopped at once: nobody can use it. They can open a chat with phonedesk and ask again.`;
    },
  },
};

async function newTemporaryCode(
  change: TargetedChange<TemporaryCode>,
  gateway: QrIssueGateway,
  live: LiveState,
): Promise<ApplyResult> {
  const userId = change.target.userId;
  // Graph refuses a second temporary code while one exists: the new one replaces it.
  if (badgeOf(live)?.temporaryQRCode) await gateway.deleteQrCode(userId, 'temporaryQRCode');
  const code = await gateway.newTemporaryQrCode(userId, period(live, change.hours * HOUR_MS));
  return {
    status: 'succeeded',
    outcome: `A temporary code for ${name(change)} works for ${change.hours} ${change.hours === 1 ? 'hour' : 'hours'}, with their own PIN; it was ${HANDED_OVER}.`,
    handover: { code: handedOver(code, true) },
  };
}

export const temporaryCode: Issuing<TemporaryCode> = {
  handler: {
    plan(change, live) {
      if (!badgeOf(live)) return noBadgeRefusal(change, 'a temporary code');
      if (change.hours < TEMPORARY_CODE_HOURS.min || change.hours > TEMPORARY_CODE_HOURS.max)
        return { action: 'refuse', outcome: 'A temporary code lasts from 1 to 12 hours. Nothing was changed.' };
      const refusal = policyRefusal(change, live);
      return refusal ? { action: 'refuse', outcome: refusal } : { action: 'apply' };
    },
    apply: newTemporaryCode,
    reconcile: (_change, live) =>
      madeSince(badgeOf(live)?.temporaryQRCode?.createdDateTime, live) ? 'applied' : 'not-applied',
  },
  secrets: {
    reissue: newTemporaryCode,
    async withdraw(change, gateway) {
      await gateway.deleteQrCode(change.target.userId, 'temporaryQRCode');
      return `The temporary code for ${name(change)} was made, but phonedesk could not hand it to the person who asked in their 1:1 chat, so it was stopped at once. They can open a chat with phonedesk and ask again.`;
    },
  },
};

async function newPin(change: TargetedChange<ResetPin>, gateway: QrIssueGateway): Promise<ApplyResult> {
  const pin = await gateway.resetQrPin(change.target.userId);
  return {
    status: 'succeeded',
    outcome: `${name(change)} has a new temporary PIN, ${HANDED_OVER}; they choose their own at their next sign-in.`,
    handover: { pin },
  };
}

export const resetPin: Issuing<ResetPin> = {
  handler: {
    plan: (change, live) => (badgeOf(live) ? { action: 'apply' } : noBadgeRefusal(change, 'a new PIN')),
    apply: (change, gateway) => newPin(change, gateway),
    reconcile: (_change, live) => (madeSince(badgeOf(live)?.pinUpdatedDateTime, live) ? 'applied' : 'not-applied'),
  },
  secrets: {
    reissue: (change, gateway) => newPin(change, gateway),
    // A PIN nobody knows opens nothing: there is nothing to stop.
    withdraw: async (change) =>
      `${name(change)}'s PIN was reset, but phonedesk could not hand the new one to the person who asked in their 1:1 chat, so nobody knows it and their badge cannot be used until it is reset again. They can open a chat with phonedesk and ask again.`,
  },
};
