// What each QR code + PIN change does in Graph, when it is already done, and how to tell afterwards whether it took.
// None of these makes a secret; the ones that do are in qr-issue-handlers.ts.
import type { GraphGateway } from '../../graph/graph-gateway';
import { rfc3339 } from '../../time/rfc3339';
import { sessionsRevokedSince } from '../account/sessions';
import { failureWords, stopThenSignOut } from '../account/stop-then-sign-out';
import type { ChangeHandler, LiveState, TargetedChange } from '../method-contract';
import { isActive } from './qr-findings';
import type { QrIssueGateway } from './qr-issue-handlers';
import type { TapGateway } from '../temporary-access-pass/tap-handlers';
import type { ExtendBadge, RemoveBadgeMethod, RevokeBadge } from './qr-types';

export type QrGateway = QrIssueGateway &
  TapGateway &
  Pick<
    GraphGateway,
    'extendStandardQrCode' | 'deleteQrCode' | 'deleteQrCodePinMethod' | 'revokeSignInSessions' | 'tenantSlice'
  >;

type QrHandler<C> = ChangeHandler<C, QrGateway>;

const DAY_MS = 86_400_000;
/** A standard code lasts at most 395 days from its start (docs/graph-facts.md §17.3). */
const MAX_DAYS = 395;
const name = (change: TargetedChange<unknown>): string => change.target.displayName;
const badgeOf = (live: LiveState) => live.snapshot?.qrCodePin;
const whenOf = (live: LiveState): Date => live.executionStartedAt ?? new Date();

/** The expiry an extension asks for now: a full lifetime from today, within 395 days of the badge's start. */
function extendedExpiry(change: ExtendBadge, live: LiveState): number | undefined {
  const code = badgeOf(live)?.standardQRCode;
  if (!code || code.id !== change.codeId) return undefined;
  return Math.min(
    whenOf(live).getTime() + change.lifetimeDays * DAY_MS,
    Date.parse(code.startDateTime) + MAX_DAYS * DAY_MS,
  );
}

export const extendBadge: QrHandler<ExtendBadge> = {
  plan(change, live) {
    const code = badgeOf(live)?.standardQRCode;
    if (!code || code.id !== change.codeId || !isActive(code, whenOf(live)))
      return {
        action: 'refuse',
        outcome: `${name(change)}'s badge was replaced or has stopped working since this was asked, so nothing was changed. Ask for a new badge instead.`,
      };
    const target = extendedExpiry(change, live)!;
    // A badge already running to (about) the same day needs nothing: Graph keeps whole seconds, a day is plenty.
    if (Date.parse(code.expireDateTime) >= target - DAY_MS)
      return {
        action: 'already-done',
        outcome: `${name(change)}'s badge already runs that long. Nothing needed changing.`,
      };
    return { action: 'apply' };
  },
  async apply(change, gateway, live) {
    const target = rfc3339(extendedExpiry(change, live)!)!;
    await gateway.extendStandardQrCode(change.target.userId, target);
    const days = Math.round((Date.parse(target) - whenOf(live).getTime()) / DAY_MS);
    return { status: 'succeeded', outcome: `${name(change)}'s badge now works for another ${days} days.` };
  },
  reconcile(change, live) {
    const code = badgeOf(live)?.standardQRCode;
    const target = extendedExpiry(change, live);
    return code && target !== undefined && Date.parse(code.expireDateTime) >= target - DAY_MS
      ? 'applied'
      : 'not-applied';
  },
};

const codesGone = (live: LiveState): boolean => {
  const badge = badgeOf(live);
  return !badge || (!badge.standardQRCode && !isActive(badge.temporaryQRCode, whenOf(live)));
};

/** A lost or stolen badge: both codes stop at once, then the worker is signed out everywhere (a PIN can be overseen). */
export const revokeBadge: QrHandler<RevokeBadge> = {
  plan: () => ({ action: 'apply' }),
  async apply(change, gateway, live) {
    const { stopError, signOutError } = await stopThenSignOut(
      async () => {
        const badge = badgeOf(live);
        if (badge?.standardQRCode) await gateway.deleteQrCode(change.target.userId, 'standardQRCode');
        if (badge?.temporaryQRCode) await gateway.deleteQrCode(change.target.userId, 'temporaryQRCode');
      },
      () => gateway.revokeSignInSessions(change.target.userId),
    );
    if (stopError !== undefined)
      return {
        status: 'partially-succeeded',
        outcome: `${name(change)} was signed out everywhere, but their badge could not be stopped: ${failureWords(stopError)}.`,
      };
    if (signOutError !== undefined)
      return {
        status: 'partially-succeeded',
        outcome: `${name(change)}'s badge no longer works, but signing them out everywhere failed: ${failureWords(signOutError)}. Say "sign out ${name(change)}" to do it.`,
      };
    return {
      status: 'succeeded',
      outcome: `${name(change)}'s badge no longer works and they were signed out everywhere. They keep their PIN: ask for a new badge when they need one.`,
    };
  },
  reconcile(_change, live) {
    const gone = codesGone(live);
    const revoked = sessionsRevokedSince(live);
    return gone && revoked ? 'applied' : gone || revoked ? 'partly-applied' : 'not-applied';
  },
};

export const removeBadgeMethod: QrHandler<RemoveBadgeMethod> = {
  plan(change, live) {
    if (!badgeOf(live))
      return { action: 'already-done', outcome: `${name(change)} has no QR code sign-in. Nothing needed changing.` };
    return { action: 'apply' };
  },
  async apply(change, gateway) {
    await gateway.deleteQrCodePinMethod(change.target.userId);
    return {
      status: 'succeeded',
      outcome: `${name(change)} can no longer sign in with a QR badge; the badge and PIN are gone.`,
    };
  },
  reconcile: (_change, live) => (badgeOf(live) ? 'not-applied' : 'applied'),
};
