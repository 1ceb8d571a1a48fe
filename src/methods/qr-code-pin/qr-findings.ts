// What phonedesk says about a worker's QR badge: whether the policy lets them use it, whether it is valid, expiring
// or never used, a temporary code for a forgotten badge, and the first sign-in a badge needs (docs/graph-facts.md §17).
import { adminRoleWords, isAdmin } from '../account/admin-roles';
import { ageInWords } from '../../time/age-in-words';
import { timeLeftInWords } from '../../time/time-left';
import type { DiagnosisContext } from '../diagnosis-context';
import type { Finding } from '../finding';
import type { SignInSnapshot } from '../method-types';
import { describeTarget, targetsWorker } from '../policy-target';
import { usablePass } from '../temporary-access-pass/temporary-access-pass';
import type { QrCodeSnapshot, QrPolicySnapshot } from './qr-types';
import { signsInBySms } from '../sms-sign-in/sms-snapshot';

const DAY_MS = 86_400_000;
/** A badge expiring within this many days is told (status, the store overview), so it is extended before a shift is lost. */
export const EXPIRING_WITHIN_DAYS = 14;

export const isActive = (code: QrCodeSnapshot | undefined, now: Date): code is QrCodeSnapshot =>
  code !== undefined &&
  Date.parse(code.startDateTime) <= now.getTime() &&
  Date.parse(code.expireDateTime) > now.getTime();

/** Whether the QR code policy lets this worker use a badge: on, targeted (a group, the user, all users), not excluded. */
export function qrPolicyAllows(snapshot: SignInSnapshot, policy: QrPolicySnapshot): boolean {
  const { included, excluded } = qrTargets(snapshot, policy);
  return policy.state === 'enabled' && included && !excluded;
}

function qrTargets(snapshot: SignInSnapshot, policy: QrPolicySnapshot): { included: boolean; excluded: boolean } {
  const applies = targetsWorker(snapshot);
  return { included: policy.includeTargets.some(applies), excluded: policy.excludeTargets.some(applies) };
}

function policyFindings(snapshot: SignInSnapshot, policy: QrPolicySnapshot | undefined): Finding[] {
  const name = snapshot.user.displayName;
  if (!policy) return [];
  if (policy.state !== 'enabled') {
    return [
      {
        id: 'qr-policy-off',
        severity: 'blocker',
        summary: `Sign-in with a QR code is turned off for the whole organisation, so ${name}'s badge doesn't work.`,
        fix: 'A tenant admin must turn on the QR code method in the Entra authentication methods policy.',
      },
    ];
  }
  const { included, excluded } = qrTargets(snapshot, policy);
  if (included && !excluded) return [];
  const groups = policy.includeTargets.map(describeTarget).join(' or ');
  return [
    {
      id: 'qr-not-in-policy',
      severity: 'blocker',
      summary: excluded
        ? `${name} has a badge but is excluded from sign-in with a QR code.`
        : `${name} has a badge but is not in the group of people allowed to sign in with a QR code.`,
      fix: groups ? `Ask IT to add ${name} to ${groups}.` : 'Ask a tenant admin to add them to the QR code policy.',
    },
  ];
}

