// Understanding meets names from every script. JavaScript's \b and \w know only ASCII, so a name such as "Denyš",
// "Lucías", a "Zoé" typed with a combining accent, or "王小明" typed against an English word could be misread as a
// keyword or lose letters. These properties put arbitrary names (letters of several scripts, combining marks, hyphens,
// apostrophes) into every kind of request, typed in the ways people type (other apostrophes and spaces, invisible
// characters, full-width and Arabic punctuation), and check that the meaning, the name and the number survive.
//
// To hunt with many more samples, run with a setup file that raises fast-check's global numRuns:
//   echo "require(require.resolve('fast-check', { paths: [process.cwd()] })).configureGlobal({ numRuns: 200000 });" > /tmp/hunt.js
//   npx jest test/unit/understanding-unicode.test.ts --setupFilesAfterEnv /tmp/hunt.js
import fc from 'fast-check';
import type { Intent } from '../../src/bot/understanding/intent';
import { FILLER_WORDS } from '../../src/bot/understanding/filler-words';
import { parseIntent } from '../../src/bot/understanding/parse-intent';

/** The number of samples: a hunt's global setting when there is one, else `fallback`. */
function runs(fallback: number): { numRuns: number } {
  return { numRuns: fc.readConfigureGlobal().numRuns ?? fallback };
}

// --- Names --------------------------------------------------------------------------------------------------------

const LATIN_MARKS = ['\u0300', '\u0301', '\u0302', '\u0303', '\u0308', '\u030A', '\u030C', '\u0327', '\u0323'];

interface Script {
  letters: string;
  /** Combining marks written after a letter of this script (accents, harakat, niqqud, vowel signs). */
  marks: readonly string[];
  maxLength: number;
}

