// Where each worker of a store stands, how a store is counted, the CSV file a manager downloads and the overview
// cards: the state a worker is put in decides the button a manager taps, so each state is checked from its inputs.
import type { AdaptiveCard } from '../../src/cards/adaptive-card';
import { overviewCsv } from '../../src/cards/overview-csv';
import {
  FIRST_ACTIONS,
  PAGE_SIZE,
  buildStoreListCard,
  buildStoreOverviewCard,
  buildStoresOverviewCard,
  retirementLine,
} from '../../src/cards/store-overview-card';
import {
  STANDINGS,
  countStandings,
  needingAction,
  standingOf,
  type Standing,
  type StandingInput,
  type StoreOverview,
  type WorkerStanding,
} from '../../src/diagnosis/store-standing';
import type { StoreMember } from '../../src/graph/store-reads';
import type { QrSnapshot } from '../../src/methods/qr-code-pin/qr-types';
import type { SmsSnapshot } from '../../src/methods/sms-sign-in/sms-snapshot';
import type { PhoneMethodSnapshot, PhoneType, SmsSignInState } from '../../src/snapshot/sign-in-snapshot';
import { buttons, cardProblems } from '../helpers/card-validator';
import { textBlocksOf, wordsOf } from '../helpers/card-walk';
import { parseCsv } from '../helpers/csv';
import { readyWorker } from '../helpers/snapshots';

const NOW = new Date('2026-12-02T09:00:00Z');
const DAY = 86_400_000;
const at = (days: number): string => new Date(NOW.getTime() + days * DAY).toISOString();
const NUMBER = '+44 7700900123';

function member(overrides: Partial<StoreMember> = {}): StoreMember {
  return {
    id: 'user-jane',
    displayName: 'Jane Doe',
    userPrincipalName: 'jane.doe@contoso.example',
    userType: 'Member',
    accountEnabled: true,
    ...overrides,
  };
}

const phone = (smsSignInState: SmsSignInState, phoneType: PhoneType = 'mobile'): PhoneMethodSnapshot => ({
  id: `phone-${phoneType}`,
  phoneType,
  phoneNumber: NUMBER,
  smsSignInState,
});
const sms = (...phoneMethods: PhoneMethodSnapshot[]): SmsSnapshot => ({ phoneMethods, policy: readyWorker().policy });

/** A badge expiring in `days`, used once unless said otherwise. */
function badge(days: number, { used = true, temporary }: { used?: boolean; temporary?: [number, number] } = {}) {
  const code = (start: number, end: number) => ({ id: `c${start}`, startDateTime: at(start), expireDateTime: at(end) });
  return {
    qrCodePin: {
      id: 'qr-1',
      createdDateTime: at(-100),
      standardQRCode: { ...code(-100, days), ...(used && { lastUsedDateTime: at(-1) }) },
      ...(temporary && { temporaryQRCode: code(...temporary) }),
      forceChangePinNextSignIn: false,
    },
  } satisfies QrSnapshot;
}

function input(overrides: Partial<StandingInput> = {}): StandingInput {
  return {
    member: member(),
    isAdmin: false,
    sms: sms(phone('ready')),
    qr: {},
    qrAllowed: true,
    now: NOW,
    ...overrides,
  };
}
const of = (overrides: Partial<StandingInput> = {}): WorkerStanding => standingOf(input(overrides));

