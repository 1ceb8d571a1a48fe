import fc from 'fast-check';
import type { Intent } from '../../src/bot/understanding/intent';
import { FILLER_WORDS } from '../../src/bot/understanding/filler-words';
import { MAX_MESSAGE_CHARS } from '../../src/bot/understanding/normalise-message';
import { parseIntent } from '../../src/bot/understanding/parse-intent';

const KINDS: ReadonlySet<Intent['kind']> = new Set<Intent['kind']>([
  'help',
  'status',
  'diagnose',
  'who-has',
  'add-number',
  'remove-number',
  'lost-phone',
  'revoke-sessions',
  'tenant-check',
  'pending',
  'cancel',
  'approve',
  'reject',
  'instructions',
  'unknown',
]);

type Example = readonly [string, Intent];

const HELP: Intent = { kind: 'help' };
const UNKNOWN: Intent = { kind: 'unknown' };

const examples: readonly Example[] = [
  // help
  ['help', HELP],
  ['?', HELP],
  ['what can you do', HELP],
  ['commands', HELP],
  ['hi', HELP],
  ['hello', HELP],
  ['Hi phonedesk!', HELP],
  ['hey there, what can you do?', HELP],
  ['help please', HELP],
  ['<at>Phone Desk</at> help', HELP],

  // status
  ['status of Jane Doe', { kind: 'status', worker: 'Jane Doe' }],
  ['is Bob ready?', { kind: 'status', worker: 'Bob' }],
  ['<at>phonedesk</at> status of Jane', { kind: 'status', worker: 'Jane' }],
  ['@phonedesk is Bob ready?', { kind: 'status', worker: 'Bob' }],
  ['&nbsp;status of&nbsp;Bob', { kind: 'status', worker: 'Bob' }],
  ['   status    of   Bob   ', { kind: 'status', worker: 'Bob' }],
  ['STATUS OF BOB SMITH', { kind: 'status', worker: 'BOB SMITH' }],
  ['Status of Bob Smith?', { kind: 'status', worker: 'Bob Smith' }],
  ['status of jane.doe@contoso.com', { kind: 'status', worker: 'jane.doe@contoso.com' }],
  ['M2001 status', { kind: 'status', worker: 'M2001' }],
  ['status of M2001 please', { kind: 'status', worker: 'M2001' }],
  ['jane.doe@contoso.com', { kind: 'status', worker: 'jane.doe@contoso.com' }],
  ["status of Áine O'Brien", { kind: 'status', worker: "Áine O'Brien" }],
  ['status of "Jane Doe"', { kind: 'status', worker: 'Jane Doe' }],
  ['is Will Smith ready?', { kind: 'status', worker: 'Will Smith' }],
  ["Will Smith's new number is 07700 900123", { kind: 'add-number', worker: 'Will Smith', number: '07700 900123' }],
  ['can Bob use sms sign-in?', { kind: 'status', worker: 'Bob' }],
  ['any news on Jo?', { kind: 'status', worker: 'Jo' }],
  ['Can you check if Priya Patel is set up for text sign in?', { kind: 'status', worker: 'Priya Patel' }],
  ['Status of Will', { kind: 'status', worker: 'Will' }],
  ['status of May Chen', { kind: 'status', worker: 'May Chen' }],
  ['is John Good ready?', { kind: 'status', worker: 'John Good' }],
  ['has Ali left?', { kind: 'status', worker: 'Ali' }],
  ['is Ali leaving?', { kind: 'status', worker: 'Ali' }],
  ['can Bob sign in?', { kind: 'status', worker: 'Bob' }],
  ["what's Ali's number?", { kind: 'status', worker: 'Ali' }],
  ['look up Jane Doe', { kind: 'status', worker: 'Jane Doe' }],
  ['hello, is Bob ready', { kind: 'status', worker: 'Bob' }],
  ['is SMS sign-in enabled for Bob?', { kind: 'status', worker: 'Bob' }],

  // diagnose
  ["why can't Bob Smith sign in", { kind: 'diagnose', worker: 'Bob Smith', symptom: 'cannot-sign-in' }],
  ['why cant bob sign in', { kind: 'diagnose', worker: 'bob', symptom: 'cannot-sign-in' }],
  ['why   can’t Bob sign in?', { kind: 'diagnose', worker: 'Bob', symptom: 'cannot-sign-in' }],
  ['Bob gets FIG6', { kind: 'diagnose', worker: 'Bob', symptom: 'fig6' }],
  ['FIG6 for Bob', { kind: 'diagnose', worker: 'Bob', symptom: 'fig6' }],
  ['fig 6 for Bob Smith', { kind: 'diagnose', worker: 'Bob Smith', symptom: 'fig6' }],
  ['why is Bob getting fig-6', { kind: 'diagnose', worker: 'Bob', symptom: 'fig6' }],
  [
    'Hey team, Bob Smith keeps getting FIG 6 when he signs in',
    { kind: 'diagnose', worker: 'Bob Smith', symptom: 'fig6' },
  ],
  ["why can't Ali sign in? he gets FIG6", { kind: 'diagnose', worker: 'Ali', symptom: 'fig6' }],
  ['number in use for Ali', { kind: 'diagnose', worker: 'Ali', symptom: 'number-in-use' }],
  ["Ali's number is in use", { kind: 'diagnose', worker: 'Ali', symptom: 'number-in-use' }],
  ['Ali’s number is in use', { kind: 'diagnose', worker: 'Ali', symptom: 'number-in-use' }],
  ['number taken for Bob', { kind: 'diagnose', worker: 'Bob', symptom: 'number-in-use' }],
  ["Bob's number is already used by someone else", { kind: 'diagnose', worker: 'Bob', symptom: 'number-in-use' }],
  [
    '07700 900123 already in use for Bob',
    { kind: 'diagnose', worker: 'Bob', symptom: 'number-in-use', number: '07700 900123' },
  ],
  [
    "Frank's number 07700 900151 doesn't work",
    { kind: 'diagnose', worker: 'Frank', symptom: 'cannot-sign-in', number: '07700 900151' },
  ],
  ["M2001 can't sign in", { kind: 'diagnose', worker: 'M2001', symptom: 'cannot-sign-in' }],
  ["why can't Jean-Luc Picard sign in?", { kind: 'diagnose', worker: 'Jean-Luc Picard', symptom: 'cannot-sign-in' }],
  [
    "<at>PhoneDesk</at> <at>Jane Doe</at> can't sign in",
    { kind: 'diagnose', worker: 'Jane Doe', symptom: 'cannot-sign-in' },
  ],
  ["good morning! Bob can't log in", { kind: 'diagnose', worker: 'Bob', symptom: 'cannot-sign-in' }],
  ["Bob's texts aren't coming through", { kind: 'diagnose', worker: 'Bob', symptom: 'cannot-sign-in' }],
  ['Bob lost access to his account', { kind: 'diagnose', worker: 'Bob', symptom: 'cannot-sign-in' }],
  ["Bob's new number doesn't work", { kind: 'diagnose', worker: 'Bob', symptom: 'cannot-sign-in' }],
  ['Bob - FIG6', { kind: 'diagnose', worker: 'Bob', symptom: 'fig6' }],
  ["Will can't sign in", { kind: 'diagnose', worker: 'Will', symptom: 'cannot-sign-in' }],
  ['Mo says someone else has his number', { kind: 'diagnose', worker: 'Mo', symptom: 'number-in-use' }],
  ["Ramón García-López can't sign in", { kind: 'diagnose', worker: 'Ramón García-López', symptom: 'cannot-sign-in' }],
  ["Bob, Ali and Jane can't sign in", { kind: 'diagnose', worker: 'Bob', symptom: 'cannot-sign-in' }],
  ["help, Bob can't sign in", { kind: 'diagnose', worker: 'Bob', symptom: 'cannot-sign-in' }],

  // who has
  ['who has 07700 900456', { kind: 'who-has', number: '07700 900456' }],
  ['who has 07700 900456?', { kind: 'who-has', number: '07700 900456' }],
  ['whose number is 07700 900456?', { kind: 'who-has', number: '07700 900456' }],
  ['who owns +44 7700 900456', { kind: 'who-has', number: '+44 7700 900456' }],
  ["who's got 07700 900456?", { kind: 'who-has', number: '07700 900456' }],
  ['which worker has +44 7700 900456', { kind: 'who-has', number: '+44 7700 900456' }],
  ['07700 900123 is in use, who has it?', { kind: 'who-has', number: '07700 900123' }],
  [
    "I tried to add 07700 900123 for Ali but it says it's in use, who has it?",
    { kind: 'who-has', number: '07700 900123' },
  ],
  ['07700 900123?', { kind: 'who-has', number: '07700 900123' }],
  ['is 07700 900444 free?', { kind: 'who-has', number: '07700 900444' }],

  // add / change number
  ['add +44 7700 900123 for Jane Doe', { kind: 'add-number', worker: 'Jane Doe', number: '+44 7700 900123' }],
  ['add Jane Doe +44 7700 900123', { kind: 'add-number', worker: 'Jane Doe', number: '+44 7700 900123' }],
  ["Jane Doe's new number is 07700 900123", { kind: 'add-number', worker: 'Jane Doe', number: '07700 900123' }],
  [
    'add +44 7700 900123 for Jane Doe because she started today',
    { kind: 'add-number', worker: 'Jane Doe', number: '+44 7700 900123', reason: 'she started today' },
  ],
  [
    'add 07700 900123 for Jane - new starter',
    { kind: 'add-number', worker: 'Jane', number: '07700 900123', reason: 'new starter' },
  ],
  [
    'add 07700 900123 for Jane, reason: new starter',
    { kind: 'add-number', worker: 'Jane', number: '07700 900123', reason: 'new starter' },
  ],
  [
    'add 07700 900123 for Jane as she is a new starter',
    { kind: 'add-number', worker: 'Jane', number: '07700 900123', reason: 'she is a new starter' },
  ],
  [
    'add 07700 900123 for Jane (new starter)',
    { kind: 'add-number', worker: 'Jane', number: '07700 900123', reason: 'new starter' },
  ],
  [
    'add 07700 900123 for Bob Smith. Reason: new starter',
    { kind: 'add-number', worker: 'Bob Smith', number: '07700 900123', reason: 'new starter' },
  ],
  [
    'add 07700 900123 for Jane because she lost her phone',
    { kind: 'add-number', worker: 'Jane', number: '07700 900123', reason: 'she lost her phone' },
  ],
  ['add 07700 900123 for Jane, who has just started', { kind: 'add-number', worker: 'Jane', number: '07700 900123' }],
  ['hi, can you add 07700 900123 for Jane please', { kind: 'add-number', worker: 'Jane', number: '07700 900123' }],
  ['Please add 07700 900123 for Jane Doe, thanks!', { kind: 'add-number', worker: 'Jane Doe', number: '07700 900123' }],
  [
    '@phonedesk add jane.doe@contoso.com 07700 900123',
    { kind: 'add-number', worker: 'jane.doe@contoso.com', number: '07700 900123' },
  ],
  [
    'add 07700 900123 for Jane Doe (jane.doe@contoso.com)',
    { kind: 'add-number', worker: 'jane.doe@contoso.com', number: '07700 900123' },
  ],
  ['add (425) 555-0100 for Bob', { kind: 'add-number', worker: 'Bob', number: '(425) 555-0100' }],
  ['add +1-425-555-0100 for Bob', { kind: 'add-number', worker: 'Bob', number: '+1-425-555-0100' }],
  ['add 0044 7700 900123 for Bob', { kind: 'add-number', worker: 'Bob', number: '0044 7700 900123' }],
  ['add +44 (0) 7700 900123 for Bob', { kind: 'add-number', worker: 'Bob', number: '+44 (0) 7700 900123' }],
  ['update number for Ali to 07700 900123', { kind: 'add-number', worker: 'Ali', number: '07700 900123' }],
  [
    'Hi, Tom in the Leeds store has a new phone number 07700 900222, can you update it?',
    { kind: 'add-number', worker: 'Tom', number: '07700 900222' },
  ],
  ["update Ali's number to 07700.900.123", { kind: 'add-number', worker: 'Ali', number: '07700.900.123' }],
  ["Add Áine O'Brien 07700 900123", { kind: 'add-number', worker: "Áine O'Brien", number: '07700 900123' }],
  [
    "add 'Jean-Luc Picard' +33 6 12 34 56 78",
    { kind: 'add-number', worker: 'Jean-Luc Picard', number: '+33 6 12 34 56 78' },
  ],
  ["set Jane's number to 07700 900123", { kind: 'add-number', worker: 'Jane', number: '07700 900123' }],
  ['register 07700 900123 for M2001', { kind: 'add-number', worker: 'M2001', number: '07700 900123' }],
  ['change number for Jane to +44 7700 900123', { kind: 'add-number', worker: 'Jane', number: '+44 7700 900123' }],
  ["Jane's number changed to 07700 900123", { kind: 'add-number', worker: 'Jane', number: '07700 900123' }],
  ["replace Ali's number with 07700 900123", { kind: 'add-number', worker: 'Ali', number: '07700 900123' }],
  [
    'Bob Smith needs his number set up: 07700 900123',
    { kind: 'add-number', worker: 'Bob Smith', number: '07700 900123' },
  ],
  ['set up Jane with 07700 900123', { kind: 'add-number', worker: 'Jane', number: '07700 900123' }],
  ['please set up SMS sign-in for Jane', { kind: 'add-number', worker: 'Jane' }],
  ['can you add a number for Jane', { kind: 'add-number', worker: 'Jane' }],
  ['add number', { kind: 'add-number' }],
  ["Bob's number: 07700 900123", { kind: 'add-number', worker: 'Bob', number: '07700 900123' }],
  ['07700 900123 for Bob', { kind: 'add-number', worker: 'Bob', number: '07700 900123' }],
  ['new starter Jane Doe 07700 900123', { kind: 'add-number', worker: 'Jane Doe', number: '07700 900123' }],
  ['add 42 for Jane', { kind: 'add-number', worker: 'Jane' }],

  // remove / leavers
  ["remove Ali's number", { kind: 'remove-number', worker: 'Ali', leaver: false }],
  ['Ali left', { kind: 'remove-number', worker: 'Ali', leaver: true }],
  ['Ali Khan has left the company', { kind: 'remove-number', worker: 'Ali Khan', leaver: true }],
  ['Ali is leaving on Friday', { kind: 'remove-number', worker: 'Ali', leaver: true }],
  ['Ali Khan no longer works here', { kind: 'remove-number', worker: 'Ali Khan', leaver: true }],
  ['can you remove the number for Ali Khan', { kind: 'remove-number', worker: 'Ali Khan', leaver: false }],
  ["remove Ali's number because he left", { kind: 'remove-number', worker: 'Ali', reason: 'he left', leaver: true }],
  ["remove Ali's number - leaver", { kind: 'remove-number', worker: 'Ali', reason: 'leaver', leaver: true }],
  ['Jane is a leaver - remove her number', { kind: 'remove-number', worker: 'Jane', leaver: true }],
  ['Ali has left, please remove his number', { kind: 'remove-number', worker: 'Ali', leaver: true }],
  ['Siobhán Ní Bhriain has left', { kind: 'remove-number', worker: 'Siobhán Ní Bhriain', leaver: true }],
  ['M2001 left', { kind: 'remove-number', worker: 'M2001', leaver: true }],

  // SMS sign-in on (FIG6's fix), for a number already there
  ['turn on SMS sign-in for Bob Smith', { kind: 'sms-sign-in-on', worker: 'Bob Smith' }],
  ['enable sms sign in for Bob', { kind: 'sms-sign-in-on', worker: 'Bob' }],
  ['switch on SMS sign-in for Bob', { kind: 'sms-sign-in-on', worker: 'Bob' }],
  ['turn SMS sign-in back on for Chloe', { kind: 'sms-sign-in-on', worker: 'Chloe' }],
  ['let Bob sign in by text', { kind: 'sms-sign-in-on', worker: 'Bob' }],
  ['fix FIG6 for Bob', { kind: 'diagnose', worker: 'Bob', symptom: 'fig6' }],
  ['is SMS sign-in turned on for Bob?', { kind: 'status', worker: 'Bob' }],
  ['turn off SMS sign-in for Bob on Monday', { kind: 'sms-sign-in-off', worker: 'Bob' }],

  // SMS sign-in off, the number kept; taking the number, or a leaver, removes it
  ['disable SMS sign-in for Ali', { kind: 'sms-sign-in-off', worker: 'Ali' }],
  ['turn off sms sign in for Ali', { kind: 'sms-sign-in-off', worker: 'Ali' }],
  ["switch Ali Khan's SMS sign-in off", { kind: 'sms-sign-in-off', worker: 'Ali Khan' }],
  ['stop Bob signing in by text', { kind: 'sms-sign-in-off', worker: 'Bob' }],
  ['turn off text message sign-in for Jane Doe', { kind: 'sms-sign-in-off', worker: 'Jane Doe' }],
  [
    'disable SMS sign-in for Jane because she uses her badge',
    { kind: 'sms-sign-in-off', worker: 'Jane', reason: 'she uses her badge' },
  ],
  ['disable SMS sign-in for Ali and remove his number', { kind: 'remove-number', worker: 'Ali', leaver: false }],
  ['turn off SMS sign-in for Ali, he has left', { kind: 'remove-number', worker: 'Ali', leaver: true }],
  [
    "disable SMS sign-in for Ali because he's leaving",
    { kind: 'remove-number', worker: 'Ali', reason: "he's leaving", leaver: true },
  ],
  ['is SMS sign-in turned off for Bob?', { kind: 'status', worker: 'Bob' }],

  // lost phone / SIM swap
  ['Ali lost their phone', { kind: 'lost-phone', worker: 'Ali' }],
  ['lost phone Ali', { kind: 'lost-phone', worker: 'Ali' }],
  ['SIM swapped for Ali', { kind: 'lost-phone', worker: 'Ali' }],
  ["Ali's SIM was swapped", { kind: 'lost-phone', worker: 'Ali' }],
  ["Ali Khan's SIM was swapped yesterday", { kind: 'lost-phone', worker: 'Ali Khan' }],
  ['SIM swap Ali Khan', { kind: 'lost-phone', worker: 'Ali Khan' }],
  ["Bob's phone was stolen", { kind: 'lost-phone', worker: 'Bob' }],
  ["Ali's phone got nicked", { kind: 'lost-phone', worker: 'Ali' }],
  ['Bob got a new SIM', { kind: 'lost-phone', worker: 'Bob' }],
  ["Bob can't find his phone", { kind: 'lost-phone', worker: 'Bob' }],
  ['E12345 lost phone', { kind: 'lost-phone', worker: 'E12345' }],
  ['李 小龍 lost their phone', { kind: 'lost-phone', worker: '李 小龍' }],
  ["why can't Ali sign in, he lost his phone", { kind: 'lost-phone', worker: 'Ali' }],
  ["Bob can't sign in because he lost his phone", { kind: 'lost-phone', worker: 'Bob', reason: 'he lost his phone' }],
  ['Ali lost his phone, his new number is 07700 900123', { kind: 'lost-phone', worker: 'Ali' }],
  ['Ali has left, lost phone too', { kind: 'lost-phone', worker: 'Ali' }],
  ['May lost her phone', { kind: 'lost-phone', worker: 'May' }],
  ['Can you sign out Kate from all devices? She lost her phone on the bus', { kind: 'lost-phone', worker: 'Kate' }],
  ["Ngozi Okonkwo-Adeyemi's SIM was swapped", { kind: 'lost-phone', worker: 'Ngozi Okonkwo-Adeyemi' }],

  // revoke sessions
  ['sign Ali out everywhere', { kind: 'revoke-sessions', worker: 'Ali' }],
  ['log Bob out of all devices', { kind: 'revoke-sessions', worker: 'Bob' }],
  ["revoke Ali's sessions", { kind: 'revoke-sessions', worker: 'Ali' }],
  ['sign out Bob Smith from everything', { kind: 'revoke-sessions', worker: 'Bob Smith' }],
  ['force sign-out for Ali', { kind: 'revoke-sessions', worker: 'Ali' }],
  ['Ali needs signing out everywhere asap', { kind: 'revoke-sessions', worker: 'Ali' }],
  ['log out Bob everywhere', { kind: 'revoke-sessions', worker: 'Bob' }],

  // tenant check
  ['is SMS sign-in set up?', { kind: 'tenant-check' }],
  ['check the tenant', { kind: 'tenant-check' }],
  ['tenant check', { kind: 'tenant-check' }],
  ['sms policy', { kind: 'tenant-check' }],
  ['use for sign-in', { kind: 'tenant-check' }],
  ['is sms sign-in working?', { kind: 'tenant-check' }],
  ['are workers allowed to use sms sign-in?', { kind: 'tenant-check' }],

  // pending
  ['pending', { kind: 'pending' }],
  ['my requests', { kind: 'pending' }],
  ['open requests', { kind: 'pending' }],
  ['queue', { kind: 'pending' }],
  ['what needs approval', { kind: 'pending' }],
  ['anything to approve?', { kind: 'pending' }],
  ['What requests are waiting?', { kind: 'pending' }],
  ["what's the status of my request?", { kind: 'pending' }],
  ['status', { kind: 'pending' }],

  // request commands
  ['cancel 42', { kind: 'cancel', requestNumber: 42 }],
  ['cancel my request 42', { kind: 'cancel', requestNumber: 42 }],
  ['please cancel 42', { kind: 'cancel', requestNumber: 42 }],
  ['withdraw 12', { kind: 'cancel', requestNumber: 12 }],
  ['cancel', { kind: 'cancel' }],
  ['never mind', { kind: 'cancel' }],
  ['approve 42', { kind: 'approve', requestNumber: 42 }],
  ['approve 42 looks fine', { kind: 'approve', requestNumber: 42, note: 'looks fine' }],
  ['approve #42 - fine', { kind: 'approve', requestNumber: 42, note: 'fine' }],
  ['approve request #42: looks good', { kind: 'approve', requestNumber: 42, note: 'looks good' }],
  ['approve 42 please', { kind: 'approve', requestNumber: 42 }],
  ['approve 1234567', { kind: 'approve', requestNumber: 1234567 }],
  ['approve', { kind: 'approve' }],
  ['reject 42 because wrong person', { kind: 'reject', requestNumber: 42, note: 'wrong person' }],
  ['Reject #42 - wrong person', { kind: 'reject', requestNumber: 42, note: 'wrong person' }],
  ['reject 42: wrong person.', { kind: 'reject', requestNumber: 42, note: 'wrong person' }],
  ['reject because wrong person', { kind: 'reject', note: 'wrong person' }],

  // instructions
  ['instructions for Jane', { kind: 'instructions', worker: 'Jane' }],
  ['send Jane the instructions', { kind: 'instructions', worker: 'Jane' }],
  ['how does Jane sign in?', { kind: 'instructions', worker: 'Jane' }],
  ['print the instructions for Jean-Luc', { kind: 'instructions', worker: 'Jean-Luc' }],
  ['instructions', { kind: 'instructions' }],
  ["Jo doesn't know how to sign in", { kind: 'instructions', worker: 'Jo' }],

  // unknown
  ['', UNKNOWN],
  ['   \t\n ', UNKNOWN],
  ['😀😀', UNKNOWN],
  ['thanks', UNKNOWN],
  ['blah blah', UNKNOWN],
  ['Jane Doe', UNKNOWN],
  ['42', UNKNOWN],
  ["cancel Ali's number", UNKNOWN],
  ['Ali left his phone at home', UNKNOWN],
];