const LATIN: Script = { letters: 'abcdefghijklmnopqrstuvwxyz', marks: LATIN_MARKS, maxLength: 8 };
const LATIN_ACCENTED: Script = {
  letters: 'abcdefghijklmnopqrstuvwxyzáàâäãåāăąçćčđéèêëēęěğíìîïıłñńňóòôöõøőœřśšşßťúùûüůűýÿźžżþð',
  marks: LATIN_MARKS,
  maxLength: 8,
};
/** Scripts written without spaces between words: English may be typed right against them. */
const UNSPACED_SCRIPTS: readonly Script[] = [
  { letters: '王李张刘陈杨黄赵吴周小明芳龍伟娜秀英', marks: [], maxLength: 4 },
  { letters: 'さくらはなこたろうゆきサクラハナコ', marks: [], maxLength: 4 },
  { letters: '김이박최정민준서연지현', marks: [], maxLength: 3 },
  {
    letters: 'กขคงจชซดตทนบปพมยรลวสหอ',
    marks: ['\u0E31', '\u0E34', '\u0E35', '\u0E38', '\u0E48', '\u0E49'],
    maxLength: 6,
  },
];
const SCRIPTS: readonly Script[] = [
  LATIN,
  LATIN_ACCENTED,
  { letters: 'αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ', marks: ['\u0301', '\u0308'], maxLength: 8 },
  { letters: 'абвгдежзийклмнопрстуфхцчшщыьэюяіїєґ', marks: ['\u0301'], maxLength: 8 },
  { letters: 'אבגדהוזחטיכלמנסעפצקרשת', marks: ['\u05B4', '\u05B7', '\u05BC'], maxLength: 6 },
  { letters: 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي', marks: ['\u064E', '\u064F', '\u0650', '\u0651'], maxLength: 6 },
  {
    letters: 'कखगघचजटडणतथदधनपबभमयरलवशसह',
    marks: ['\u093E', '\u093F', '\u0940', '\u0941', '\u0947', '\u094B', '\u094D'],
    maxLength: 5,
  },
  ...UNSPACED_SCRIPTS,
];

/** A letter, sometimes followed by a combining mark: "a", "e\u0301", "ب\u064E". */
function letterOf(script: Script): fc.Arbitrary<string> {
  const letter = fc.constantFrom(...script.letters);
  if (script.marks.length === 0) return letter;
  return fc
    .tuple(letter, fc.option(fc.constantFrom(...script.marks), { freq: 4 }))
    .map(([base, mark]) => base + (mark ?? ''));
}

function lettersOf(script: Script, minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.array(letterOf(script), { minLength, maxLength }).map((chars) => chars.join(''));
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** A plain ASCII word that is a filler word ("Mr", "Will", "Bc") is ambiguous by design; one letter is an initial. */
function usablePiece(piece: string): boolean {
  return !/^[\x00-\x7f]*$/.test(piece) || (piece.length >= 2 && !FILLER_WORDS.has(piece.toLowerCase()));
}

/** A run of letters of one script, sometimes capitalised: "ab", "Zoé", "Мар", "王小明". */
const piece: fc.Arbitrary<string> = fc
  .constantFrom(...SCRIPTS)
  .chain((script) => fc.tuple(lettersOf(script, 1, script.maxLength), fc.boolean()))
  .map(([word, capital]) => (capital ? capitalise(word) : word))
  .filter(usablePiece);

/** "Ramón", "García-López", "O'Brien", "Мар'яна": pieces joined by a hyphen or an apostrophe. */
const nameWord: fc.Arbitrary<string> = fc
  .tuple(piece, fc.option(fc.tuple(fc.constantFrom('-', "'"), piece), { freq: 3 }))
  .map(([first, rest]) => (rest === null ? first : `${first}${rest[0]}${rest[1]}`));

/**
 * At most three pieces in all ("Ramón García-López"): keywords are found across a bounded gap of words ("can't …
 * sign in"), so longer names fail in plain ASCII too.
 */
const withinGap = (name: string): boolean => name.split(/[\s'-]/).length <= 3;

/** One to three words, written the way they should come back as the worker. */
const personName: fc.Arbitrary<string> = fc
  .array(nameWord, { minLength: 1, maxLength: 3 })
  .map((words) => words.join(' '))
  .filter(withinGap);

// --- Names that contain keywords ------------------------------------------------------------------------------------

/** Words understanding looks for: keywords, markers of a reason or note, courtesies, the bot's name. */
const KEYWORDS = [
  'add',
  'register',
  'assign',
  'set',
  'put',
  'change',
  'link',
  'save',
  'swap',
  'update',
  'switch',
  'use',
  'remove',
  'delete',
  'disable',
  'erase',
  'unlink',
  'revoke',
  'signout',
  'logout',
  'sign',
  'log',
  'kick',
  'left',
  'leaver',
  'quit',
  'fired',
  'lost',
  'stolen',
  'sim',
  'phone',
  'who',
  'whose',
  'pending',
  'queue',
  'tenant',
  'policy',
  'status',
  'state',
  'ready',
  'check',
  'show',
  'find',
  'info',
  'instructions',
  'guide',
  'steps',
  'print',
  'fig',
  'help',
  'approve',
  'approved',
  'accept',
  'reject',
  'decline',
  'deny',
  'cancel',
  'withdraw',
  'because',
  'cos',
  'bc',
  'as',
  'so',
  'note',
  'reason',
  'due',
  'since',
  'phonedesk',
  'please',
  'pls',
  'thanks',
  'thx',
  'cheers',
  'asap',
  'hi',
  'hello',
  'ok',
  'yo',
  'no',
  'longer',
  'text',
  'fail',
];

/** Names that start with a keyword: real ones, and made-up ones of the same shape. */
const NAMES_WITH_KEYWORDS = [
  'Addison',
  'Adderley',
  'Whoopi',
  'Simone',
  'Signe',
  'Logan',
  'Lefteris',
  'Swapna',
  'Denys',
  'Astrid',
  'Sorrel',
  'Hilda',
  'Yolanda',
  'Okafor',
  'Noelle',
  'Dueñas',
  'Setareh',
  'Usha',
  'Asher',
  'Kicki',
  'Failla',
  'Removedo',
  'Approver',
  'Cancela',
];

/** A letter outside ASCII, precomposed or an ASCII letter with a combining mark (not of a script without spaces). */
const NON_ASCII_LETTER: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...'áéíóúñçøåöüłßšžďαβγжзиאבابक'),
  fc.tuple(fc.constantFrom(...'aeiouns'), fc.constantFrom(...LATIN_MARKS)).map(([base, mark]) => base + mark),
);

/** A keyword with a letter outside ASCII or a combining mark right before or after it: "Denyš", "Öpls", "Whó", "Γadd". */
const keywordInName: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(fc.tuple(lettersOf(LATIN_ACCENTED, 0, 3), NON_ASCII_LETTER).map(([start, last]) => start + last)),
    fc.constantFrom(...KEYWORDS),
    fc.option(fc.tuple(NON_ASCII_LETTER, lettersOf(LATIN_ACCENTED, 0, 3)).map(([first, end]) => first + end)),
    fc.boolean(),
  )
  .filter(([before, , after]) => before !== null || after !== null)
  .map(([before, keyword, after, capital]) => {
    const word = (before ?? '') + keyword + (after ?? '');
    return capital ? capitalise(word) : word;
  });

const nameWithKeyword: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(keywordInName, fc.constantFrom(...NAMES_WITH_KEYWORDS)), fc.option(piece), fc.boolean())
  .map(([word, other, first]) => (other === null ? word : first ? `${word} ${other}` : `${other} ${word}`))
  .filter(withinGap);

