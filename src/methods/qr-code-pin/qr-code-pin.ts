// QR code + PIN, the frontline successor to SMS sign-in: a badge the worker scans on a shared device, and a PIN
// (docs/graph-facts.md §17). It reads and explains badges; issues them, temporary codes and PINs (each handed to the
// requester once); extends, stops and removes them.
import { adminRoleWords, isAdmin } from '../account/admin-roles';
import { ageInWords } from '../../time/age-in-words';
import type { MethodModule } from '../method-contract';
import type { SignInSnapshot } from '../method-types';
import { QR_ASKS } from './qr-asks';
import { isActive, qrFindings, qrPolicyAllows } from './qr-findings';
import { extendBadge, removeBadgeMethod, revokeBadge, type QrGateway } from './qr-handlers';
import { issueBadge, resetPin, temporaryCode } from './qr-issue-handlers';
import { newStarter } from './qr-new-starter';
import { qrInstructionsFor } from './qr-instructions';
import { QR_SNAPSHOT } from './qr-snapshot';
import { moveStoreToBadges } from './qr-store-move';
import type { QrAskIntent, QrChange } from './qr-types';

/** A badge and a PIN are one factor: never kept going for an admin, and Entra refuses them for guests. */
function refusalFor(snapshot: SignInSnapshot): string | undefined {
  const name = snapshot.user.displayName;
  if (isAdmin(snapshot))
    return `${name} holds an admin role (${adminRoleWords(snapshot)}), and phonedesk never keeps a QR badge going for admins: a badge and a PIN are a single check, too weak for an admin account.`;
  if (snapshot.user.userType === 'Guest')
    return `${name} has a guest account, and guest accounts can't sign in with a QR code.`;
  return undefined;
}

export const QR_CODE_PIN: MethodModule<QrChange, QrGateway, QrAskIntent> = {
  id: 'qr-code-pin',
  means: 'their QR badge',
  snapshot: QR_SNAPSHOT,
  enrolled: (snapshot) => snapshot.qrCodePin !== undefined,
  findings: qrFindings,
  readyWay(snapshot, now) {
    const badge = snapshot.qrCodePin;
    const code = [badge?.standardQRCode, badge?.temporaryQRCode].find((candidate) => isActive(candidate, now));
    if (!badge || !code || snapshot.lastSignIn === 'never') return undefined;
    if (snapshot.qrPolicy && !qrPolicyAllows(snapshot, snapshot.qrPolicy)) return undefined;
    const used = badge.standardQRCode?.lastUsedDateTime;
    return {
      summary: `${snapshot.user.displayName} can sign in with their QR badge${used ? ` (last used ${ageInWords(used, now)})` : ''}.`,
      fix: 'On a shared phone or tablet they choose Sign in with QR code, scan the badge and type their PIN.',
    };
  },
  instructions: qrInstructionsFor,
  asks: QR_ASKS,
  kinds: {
    'issue-badge': {
      kind: 'issue-badge',
      reads: 'worker',
      requires: ['lifetimeDays'],
      changesPhoneMethods: false,
      refusalFor,
      summary: (change) =>
        `Give ${change.target.displayName} a QR badge and a temporary PIN, working for ${change.lifetimeDays} days`,
      label: () => 'Give a badge',
      ...issueBadge,
    },
    'new-starter': {
      kind: 'new-starter',
      reads: 'worker',
      requires: ['lifetimeDays', 'passMinutes'],
      changesPhoneMethods: false,
      refusalFor,
      summary: (change) =>
        `New starter ${change.target.displayName}: a one-time Temporary Access Pass for the first sign-in, and a QR badge with a temporary PIN for ${change.lifetimeDays} days`,
      label: () => 'Set up with a badge',
      ...newStarter,
    },
    'temporary-code': {
      kind: 'temporary-code',
      reads: 'worker',
      requires: ['hours'],
      changesPhoneMethods: false,
      refusalFor,
      summary: (change) =>
        `A temporary QR code for ${change.target.displayName}, working for ${change.hours} ${change.hours === 1 ? 'hour' : 'hours'} with their PIN`,
      label: () => 'Give a temporary code',
      ...temporaryCode,
    },
    'reset-pin': {
      kind: 'reset-pin',
      reads: 'worker',
      changesPhoneMethods: false,
      refusalFor,
      summary: (change) => `Reset ${change.target.displayName}'s QR badge PIN`,
      label: () => 'Reset the PIN',
      ...resetPin,
    },
    'extend-badge': {
      kind: 'extend-badge',
      reads: 'worker',
      requires: ['codeId', 'lifetimeDays'],
      changesPhoneMethods: false,
      refusalFor,
      summary: (change) => `Extend ${change.target.displayName}'s badge by up to ${change.lifetimeDays} days`,
      label: () => 'Extend the badge',
      handler: extendBadge,
    },
    'revoke-badge': {
      kind: 'revoke-badge',
      reads: 'worker',
      changesPhoneMethods: false,
      urgent: true,
      summary: (change) =>
        `Lost badge: stop ${change.target.displayName}'s badge and sign them out everywhere (the PIN stays)`,
      label: () => 'Stop the lost badge',
      handler: revokeBadge,
    },
    'remove-qr-method': {
      kind: 'remove-qr-method',
      reads: 'worker',
      changesPhoneMethods: false,
      summary: (change) => `Remove ${change.target.displayName}'s QR badge and PIN`,
      label: () => 'Remove the QR badge',
      handler: removeBadgeMethod,
    },
    'move-store-to-badges': moveStoreToBadges,
  },
};