describe('parseIntent: what managers and helpdesk staff type', () => {
  it('covers many phrasings, each once', () => {
    expect(examples.length).toBeGreaterThanOrEqual(80);
    expect(new Set(examples.map(([text]) => text)).size).toBe(examples.length);
  });

  it.each(examples)('%j', (text, expected) => {
    expect(parseIntent(text)).toStrictEqual(expected);
  });
});

describe('parseIntent: word order, mentions and courtesies do not change the meaning', () => {
  // Every example that is not a whole-message phrase keeps its meaning with a mention before it and thanks after.
  const phrases = examples.filter(
    ([text, intent]) => text.trim() !== '' && !['help', 'unknown', 'cancel'].includes(intent.kind),
  );

  it.each(phrases)('%j with "<at>phonedesk</at>" before and ", thanks" after', (text, expected) => {
    expect(parseIntent(`<at>phonedesk</at> ${text}, thanks`)).toStrictEqual(expected);
    expect(parseIntent(`@phonedesk ${text} please`)).toStrictEqual(expected);
  });

  it.each([
    ['status of Bob', 'Bob status'],
    ['FIG6 for Bob', 'Bob FIG6'],
    ['add +44 7700 900123 for Jane Doe', 'for Jane Doe add +44 7700 900123'],
    ['lost phone Ali', 'Ali phone lost'],
    ['sign Ali out everywhere', 'sign out Ali everywhere'],
    ['instructions for Jane', 'Jane instructions'],
  ])('%j reads like %j', (one, other) => {
    expect(parseIntent(other)).toStrictEqual(parseIntent(one));
  });
});

