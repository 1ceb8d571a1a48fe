// Commands about a change request by its number, for channels without cards and for requesters:
// "approve 42", "approve #42 looks fine", "reject 42 because wrong person", "cancel my request 42".
// They start the message, so the number that follows is a request number, never a phone number or a worker.
import type { Intent } from './intent';
import { WORD_END } from './word-boundary';

type RequestCommand = Extract<Intent, { kind: 'approve' | 'reject' | 'cancel' }>;

const VERBS: Readonly<Record<string, RequestCommand['kind']>> = {
  approve: 'approve',
  approved: 'approve',
  accept: 'approve',
  reject: 'reject',
  rejected: 'reject',
  decline: 'reject',
  deny: 'reject',
  cancel: 'cancel',
  withdraw: 'cancel',
};

// The verb, the number and a note's marker are whole words: "Denyš lost their phone" is no "deny", "approve 42
// así está bien" has the note "así está bien".
const COMMAND = new RegExp(
  String.raw`^(approved?|accept|reject(?:ed)?|decline|deny|cancel|withdraw)${WORD_END}[\s:,.-]*`,
  'iu',
);
/** "42", "#42", "request 42", "my request #42", "the change no. 42": at most 9 digits, not the start of a phone number. */
const REQUEST_NUMBER = new RegExp(
  String.raw`^(?:(?:my|the|this|that)\s+)?(?:(?:last\s+)?(?:change\s+)?(?:request|req|ticket|change)\s*)?(?:(?:no\.?|number|num|nr\.?)\s*)?#?\s*(\d{1,9})(?![\d\s.\-/]?\d)${WORD_END}`,
  'iu',
);
/** What may follow a request command without being a note: "cancel it", "approve the request". */
const REQUEST_REFERENCE =
  /^(?:it|that|this|that one|this one|(?:my|the|this|that)?\s*(?:last\s+)?(?:change\s+)?(?:request|req|ticket)s?)?[\s.!?]*$/i;
const NOTE_MARKER = new RegExp(
  String.raw`^(?:because(?:\s+of)?|as|since|note|reason(?:\s+(?:being|is|was))?|comment|with\s+(?:the\s+)?note)${WORD_END}[\s:,=-]*`,
  'iu',
);

function tidyNote(text: string): string | undefined {
  const note = text
    .replace(/^[\s:,;.=-]+/, '')
    .replace(NOTE_MARKER, '')
    .replace(/[\s.!]+$/, '')
    .replace(/^"(.*)"$/, '$1')
    .trim();
  return note === '' ? undefined : note;
}

/** The command at the start of `message`, or undefined when the message is not one. */
export function parseRequestCommand(message: string): RequestCommand | undefined {
  const command = COMMAND.exec(message);
  if (!command?.[1]) return undefined;
  const kind = VERBS[command[1].toLowerCase()];
  if (!kind) return undefined;
  const rest = message.slice(command[0].length).trim();
  const numbered = REQUEST_NUMBER.exec(rest);
  if (numbered?.[1]) {
    const requestNumber = Number(numbered[1]);
    const note = kind === 'cancel' ? undefined : tidyNote(rest.slice(numbered[0].length));
    return note === undefined ? { kind, requestNumber } : { kind, requestNumber, note };
  }
  if (REQUEST_REFERENCE.test(rest)) return { kind };
  // "reject because wrong person": a note without a number; "approve Jane's request": neither.
  const marked = NOTE_MARKER.exec(rest);
  if (kind !== 'cancel') {
    const note = marked ? tidyNote(rest) : undefined;
    return note === undefined ? { kind } : { kind, note };
  }
  // "cancel Ali's number" is not about a request: let the rest of understanding read it.
  return undefined;
}