describe('standingOf', () => {
  it('names the worker it describes', () => {
    expect(of()).toMatchObject({
      userId: 'user-jane',
      displayName: 'Jane Doe',
      userPrincipalName: 'jane.doe@contoso.example',
    });
  });

  it.each<[string, Partial<StandingInput>, string]>([
    ['a guest', { member: member({ userType: 'Guest' }) }, 'guest'],
    ['an admin', { isAdmin: true }, 'admin'],
    ['a disabled account', { member: member({ accountEnabled: false }) }, 'disabled'],
  ])('leaves out %s, whatever their methods, with no fix', (_label, overrides, reason) => {
    // A ready badge would otherwise make them badge-ready: being left out comes first.
    const standing = of({ ...overrides, qr: badge(100) });
    expect(standing).toMatchObject({ standing: 'left-out', leftOut: reason });
    expect(standing.fix).toBeUndefined();
  });

  it.each<[string, number, Standing, string | undefined]>([
    ['expired yesterday', -1, 'badge-expired', 'qr-badge-expired'],
    ['expiring now', 0, 'badge-expired', 'qr-badge-expired'],
    ['expiring in 3 days', 3, 'badge-expiring', 'qr-badge-expiring'],
    ['expiring in exactly 14 days', 14, 'badge-expiring', 'qr-badge-expiring'],
    ['expiring in 15 days', 15, 'badge-ready', undefined],
  ])('a badge %s', (_label, days, standing, finding) => {
    const worker = of({ qr: badge(days) });
    expect(worker.standing).toBe(standing);
    expect(worker.fix?.finding).toBe(finding);
  });

  it('SMS ready without a badge must move, with a badge offered only when the QR policy allows one', () => {
    expect(of({ qrAllowed: true })).toMatchObject({ standing: 'sms-only', fix: { finding: 'sms-retiring' } });
    const notAllowed = of({ qrAllowed: false });
    expect(notAllowed.standing).toBe('sms-only');
    expect(notAllowed.fix).toBeUndefined();
  });

  it.each<SmsSignInState>(['notEnabled', 'notConfigured'])('a mobile %s is FIG6, fixed by turning it on', (state) => {
    expect(of({ sms: sms(phone(state)) })).toMatchObject({ standing: 'fig6', fix: { finding: 'number-not-enabled' } });
  });

  it('a number another account holds is number-in-use', () => {
    expect(of({ sms: sms(phone('phoneNumberNotUnique')) })).toMatchObject({
      standing: 'number-in-use',
      fix: { finding: 'number-in-use' },
    });
  });

  it('SMS refused by the policy has no fix phonedesk can request', () => {
    const worker = of({ sms: sms(phone('notAllowedByPolicy')) });
    expect(worker.standing).toBe('sms-not-allowed');
    expect(worker.fix).toBeUndefined();
  });

  it('no phone at all is no method, fixed by adding a number', () => {
    expect(of({ sms: sms() })).toMatchObject({ standing: 'no-method', fix: { finding: 'no-mobile-number' } });
  });

  it('a number only on an office phone is no method, fixed by moving it', () => {
    expect(of({ sms: sms(phone('notSupported', 'office')) })).toMatchObject({
      standing: 'no-method',
      fix: { finding: 'number-on-wrong-phone-type' },
    });
  });

  it.each<[string, Partial<StandingInput>]>([
    ['phone methods', { sms: undefined }],
    ['badge', { qr: undefined }],
  ])('is unreadable when the %s could not be read', (_label, overrides) => {
    const worker = of(overrides);
    expect(worker.standing).toBe('unreadable');
    expect(worker.fix).toBeUndefined();
  });

  it.each<[string, [number, number] | undefined, boolean]>([
    ['an active temporary code', [-0.1, 0.2], true],
    ['an expired temporary code', [-2, -1], false],
    ['a temporary code not started yet', [1, 2], false],
    ['no temporary code', undefined, false],
  ])('counts %s as a temporary code: %s', (_label, temporary, expected) => {
    expect(of({ qr: badge(100, { temporary }) }).temporaryCode).toBe(expected);
  });

  it.each<[string, Partial<StandingInput>, boolean]>([
    ['a used badge with SMS ready', { qr: badge(100) }, true],
    ['a badge never used, SMS ready', { qr: badge(100, { used: false }) }, false],
    ['a used badge, SMS not turned on', { qr: badge(100), sms: sms(phone('notEnabled')) }, false],
    ['SMS ready and no badge', {}, false],
  ])('smsStillOn for %s: %s', (_label, overrides, expected) => {
    expect(of(overrides).smsStillOn).toBe(expected);
  });

  it.each<[string, Partial<StandingInput>, boolean]>([
    ['a badge never used, SMS ready', { qr: badge(100, { used: false }) }, true],
    ['a used badge, SMS ready', { qr: badge(100) }, false],
    [
      'a badge never used, SMS not turned on',
      { qr: badge(100, { used: false }), sms: sms(phone('notEnabled')) },
      false,
    ],
    ['SMS ready and no badge', {}, false],
  ])('badgeUnused for %s: %s', (_label, overrides, expected) => {
    expect(of(overrides).badgeUnused).toBe(expected);
  });
});

/** A worker standing as given, for counting, sorting and cards. */
function worker(displayName: string, standing: Standing, extra: Partial<WorkerStanding> = {}): WorkerStanding {
  const id = `user-${displayName.toLowerCase().replace(/\W+/g, '-')}`;
  return {
    userId: id,
    displayName,
    userPrincipalName: `${id}@contoso.example`,
    standing,
    temporaryCode: false,
    smsStillOn: false,
    badgeUnused: false,
    ...extra,
  };
}

