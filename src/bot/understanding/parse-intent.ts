// Understands a chat message without a language model: keywords in any word order, the worker's name, a phone
// number in any common format and a reason. Pure and bounded: only the first MAX_MESSAGE_CHARS characters are read.
//
// Precedence, first match wins:
//  0. A roster: several lines, each a worker and a mobile number or "badge" (or any lines under "onboard:").
//  1. "?" alone, or a whole-message greeting or help phrase → help.
//  2. A request command at the start ("approve 42 …", "reject 42 because …", "cancel 42"), or a whole-message
//     "cancel"/"never mind" → approve / reject / cancel. The number is a request number, never a phone number.
//  3. Queries that name their object outright: who-has (a "who has / whose / who owns" question about a number
//     given), then pending ("pending", "my requests"), then SMS sign-in off for everyone or a group, then tenant
//     posture (admins with weak sign-in, readiness for 2027-02-01), then a store's move ("move my store to QR
//     badges"), then a store ("how is my store doing?", "overview of Leeds"), then history ("history of Bob"), then the tenant ("tenant", "policy").
//  4. Actions: every sign-in method's asks (methods/*/…-asks.ts) in precedence order, today lost-phone (lost,
//     stolen, SIM swap) > SMS sign-in off, the number kept ("turn off SMS sign-in for Ali") > SMS sign-in on ("turn on
//     SMS sign-in for Bob", FIG6's fix) > add-number >
//     remove-number (incl. leavers, and "turn off SMS sign-in and remove his number") > revoke-sessions. An action
//     beats a description: "why can't Ali sign in, he lost his phone" is lost-phone,
//     "add 07700 900123 for Jane, it says in use" is add-number (the add dialog reports who holds the number).
//     "add … and remove the old one" is add (a change of number). Only the request part is read for actions, so
//     "add … because she lost her phone" stays add-number with that reason.
//  5. A change an ask reads in the reason of a description, a lost phone ("Bob can't sign in because he lost his phone")
//     → lost-phone: the urgent, protective reading.
//  6. Descriptions and questions about a worker: instructions > diagnose (FIG6 > number in use > cannot sign in)
//     > "is SMS sign-in set up" (status of the worker named, else tenant-check) > status. These need a worker;
//     without one they fall through. "status" alone → pending (the requester's own requests).
//  7. Nothing else said: a name and a number ("Bob's number: 07700 900123") → the ask that takes them (add-number); a number alone or asked
//     about ("07700 900123?") → who-has; a lone email/UPN or employee id → status; "help" anywhere → help;
//     else unknown.
// Yes/no questions ("is Bob set up?", "has Ali left?", "is 07700 900123 set for Bob?") ask about a state, so they
// never start a change through "set"/"changed"/"new number", "left"/"leaving" or "sign … out"; "add", "register"
// and "remove" always do. Only the request part (before "because", "reason:", " - " …) can start an action; a
// name set apart by a dash ("can't sign in - Bob Smith", "Jane Doe - leaver") belongs to the request. Keywords typed
// in a hurry ("satus", "cnat", "whos") are corrected first.
// A message whose worker cannot be found still gets its intent; the dialogs ask for what is missing.
import { mentions, type AskWords, type ChangeAsk } from '../../methods/change-ask';
import { ASKS_BY_PRECEDENCE, CHANGE_ASKS, type ChangeIntentKind } from '../../methods/registry';
import type { ChangeIntent, Intent, SymptomHint } from './intent';
import { findPhoneNumber, type PhoneNumberMention } from './extract-phone-number';
import { extractWorker } from './extract-worker';
import { correctTypos } from './common-typos';
import {
  CANNOT_SIGN_IN,
  FIG6,
  HELP_PHRASES,
  HISTORY,
  HELP_WORDS,
  INSTRUCTIONS,
  NUMBER_IN_USE,
  NUMBER_QUESTION,
  PENDING,
  SMS_SIGN_IN_AVAILABLE,
  STATUS,
  STOP_PHRASES,
  TENANT,
  WHO_HAS,
  isYesNoQuestion,
  keywordText,
} from './intent-keywords';
import { joinNameAside } from './name-aside';
import { normaliseMessage } from './normalise-message';
import { parseRequestCommand } from './request-command';
import { splitReason } from './split-reason';
import { rosterOf } from './roster-lines';
import { smsOffQuestion } from './sms-off-words';
import { postureQuestion } from './posture-words';
import { storeMove, storeQuestion } from './store-words';
import { stripCourtesies } from './strip-courtesies';

const HELP: Intent = { kind: 'help' };
const UNKNOWN: Intent = { kind: 'unknown' };
const LONE_WORKER_REFERENCE = /^(?:[^\s@]+@[^\s@]+\.[^\s@]+|\p{L}{1,4}-?\d{2,10})[.!?]?$/u;

