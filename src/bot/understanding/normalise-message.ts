// A message as understanding reads it: bounded in length, without the bot's own @mention or Teams markup, with
// typographic quotes and dashes, full-width forms and Arabic punctuation flattened to their plain ASCII forms, without
// invisible formatting characters, on one line with single spaces (also between English and a Chinese, Japanese,
// Korean or Thai name typed against it).
import { WORD_END, WORD_START } from './word-boundary';

/** Only the start of a message is read: enough for any request, and bounded work for a 100 KB paste. */
export const MAX_MESSAGE_CHARS = 2000;

const BOT_NAME = /^\s*@?\s*phone\s?desk\s*$/i;
// A tag's name ends at a space, "/" or ">" ("<Ián>" typed in plain text is not an <i> tag).
const MENTION = /<at(?=[\s/>])[^<>]{0,200}>([^<]{0,200})<\/at>/gi;
const MARKUP = /<\/?(?:p|div|span|br|b|i|u|strong|em|at)(?=[\s/>])[^<>]{0,200}>/gi;
const BOT_NAME_WORD = new RegExp(
  String.raw`(?:^|\s)@\s?phone\s?desk${WORD_END}|${WORD_START}phonedesk${WORD_END}`,
  'giu',
);
/**
 * Invisible characters that are never part of a word: zero-width spaces and joiners, the word joiner, the soft hyphen
 * ("Add\u00ADison" pasted from a document is "Addison", not "Add ison") and the bidi marks, embeddings and isolates
 * that apps put around right-to-left names.
 */
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
/**
 * Scripts written without spaces between words. A person typing in English may not put a space between a Chinese,
 * Japanese, Korean or Thai name and the English around it ("remove王小明's number"); understanding adds it.
 */
const UNSPACED_SCRIPT = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]`;
const LATIN_OR_DIGIT = String.raw`[\p{Script=Latin}0-9]`;
const SCRIPT_CHANGE = new RegExp(
  `(?<=${UNSPACED_SCRIPT})(?=${LATIN_OR_DIGIT})|(?<=${LATIN_OR_DIGIT})(?=${UNSPACED_SCRIPT})`,
  'gu',
);
/**
 * Chinese and Japanese input methods type full-width forms ("？", "＋４４", "０７７００"), Arabic has its own comma and
 * question mark: read as the ASCII that the patterns look for. CJK punctuation carries its own space
 * ("王小明，because …"), so it gets one.
 */
const WIDE_OR_ARABIC = /[\uFF01-\uFF5E\u3001\u3002\u060C\u061B\u061F]/g;
const SPACED_PUNCTUATION: Readonly<Record<string, string>> = {
  '\uFF0C': ', ',
  '\u3001': ', ',
  '\u3002': '. ',
  '\uFF1F': '? ',
  '\uFF01': '! ',
  '\uFF1A': ': ',
  '\uFF1B': '; ',
  '\u060C': ',',
  '\u061B': ';',
  '\u061F': '?',
};
const FULL_WIDTH_OFFSET = 0xfee0;

function asAscii(character: string): string {
  return SPACED_PUNCTUATION[character] ?? String.fromCharCode(character.charCodeAt(0) - FULL_WIDTH_OFFSET);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
};

export function normaliseMessage(raw: string): string {
  return (
    raw
      .slice(0, MAX_MESSAGE_CHARS)
      // Another person's mention names them (often the worker); the bot's own names nobody.
      .replace(MENTION, (_whole, name: string) => (BOT_NAME.test(name) ? ' ' : ` ${name} `))
      .replace(MARKUP, ' ')
      .replace(/&(?:nbsp|amp|lt|gt|quot|#39|apos);/gi, (entity) => ENTITIES[entity.toLowerCase()] ?? entity)
      .replace(INVISIBLE, '')
      .replace(WIDE_OR_ARABIC, asAscii)
      .replace(SCRIPT_CHANGE, ' ')
      .replace(BOT_NAME_WORD, ' ')
      // Apostrophes as phones and keyboards type them: curly, prime, acute, modifier letter ("Aliʼs").
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`\u02BC]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