describe('parseIntent: properties (fast-check)', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ maxLength: 200, unit: 'grapheme' }),
    fc.string({ maxLength: 200, unit: 'binary' }),
    fc
      .array(
        fc.constantFrom(
          'add',
          'remove',
          'who has',
          'status',
          'of',
          'for',
          "can't",
          'sign',
          'in',
          'out',
          'lost',
          'phone',
          'SIM',
          'swapped',
          'approve',
          'reject',
          'cancel',
          '42',
          '+44',
          '7700',
          '900123',
          '(425)',
          '555-0100',
          "'s",
          'because',
          '-',
          '(',
          ')',
          '?',
          '<at>',
          '</at>',
          'phonedesk',
          'Bob',
          'Áine',
          "O'Brien",
          '李',
          'M2001',
          'jane@contoso.com',
          'fig6',
          'left',
          'tenant',
        ),
        { maxLength: 30 },
      )
      .map((words) => words.join(' ')),
  );

  it('never throws, and always returns one of the intents with its required fields', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const intent = parseIntent(text);
        expect(KINDS.has(intent.kind)).toBe(true);
        if (intent.kind === 'status' || intent.kind === 'diagnose') expect(intent.worker.trim()).not.toBe('');
        if (intent.kind === 'who-has') expect(intent.number.replace(/\D/g, '').length).toBeGreaterThanOrEqual(7);
        if (intent.kind === 'remove-number') expect(typeof intent.leaver).toBe('boolean');
        if ('worker' in intent && intent.worker !== undefined) expect(intent.worker).toBe(intent.worker.trim());
      }),
      { numRuns: 3000 },
    );
  });

  const names = fc.constantFrom(
    'Jane Doe',
    'Bob Smith',
    "Áine O'Brien",
    'Jean-Luc Picard',
    '李 小龍',
    'jane.doe@contoso.com',
    'M2001',
    'Zoë Ng',
    'Will Smith',
  );
  const numbers = fc.constantFrom(
    '+44 7700 900123',
    '07700 900123',
    '0044 7700 900123',
    '(425) 555-0100',
    '+1-425-555-0100',
    '07700.900.123',
    '+49 170 1234567',
  );
  const templates: ReadonlyArray<(worker: string, number: string) => string> = [
    (w, n) => `add ${n} for ${w}`,
    (w, n) => `add ${w} ${n}`,
    (w, n) => `${w}'s new number is ${n}`,
    (w, n) => `please set ${w}'s number to ${n}, thanks`,
    (w, n) => `<at>phonedesk</at> register ${n} for ${w}`,
    (w, n) => `change number for ${w} to ${n}`,
  ];

  it('reads the worker and the number exactly as typed, whatever the template', () => {
    fc.assert(
      fc.property(
        names,
        numbers,
        fc.constantFrom(...templates),
        fc.option(fc.constantFrom('she started today', 'new starter')),
        (worker, number, template, reason) => {
          const text = template(worker, number) + (reason === null ? '' : ` because ${reason}`);
          const expected: Intent =
            reason === null ? { kind: 'add-number', worker, number } : { kind: 'add-number', worker, number, reason };
          expect(parseIntent(text)).toStrictEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never reads a request number or an employee id as a phone number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom('approve', 'reject', 'cancel'), (n, verb) => {
        expect(parseIntent(`${verb} ${n}`)).toStrictEqual({ kind: verb, requestNumber: n });
        expect(parseIntent(`status of M${n}`)).toStrictEqual({ kind: 'status', worker: `M${n}` });
        expect(parseIntent(`add M${n}`)).toStrictEqual({ kind: 'add-number', worker: `M${n}` });
      }),
      { numRuns: 500 },
    );
  });

  it('does not read "Bc" at the start of an accented word as "because" (found by fast-check)', () => {
    expect(parseIntent('status of Aa Bcáa')).toStrictEqual({ kind: 'status', worker: 'Aa Bcáa' });
    expect(parseIntent('Aa Bcáa lost their phone')).toStrictEqual({ kind: 'lost-phone', worker: 'Aa Bcáa' });
  });

  it('keeps names of any script with their accents, hyphens and apostrophes', () => {
    // A word's letters come from one alphabet: English typed against a Chinese name is a word of its own ("for王芳").
    const alphabets = fc.constantFrom('abcdefghijklmnopqrstuvwxyzéèáíóúñçøåöüłßαβγдежзאבג', '李小龍王芳');
    // Any capitalised word that is not one of the words understanding sets aside ("Mr", "In", "Of"…).
    const capitalised = alphabets
      .chain((alphabet) => fc.array(fc.constantFrom(...alphabet.split('')), { minLength: 2, maxLength: 8 }))
      .map((chars) => chars.join(''))
      .filter((word) => !FILLER_WORDS.has(word))
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
    const name = fc
      .tuple(capitalised, fc.constantFrom(' ', '-', "'", " O'"), capitalised)
      .map(([first, joiner, last]) => `${first}${joiner}${last}`);
    fc.assert(
      fc.property(name, (worker) => {
        expect(parseIntent(`status of ${worker}`)).toStrictEqual({ kind: 'status', worker });
        expect(parseIntent(`${worker} lost their phone`)).toStrictEqual({ kind: 'lost-phone', worker });
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseIntent: bounded work on huge messages', () => {
  // Jest's timeout is the bound: each of these must return well within it. Nothing is timed here.
  const hundredKilobytes = 100 * 1024;
  const adversarial = [
    'a'.repeat(hundredKilobytes),
    ' '.repeat(hundredKilobytes),
    '1 '.repeat(hundredKilobytes / 2),
    '('.repeat(hundredKilobytes),
    '(1'.repeat(hundredKilobytes / 2),
    '+1-'.repeat(hundredKilobytes / 3),
    'sms sign in '.repeat(hundredKilobytes / 12),
    'sign '.repeat(hundredKilobytes / 5),
    'who has the number '.repeat(hundredKilobytes / 19),
    "Bob's ".repeat(hundredKilobytes / 6),
    ' - because as '.repeat(hundredKilobytes / 14),
    'please thanks '.repeat(hundredKilobytes / 14),
    '<at>'.repeat(hundredKilobytes / 4),
    '😀'.repeat(hundredKilobytes / 2),
  ];

  it.each(adversarial.map((text, index) => [index, text] as const))(
    'adversarial message %i returns an intent',
    (_index, text) => {
      expect(text.length).toBeGreaterThanOrEqual(hundredKilobytes - 20);
      expect(KINDS.has(parseIntent(text).kind)).toBe(true);
    },
    2000,
  );

  it('reads only the start of a long message', () => {
    expect(parseIntent(`${'x '.repeat(hundredKilobytes / 2)}help`)).toStrictEqual(UNKNOWN);
    const approval = parseIntent(`approve 42 ${'ok '.repeat(hundredKilobytes / 3)}`);
    expect(approval.kind).toBe('approve');
    if (approval.kind === 'approve') expect(approval.note?.length ?? 0).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  }, 2000);
});
