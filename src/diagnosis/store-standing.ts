// Where one worker of a store stands, for the store overview: one state each, read from their phone methods and
// badge alone (no per-worker diagnosis, which a store of 999 could not afford), and the finding whose fix a tap asks
// for. The finding is diagnosed again, live, when the button is pressed (bot/card-actions.ts#propose).
import type { StoreMember, StoreUnit } from '../graph/store-reads';
import { EXPIRING_WITHIN_DAYS, isActive } from '../methods/qr-code-pin/qr-findings';
import type { QrSnapshot } from '../methods/qr-code-pin/qr-types';
import type { FindingId } from '../methods/method-types';
import type { SmsSnapshot } from '../methods/sms-sign-in/sms-snapshot';

/** In the order the overview lists them: what stops sign-in now first, the left-out last. */
export const STANDINGS = [
  'fig6',
  'number-in-use',
  'no-method',
  'badge-expired',
  'sms-not-allowed',
  'badge-expiring',
  'sms-only',
  'badge-ready',
  'left-out',
  'unreadable',
] as const;
export type Standing = (typeof STANDINGS)[number];

/** The words the overview shows for each state, counted ("3 workers: …"). */
export const STANDING_WORDS: Readonly<Record<Standing, string>> = {
  fig6: 'number attached but not turned on for sign-in (FIG6)',
  'number-in-use': 'number in use by another account',
  'no-method': 'no way to sign in (no mobile number, no badge)',
  'badge-expired': 'badge expired',
  'sms-not-allowed': 'SMS sign-in not allowed for them by the SMS policy',
  'badge-expiring': `badge expires within ${EXPIRING_WITHIN_DAYS} days`,
  'sms-only': 'ready with SMS only: must move to a badge',
  'badge-ready': 'ready with a badge',
  'left-out': 'left out (admins, guests, disabled accounts)',
  unreadable: 'could not be read just now',
};

/** The states that need someone to act; the rest are fine or out of phonedesk's hands. */
export const NEEDS_ACTION: ReadonlySet<Standing> = new Set([
  'fig6',
  'number-in-use',
  'no-method',
  'badge-expired',
  'badge-expiring',
  'sms-only',
]);

export type LeftOutReason = 'admin' | 'guest' | 'disabled';

export interface WorkerStanding {
  userId: string;
  displayName: string;
  userPrincipalName: string;
  standing: Standing;
  leftOut?: LeftOutReason;
  /** An active temporary code (a forgotten badge), counted apart from the state. */
  temporaryCode: boolean;
  /** A used badge with SMS sign-in still on: what "finish the move" turns off. */
  smsStillOn: boolean;
  /** A working badge never used yet, with SMS sign-in still on: "finish the move" reminds rather than turns off. */
  badgeUnused: boolean;
  /** The finding a fix button asks for, when phonedesk can request one. */
  fix?: { finding: FindingId; label: string };
}

export interface StandingInput {
  member: StoreMember;
  isAdmin: boolean;
  /** Undefined when the worker's methods could not be read. */
  sms?: SmsSnapshot;
  qr?: QrSnapshot;
  /** Whether the QR code policy lets them have a badge (targets and state), when known. */
  qrAllowed: boolean;
  now: Date;
}

const DAY_MS = 86_400_000;

