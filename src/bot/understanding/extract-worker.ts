// Finds the words that name the worker in a request, in any word order: what is left once keywords, grammar and
// the phone number are set aside ("Jane Doe's new number is 07700 900123" → "Jane Doe"). Returns the name as
// typed (casing, accents, hyphens and inner apostrophes kept), without a possessive "'s" or surrounding quotes.
// An email/UPN or an employee id ("M2001") names a worker too.
import { FILLER_WORDS, FIRST_NAME_FILLER_WORDS, NAME_LIKE_FILLER_WORDS } from './filler-words';
import type { PhoneNumberMention } from './extract-phone-number';
import { WORD_END, WORD_START } from './word-boundary';

/** Names longer than this are not names but a pasted paragraph; the start is kept. */
const MAX_NAME_WORDS = 8;
/** Stands in for the phone number and removed phrases, so names never run across them. */
const GAP = '\u0001';
/** Phrases that are not words of a name and would otherwise leave a stray "6". Whole words: "Lucías soon as possible". */
const REMOVED_PHRASES = new RegExp(
  [String.raw`fig\s*-?\s*6`, String.raw`as\s+soon\s+as\s+possible`, String.raw`no\s+longer`]
    .map((phrase) => `${WORD_START}${phrase}${WORD_END}`)
    .join('|'),
  'giu',
);
const LEADING_PUNCTUATION = /^[\p{P}\p{S}]+/u;
const TRAILING_PUNCTUATION = /[\p{P}\p{S}]+$/u;
/** Quotes and emphasis around a name do not end it; other punctuation (",", "(", "?") does. */
const SOFT_PUNCTUATION = /^["'@*_]+$/;
const SOFT_TRAILING_PUNCTUATION = /^["*_]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LETTER = /\p{L}/u;
const EMPLOYEE_DIGITS = /^\d{3,10}$/;

interface Token {
  /** The word without surrounding punctuation or possessive, and where it is in the text. */
  word: string;
  start: number;
  end: number;
  key: string;
  /** Set apart from the previous or next word by punctuation, a possessive, or a gap. */
  breakBefore: boolean;
  breakAfter: boolean;
  gap: boolean;
  email: boolean;
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + GAP.repeat(end - start) + text.slice(end);
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/\S+/gu)) {
    const raw = match[0];
    const offset = match.index;
    const leading = LEADING_PUNCTUATION.exec(raw)?.[0] ?? '';
    const rest = raw.slice(leading.length);
    const trailing = TRAILING_PUNCTUATION.exec(rest)?.[0] ?? '';
    let word = rest.slice(0, rest.length - trailing.length);
    const possessive = /'s$/i.test(word) && word.length > 2;
    if (possessive) word = word.slice(0, -2);
    const start = offset + leading.length;
    const email = EMAIL.test(word);
    tokens.push({
      word,
      start,
      end: start + word.length,
      key: word.toLowerCase(),
      breakBefore: email || (leading !== '' && !SOFT_PUNCTUATION.test(leading)),
      breakAfter: email || possessive || (trailing !== '' && !SOFT_TRAILING_PUNCTUATION.test(trailing)),
      gap: raw.includes(GAP) || word === '',
      email,
    });
  }
  return tokens;
}

function isTitleCase(word: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(word);
}

function isFiller(token: Token): boolean {
  // Small numbers and durations ("4", "6h", "12hrs") are never part of a name.
  return FILLER_WORDS.has(token.key) || /^\d{1,2}(?:h|hr|hrs)?$/.test(token.key);
}

/** Groups consecutive words that are not filler, split at punctuation, possessives and gaps. */
function nameRuns(tokens: readonly Token[], mixedCase: boolean): Token[][] {
  const runs: Token[][] = [];
  let current: Token[] = [];
  const close = (): void => {
    if (current.length > 0) runs.push(current);
    current = [];
  };
  tokens.forEach((token, index) => {
    if (token.gap) return close();
    const next = tokens[index + 1];
    const nameLike =
      mixedCase &&
      NAME_LIKE_FILLER_WORDS.has(token.key) &&
      isTitleCase(token.word) &&
      ((current.length > 0 && !token.breakBefore) ||
        (next !== undefined && !token.breakAfter && !next.gap && !next.breakBefore && !isFiller(next)));
    if (isFiller(token) && !nameLike) return close();
    if (token.breakBefore) close();
    current.push(token);
    if (token.breakAfter) close();
  });
  close();
  return runs;
}

/** "Will can't sign in": with nobody else named, a capitalised "Will" or "May" is the worker (not "May I …"). */
function loneFirstName(tokens: readonly Token[], mixedCase: boolean): Token[] | undefined {
  if (!mixedCase) return undefined;
  const index = tokens.findIndex((token) => FIRST_NAME_FILLER_WORDS.has(token.key) && isTitleCase(token.word));
  const token = tokens[index];
  const next = tokens[index + 1];
  if (!token || (next && ['i', 'we', 'you', 'u'].includes(next.key))) return undefined;
  return [token];
}

export function extractWorker(text: string, phone?: PhoneNumberMention): string | undefined {
  let source = phone ? blank(text, phone.start, phone.end) : text;
  source = source.replace(REMOVED_PHRASES, (phrase) => GAP.repeat(phrase.length));
  const tokens = tokenise(source);
  // In a message typed all in capitals or Title Case, capitals say nothing about names.
  const mixedCase = tokens.some((token) => /^\p{Ll}/u.test(token.word));
  const runs = nameRuns(tokens, mixedCase);
  const run =
    runs.find((candidate) => candidate.some((token) => token.email)) ??
    runs.find((candidate) => candidate.some((token) => LETTER.test(token.word))) ??
    runs.find((candidate) => candidate.length === 1 && EMPLOYEE_DIGITS.test(candidate[0]?.word ?? '')) ??
    loneFirstName(tokens, mixedCase);
  if (!run) return undefined;
  const first = run[0];
  const last = run[Math.min(run.length, MAX_NAME_WORDS) - 1];
  if (!first || !last) return undefined;
  const worker = source.slice(first.start, last.end).replace(/\s+/g, ' ').trim();
  return worker === '' ? undefined : worker;
}
