// How a store manager asks for an SMS sign-in change, and what the conversation then asks: "add +44 7700 900123 for
// Jane", "remove Ali's number" (a leaver too), "Ali lost their phone".
import { mentions, type ChangeAsk } from '../change-ask';
import type { PhoneMethodSnapshot, SmsSignInState } from '../../snapshot/sign-in-snapshot';
import type { SignInSnapshot } from '../method-types';
import type { SmsAskIntent } from './sms-types';
import {
  ADD,
  ADD_LEADING,
  ADD_WITH_NUMBER,
  LEAVER,
  LOST_PHONE,
  NEW_NUMBER,
  NUMBER_GOES,
  REMOVE,
  SMS_SIGN_IN_OFF,
  SMS_SIGN_IN_ON,
} from './sms-keywords';

const ADD_NUMBER: ChangeAsk<'add-number'> = {
  intent: 'add-number',
  dialogId: 'addNumber',
  precedence: 21,
  // "add … and remove the old one" is a change of number; "new number … says in use" a problem, not an add.
  asked: (words) =>
    mentions(words.request, ADD) ||
    mentions(words.request, ADD_LEADING) ||
    (!words.question && words.hasPhone && mentions(words.request, ADD_WITH_NUMBER)) ||
    (!words.question && mentions(words.request, NEW_NUMBER) && !words.describesProblem),
  takesNameAndNumber: true,
  needsNumber: true,
  // Adds the mobile number, or replaces it when the worker has one.
  change: (phoneNumber, worker) => ({
    kind: worker.phoneMethods.some((method) => method.phoneType === 'mobile') ? 'replace-number' : 'add-number',
    phoneNumber,
  }),
  makes: ['add-number', 'replace-number'],
  urgent: false,
  suggestion: {
    title: 'Add or change a number',
    words: ['add', 'new', 'number', 'mobile', 'change', 'update', 'register', 'starter', 'enrol', 'enroll', 'cell'],
  },
  help: { title: 'Add or change a number', example: 'add +44 7700 900123 for Jane Doe' },
};

const mobileOf = (worker: SignInSnapshot): PhoneMethodSnapshot | undefined =>
  worker.phoneMethods.find((method) => method.phoneType === 'mobile');

/** States in which the number is not on for sign-in (never turned on is FIG6), so turning it off changes nothing. */
const OFF_ALREADY: ReadonlySet<SmsSignInState> = new Set(['notEnabled', 'notConfigured', 'notSupported']);

const SMS_SIGN_IN_OFF_ASK: ChangeAsk<'sms-sign-in-off'> = {
  intent: 'sms-sign-in-off',
  dialogId: 'smsSignInOff',
  // Before adding a number (21): "switch off SMS sign-in for 07700 900123" names the number, it does not set it.
  precedence: 19,
  // The number stays (it may still confirm sign-ins); a leaver, or words that take the number, remove it instead.
  asked: (words) =>
    !words.question &&
    mentions(words.request, SMS_SIGN_IN_OFF) &&
    !mentions(words.request, NUMBER_GOES) &&
    !mentions(words.request, LEAVER) &&
    !mentions(words.why, LEAVER),
  needsNumber: false,
  change: (worker) => {
    const name = worker.user.displayName;
    const mobile = mobileOf(worker);
    if (!mobile) return { refused: `${name} has no mobile number, so there is no SMS sign-in to turn off.` };
    if (OFF_ALREADY.has(mobile.smsSignInState))
      return { refused: `${name} can't sign in by text message now, so there is nothing to turn off.` };
    return { kind: 'disable-sms-sign-in' };
  },
  makes: ['disable-sms-sign-in'],
  urgent: false,
  suggestion: { title: 'Turn off SMS sign-in', words: ['sms', 'text', 'off', 'disable', 'stop', 'sign', 'login'] },
  help: { title: 'Turn off SMS sign-in (the number stays)', example: 'turn off SMS sign-in for Jane Doe' },
};