/** "王小明", "さくら", "김민준", "สมชาย": one word, no spaces. */
const unspacedName: fc.Arbitrary<string> = fc
  .constantFrom(...UNSPACED_SCRIPTS)
  .chain((script) => lettersOf(script, 2, script.maxLength));

// --- Numbers ------------------------------------------------------------------------------------------------------

const digits = (count: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: count, maxLength: count });

const phoneNumber: fc.Arbitrary<string> = fc.oneof(
  digits(6).map((d) => `07700 ${d}`),
  digits(6).map((d) => `+44 7700 ${d}`),
  digits(4).map((d) => `(425) 555-${d}`),
  digits(4).map((d) => `+1-425-555-${d}`),
  digits(7).map((d) => `+49 170 ${d}`),
  fc.constantFrom('0044 7700 900123', '07700.900.123', '+33 6 12 34 56 78', '+44 (0) 7700 900123'),
);

// --- Phrasings ----------------------------------------------------------------------------------------------------

/** A message around a worker and a number, and what it means. */
type Phrasing = readonly [
  text: (worker: string, number: string) => string,
  intent: (worker: string, number: string) => Intent,
];

const PHRASINGS: readonly Phrasing[] = [
  [(w) => `status of ${w}`, (w) => ({ kind: 'status', worker: w })],
  [(w) => `is ${w} ready?`, (w) => ({ kind: 'status', worker: w })],
  [(w) => `check ${w}`, (w) => ({ kind: 'status', worker: w })],
  [(w) => `why can't ${w} sign in?`, (w) => ({ kind: 'diagnose', worker: w, symptom: 'cannot-sign-in' })],
  [(w) => `${w} gets FIG6`, (w) => ({ kind: 'diagnose', worker: w, symptom: 'fig6' })],
  [(w) => `number in use for ${w}`, (w) => ({ kind: 'diagnose', worker: w, symptom: 'number-in-use' })],
  [(_w, n) => `who has ${n}?`, (_w, n) => ({ kind: 'who-has', number: n })],
  [(w, n) => `add ${n} for ${w}`, (w, n) => ({ kind: 'add-number', worker: w, number: n })],
  [(w, n) => `add ${w} ${n}`, (w, n) => ({ kind: 'add-number', worker: w, number: n })],
  [(w, n) => `${w}'s new number is ${n}`, (w, n) => ({ kind: 'add-number', worker: w, number: n })],
  [(w, n) => `set ${w}'s number to ${n}`, (w, n) => ({ kind: 'add-number', worker: w, number: n })],
  [
    (w, n) => `add ${n} for ${w} because she started today`,
    (w, n) => ({ kind: 'add-number', worker: w, number: n, reason: 'she started today' }),
  ],
  [
    (w, n) => `add ${n} for ${w}, because she started today`,
    (w, n) => ({ kind: 'add-number', worker: w, number: n, reason: 'she started today' }),
  ],
  [
    (w, n) => `add ${n} for ${w} as she started today`,
    (w, n) => ({ kind: 'add-number', worker: w, number: n, reason: 'she started today' }),
  ],
  [
    (w, n) => `add ${n} for ${w} - new starter`,
    (w, n) => ({ kind: 'add-number', worker: w, number: n, reason: 'new starter' }),
  ],
  [
    (w) => `add 07700 900123 for Jo - ${w} store`,
    (w) => ({ kind: 'add-number', worker: 'Jo', number: '07700 900123', reason: `${w} store` }),
  ],
  [(w) => `remove ${w}'s number`, (w) => ({ kind: 'remove-number', worker: w, leaver: false })],
  [(w) => `${w} has left`, (w) => ({ kind: 'remove-number', worker: w, leaver: true })],
  [(w) => `${w} no longer works here`, (w) => ({ kind: 'remove-number', worker: w, leaver: true })],
  [(w) => `${w} lost their phone`, (w) => ({ kind: 'lost-phone', worker: w })],
  [(w) => `SIM swapped for ${w}`, (w) => ({ kind: 'lost-phone', worker: w })],
  [(w) => `sign out ${w} everywhere`, (w) => ({ kind: 'revoke-sessions', worker: w })],
  [(w) => `revoke ${w}'s sessions`, (w) => ({ kind: 'revoke-sessions', worker: w })],
  [(w) => `instructions for ${w}`, (w) => ({ kind: 'instructions', worker: w })],
  [(w) => `approve 42 ${w} checked it`, (w) => ({ kind: 'approve', requestNumber: 42, note: `${w} checked it` })],
  [
    (w) => `reject 42 because ${w} is the wrong person`,
    (w) => ({ kind: 'reject', requestNumber: 42, note: `${w} is the wrong person` }),
  ],
];

