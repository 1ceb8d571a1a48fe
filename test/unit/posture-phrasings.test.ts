// How tenant admins ask about the tenant's posture: the admins who sign in with a single check, and readiness for
// 2027-02-01. Neighbouring asks about one worker or one admin keep their own meaning.
import type { Intent } from '../../src/bot/understanding/intent';
import { parseIntent } from '../../src/bot/understanding/parse-intent';

const WEAK: Intent = { kind: 'weak-admins' };
const READY: Intent = { kind: 'readiness' };

const PHRASINGS: ReadonlyArray<readonly [string, Intent]> = [
  ['which admins can sign in by text message?', WEAK],
  ['Which admins can sign in by SMS', WEAK],
  ['admins with weak sign-in', WEAK],
  ['show admins with SMS sign-in', WEAK],
  ['any admins using badges?', WEAK],
  ['list the admins who use sms', WEAK],
  ['weak sign in', WEAK],
  ['are we ready for February?', READY],
  ['are we ready for the SMS retirement', READY],
  ['readiness', READY],
  ['SMS retirement readiness please', READY],
  ['ready for 1 Feb 2027?', READY],
  ['retirement status', READY],
];

describe('parseIntent: tenant posture', () => {
  it.each(PHRASINGS)('%j', (text, expected) => {
    expect(parseIntent(text)).toStrictEqual(expected);
  });

  it.each([
    ["why can't Rachel Green sign in?", { kind: 'diagnose', worker: 'Rachel Green', symptom: 'cannot-sign-in' }],
    ['is SMS sign-in set up?', { kind: 'tenant-check' }],
    ['status of Kyle Adams', { kind: 'status', worker: 'Kyle Adams' }],
    ['turn off SMS sign-in for everyone', { kind: 'sms-off' }],
  ] as const)('%j keeps its meaning', (text, expected) => {
    expect(parseIntent(text)).toStrictEqual(expected);
  });
});