/** Why turning SMS sign-in on would not help, by the number's state; FIG6's two states are the ones it fixes. */
function onRefusal(name: string, state: SmsSignInState): string | undefined {
  switch (state) {
    case 'ready':
      return `${name} can already sign in by text message. Nothing needs changing.`;
    case 'phoneNumberNotUnique':
      return `${name}'s number already signs in another account, so it can't be turned on for ${name}. Ask "why can't ${name} sign in?" to see what to do.`;
    case 'notAllowedByPolicy':
      return `The organisation's SMS sign-in policy does not include ${name}, so turning it on would not help. Ask "why can't ${name} sign in?" to see what to do.`;
    case 'notSupported':
      return `${name}'s account can't sign in by text message (a guest account, or no mobile number).`;
    default:
      return undefined;
  }
}

const SMS_SIGN_IN_ON_ASK: ChangeAsk<'sms-sign-in-on'> = {
  intent: 'sms-sign-in-on',
  dialogId: 'smsSignInOn',
  // After turning it off (19): "turn off SMS sign-in … on Monday" is off. Before adding a number (21): "switch on SMS
  // sign-in for Bob" turns his number on, it does not ask for one.
  precedence: 20,
  asked: (words) => !words.question && mentions(words.request, SMS_SIGN_IN_ON),
  needsNumber: false,
  // An admin, a guest, a lost number and the end of SMS sign-in are refused by the kind's guards, as for a fix button.
  change: (worker) => {
    const name = worker.user.displayName;
    const mobile = mobileOf(worker);
    if (!mobile)
      return {
        refused: `${name} has no mobile number yet. Add one to set up SMS sign-in: "add +44 7700 900123 for ${name}".`,
      };
    const refused = onRefusal(name, mobile.smsSignInState);
    return refused ? { refused } : { kind: 'enable-sms-sign-in' };
  },
  makes: ['enable-sms-sign-in'],
  urgent: false,
  suggestion: { title: 'Turn on SMS sign-in', words: ['sms', 'text', 'on', 'enable', 'fig6', 'sign', 'login'] },
  help: { title: 'Turn on SMS sign-in (FIG6)', example: 'turn on SMS sign-in for Bob Smith' },
};

const REMOVE_NUMBER: ChangeAsk<'remove-number'> = {
  intent: 'remove-number',
  dialogId: 'removeNumber',
  precedence: 30,
  asked: (words) => (!words.question && mentions(words.request, LEAVER)) || mentions(words.request, REMOVE),
  leaver: (words) => (!words.question && mentions(words.request, LEAVER)) || mentions(words.why, LEAVER),
  needsNumber: false,
  // A leaver with a badge or a pass loses every way in, in one request; otherwise the number goes.
  change: (worker, said) =>
    said.leaver && (worker.qrCodePin || (worker.temporaryAccessPasses ?? []).length > 0)
      ? { kind: 'leaver' }
      : { kind: 'remove-number' },
  makes: ['remove-number', 'leaver'],
  urgent: false,
  defaultReason: (said) => (said.leaver ? 'left the company' : undefined),
  suggestion: {
    title: 'Remove a number (leaver)',
    words: ['remove', 'delete', 'left', 'leaver', 'leaving', 'quit', 'notice', 'disable', 'resigned', 'gone'],
  },
  help: { title: 'Remove a number', example: "remove Ali's number" },
};

const LOST_PHONE_ASK: ChangeAsk<'lost-phone'> = {
  intent: 'lost-phone',
  dialogId: 'lostPhone',
  // An action beats a description, and a lost phone beats every other action: the urgent, protective reading.
  precedence: 10,
  asked: (words) => mentions(words.request, LOST_PHONE),
  askedInReason: (words) => mentions(words.why, LOST_PHONE),
  needsNumber: false,
  change: { kind: 'secure-lost-phone' },
  makes: ['secure-lost-phone'],
  urgent: true,
  defaultReason: (said) => said.reason ?? 'lost phone or SIM swap',
  confirmGuess: true,
  suggestion: {
    title: 'Lost phone or SIM swap',
    words: ['lost', 'stolen', 'sim', 'swap', 'swapped', 'missing', 'nicked', 'broke', 'phone', 'handset'],
  },
  help: { title: 'Lost phone or SIM swap', example: 'Ali lost their phone' },
};

/** In the order the help card and the suggestions show them. */
export const SMS_ASKS: ReadonlyArray<ChangeAsk<SmsAskIntent>> = [
  ADD_NUMBER,
  SMS_SIGN_IN_ON_ASK,
  SMS_SIGN_IN_OFF_ASK,
  REMOVE_NUMBER,
  LOST_PHONE_ASK,
];