function badgeFindings(snapshot: SignInSnapshot, now: Date): Finding[] {
  const name = snapshot.user.displayName;
  const badge = snapshot.qrCodePin!;
  const standard = badge.standardQRCode;
  if (!standard) {
    return [
      {
        id: 'qr-no-standard-code',
        severity: 'blocker',
        summary: `${name}'s badge was revoked and no new one has been issued.`,
        fix: `Ask for a new badge for ${name}; they keep their PIN.`,
      },
    ];
  }
  if (Date.parse(standard.expireDateTime) <= now.getTime()) {
    return [
      {
        id: 'qr-badge-expired',
        severity: 'blocker',
        summary: `${name}'s badge expired ${ageInWords(standard.expireDateTime, now)}.`,
        fix: `Ask for a new badge for ${name}; they keep their PIN.`,
      },
    ];
  }
  const findings: Finding[] = [];
  if (Date.parse(standard.expireDateTime) - now.getTime() <= EXPIRING_WITHIN_DAYS * DAY_MS) {
    findings.push({
      id: 'qr-badge-expiring',
      severity: 'warning',
      summary: `${name}'s badge expires ${timeLeftInWords(standard.expireDateTime, now)}.`,
      fix: 'Extend it before then, so they are not locked out at the start of a shift.',
      proposal: {
        kind: 'extend-badge',
        codeId: standard.id,
        lifetimeDays: snapshot.qrPolicy?.standardQRCodeLifetimeInDays ?? 365,
        tenantWide: false,
      },
    });
  }
  const smsOn = signsInBySms(snapshot);
  const usable = isActive(standard, now) && (!snapshot.qrPolicy || qrPolicyAllows(snapshot, snapshot.qrPolicy));
  // Only while the badge works: turning SMS off beside a badge that does not would leave no way in.
  if (standard.lastUsedDateTime && smsOn && usable) {
    findings.push({
      id: 'qr-sms-still-on',
      severity: 'info',
      summary: `${name} signs in with their badge now and can still sign in by text message, the weaker way, which stops on 1 February 2027 anyway.`,
      fix: 'Turn off their SMS sign-in: the number stays for confirming sign-ins.',
      proposal: { kind: 'disable-sms-sign-in', tenantWide: false, title: 'Turn off SMS sign-in' },
    });
  }
  if (!standard.lastUsedDateTime && snapshot.lastSignIn === 'never') {
    findings.push({
      id: 'qr-first-sign-in-needed',
      severity: 'blocker',
      summary: `${name} has never signed in, so their badge will show "Incorrect QR code" until they sign in once another way.`,
      fix: usablePass(snapshot)
        ? 'They have a Temporary Access Pass: let them sign in with it once, then the badge works.'
        : snapshot.tapPolicy?.state === 'disabled'
          ? 'Let them sign in once another way (by text message, if they can), then the badge works. Temporary Access Pass is turned off here; a tenant admin can turn it on.'
          : 'Give them a Temporary Access Pass for a first sign-in (or let them sign in once by text message), then the badge works.',
      ...(!usablePass(snapshot) &&
        snapshot.tapPolicy?.state !== 'disabled' && {
          proposal: {
            kind: 'issue-pass',
            lifetimeMinutes: snapshot.tapPolicy?.defaultLifetimeInMinutes ?? 60,
            tenantWide: false,
          },
        }),
    });
  } else if (!standard.lastUsedDateTime) {
    findings.push({
      id: 'qr-badge-never-used',
      severity: 'info',
      summary: `${name}'s badge was issued ${ageInWords(standard.startDateTime, now)} and has not been used yet.`,
      fix: 'Check that they have the printed badge and their temporary PIN; they choose their own PIN the first time.',
    });
  }
  return findings;
}

/** A badge and a PIN are one check: an admin who holds a working one is told, as SMS sign-in is for an admin. */
function adminBadgeFindings(snapshot: SignInSnapshot, now: Date): Finding[] {
  const badge = snapshot.qrCodePin;
  if (!isAdmin(snapshot) || !badge) return [];
  if (!isActive(badge.standardQRCode, now) && !isActive(badge.temporaryQRCode, now)) return [];
  return [
    {
      id: 'qr-admin-badge',
      severity: 'warning',
      summary: `${snapshot.user.displayName} holds an admin role (${adminRoleWords(snapshot)}) and has a working QR badge: a badge and a PIN are a single check, too weak for an admin account.`,
      fix: 'Remove their QR badge; admins should use a passkey or the Authenticator app.',
      proposal: { kind: 'remove-qr-method', tenantWide: false },
    },
  ];
}

export function qrFindings(snapshot: SignInSnapshot, context: DiagnosisContext): Finding[] {
  // No badge, nothing to say here: an SMS worker hears of the move from SMS (sms-sign-in/sms-retirement.ts).
  if (!snapshot.qrCodePin) return [];
  const findings = [
    ...adminBadgeFindings(snapshot, context.now),
    ...policyFindings(snapshot, snapshot.qrPolicy),
    ...badgeFindings(snapshot, context.now),
  ];
  const temporary = snapshot.qrCodePin.temporaryQRCode;
  if (isActive(temporary, context.now)) {
    findings.push({
      id: 'qr-temporary-code',
      severity: 'info',
      summary: `${snapshot.user.displayName} has a temporary QR code for a forgotten badge; it stops working ${timeLeftInWords(temporary.expireDateTime, context.now)}.`,
      fix: 'Nothing to do: it ends by itself. If the badge turns up, it works as before.',
    });
  }
  return findings;
}
