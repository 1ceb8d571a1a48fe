// Separates the why from the what: "add +44 7700 900123 for Jane Doe because she started today" is the request
// "add +44 7700 900123 for Jane Doe" and the reason "she started today". Markers: "because …", "reason: …",
// "as …", "due to …", " - …", and a closing "(…)".
import { WORD_END, WORD_START } from './word-boundary';

export interface ReasonSplit {
  main: string;
  reason?: string;
}

interface Marker {
  pattern: RegExp;
  /** Whether this occurrence really starts a reason, given the text before and after it. */
  accept?: (before: string, after: string) => boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LOOKS_LIKE_NUMBER = /^[+(\d]/;
/** A second request after " - ", but not a reason that starts like one ("- Setúbal store"). */
const REQUEST_VERB = new RegExp(
  String.raw`^(?:please\s+)?(?:add|set|change|update|register|remove|delete|disable|sign|log|revoke|cancel|approve|reject)${WORD_END}`,
  'iu',
);
/** "such as", "as well as", "as soon as": the "as" is not a reason's. Whole words: "Lucías as she …" gives one. */
const PHRASE_BEFORE_AS = new RegExp(String.raw`${WORD_START}(?:such|same|so|soon|just|as|well)$`, 'iu');
/** "as soon as", "as of Friday", "set it as 07700 …": not a reason. Whole words only: "as Percy left" is one. */
const PHRASE_AFTER_AS = new RegExp(
  String.raw`^(?:(?:soon|well|of|per|if|though|usual|a\s+result)${WORD_END}|\+|\d|\()`,
  'iu',
);

const MARKERS: readonly Marker[] = [
  // \b is ASCII-only: "Bcáa" would read as "bc áa"; the keyword must end at a space, punctuation or the end.
  { pattern: /[,;.]?\s+(?:because|cos|cuz|coz|bc)(?:\s+of)?(?=[\s:,-]|$)[\s:,-]*/giu },
  { pattern: /[,;.]?\s+(?:(?:reason(?:\s+(?:being|is|was))?|note)\s*[:=-]\s*|reason\s+(?:being|is|was)\s+)/giu },
  { pattern: /[,;.]?\s+due\s+to\s+/giu },
  {
    // "as she started today", not "as soon as possible", "as of Friday", "such as", "set it as 07700 …"
    pattern: /[,;]?\s+as\s+/giu,
    accept: (before, after) => !PHRASE_BEFORE_AS.test(before) && !PHRASE_AFTER_AS.test(after),
  },
  // "- new starter", not the hyphens of "+1-425-555-0100" or "Jean-Luc", nor a second request ("- remove her number")
  { pattern: /\s+-+\s+/gu, accept: (_before, after) => !LOOKS_LIKE_NUMBER.test(after) && !REQUEST_VERB.test(after) },
  // "(new starter)" at the end, but not "(jane.doe@contoso.com)" or "(425) …"
  { pattern: /\s*\(/gu, accept: (_before, after) => closesAtEnd(after) },
];

/** "new starter)" ending the message, with words and no other brackets or address inside. */
function closesAtEnd(after: string): boolean {
  const inside = after.replace(/[\s.!]+$/, '');
  if (!inside.endsWith(')')) return false;
  const words = inside.slice(0, -1);
  return !/[()@]/.test(words) && /\p{L}/u.test(words);
}

function tidy(text: string, trailing: RegExp): string {
  return text
    .trim()
    .replace(/^[\s:,;.-]+/, '')
    .replace(trailing, '')
    .replace(/^"(.*)"$/, '$1')
    .trim();
}

export function splitReason(message: string): ReasonSplit {
  let best: { index: number; length: number } | undefined;
  for (const { pattern, accept } of MARKERS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(message); match; match = pattern.exec(message)) {
      if (best && match.index >= best.index) break;
      const before = message.slice(0, match.index);
      const after = message.slice(match.index + match[0].length);
      if (LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(after) && (!accept || accept(before.trimEnd(), after))) {
        best = { index: match.index, length: match[0].length };
        break;
      }
      if (match[0] === '') pattern.lastIndex++;
    }
  }
  if (!best) return { main: message };
  // The request keeps its "?" (it marks a question); the reason loses its closing punctuation and bracket.
  const main = tidy(message.slice(0, best.index), /[\s:,;.!-]+$/);
  const reason = tidy(message.slice(best.index + best.length), /[\s:,;.!?)-]+$/);
  return reason === '' ? { main } : { main, reason };
}