describe('countStandings', () => {
  const workers = [
    worker('A', 'fig6'),
    worker('B', 'fig6', { temporaryCode: true }),
    worker('C', 'sms-only'),
    worker('D', 'badge-ready', { smsStillOn: true }),
    worker('E', 'left-out', { leftOut: 'admin' }),
    worker('F', 'left-out', { leftOut: 'guest' }),
    worker('G', 'left-out', { leftOut: 'guest' }),
  ];
  const counts = countStandings(workers);

  it('counts each state, and zero for the rest', () => {
    const expected: Partial<Record<Standing, number>> = { fig6: 2, 'sms-only': 1, 'badge-ready': 1, 'left-out': 3 };
    for (const standing of STANDINGS) expect([standing, counts[standing]]).toEqual([standing, expected[standing] ?? 0]);
  });

  it('breaks the left-out down by why, and counts temporary codes and SMS still on apart', () => {
    expect(counts.leftOut).toEqual({ admin: 1, guest: 2, disabled: 0 });
    expect(counts.temporaryCode).toBe(1);
    expect(counts.smsStillOn).toBe(1);
  });
});

describe('needingAction', () => {
  it('lists the most urgent first, then by name, and leaves out the ready and the left-out', () => {
    const workers = [
      worker('Amy', 'sms-only'),
      worker('Zed', 'fig6'),
      worker('Cat', 'badge-ready'),
      worker('Bob', 'fig6'),
      worker('Dan', 'left-out', { leftOut: 'admin' }),
      worker('Eve', 'badge-expired'),
    ];
    expect(needingAction(workers).map((w) => w.displayName)).toEqual(['Bob', 'Zed', 'Eve', 'Amy']);
  });
});

function overview(workers: WorkerStanding[], daysLeft = 61): StoreOverview {
  return {
    store: { id: 'au-leeds', displayName: 'Leeds Briggate' },
    source: 'live',
    readAt: '2026-12-02T09:00:00Z',
    workers,
    counts: countStandings(workers),
    daysLeft,
  };
}

describe('overviewCsv', () => {
  const FORMULAS = ['=HYPERLINK("http://x.example","y")', '+1', '-2', '@SUM(A1)'];
  const names = ['Jane Doe', 'Doe, Jane', 'Jane "JD" Doe', ...FORMULAS];
  const workers = names.map((name, index) =>
    standingOf(input({ member: member({ id: `user-${index}`, displayName: name }), sms: sms(phone('notEnabled')) })),
  );
  const csv = overviewCsv(overview(workers));
  const rows = parseCsv(csv);

  it('has a header, then one line per worker', () => {
    expect(rows[0]).toEqual(expect.arrayContaining(['Name', 'Sign-in name']));
    expect(rows).toHaveLength(names.length + 1);
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
  });

  it('ends every line with CRLF', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.match(/\r\n/g)).toHaveLength(names.length + 1);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('quotes a name with a comma or a quote mark, per RFC 4180', () => {
    expect(csv).toContain('"Doe, Jane",');
    expect(csv).toContain('"Jane ""JD"" Doe",');
    const read = rows.slice(1).map((row) => row[0]);
    expect(read).toEqual(expect.arrayContaining(['Jane Doe', 'Doe, Jane', 'Jane "JD" Doe']));
  });

  it.each(FORMULAS)('puts a quote mark before %s, so a spreadsheet does not run it', (name) => {
    expect(rows.slice(1).map((row) => row[0])).toContain(`'${name}`);
    expect(rows.slice(1).map((row) => row[0])).not.toContain(name);
  });

  it('has no phone number', () => {
    expect(csv).not.toContain('7700');
    expect(csv.replace(/\D/g, '')).not.toContain('447700900123');
  });
});

const NAMES = Array.from({ length: 45 }, (_, index) => `Worker ${String(index + 1).padStart(2, '0')}`);
const TURN_ON = { fix: { finding: 'number-not-enabled', label: 'Turn on SMS sign-in' } } as const;
const BUSY = overview([
  ...NAMES.map((name) => worker(name, 'fig6', TURN_ON)),
  worker('Ready Rita', 'badge-ready'),
  worker('Admin Al', 'left-out', { leftOut: 'admin' }),
]);
const titles = (card: AdaptiveCard): string[] => buttons(card).map((action) => action.title);
const namesOn = (card: AdaptiveCard): string[] =>
  textBlocksOf(card)
    .map((block) => block.text)
    .filter((text) => NAMES.includes(text) || text === 'Ready Rita' || text === 'Admin Al');

const SEVERAL = { readAt: BUSY.readAt, daysLeft: 61, live: [], reported: [] };
const LINE = { store: BUSY.store, workers: 40, withBadge: 10, mobileOnly: 25, neither: 3, leftOut: 2 };