function stateOf(input: StandingInput): Pick<WorkerStanding, 'standing' | 'leftOut' | 'fix'> {
  const { member, sms, qr, now } = input;
  if (member.userType === 'Guest') return { standing: 'left-out', leftOut: 'guest' };
  if (input.isAdmin) return { standing: 'left-out', leftOut: 'admin' };
  if (!member.accountEnabled) return { standing: 'left-out', leftOut: 'disabled' };
  if (!sms || !qr) return { standing: 'unreadable' };
  const standard = qr.qrCodePin?.standardQRCode;
  const mobile = sms.phoneMethods.find((method) => method.phoneType === 'mobile');
  if (standard) {
    if (Date.parse(standard.expireDateTime) <= now.getTime())
      return { standing: 'badge-expired', fix: { finding: 'qr-badge-expired', label: 'Give a new badge' } };
    if (Date.parse(standard.expireDateTime) - now.getTime() <= EXPIRING_WITHIN_DAYS * DAY_MS)
      return { standing: 'badge-expiring', fix: { finding: 'qr-badge-expiring', label: 'Extend the badge' } };
    return { standing: 'badge-ready' };
  }
  switch (mobile?.smsSignInState) {
    case 'ready':
      return {
        standing: 'sms-only',
        ...(input.qrAllowed && { fix: { finding: 'sms-retiring', label: 'Give a badge' } }),
      };
    case 'notEnabled':
    case 'notConfigured':
      return { standing: 'fig6', fix: { finding: 'number-not-enabled', label: 'Turn on SMS sign-in' } };
    case 'phoneNumberNotUnique':
      return { standing: 'number-in-use', fix: { finding: 'number-in-use', label: 'Use another number' } };
    case 'notAllowedByPolicy':
      return { standing: 'sms-not-allowed' };
    case undefined: {
      // A number only on a voice-only phone is told as such; none at all, as no number.
      const voiceOnly = sms.phoneMethods.length > 0;
      const finding: FindingId = voiceOnly ? 'number-on-wrong-phone-type' : 'no-mobile-number';
      return { standing: 'no-method', fix: { finding, label: voiceOnly ? 'Move the number' : 'Add a number' } };
    }
    default:
      return { standing: 'no-method' };
  }
}

export function standingOf(input: StandingInput): WorkerStanding {
  const { member, sms, qr, now } = input;
  const state = stateOf(input);
  const standard = qr?.qrCodePin?.standardQRCode;
  const smsReady = sms?.phoneMethods.some((m) => m.phoneType === 'mobile' && m.smsSignInState === 'ready') ?? false;
  return {
    userId: member.id,
    displayName: member.displayName,
    userPrincipalName: member.userPrincipalName,
    ...state,
    temporaryCode: isActive(qr?.qrCodePin?.temporaryQRCode, now),
    smsStillOn:
      (state.standing === 'badge-ready' || state.standing === 'badge-expiring') &&
      standard?.lastUsedDateTime !== undefined &&
      smsReady,
    badgeUnused:
      (state.standing === 'badge-ready' || state.standing === 'badge-expiring') &&
      standard?.lastUsedDateTime === undefined &&
      smsReady,
  };
}

export type StandingCounts = Readonly<Record<Standing, number>> & {
  temporaryCode: number;
  smsStillOn: number;
  leftOut: Readonly<Record<LeftOutReason, number>>;
};

export function countStandings(workers: readonly WorkerStanding[]): StandingCounts {
  const counts = Object.fromEntries(STANDINGS.map((standing) => [standing, 0])) as Record<Standing, number>;
  const leftOut: Record<LeftOutReason, number> = { admin: 0, guest: 0, disabled: 0 };
  let temporaryCode = 0;
  let smsStillOn = 0;
  for (const worker of workers) {
    counts[worker.standing]++;
    if (worker.leftOut) leftOut[worker.leftOut]++;
    if (worker.temporaryCode) temporaryCode++;
    if (worker.smsStillOn) smsStillOn++;
  }
  return { ...counts, temporaryCode, smsStillOn, leftOut };
}

/** The workers who need action, most urgent state first, then by name. */
export function needingAction(workers: readonly WorkerStanding[]): WorkerStanding[] {
  return workers
    .filter((worker) => NEEDS_ACTION.has(worker.standing))
    .sort(
      (a, b) =>
        STANDINGS.indexOf(a.standing) - STANDINGS.indexOf(b.standing) || a.displayName.localeCompare(b.displayName),
    );
}

export interface StoreOverview {
  store: StoreUnit;
  source: 'live';
  readAt: string;
  workers: WorkerStanding[];
  counts: StandingCounts;
  daysLeft: number;
}

/** A store's line from the registration report: what each worker has registered, not whether it works. */
export interface ReportedStore {
  store: StoreUnit;
  workers: number;
  withBadge: number;
  mobileOnly: number;
  neither: number;
  leftOut: number;
}

export interface StoresOverview {
  source: 'live' | 'report';
  readAt: string;
  daysLeft: number;
  /** Live: each store in full. */
  live: StoreOverview[];
  /** Report: one line per store. */
  reported: ReportedStore[];
}