/** English typed right against a name in a script without spaces. */
const GLUED: readonly Phrasing[] = [
  [(w) => `remove${w}'s number`, (w) => ({ kind: 'remove-number', worker: w, leaver: false })],
  [(w, n) => `add ${n} for${w}`, (w, n) => ({ kind: 'add-number', worker: w, number: n })],
  [
    (w, n) => `add${w}${n.replace(/\D/g, '')}`,
    (w, n) => ({ kind: 'add-number', worker: w, number: n.replace(/\D/g, '') }),
  ],
  [(w) => `${w}lost their phone`, (w) => ({ kind: 'lost-phone', worker: w })],
  [(w) => `why can't${w}sign in?`, (w) => ({ kind: 'diagnose', worker: w, symptom: 'cannot-sign-in' })],
  [(w) => `status of${w}`, (w) => ({ kind: 'status', worker: w })],
  [(w) => `instructions for${w}please`, (w) => ({ kind: 'instructions', worker: w })],
];

// --- How people type them -----------------------------------------------------------------------------------------

interface Typing {
  /** For every "'": ASCII, curly, modifier letter, full width. */
  apostrophe: string;
  /** Spaces as typed or pasted, in turn: no-break, narrow no-break, thin, doubled. */
  spaces: readonly string[];
  /** Invisible characters around the name: bidi marks, embeddings and isolates (apps add them to RTL names). */
  around: readonly [string, string];
  /** An invisible character inside the name: soft hyphen, zero-width space. */
  inside: string;
  /** "?" and ", " as a Chinese or Japanese input method ("？", "，") or an Arabic keyboard ("؟", "، ") types them. */
  punctuation: 'ascii' | 'full-width' | 'arabic';
  /** Digits and "+" typed full width: "＋４４ ７７００ …". */
  wideDigits: boolean;
  before: string;
  after: string;
}

const PLAIN: Typing = {
  apostrophe: "'",
  spaces: [' '],
  around: ['', ''],
  inside: '',
  punctuation: 'ascii',
  wideDigits: false,
  before: '',
  after: '',
};

const typing: fc.Arbitrary<Typing> = fc.record({
  apostrophe: fc.constantFrom("'", '\u2019', '\u02BC', '\uFF07'),
  spaces: fc.array(fc.constantFrom(' ', ' ', ' ', '\u00A0', '\u202F', '\u2009', '  '), { minLength: 1, maxLength: 4 }),
  around: fc.constantFrom<readonly [string, string]>(
    ['', ''],
    ['\u200F', '\u200F'],
    ['\u200E', '\u200E'],
    ['\u2067', '\u2069'],
    ['\u2068', '\u2069'],
    ['\u202B', '\u202C'],
  ),
  inside: fc.constantFrom('', '\u00AD', '\u200B'),
  punctuation: fc.constantFrom<Typing['punctuation']>('ascii', 'full-width', 'arabic'),
  wideDigits: fc.boolean(),
  before: fc.constantFrom('', '<at>phonedesk</at> ', '@phonedesk ', 'hi, ', 'Hi team, '),
  after: fc.constantFrom('', ' please', ', thanks', ' thanks!', ' cheers'),
});

const FULL_WIDTH_OFFSET = 0xfee0;
const wide = (text: string): string =>
  text.replace(/[0-9+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + FULL_WIDTH_OFFSET));