describe('overview cards', () => {
  it.each<[string, () => AdaptiveCard]>([
    ['a busy store', () => buildStoreOverviewCard(BUSY)],
    ['an empty store', () => buildStoreOverviewCard(overview([]))],
    [
      'a store where nobody needs anything',
      () => buildStoreOverviewCard(overview([worker('Ready Rita', 'badge-ready')])),
    ],
    // Needs action but has no fix button: SMS only, and the QR policy does not cover them.
    ['a store with a worker phonedesk cannot fix', () => buildStoreOverviewCard(overview([of({ qrAllowed: false })]))],
    ['a list page', () => buildStoreListCard(BUSY, 1, 'action')],
    ['everyone, page by page', () => buildStoreListCard(BUSY, 0, 'all')],
    ['several stores, live', () => buildStoresOverviewCard({ ...SEVERAL, source: 'live', live: [BUSY, overview([])] })],
    [
      'several stores, from the report',
      () => buildStoresOverviewCard({ ...SEVERAL, source: 'report', reported: [LINE] }),
    ],
  ])('%s passes the card validator', (_label, build) => {
    expect(cardProblems(build())).toEqual([]);
  });

  it('names only the first few who need action, with a button for all of them', () => {
    const card = buildStoreOverviewCard(BUSY);
    expect(namesOn(card)).toEqual(NAMES.slice(0, FIRST_ACTIONS));
    expect(titles(card).some((title) => title.includes(String(NAMES.length)))).toBe(true);
  });
});

describe('the list card, page by page', () => {
  const pages = Math.ceil(NAMES.length / PAGE_SIZE);
  const last = pages - 1;

  it('first page: a full page, Next and no Previous', () => {
    const card = buildStoreListCard(BUSY, 0, 'action');
    expect(namesOn(card)).toEqual(NAMES.slice(0, PAGE_SIZE));
    expect(titles(card)).toContain('Next');
    expect(titles(card)).not.toContain('Previous');
  });

  it('last page: the rest, Previous and no Next', () => {
    const card = buildStoreListCard(BUSY, last, 'action');
    expect(namesOn(card)).toEqual(NAMES.slice(last * PAGE_SIZE));
    expect(namesOn(card)).toHaveLength(NAMES.length - last * PAGE_SIZE);
    expect(titles(card)).toContain('Previous');
    expect(titles(card)).not.toContain('Next');
    expect(wordsOf(card)).toContain(`page ${pages} of ${pages}`);
  });

  it.each([
    [99, last],
    [-3, 0],
  ])('page %d is shown as page %d', (asked, shown) => {
    expect(namesOn(buildStoreListCard(BUSY, asked, 'action'))).toEqual(
      namesOn(buildStoreListCard(BUSY, shown, 'action')),
    );
    expect(wordsOf(buildStoreListCard(BUSY, asked, 'action'))).toContain(`page ${shown + 1} of ${pages}`);
  });

  it('everyone includes the ready and the left-out', () => {
    const all = Array.from({ length: pages + 1 }, (_, page) => namesOn(buildStoreListCard(BUSY, page, 'all'))).flat();
    expect(all).toEqual(expect.arrayContaining(['Ready Rita', 'Admin Al', ...NAMES]));
  });
});

describe('retirementLine', () => {
  it.each<[number, number, RegExp[], RegExp[]]>([
    [1, 0, [/\bin 1 day\b/, /Nobody/], [/\b1 days\b/]],
    [30, 0, [/\bin 30 days\b/], [/worker/]],
    [30, 1, [/\b1 worker\b/, /\bneeds\b/], [/\b1 workers\b/, /\bneed a\b/]],
    [30, 2, [/\b2 workers\b/, /\bneed a\b/], [/\bneeds\b/]],
  ])('%d days left, %d on SMS only', (days, smsOnly, says, never) => {
    const line = retirementLine(days, smsOnly);
    for (const pattern of says) expect(line).toMatch(pattern);
    for (const pattern of never) expect(line).not.toMatch(pattern);
    expect(line).toMatch(/stops on 1 February 2027/);
  });

  it.each<[number, number]>([
    [0, 0],
    [-5, 0],
    [0, 1],
    [-5, 3],
  ])('after 1 February 2027 (%d days left, %d on SMS only) it says SMS stopped', (days, smsOnly) => {
    const line = retirementLine(days, smsOnly);
    expect(line).toMatch(/stopped/);
    expect(line).not.toMatch(/\bin -?\d+ days?\b|stops on/);
    if (smsOnly === 1) expect(line).toMatch(/\b1 worker still has\b/);
    if (smsOnly > 1) expect(line).toMatch(new RegExp(`\\b${smsOnly} workers still have\\b`));
  });
});
