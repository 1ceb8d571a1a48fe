// How store managers ask about a whole store. A store question must give the overview (with the store's name only
// when one is typed), and a change for a store or a question about one worker in it must never read as an overview.
import type { Intent } from '../../src/bot/understanding/intent';
import { parseIntent } from '../../src/bot/understanding/parse-intent';

describe("questions about the requester's own stores", () => {
  it.each([
    'how is my store doing?',
    "who in my store can't sign in?",
    'how are my stores doing',
    'store overview',
    'overview',
    'my store',
    'anyone in my store with FIG6?',
    "how's my store",
    // Capitals and a trailing question mark change nothing.
    'How Is My Store Doing?',
  ])('%s is the overview of their own stores', (text) => {
    // Strict: no store named means no `store` key, so the requester's own stores are read.
    expect(parseIntent(text)).toStrictEqual({ kind: 'overview' });
  });
});

describe('questions about a store named', () => {
  it.each([
    ['overview of Leeds', 'leeds'],
    ['how is the Leeds store doing?', 'leeds'],
    ['status of the Leeds Briggate store', 'leeds briggate'],
    ['summary for Manchester Piccadilly', 'manchester piccadilly'],
  ])('%s is the overview of %s', (text, store) => {
    expect(parseIntent(text)).toStrictEqual({ kind: 'overview', store });
  });

  it("keeps the store's own words, without 'the' or the word 'store'", () => {
    const intent = parseIntent('status of the Leeds Briggate store');
    expect(intent.kind).toBe('overview');
    const store = (intent as Extract<Intent, { kind: 'overview' }>).store ?? '';
    expect(store.split(' ')).not.toContain('the');
    expect(store.split(' ')).not.toContain('store');
  });
});

describe('what is not a store question', () => {
  it('a change for the whole store is that change', () => {
    // "my store" is not a worker's name: the store's move, not one worker's.
    expect(parseIntent('move my store to QR codes')).toStrictEqual({ kind: 'move-store' });
    expect(parseIntent('migrate the Leeds store to badges')).toStrictEqual({ kind: 'move-store', store: 'leeds' });
    expect(parseIntent('finish moving my store')).toStrictEqual({ kind: 'finish-store-move' });
    expect(parseIntent('move Jane Doe to a QR badge')).toMatchObject({ kind: 'move-to-badge', worker: 'Jane Doe' });
    expect(parseIntent('turn off SMS sign-in for everyone')).toStrictEqual({ kind: 'sms-off' });
    expect(parseIntent('switch off SMS sign-in for the Frontline workers group')).toStrictEqual({
      kind: 'sms-off',
      group: 'frontline workers',
    });
  });

  it.each([
    ['Ali left the store', 'Ali'],
    ["remove Ali's number, he left the store", 'Ali'],
  ])('%s removes the number of the leaver %s', (text, worker) => {
    expect(parseIntent(text)).toStrictEqual({ kind: 'remove-number', worker, leaver: true });
  });

  it.each([
    ['is Bob in my store ready?', 'Bob'],
    ['is Jane in the Leeds store ready?', 'Jane'],
  ])('a question about one worker in a store is their status: %s', (text, name) => {
    const intent = parseIntent(text);
    expect(intent.kind).toBe('status');
    expect((intent as Extract<Intent, { kind: 'status' }>).worker).toContain(name);
    // Only the worker: the store is where they work, not part of their name.
    expect((intent as Extract<Intent, { kind: 'status' }>).worker).not.toMatch(/store|leeds/i);
  });

  it('the status of a worker is not the status of a store', () => {
    expect(parseIntent('status of Jane Doe')).toStrictEqual({ kind: 'status', worker: 'Jane Doe' });
  });

  it('adding a number for a worker stays adding it', () => {
    expect(parseIntent('add +44 7700 900123 for Jane Doe')).toStrictEqual({
      kind: 'add-number',
      worker: 'Jane Doe',
      number: '+44 7700 900123',
    });
  });
});