/** The message as a person might type it; `worker` is the name as understanding should give it back. */
function typed([text]: Phrasing, worker: string, number: string, how: Typing): string {
  const [open, close] = how.around;
  const firstLetter = /^.\p{M}*/u.exec(worker)?.[0].length ?? 0;
  const name = open + worker.slice(0, firstLetter) + how.inside + worker.slice(firstLetter) + close;
  let message = `${how.before}${text(name, number)}${how.after}`;
  if (how.punctuation === 'full-width') message = message.replace(/\?/g, '？').replace(/, /g, '，');
  if (how.punctuation === 'arabic') message = message.replace(/\?/g, '؟').replace(/, /g, '، ');
  if (how.wideDigits) message = wide(message);
  let space = 0;
  return message.replace(/ /g, () => how.spaces[space++ % how.spaces.length] ?? ' ').replace(/'/g, how.apostrophe);
}

function reads([text, intent]: Phrasing, worker: string, number: string, how: Typing = PLAIN): void {
  expect(parseIntent(typed([text, intent], worker, number, how))).toStrictEqual(intent(worker, number));
}

// --- Properties ---------------------------------------------------------------------------------------------------

describe('understanding: names from every script (fast-check)', () => {
  it('reads every phrasing the same with any name, and gives back exactly that name and number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PHRASINGS), personName, phoneNumber, (phrasing, worker, number) =>
        reads(phrasing, worker, number),
      ),
      runs(1000),
    );
  });

  it('reads them the same whatever apostrophes, spaces, invisible characters, punctuation, mentions and courtesies', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PHRASINGS), personName, phoneNumber, typing, (phrasing, worker, number, how) =>
        reads(phrasing, worker, number, how),
      ),
      runs(1000),
    );
  });

  it('never reads a keyword inside a name ("Denyš", "Öpls", "Whó", "Addison", "Swapna")', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PHRASINGS), nameWithKeyword, phoneNumber, (phrasing, worker, number) =>
        reads(phrasing, worker, number),
      ),
      runs(1000),
    );
  });

  it('sets a Chinese, Japanese, Korean or Thai name apart from the English typed against it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GLUED), unspacedName, phoneNumber, typing, (phrasing, worker, number, how) =>
        reads(phrasing, worker, number, { ...how, spaces: [' '], around: ['', ''], inside: '' }),
      ),
      runs(500),
    );
  });
});

// --- Found by these properties, or by reading the patterns ---------------------------------------------------------

