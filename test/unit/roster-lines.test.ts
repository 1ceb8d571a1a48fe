// A roster as people paste or export it: one worker a line with a number or "badge", under an optional header; and
// the CSV a spreadsheet saves, quoted cells and a header row included.
import { parseIntent } from '../../src/bot/understanding/parse-intent';
import { MAX_ROSTER_LINES, rosterOf } from '../../src/bot/understanding/roster-lines';
import { rosterFromCsv } from '../../src/bot/roster-file';
import { smsOffQuestion } from '../../src/bot/understanding/sms-off-words';
import { keywordText } from '../../src/bot/understanding/intent-keywords';

describe('a pasted roster', () => {
  it('reads each line: the worker, a number as typed, or a badge', () => {
    const roster = rosterOf('Jane Doe, +44 7700 900123\nbob.smith@contoso.com - badge\n\nAli Khan\t07700 900456');
    expect(roster?.lines).toEqual([
      { line: 1, raw: 'Jane Doe, +44 7700 900123', worker: 'Jane Doe', number: '+44 7700 900123', badge: false },
      { line: 2, raw: 'bob.smith@contoso.com - badge', worker: 'bob.smith@contoso.com', badge: true },
      { line: 3, raw: 'Ali Khan\t07700 900456', worker: 'Ali Khan', number: '07700 900456', badge: false },
    ]);
  });

  it('takes any lines under a header, and needs two lines that say how otherwise', () => {
    expect(rosterOf('onboard:\nHannah Lewis')?.lines).toHaveLength(1);
    expect(rosterOf('new starters\nPeter Clark badge')?.lines[0]).toMatchObject({ worker: 'Peter Clark', badge: true });
    expect(rosterOf('Jane Doe, +44 7700 900123')).toBeUndefined();
    expect(rosterOf('add +44 7700 900123 for Jane Doe\nthanks')).toBeUndefined();
  });

  it('reads at most MAX_ROSTER_LINES lines and says how many were left', () => {
    const lines = Array.from({ length: MAX_ROSTER_LINES + 5 }, (_, index) => `Worker ${index}, badge`).join('\n');
    const roster = rosterOf(lines)!;
    expect(roster.lines).toHaveLength(MAX_ROSTER_LINES);
    expect(roster.leftOver).toBe(5);
  });

  it('is understood as a roster, ahead of any single request', () => {
    const text = 'Jane Doe, +44 7700 900123\nBob Smith, badge';
    expect(parseIntent(text)).toEqual({ kind: 'roster', text });
    expect(parseIntent('status of Jane Doe').kind).toBe('status');
  });
});

describe('a roster as a CSV file', () => {
  it('leaves out the header row and keeps quoted commas and quotes in their cell', () => {
    const csv = 'Name,Mobile\r\n"Doe, Jane",+44 7700 900123\r\n"Bob ""Bobby"" Smith",badge\r\n';
    expect(rosterFromCsv(csv)).toBe('onboard:\nDoe, Jane, +44 7700 900123\nBob "Bobby" Smith, badge');
  });

  it('keeps the first row when it is a worker, and reads semicolons and a byte-order mark', () => {
    expect(rosterFromCsv('\uFEFFJane Doe;badge\nAli Khan;07700 900456')).toBe(
      'onboard:\nJane Doe, badge\nAli Khan, 07700 900456',
    );
  });
});

describe('SMS sign-in off beyond one worker', () => {
  it.each([
    ['turn off SMS sign-in for everyone', {}],
    ['disable SMS sign-in for the whole organisation', {}],
    ['switch off sms sign in tenant wide', {}],
    ['turn off SMS sign-in for the Frontline workers group', { group: 'frontline workers' }],
  ])('%s', (text, expected) => {
    expect(smsOffQuestion(keywordText(text))).toEqual(expected);
  });

  it.each(['turn off SMS sign-in for Bob Smith', 'is SMS sign-in set up?', 'disable the badge for everyone'])(
    'not: %s',
    (text) => {
      expect(smsOffQuestion(keywordText(text))).toBeUndefined();
    },
  );
});
