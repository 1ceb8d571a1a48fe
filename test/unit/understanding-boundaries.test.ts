// The word boundaries of request-command, normalise-message and extract-worker, fuzzed with fast-check the way
// understanding-unicode.test.ts fuzzes whole messages: a keyword, tag or phrase counts only as a whole word, so a
// letter of any script or a combining mark right next to it ("Denyš", "<Ián>", "Lucías soon as possible") keeps it
// part of the name. JavaScript's \b sees a word end at every such letter.
import fc from 'fast-check';
import { correctTypos } from '../../src/bot/understanding/common-typos';
import { extractWorker } from '../../src/bot/understanding/extract-worker';
import { FILLER_WORDS } from '../../src/bot/understanding/filler-words';
import { normaliseMessage } from '../../src/bot/understanding/normalise-message';
import { parseRequestCommand } from '../../src/bot/understanding/request-command';

function runs(fallback: number): { numRuns: number } {
  return { numRuns: fc.readConfigureGlobal().numRuns ?? fallback };
}

const MARKS = ['\u0300', '\u0301', '\u0303', '\u0308', '\u030C', '\u0327', '\u064E', '\u093F'];

/**
 * A letter outside ASCII, precomposed, or an ASCII letter with a combining mark: where \b wrongly sees a word end.
 * Not of a script written without spaces (Chinese, Thai…): English typed against those is spaced on purpose.
 */
const nonAsciiLetter: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...'áéíóúñçøåöüłßšžďαβγжзиאבابक'),
  fc.tuple(fc.constantFrom(...'aeiounsyz'), fc.constantFrom(...MARKS)).map(([base, mark]) => base + mark),
);
const asciiLetters = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), { minLength: min, maxLength: max })
    .map((letters) => letters.join(''));
const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** A word of a name ending in a letter outside ASCII or a mark: "Lucí", "Jose\u0301", "Ñ". */
const endsNonAscii: fc.Arbitrary<string> = fc
  .tuple(asciiLetters(0, 5), nonAsciiLetter, fc.boolean())
  .map(([start, last, capital]) => {
    const word = start + last;
    return capital ? capitalise(word) : word;
  });
/** A continuation starting with a letter outside ASCII or a mark: "š", "\u0301n", "ñez". */
const startsNonAscii: fc.Arbitrary<string> = fc
  .tuple(nonAsciiLetter, asciiLetters(0, 4))
  .map(([first, rest]) => first + rest);

/** A plain name that understanding keeps whole: not a filler word ("Will", "Mr") nor a single letter. */
const plainName: fc.Arbitrary<string> = fc
  .array(
    asciiLetters(2, 8)
      .filter((word) => !FILLER_WORDS.has(word))
      .map(capitalise),
    { minLength: 1, maxLength: 2 },
  )
  .map((words) => words.join(' '));

// --- request-command ----------------------------------------------------------------------------------------------

const VERBS = ['approve', 'approved', 'accept', 'reject', 'rejected', 'decline', 'deny', 'cancel', 'withdraw'];
const NOTE_MARKERS = ['because', 'as', 'since', 'note', 'reason', 'comment'];

describe('request commands: the verb, the number and a note marker are whole words', () => {
  it('a verb glued to a letter of any script is a name, not a command ("Denyš lost their phone")', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VERBS), startsNonAscii, fc.boolean(), (verb, rest, capital) => {
        const name = (capital ? capitalise(verb) : verb) + rest;
        expect(parseRequestCommand(`${name} lost their phone`)).toBeUndefined();
        expect(parseRequestCommand(`${name} 42`)).toBeUndefined();
      }),
      runs(1000),
    );
  });

  it('a request number glued to a letter of any script is no request number, as when glued to an ASCII letter', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VERBS),
        fc.integer({ min: 0, max: 999_999_999 }),
        startsNonAscii,
        (verb, number, rest) => {
          expect(parseRequestCommand(`${verb} ${number}${rest}`)).toStrictEqual(
            parseRequestCommand(`${verb} ${number}x`),
          );
        },
      ),
      runs(1000),
    );
  });

  it('a note that starts with a marker glued to a letter keeps all its words ("así está bien")', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('approve', 'reject'),
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom(...NOTE_MARKERS),
        startsNonAscii,
        plainName,
        (verb, number, marker, rest, name) => {
          const note = `${marker}${rest} ${name}`;
          expect(parseRequestCommand(`${verb} ${number} ${note}`)).toStrictEqual({
            kind: verb,
            requestNumber: number,
            note,
          });
        },
      ),
      runs(1000),
    );
  });

  it('a whole-word note marker is dropped from the note, in any script around it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('approve', 'reject'),
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom(...NOTE_MARKERS),
        endsNonAscii,
        (verb, number, marker, name) => {
          expect(parseRequestCommand(`${verb} ${number} ${marker} ${name} checked it`)).toStrictEqual({
            kind: verb,
            requestNumber: number,
            note: `${name} checked it`,
          });
        },
      ),
      runs(1000),
    );
  });
});

// --- normalise-message --------------------------------------------------------------------------------------------