/** [message, what it means, what it was read as before these fixes] */
const FIXED: ReadonlyArray<readonly [string, Intent, string]> = [
  // A request command's verb, number and note marker are whole words (request-command).
  ['Denyš lost their phone', { kind: 'lost-phone', worker: 'Denyš' }, 'reject'],
  ['approve 42 así está bien', { kind: 'approve', requestNumber: 42, note: 'así está bien' }, 'note "í está bien"'],
  ['reject 42 así no', { kind: 'reject', requestNumber: 42, note: 'así no' }, 'note "í no"'],
  ['\u200Fapprove 42', { kind: 'approve', requestNumber: 42 }, 'unknown (a right-to-left mark before the command)'],
  // A reason's markers and what they must not be next to are whole words (split-reason).
  [
    'add 07700 900123 for Lucías as she started today',
    { kind: 'add-number', worker: 'Lucías', number: '07700 900123', reason: 'she started today' },
    'no reason: "Lucías as" read as "as as"',
  ],
  [
    'add 07700 900123 for Jane - Setúbal store',
    { kind: 'add-number', worker: 'Jane', number: '07700 900123', reason: 'Setúbal store' },
    'no reason: "Setúbal" read as the verb "set"',
  ],
  [
    'add 07700 900123 for Jane as Percy left',
    { kind: 'add-number', worker: 'Jane', number: '07700 900123', reason: 'Percy left' },
    'no reason: "as Percy" read as "as per"',
  ],
  [
    'remove the number for Lucías as soon as possible',
    { kind: 'remove-number', worker: 'Lucías', leaver: false },
    'reason "possible"',
  ],
  [
    'remove the number for Lucías soon as possible',
    { kind: 'remove-number', worker: 'Lucías', leaver: false },
    'reason "possible"; with only "soon" fixed, no worker ("as soon as possible" found inside "Lucías soon …")',
  ],
  // A courtesy starts a word, also after a combining mark (strip-courtesies).
  [
    'status of Ali O\u0308pls',
    { kind: 'status', worker: 'Ali O\u0308pls' },
    'worker "Ali Ö": "pls" taken for "please"',
  ],
  // Combining marks belong to their word (intent-keywords): a vowel sign or a decomposed accent is no word break.
  ["why can't सुनीता कुमारी sign in?", { kind: 'diagnose', worker: 'सुनीता कुमारी', symptom: 'cannot-sign-in' }, 'unknown'],
  ["why can't مُحَمَّد عَلِي sign in?", { kind: 'diagnose', worker: 'مُحَمَّد عَلِي', symptom: 'cannot-sign-in' }, 'unknown'],
  [
    "why can't Nguye\u0302\u0303n Va\u0306n Hu\u0300ng sign in?",
    { kind: 'diagnose', worker: 'Nguye\u0302\u0303n Va\u0306n Hu\u0300ng', symptom: 'cannot-sign-in' },
    'unknown',
  ],
  ['status of Jose\u03012001234', { kind: 'status', worker: 'Jose\u03012001234' }, 'who-has "2001234"'],
  // A letter outside ASCII never completes a keyword ("Teøt" read as "text"; "Revoké" as "revoke…").
  ['why is Teøt not set up?', { kind: 'status', worker: 'Teøt' }, 'diagnose'],
  ['status of Revoké', { kind: 'status', worker: 'Revoké' }, 'revoke-sessions'],
  // "swap" and "fail" are words, not the start of a name (intent-keywords).
  ["disable Swapna Rao's sim", { kind: 'remove-number', worker: 'Swapna Rao', leaver: false }, 'lost-phone'],
  ['why is Failla not set up?', { kind: 'status', worker: 'Failla' }, 'diagnose'],
  // Invisible characters, other apostrophes, full-width and Arabic punctuation (normalise-message).
  ['status of Add\u00ADison', { kind: 'status', worker: 'Addison' }, 'add-number'],
  [
    "why can't \u2067محمد علي\u2069 sign in?",
    { kind: 'diagnose', worker: 'محمد علي', symptom: 'cannot-sign-in' },
    'worker with the bidi isolates in it',
  ],
  ['remove Ali\u02BCs number', { kind: 'remove-number', worker: 'Ali', leaver: false }, 'worker "Aliʼs"'],
  ['remove Ali\uFF07s number', { kind: 'remove-number', worker: 'Ali', leaver: false }, 'worker "Ali＇s"'],
  ['Can محمد sign in؟', { kind: 'status', worker: 'محمد' }, 'unknown'],
  ['Can 王小明 sign in？', { kind: 'status', worker: '王小明' }, 'unknown'],
  ['？', { kind: 'help' }, 'unknown'],
  [
    'add 07700 900123 for 王小明，because she started today',
    { kind: 'add-number', worker: '王小明', number: '07700 900123', reason: 'she started today' },
    'worker "王小明，because", no reason',
  ],
  [
    'add ０７７００ ９００１２３ for 王小明',
    { kind: 'add-number', worker: '王小明', number: '07700 900123' },
    'no number',
  ],
  // English typed against a name in a script without spaces (normalise-message).
  ["remove王小明's number", { kind: 'remove-number', worker: '王小明', leaver: false }, 'unknown'],
  [
    'add 07700 900123 for王小明',
    { kind: 'add-number', worker: '王小明', number: '07700 900123' },
    'worker "for王小明"',
  ],
  ['add王小明07700900123', { kind: 'add-number', worker: '王小明', number: '07700900123' }, 'unknown'],
  // A tag's name ends at a space, "/" or ">": "<Ián>" typed in a plain-text channel is not an <i> tag.
  ['status of <Ián>', { kind: 'status', worker: 'Ián' }, 'unknown'],
  // A lone decomposed "Yó" is a name, not the greeting "yo".
  ['Yo\u0301', { kind: 'unknown' }, 'help'],
];

describe('understanding: misreadings of names from every script, fixed', () => {
  it.each(FIXED.map(([message, expected, was]) => [message, was, expected] as const))(
    '%j (was: %s)',
    (message, _was, expected) => {
      expect(parseIntent(message)).toStrictEqual(expected);
    },
  );

  it('reads a request number glued to a letter outside ASCII as it reads one glued to an ASCII letter', () => {
    expect(parseIntent('approve 42ñ')).toStrictEqual(parseIntent('approve 42a'));
  });
});
