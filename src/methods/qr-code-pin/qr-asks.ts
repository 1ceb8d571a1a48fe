// How a store manager asks for a QR badge change: "give Jane a QR code", "Jane forgot her badge", "reset Jane's
// PIN", "Jane lost her badge", "extend Jane's badge", "remove Ali's QR code". A change that names a badge is the
// badge's, so each is tried just before its phone counterpart.
import { hoursAsked } from '../asked-hours';
import { mentions, type AskRefused, type ChangeAsk } from '../change-ask';
import type { ChangeDetails, SignInSnapshot } from '../method-types';
import { usablePass } from '../temporary-access-pass/temporary-access-pass';
import { describeTarget } from '../policy-target';
import { isActive, qrPolicyAllows } from './qr-findings';
import { TEMPORARY_CODE_HOURS } from './qr-issue-handlers';
import {
  EXTEND_BADGE,
  ISSUE_BADGE,
  LOST_BADGE,
  MOVE_TO_BADGE,
  NEW_STARTER,
  REMOVE_BADGE,
  RESET_PIN,
  TEMPORARY_CODE,
} from './qr-keywords';
import type { QrAskIntent } from './qr-types';

/** A temporary code lasts a shift unless more or less is asked for. */
const DEFAULT_TEMPORARY_HOURS = 8;

/** Why the policy keeps this worker from badges, in plain words; undefined when it lets them have one. */
function notAllowed(worker: SignInSnapshot): AskRefused | undefined {
  const policy = worker.qrPolicy;
  const name = worker.user.displayName;
  if (!policy || qrPolicyAllows(worker, policy)) return undefined;
  if (policy.state !== 'enabled')
    return {
      refused: `Sign-in with a QR code is turned off for the whole organisation, so ${name} cannot have a badge. A tenant admin can turn it on in the Entra authentication methods policy.`,
    };
  const groups = policy.includeTargets.map(describeTarget).join(' or ');
  return {
    refused: `${name} is not in the group of people allowed to sign in with a QR code, so phonedesk cannot give them a badge. Ask IT to add them${groups ? ` to ${groups}` : ' to the QR code policy'}.`,
  };
}

const noBadge = (worker: SignInSnapshot, what: string): AskRefused => ({
  refused: `${worker.user.displayName} has no QR badge yet, so ${what} would not help. Ask to give them a badge instead: "give ${worker.user.displayName} a QR badge".`,
});

/** A badge, with a pass for the first sign-in when the worker has never signed in and has no pass (a new starter). */
function badgeFor(worker: SignInSnapshot): ChangeDetails | AskRefused {
  const refused = notAllowed(worker);
  if (refused) return refused;
  const lifetimeDays = worker.qrPolicy?.standardQRCodeLifetimeInDays ?? 365;
  const needsPass = worker.lastSignIn === 'never' && !usablePass(worker) && worker.tapPolicy?.state !== 'disabled';
  return needsPass
    ? { kind: 'new-starter', lifetimeDays, passMinutes: worker.tapPolicy?.defaultLifetimeInMinutes ?? 60 }
    : { kind: 'issue-badge', lifetimeDays };
}

const NEW_STARTER_ASK: ChangeAsk<'new-starter'> = {
  intent: 'new-starter',
  dialogId: 'newStarter',
  // Before a badge (18) and a number (20); with a number given, a new starter gets that number.
  precedence: 17,
  asked: (words) => !words.question && !words.hasPhone && mentions(words.request, NEW_STARTER),
  needsNumber: false,
  change: badgeFor,
  makes: ['new-starter', 'issue-badge'],
  urgent: false,
  defaultReason: (said) => said.reason ?? 'new starter',
  suggestion: { title: 'New starter (badge)', words: ['new', 'starter', 'joiner', 'first', 'onboard', 'badge'] },
  help: { title: 'New starter with a badge', example: 'new starter Peter Clark' },
};

const MOVE_TO_BADGE_ASK: ChangeAsk<'move-to-badge'> = {
  intent: 'move-to-badge',
  dialogId: 'moveToBadge',
  precedence: 16,
  asked: (words) => !words.question && mentions(words.request, MOVE_TO_BADGE),
  needsNumber: false,
  change: badgeFor,
  makes: ['issue-badge', 'new-starter'],
  urgent: false,
  defaultReason: (said) => said.reason ?? 'moving from SMS sign-in to a QR badge',
  suggestion: { title: 'Move to a QR badge', words: ['move', 'switch', 'migrate', 'badge', 'qr', 'sms'] },
  help: { title: 'Move from SMS to a badge', example: 'move Chloe Evans to a QR badge' },
};

const ISSUE_BADGE_ASK: ChangeAsk<'issue-badge'> = {
  intent: 'issue-badge',
  dialogId: 'issueBadge',
  // Before adding a number (20): "add a QR code for Jane" is no phone.
  precedence: 18,
  asked: (words) => !words.question && mentions(words.request, ISSUE_BADGE),
  needsNumber: false,
  change: badgeFor,
  makes: ['issue-badge', 'new-starter'],
  urgent: false,
  suggestion: { title: 'Give a QR badge', words: ['give', 'issue', 'new', 'badge', 'badges', 'qr', 'print'] },
  help: { title: 'Give a QR badge', example: 'give Jane Doe a QR badge' },
};

