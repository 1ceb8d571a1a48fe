// Finds the phone number a person typed in a message, as typed: "+44 7700 900123", "07700.900.123",
// "(425) 555-0100", "0044 7700 900123". Only the text is extracted; the dialogs parse it with the store's region
// (src/phone/phone-number.ts). Request numbers ("approve 42") and employee ids ("M2001") are never phone numbers:
// a phone number has at least MIN_PHONE_DIGITS digits and is not glued to a word.

export interface PhoneNumberMention {
  /** The number as typed, trimmed. */
  text: string;
  /** Where it is in the searched text: [start, end). */
  start: number;
  end: number;
}

const MIN_PHONE_DIGITS = 7;
/** E.164 allows 15 digits; "00" and a trunk "(0)" add a few. */
const MAX_PHONE_DIGITS = 17;

const SEPARATORS = ' -./';
/** At most this many separators in a row inside a number ("555 - 0100"). */
const MAX_SEPARATOR_RUN = 3;
/** Combining marks too: a number after a decomposed "é" is as glued to the word as one after "é". */
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}_@]/u;
const DATE = /^(?:\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2\d{2,4})$/;

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

/** A number glued to a word ("M2001", "EMP-2001234", "#1234567", "x@y") belongs to that word. */
function attachedToWord(text: string, index: number): boolean {
  const before = text[index - 1];
  if (before === undefined) return false;
  if (WORD_CHARACTER.test(before) || before === '+' || before === '#') return true;
  const beforeThat = text[index - 2];
  return '-./'.includes(before) && beforeThat !== undefined && WORD_CHARACTER.test(beforeThat);
}

function startsNumber(text: string, index: number): boolean {
  const character = text[index];
  if (isDigit(character)) return true;
  if (character === '(') return isDigit(text[index + 1]);
  if (character === '+')
    return isDigit(text[index + 1]) || text[index + 1] === '(' || (text[index + 1] === ' ' && isDigit(text[index + 2]));
  return false;
}

/** The end (exclusive) of the digits, separators and brackets starting at `start`: the last digit or ")". */
function scanNumber(text: string, start: number): number {
  let index = start;
  if (text[index] === '+') index += text[index + 1] === ' ' ? 2 : 1;
  let end = start;
  let open = false;
  while (index < text.length) {
    const character = text[index] ?? '';
    if (isDigit(character)) {
      index++;
      end = index;
    } else if (character === '(' && !open && isDigit(text[index + 1])) {
      open = true;
      index++;
    } else if (character === ')' && open) {
      open = false;
      index++;
      end = index;
    } else if (SEPARATORS.includes(character)) {
      let next = index;
      while (next < text.length && next - index < MAX_SEPARATOR_RUN && SEPARATORS.includes(text[next] ?? '')) next++;
      if (!isDigit(text[next]) && text[next] !== '(') break;
      index = next;
    } else {
      break;
    }
  }
  return end;
}

function balanced(candidate: string): boolean {
  const opened = candidate.split('(').length - 1;
  const closed = candidate.split(')').length - 1;
  return opened === closed;
}

/** The first phone number in `text`, if any. */
export function findPhoneNumber(text: string): PhoneNumberMention | undefined {
  let index = 0;
  while (index < text.length) {
    if (!startsNumber(text, index) || attachedToWord(text, index)) {
      index++;
      continue;
    }
    let start = index;
    const end = scanNumber(text, index);
    if (end <= start) {
      index++;
      continue;
    }
    let candidate = text.slice(start, end);
    // "(07700 900123" with no closing bracket: the bracket is punctuation, not part of the number.
    if (!balanced(candidate) && candidate.startsWith('(')) {
      start++;
      candidate = candidate.slice(1);
    }
    const digits = candidate.replace(/\D/g, '').length;
    const gluedAfter = WORD_CHARACTER.test(text[end] ?? '');
    if (
      balanced(candidate) &&
      !gluedAfter &&
      digits >= MIN_PHONE_DIGITS &&
      digits <= MAX_PHONE_DIGITS &&
      !DATE.test(candidate)
    ) {
      return { text: candidate.trim(), start, end };
    }
    index = end;
  }
  return undefined;
}
