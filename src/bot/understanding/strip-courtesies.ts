// Greetings and politeness around a request ("hi, can you …", "… please", "… thanks!") carry no meaning for
// understanding; this removes them from both ends of a normalised message.
import { WORD_START } from './word-boundary';

const LEADING = new RegExp(
  '^(?:' +
    [
      '(?:hi|hello|hey|hiya|heya|yo|howdy|good\\s+(?:morning|afternoon|evening|day)|morning|afternoon|evening)(?:\\s+(?:there|team|all|everyone|folks|guys|bot))?',
      'please|pls|plz|kindly|ok|okay|so|um+|uh+',
      '(?:can|could|would|will)\\s+(?:you|u)(?:\\s+(?:please|pls|plz))?',
      "(?:i|we)(?:\\s+(?:need|want|would\\s+like)|'d\\s+like)\\s+(?:you\\s+)?to",
      'help\\s+me(?=\\s)',
    ].join('|') +
    ')(?=$|[\\s,.!:;-])[\\s,.!:;-]*',
  'i',
);

// A courtesy starts a word: "Öpls" (even with "Ö" typed as "O" and a combining diaeresis) does not end in "pls".
const TRAILING = new RegExp(
  String.raw`[\s,.!;:-]*${WORD_START}(?:please|pls|plz|thanks|thank\s+you(?:\s+(?:very|so)\s+much)?|many\s+thanks|thanks\s+(?:a\s+lot|so\s+much|very\s+much)|thx|cheers|asap|urgently|when\s+you\s+can|if\s+(?:possible|you\s+can))[\s.!?]*$`,
  'iu',
);

/** Enough for any realistic stack of courtesies; bounds the work on adversarial input. */
const MAX_PASSES = 6;

export function stripCourtesies(message: string): string {
  let text = message;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const lead = LEADING.exec(text);
    if (!lead || lead[0] === '') break;
    text = text.slice(lead[0].length);
  }
  let asked = false;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const trail = TRAILING.exec(text);
    if (!trail) break;
    if (trail[0].includes('?')) asked = true;
    text = text.slice(0, trail.index);
  }
  text = text.trim();
  // "is Bob ready please?" stays a question.
  return asked && text !== '' && !text.endsWith('?') ? `${text}?` : text;
}
