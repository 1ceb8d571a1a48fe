// How store managers ask for QR badges, temporary codes and new PINs. Each phrase must give exactly this intent and
// this worker's name (nothing of the ask left in it), the protective reading must win when a badge or phone is lost,
// and a question about a badge must never start one.
import type { Intent } from '../../src/bot/understanding/intent';
import { parseIntent } from '../../src/bot/understanding/parse-intent';

const issue = (worker: string): Intent => ({ kind: 'issue-badge', worker });
const temporary = (worker: string, hours?: number): Intent => ({
  kind: 'temporary-code',
  worker,
  ...(hours !== undefined && { hours }),
});
const resetPin = (worker: string): Intent => ({ kind: 'reset-pin', worker });

const PHRASINGS: ReadonlyArray<readonly [string, Intent]> = [
  // a new badge
  ['give Jane Doe a QR badge', issue('Jane Doe')],
  ['issue a new badge for Ali Khan', issue('Ali Khan')],
  // "add" with a QR code and no number is a badge, not a phone number
  ['add a QR code for Bob Smith', issue('Bob Smith')],
  ['Jane Doe needs a badge', issue('Jane Doe')],
  ['make a QR code for Jane Doe', issue('Jane Doe')],

  // a temporary code for a forgotten badge, with how long when said
  ['temporary code for Jane Doe for 4 hours', temporary('Jane Doe', 4)],
  ['Jane Doe forgot her badge', temporary('Jane Doe')],
  ['temp QR code for Kyle Adams for 6h', temporary('Kyle Adams', 6)],
  ['temp QR code for Kyle Adams 6h', temporary('Kyle Adams', 6)],
  ['temporary code for Jane Doe 4h', temporary('Jane Doe', 4)],
  // days are read as hours; the ask itself refuses more than Graph allows
  ['give Jane Doe a temporary code for 2 days', temporary('Jane Doe', 48)],

  // a new PIN
  ["reset Jane Doe's PIN", resetPin('Jane Doe')],
  ['Bob Smith forgot his PIN', resetPin('Bob Smith')],
  ['new PIN for Jane Doe', resetPin('Jane Doe')],
];

describe('badge phrasings', () => {
  it.each(PHRASINGS)('%s', (text, intent) => {
    // Strict: a temporary code with no hours said must not carry an hours key at all.
    expect(parseIntent(text)).toStrictEqual(intent);
  });
});

describe('the protective reading first', () => {
  it('a lost badge is stopped, not replaced', () => {
    expect(parseIntent('Jane Doe lost her badge')).toStrictEqual({ kind: 'lost-badge', worker: 'Jane Doe' });
  });

  it('a lost phone beats a forgotten PIN in the same message', () => {
    expect(parseIntent('Ali lost his phone and forgot his PIN')).toStrictEqual({ kind: 'lost-phone', worker: 'Ali' });
  });
});

describe('questions about a badge are not changes', () => {
  it.each([
    ['does Jane Doe have a badge?', 'Jane Doe'],
    ['does Jane Doe have a QR code?', 'Jane Doe'],
    ['has Jane Doe got a badge?', 'Jane Doe'],
    ['does Bob Smith need a new PIN?', 'Bob Smith'],
  ])('%s is answered with the status of %s', (text, worker) => {
    expect(parseIntent(text)).toStrictEqual({ kind: 'status', worker });
  });
});

describe('a phone number still wins over a badge', () => {
  it('"add" with a number for a worker stays adding that number', () => {
    expect(parseIntent('add +44 7700 900123 for Jane Doe')).toStrictEqual({
      kind: 'add-number',
      worker: 'Jane Doe',
      number: '+44 7700 900123',
    });
  });
});
