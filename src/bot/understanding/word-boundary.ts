// Where a word starts and ends, for any script. JavaScript's \b and \w know only ASCII letters, so next to "á" in
// "Bcáa", "š" in "Denyš" or the combining accent of a decomposed "Zoé" they see a word end, and a keyword inside a
// name matches. Patterns that meet names as typed use these instead (they need the "u" flag).

/** A letter of any script, a combining mark (accents, vowel signs), a digit or "_". */
const WORD_CHARACTER = String.raw`[\p{L}\p{M}\p{N}_]`;

/** Put before a keyword: it does not continue a word. */
export const WORD_START = `(?<!${WORD_CHARACTER})`;

/** Put after a keyword: no word continues it. */
export const WORD_END = `(?!${WORD_CHARACTER})`;