/** Lower case words only: the form whole-message phrases are compared in. Marks stay: "Yó" (decomposed) is not "yo". */
function phraseOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}']+/gu, ' ')
    .trim();
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function symptomOf(text: string): SymptomHint {
  if (mentions(text, FIG6)) return 'fig6';
  if (mentions(text, NUMBER_IN_USE)) return 'number-in-use';
  return 'cannot-sign-in';
}

export function parseIntent(text: string): Intent {
  // A roster is read line by line, before the message is flattened onto one line.
  if (rosterOf(text)) return { kind: 'roster', text };
  const cleaned = normaliseMessage(text);
  if (/^[?¿\s]+$/.test(cleaned)) return HELP;
  if (HELP_PHRASES.has(phraseOf(cleaned))) return HELP;
  const message = correctTypos(stripCourtesies(cleaned));
  if (!/[\p{L}\p{N}]/u.test(message)) return UNKNOWN;
  const phrase = phraseOf(message);
  if (HELP_PHRASES.has(phrase)) return HELP;
  if (STOP_PHRASES.has(phrase)) return { kind: 'cancel' };
  const command = parseRequestCommand(message);
  if (command) return command;

  const { main, reason } = joinNameAside(splitReason(message));
  const phone = findPhoneNumber(main);
  const reasonPhone: PhoneNumberMention | undefined = reason === undefined ? undefined : findPhoneNumber(reason);
  const request = keywordText(main, phone);
  const why = reason === undefined ? '' : keywordText(reason, reasonPhone);
  const everything = why === '' ? request : `${request} ${why}`;
  const hasPhone = phone !== undefined;
  const question = isYesNoQuestion(main);
  let found: { worker: string | undefined } | undefined;
  const worker = (): string | undefined => (found ??= { worker: extractWorker(main, phone) }).worker;
  const withReason = optional('reason', reason);

  // 3. Queries that name their object.
  if (phone && mentions(request, WHO_HAS)) return { kind: 'who-has', number: phone.text };
  if (mentions(request, PENDING)) return { kind: 'pending' };
  const smsOff = smsOffQuestion(request);
  if (smsOff) return { kind: 'sms-off', ...smsOff };
  const posture = postureQuestion(request);
  if (posture) return posture;
  const move = storeMove(request);
  if (move) return { kind: move.finish ? 'finish-store-move' : 'move-store', ...optional('store', move.store) };
  const store = storeQuestion(request);
  if (store) return { kind: 'overview', ...store };
  if (mentions(request, HISTORY)) return { kind: 'history', ...optional('worker', worker()) };
  if (mentions(request, TENANT)) return { kind: 'tenant-check' };

  // 4. Actions, each method's asks in precedence order.
  const words: AskWords = {
    request,
    why,
    hasPhone,
    question,
    describesProblem: mentions(everything, [...CANNOT_SIGN_IN, ...FIG6, ...NUMBER_IN_USE]),
  };
  const change = (ask: ChangeAsk<ChangeIntentKind>, number: string | undefined): ChangeIntent => ({
    kind: ask.intent,
    ...optional('worker', worker()),
    ...optional('number', ask.needsNumber ? number : undefined),
    ...withReason,
    ...(ask.leaver && { leaver: ask.leaver(words) }),
    ...optional('hours', ask.hours?.(words)),
  });
  const asked = ASKS_BY_PRECEDENCE.find((ask) => ask.asked(words));
  if (asked) return change(asked, phone?.text);

  // 5. A change given as the reason for a problem (a lost phone).
  const inReason = ASKS_BY_PRECEDENCE.find((ask) => ask.askedInReason?.(words));
  if (inReason) return change(inReason, phone?.text);

  // 6. Descriptions and questions about a worker.
  const named = worker();
  if (mentions(everything, INSTRUCTIONS)) return { kind: 'instructions', ...optional('worker', named) };
  if (named !== undefined && mentions(everything, [...FIG6, ...NUMBER_IN_USE, ...CANNOT_SIGN_IN])) {
    const number = phone ?? reasonPhone;
    return { kind: 'diagnose', worker: named, symptom: symptomOf(everything), ...optional('number', number?.text) };
  }
  if (mentions(request, SMS_SIGN_IN_AVAILABLE))
    return named === undefined ? { kind: 'tenant-check' } : { kind: 'status', worker: named };
  if (mentions(request, STATUS) || question || mentions(request, NUMBER_QUESTION)) {
    if (named !== undefined) return { kind: 'status', worker: named };
    if (/^(?:my\s+)?status\s*\??$/.test(request)) return { kind: 'pending' };
  }

  // 7. Last resorts.
  const nameAndNumber = CHANGE_ASKS.find((ask) => ask.takesNameAndNumber);
  if (phone) {
    return named === undefined || question || !nameAndNumber
      ? { kind: 'who-has', number: phone.text }
      : change(nameAndNumber, phone.text);
  }
  if (named !== undefined && LONE_WORKER_REFERENCE.test(main)) return { kind: 'status', worker: named };
  if (mentions(everything, HELP_WORDS)) return HELP;
  return UNKNOWN;
}