const TAGS = ['p', 'div', 'span', 'br', 'b', 'i', 'u', 'strong', 'em', 'at'];

describe("normalising a message: the bot's name and Teams tags are whole words", () => {
  it('keeps "phonedesk" glued to a letter of any script, as part of a name', () => {
    fc.assert(
      fc.property(fc.option(endsNonAscii), fc.option(startsNonAscii), (before, after) => {
        fc.pre(before !== null || after !== null);
        const name = `${before ?? ''}phonedesk${after ?? ''}`;
        expect(normaliseMessage(`status of ${name}`)).toBe(`status of ${name}`);
      }),
      runs(1000),
    );
  });

  it("removes the bot's own name as a word, whatever the names around it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom('phonedesk', 'PhoneDesk', '@phonedesk', '@phone desk', '@ PhoneDesk'),
        endsNonAscii,
        startsNonAscii,
        (bot, before, after) => {
          expect(normaliseMessage(`${bot} status of ${before} ${after}`)).toBe(`status of ${before} ${after}`);
          expect(normaliseMessage(`status of ${before} ${bot} ${after}`)).toBe(`status of ${before} ${after}`);
        },
      ),
      runs(1000),
    );
  });

  it('keeps "<" and a tag name glued to a letter of any script as typed text ("<Ián>"), and removes real tags', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TAGS), startsNonAscii, plainName, fc.boolean(), (tag, rest, name, capital) => {
        const typed = `<${capital ? tag.toUpperCase() : tag}${rest}>`;
        expect(normaliseMessage(`status of ${typed}`)).toBe(`status of ${typed}`);
        expect(normaliseMessage(`status of <${tag}>${name}</${tag}>`)).toBe(`status of ${name}`);
      }),
      runs(1000),
    );
  });

  it('reads a mention as the person it names, and an <at…> glued to a letter as text', () => {
    fc.assert(
      fc.property(plainName, startsNonAscii, (name, rest) => {
        expect(normaliseMessage(`<at>phonedesk</at> status of <at>${name}</at>`)).toBe(`status of ${name}`);
        expect(normaliseMessage(`status of <at${rest}>${name}</at>`)).toBe(`status of <at${rest}>${name}`);
      }),
      runs(1000),
    );
  });
});

// --- extract-worker -----------------------------------------------------------------------------------------------

describe('finding the worker: "fig 6", "as soon as possible" and "no longer" are set aside only as whole words', () => {
  it('keeps a name that ends in the phrase\'s first word glued to a letter of any script ("Lucías soon as possible")', () => {
    fc.assert(
      fc.property(endsNonAscii, (start) => {
        expect(extractWorker(`remove the number for ${start}as soon as possible`)).toBe(`${start}as`);
        expect(extractWorker(`${start}no longer works here`)).toBe(`${start}no`);
        expect(extractWorker(`${start}fig 6 for Bob`)).toBe(`${start}fig`);
      }),
      runs(1000),
    );
  });

  it('sets the whole-word phrases aside, whatever script the name is in', () => {
    fc.assert(
      fc.property(endsNonAscii, fc.option(startsNonAscii), (first, second) => {
        const name = second === null ? first : `${first} ${capitalise(second)}`;
        expect(extractWorker(`remove the number for ${name} as soon as possible`)).toBe(name);
        expect(extractWorker(`${name} no longer works here`)).toBe(name);
        expect(extractWorker(`${name} gets fig 6`)).toBe(name);
        expect(extractWorker(`FIG-6 for ${name}`)).toBe(name);
      }),
      runs(1000),
    );
  });
});

// --- common-typos -------------------------------------------------------------------------------------------------

describe('keyword typos are corrected only as whole words', () => {
  const TYPOS: ReadonlyArray<readonly [string, string]> = [
    ['satus', 'status'],
    ['chek', 'check'],
    ['cnat', "can't"],
    ['remvoe', 'remove'],
    ['whos', "who's"],
  ];

  it('leaves a name or an address that contains one as typed ("Chekñ", "Ásatus", "chek@contoso.com")', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TYPOS),
        endsNonAscii,
        startsNonAscii,
        fc.constantFrom('@contoso.com', '.smith@contoso.com', "'s", '-Luc'),
        ([typo], before, after, joined) => {
          for (const word of [
            `${before}${typo}`,
            `${typo}${after}`,
            `${capitalise(typo)}${after}`,
            `${typo}${joined}`,
            `j.${typo}@contoso.com`,
          ]) {
            expect(correctTypos(`status of ${word}`)).toBe(`status of ${word}`);
          }
        },
      ),
      runs(1000),
    );
  });

  it('corrects the whole word next to names of any script', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPOS), endsNonAscii, startsNonAscii, ([typo, meant], before, after) => {
        expect(correctTypos(`${before} ${typo} ${after}?`)).toBe(`${before} ${meant} ${after}?`);
        expect(correctTypos(`${capitalise(typo)}: ${before}.`)).toBe(`${meant}: ${before}.`);
      }),
      runs(1000),
    );
  });
});
