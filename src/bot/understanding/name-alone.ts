// A message that is only a name, or close to one ("Bob", "bob smiht", "Jane Doe?"): the person most likely wants that
// worker's status. Only short messages of name-like words qualify, so a sentence never costs a directory look-up.
import { FILLER_WORDS, NAME_LIKE_FILLER_WORDS } from './filler-words';
import { normaliseMessage } from './normalise-message';
import { stripCourtesies } from './strip-courtesies';

/** "Ngozi Okonkwo-Adeyemi", "María José de la Cruz": longer is a sentence, not a name. */
const MAX_WORDS_OF_A_NAME = 4;
const MAX_NAME_CHARS = 60;
/** Letters (any script) and marks, with inner hyphens, apostrophes and dots: "O'Brien", "Jean-Luc", "J.". */
const NAME_WORD = /^[\p{L}\p{M}]+(?:['.-][\p{L}\p{M}]+)*\.?$/u;

/** The name the message consists of, as typed, or undefined when it is anything else. */
export function nameAlone(text: string): string | undefined {
  const message = stripCourtesies(normaliseMessage(text))
    .replace(/^["']+|["'?!.,]+$/g, '')
    .trim();
  if (message === '' || message.length > MAX_NAME_CHARS) return undefined;
  const words = message.split(' ');
  if (words.length > MAX_WORDS_OF_A_NAME || !words.every((word) => NAME_WORD.test(word))) return undefined;
  const keyword = words.some(
    (word) => FILLER_WORDS.has(word.toLowerCase()) && !NAME_LIKE_FILLER_WORDS.has(word.toLowerCase()),
  );
  return keyword ? undefined : message;
}
