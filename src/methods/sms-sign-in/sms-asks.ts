// How a store manager asks for an SMS sign-in change, and what the conversation then asks: "add +44 7700 900123 for
// Jane", "remove Ali's number" (a leaver too), "Ali lost their phone".
import { mentions, type ChangeAsk } from '../change-ask';
import type { SmsAskIntent } from './sms-types';
import { ADD, ADD_LEADING, ADD_WITH_NUMBER, LEAVER, LOST_PHONE, NEW_NUMBER, REMOVE } from './sms-keywords';

const ADD_NUMBER: ChangeAsk<'add-number'> = {
  intent: 'add-number',
  dialogId: 'addNumber',
  precedence: 20,
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
export const SMS_ASKS: ReadonlyArray<ChangeAsk<SmsAskIntent>> = [ADD_NUMBER, REMOVE_NUMBER, LOST_PHONE_ASK];