const TEMPORARY_CODE_ASK: ChangeAsk<'temporary-code'> = {
  intent: 'temporary-code',
  dialogId: 'temporaryCode',
  // After a lost badge (5) and phone (10): "lost her badge, give her a temporary code" stops the badge first.
  precedence: 11,
  asked: (words) => mentions(words.request, TEMPORARY_CODE),
  hours: (words) => hoursAsked(words.request) ?? hoursAsked(words.why),
  needsNumber: false,
  change: (worker, said) => {
    if (!worker.qrCodePin) return noBadge(worker, 'a temporary code');
    const hours = said.hours ?? DEFAULT_TEMPORARY_HOURS;
    if (hours < TEMPORARY_CODE_HOURS.min || hours > TEMPORARY_CODE_HOURS.max)
      return {
        refused: `A temporary code lasts from ${TEMPORARY_CODE_HOURS.min} to ${TEMPORARY_CODE_HOURS.max} hours, so ${hours} ${hours === 1 ? 'hour' : 'hours'} cannot be given. Ask for ${TEMPORARY_CODE_HOURS.min} to ${TEMPORARY_CODE_HOURS.max} hours (a new one can be given tomorrow), or a new badge.`,
      };
    return notAllowed(worker) ?? { kind: 'temporary-code', hours };
  },
  makes: ['temporary-code'],
  urgent: false,
  defaultReason: (said) => said.reason ?? 'forgot their badge',
  suggestion: {
    title: 'Temporary code (forgotten badge)',
    words: ['temporary', 'temp', 'forgot', 'forgotten', 'home', 'badge', 'code'],
  },
  help: { title: 'Temporary code for a forgotten badge', example: 'temporary code for Jane Doe for 4 hours' },
};

const RESET_PIN_ASK: ChangeAsk<'reset-pin'> = {
  intent: 'reset-pin',
  dialogId: 'resetPin',
  precedence: 12,
  asked: (words) => !words.question && mentions(words.request, RESET_PIN),
  needsNumber: false,
  change: (worker) => (worker.qrCodePin ? { kind: 'reset-pin' } : noBadge(worker, 'a new PIN')),
  makes: ['reset-pin'],
  urgent: false,
  defaultReason: (said) => said.reason ?? 'forgot their PIN',
  suggestion: { title: 'Reset a badge PIN', words: ['reset', 'pin', 'forgot', 'forgotten', 'locked'] },
  help: { title: 'Reset a badge PIN', example: "reset Jane Doe's PIN" },
};

const LOST_BADGE_ASK: ChangeAsk<'lost-badge'> = {
  intent: 'lost-badge',
  dialogId: 'lostBadge',
  // Before the lost phone (10): "badge stolen" is no SIM swap.
  precedence: 5,
  asked: (words) => mentions(words.request, LOST_BADGE),
  askedInReason: (words) => mentions(words.why, LOST_BADGE),
  needsNumber: false,
  change: { kind: 'revoke-badge' },
  makes: ['revoke-badge'],
  urgent: true,
  defaultReason: (said) => said.reason ?? 'lost or stolen badge',
  confirmGuess: true,
  suggestion: { title: 'Lost or stolen badge', words: ['badge', 'badges', 'qr', 'stolen', 'lost', 'missing'] },
  help: { title: 'Lost or stolen badge', example: 'Jane lost her badge' },
};

const EXTEND_BADGE_ASK: ChangeAsk<'extend-badge'> = {
  intent: 'extend-badge',
  dialogId: 'extendBadge',
  precedence: 15,
  asked: (words) => !words.question && mentions(words.request, EXTEND_BADGE),
  needsNumber: false,
  change: (worker) => {
    const code = worker.qrCodePin?.standardQRCode;
    if (!isActive(code, new Date(worker.readAt)))
      return { refused: `${worker.user.displayName} has no working badge to extend. Ask for a new badge instead.` };
    return {
      kind: 'extend-badge',
      codeId: code.id,
      lifetimeDays: worker.qrPolicy?.standardQRCodeLifetimeInDays ?? 365,
    };
  },
  makes: ['extend-badge'],
  urgent: false,
  suggestion: { title: 'Extend a badge', words: ['extend', 'renew', 'expiring', 'expires', 'badge', 'qr'] },
  help: { title: 'Extend a badge', example: "extend Jane Doe's badge" },
};

const REMOVE_BADGE_ASK: ChangeAsk<'remove-badge'> = {
  intent: 'remove-badge',
  dialogId: 'removeBadge',
  // Before removing the number (30): "remove Ali's QR code" keeps his phone.
  precedence: 25,
  asked: (words) => !words.question && mentions(words.request, REMOVE_BADGE),
  needsNumber: false,
  change: { kind: 'remove-qr-method' },
  makes: ['remove-qr-method'],
  urgent: false,
  suggestion: { title: 'Remove a QR badge', words: ['remove', 'delete', 'badge', 'qr'] },
};

export const QR_ASKS: ReadonlyArray<ChangeAsk<QrAskIntent>> = [
  ISSUE_BADGE_ASK,
  NEW_STARTER_ASK,
  MOVE_TO_BADGE_ASK,
  TEMPORARY_CODE_ASK,
  RESET_PIN_ASK,
  LOST_BADGE_ASK,
  EXTEND_BADGE_ASK,
  REMOVE_BADGE_ASK,
];
