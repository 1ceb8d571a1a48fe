// Microsoft retires SMS sign-in with its SMS delivery on 1 February 2027 (docs/graph-facts.md §14): a worker who
// signs in by text message and has no badge is told in one line how many days are left, and offered a badge now,
// while SMS can still do the badge's first sign-in.
import type { Finding } from '../finding';
import type { SignInSnapshot } from '../method-types';
import { describeTarget } from '../policy-target';
import { qrPolicyAllows } from '../qr-code-pin/qr-findings';

/** The day SMS sign-in stops. */
export const SMS_SIGN_IN_ENDS = '2027-02-01T00:00:00Z';
const DAY_MS = 86_400_000;

/** Whole days left until SMS sign-in stops (0 on the day and after). */
export function daysUntilSmsEnds(now: Date): number {
  return Math.max(0, Math.ceil((Date.parse(SMS_SIGN_IN_ENDS) - now.getTime()) / DAY_MS));
}

export function retirementFindings(snapshot: SignInSnapshot, now: Date): Finding[] {
  const left = daysUntilSmsEnds(now);
  const mobile = snapshot.phoneMethods.find((method) => method.phoneType === 'mobile');
  // Admins and guests get no badge from phonedesk; a worker with one is moving already.
  if (left === 0 || snapshot.qrCodePin || mobile?.smsSignInState !== 'ready') return [];
  if (snapshot.roles.length > 0 || snapshot.user.userType === 'Guest') return [];
  const name = snapshot.user.displayName;
  const policy = snapshot.qrPolicy;
  const allowed = !policy || qrPolicyAllows(snapshot, policy);
  const groups = policy?.includeTargets.map(describeTarget).join(' or ');
  return [
    {
      id: 'sms-retiring',
      severity: 'info',
      summary: `SMS sign-in stops on 1 February 2027, in ${left} ${left === 1 ? 'day' : 'days'}: ${name} needs a QR badge before then.`,
      fix: allowed
        ? 'Give them a badge now: they can still do its first sign-in by text message.'
        : `They are not in the QR code policy yet: ask IT to add them${groups ? ` to ${groups}` : ''}, then give them a badge.`,
      ...(allowed && {
        proposal: {
          kind: 'issue-badge',
          lifetimeDays: policy?.standardQRCodeLifetimeInDays ?? 365,
          tenantWide: false,
          title: 'Give a badge',
        },
      }),
    },
  ];
}

/** Whether SMS sign-in has stopped at this moment. */
export function smsSignInEnded(at: Date): boolean {
  return at.getTime() >= Date.parse(SMS_SIGN_IN_ENDS);
}

/** From 1 February 2027 a number is no longer set up for sign-in: the badge is what to ask for instead. */
export function retiredRefusal(snapshot: SignInSnapshot): string | undefined {
  if (!smsSignInEnded(new Date(snapshot.readAt))) return undefined;
  const name = snapshot.user.displayName;
  return `SMS sign-in stopped on 1 February 2027: Microsoft no longer sends sign-in codes by text message, so phonedesk no longer sets up a number for sign-in. Give ${name} a QR badge instead: say "give ${name} a QR badge".`;
}

/** The line a request that sets up SMS sign-in adds to its requester's card, while the days run out. */
export function retirementNotice(workerName: string, at: Date): string | undefined {
  if (smsSignInEnded(at)) return undefined;
  const left = daysUntilSmsEnds(at);
  return `SMS sign-in stops on 1 February 2027, in ${left} ${left === 1 ? 'day' : 'days'}: after that ${workerName} needs a QR badge. To give one now, say "give ${workerName} a QR badge".`;
}
