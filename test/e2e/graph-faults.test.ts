// Microsoft Graph misbehaving under the whole bot (restify, CloudAdapter, teams-ai, dialogs, executor, audit log)
// over real HTTP: 429 storms, 503/504, connection resets, timeouts, partial $batch failures and the 409
// half-success, while a manager asks about a worker or an approved change runs. The gateway-level versions of
// these faults are in test/integration/graph-gateway.test.ts; here the point is what people are told, the state
// the request ends in, the audit log and that nothing is applied twice.
//
// The bot runs with its production Graph settings (services.ts passes none): a 10 s timeout, 4 retries and
// Retry-After honoured up to 30 s. Injected 429s carry sub-second Retry-After values so that storms stay fast.
import type { AuditRecord } from '../../src/audit/audit-record';
import { FINAL_STATUSES, type ChangeRequest } from '../../src/changes/change-request';
import type { LoggedRequest } from '../../src/simulator/request-log';
import { askedFor } from '../helpers/asked-card';
import { BotHarness, HANA, PRIYA, findButton, textOf, waitUntil } from '../helpers/bot-harness';
import type { CapturedCall } from '../helpers/capture-server';
import { demoUser } from '../helpers/simulator';

const harness = new BotHarness();

/** The gateway's bound with the bot's settings: the first try and 4 retries. */
const ATTEMPTS = 5;

const JANE = demoUser('jane.doe');
const BOB = demoUser('bob.smith');
const JANE_CREATE = `^/users/${JANE}/authentication/phoneMethods$`;
const BOB_ENABLE = `^/users/${BOB}/authentication/phoneMethods/[^/]+/enableSmsSignIn$`;

interface FaultSpec {
  method?: string;
  path: string;
  count?: number;
  status?: number;
  code?: string;
  message?: string;
  retryAfter?: number;
  action?: 'status' | 'hold' | 'drop';
  hold?: 'before' | 'after';
  holdMs?: number;
}

interface SeedPhone {
  phoneType: string;
  phoneNumber: string;
  smsSignIn?: string;
}

async function fault(spec: FaultSpec): Promise<void> {
  const { status } = await harness.simulator.control('POST', 'faults', spec);
  if (status !== 201) throw new Error(`the simulator refused the fault ${JSON.stringify(spec)}: ${status}`);
}

async function requestLog(): Promise<LoggedRequest[]> {
  return (await harness.simulator.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
}

/** The tenant as the simulator holds it (read through the control API, so it adds nothing to the request log). */
async function phonesOf(userId: string): Promise<SeedPhone[]> {
  const tenant = (
    await harness.simulator.control<{ users: Array<{ id: string; phoneMethods?: SeedPhone[] }> }>('GET', 'tenant')
  ).body;
  return tenant.users.find((user) => user.id === userId)?.phoneMethods ?? [];
}

function entriesFor(log: readonly LoggedRequest[], method: string, path: string): LoggedRequest[] {
  const pattern = new RegExp(path);
  return log.filter((entry) => entry.method === method && pattern.test(entry.path));
}

/** Milliseconds between the end of one attempt and the start of the next, per logical call. */
function gapsBetweenAttempts(attempts: readonly LoggedRequest[]): number[] {
  return attempts.slice(1).map((attempt, index) => Date.parse(attempt.startedAt) - Date.parse(attempts[index].endedAt));
}

async function auditRecords(): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const record of harness.bot.services.stores.audit.read()) records.push(record);
  return records;
}

/**
 * The audit log verifies, and every request the simulator received from the bot was announced in it first:
 * one intent (writes) or read record per attempt, written before the attempt arrived, and one outcome each.
 */
async function expectAuditedBeforeSent(log: readonly LoggedRequest[]): Promise<void> {
  expect(await harness.bot.services.stores.audit.verify()).toEqual({ ok: true, records: expect.any(Number) });
  const records = await auditRecords();
  const sent = log.filter((entry) => entry.batchId === undefined);
  expect(sent.length).toBeGreaterThan(0);
  const calls = new Map<string, LoggedRequest[]>();
  for (const entry of sent) calls.set(entry.clientRequestId, [...(calls.get(entry.clientRequestId) ?? []), entry]);
  for (const [clientRequestId, attempts] of calls) {
    const announced = records.filter(
      (record) =>
        record.graph?.clientRequestId === clientRequestId && (record.phase === 'intent' || record.phase === 'read'),
    );
    const what = `${attempts[0].method} ${attempts[0].path}`;
    expect({ what, attempts: announced.map((record) => record.graph?.attempt) }).toEqual({
      what,
      attempts: attempts.map((_, index) => index + 1),
    });
    attempts.forEach((attempt, index) => {
      expect(Date.parse(announced[index].time)).toBeLessThanOrEqual(Date.parse(attempt.startedAt));
      const write = attempt.method !== 'GET' && attempt.path !== '/$batch';
      expect({ what, phase: announced[index].phase }).toEqual({ what, phase: write ? 'intent' : 'read' });
    });
    const outcomes = records.filter(
      (record) => record.phase === 'outcome' && record.graph?.clientRequestId === clientRequestId,
    );
    expect({ what, outcomes: outcomes.length }).toEqual({ what, outcomes: attempts.length });
  }
}

/** Nothing a person saw looks like an error dump or shows a whole phone number. */
function expectPlain(text: string): void {
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|Error\b|GraphFailure|statusCode|stack|"code"/);
  expect(text).not.toMatch(/7700 ?9\d{5}/);
}

function lastMessage(calls: readonly CapturedCall[]): string {
  const texts = calls
    .filter((call) => call.method === 'POST' && call.activity.text)
    .map((call) => call.activity.text ?? '');
  return texts[texts.length - 1] ?? '';
}

/** Priya asks for a change in one message; returns the request id from her card. */
async function ask(text: string): Promise<string> {
  const asked = await harness.say(PRIYA, text);
  expect(textOf(asked)).toMatch(askedFor());
  return findButton(asked, 'change.cancel')!.requestId as string;
}

/** Priya asks for Bob Smith's FIG6 fix (turn on SMS sign-in) from the diagnosis card; returns the request id. */
async function askBobFix(): Promise<string> {
  const diagnosis = await harness.say(PRIYA, "why can't Bob sign in?");
  const fix = findButton(diagnosis, 'change.propose');
  expect(fix).toEqual({ userId: BOB, finding: 'number-not-enabled' });
  const before = harness.connector.calls.length;
  await harness.click(PRIYA, 'change.propose', fix!);
  return findButton(harness.postsTo(HANA, before), 'change.approve')!.requestId as string;
}

interface Ended {
  request: ChangeRequest;
  /** What Priya (the manager who asked) was told in chat. */
  told: string;
  /** The approver's card (the one Hana clicked) and the requester's card, as they were last written. */
  approverCard: string;
  requesterCard: string;
  /** Everything either of them saw from the click on. */
  seen: string;
}

/** Hana approves on her card; waits until the change has ended and Priya has been told. */
async function approveAndWait(requestId: string, timeoutMs = 10_000): Promise<Ended> {
  const cards = await harness.bot.services.stores.cards.cardsOf(requestId);
  const hanaCard = cards.find(
    (card) => card.audience === 'approver' && card.reference.conversation?.id === HANA.conversationId,
  )?.activityId;
  const priyaCard = cards.find((card) => card.audience === 'requester')?.activityId;
  expect({ hanaCard, priyaCard }).toEqual({ hanaCard: expect.any(String), priyaCard: expect.any(String) });
  const before = harness.connector.calls.length;
  // As Teams does, the click names the card it came from.
  const clicked = await harness.click(HANA, 'change.approve', { requestId }, hanaCard);
  expect(JSON.stringify(clicked.body.value)).toMatch(/Approved by.*Hana Kim/);
  const request = await waitUntil(
    'the change to end',
    async () => {
      const current = await harness.bot.services.stores.changes.get(requestId);
      return current && FINAL_STATUSES.has(current.status) ? current : undefined;
    },
    timeoutMs,
  );
  const told = await waitUntil('the manager to be told', () => {
    const text = lastMessage(harness.postsTo(PRIYA, before));
    return text.startsWith(`Request ${request.number} (`) ? text : undefined;
  });
  // The click has been answered and the outcome told: every write to the cards has happened. In Teams the last
  // version written is what people see.
  const lastVersion = (activityId: string | undefined): string =>
    textOf(
      harness.connector.calls
        .slice(before)
        .filter((call) => call.method === 'PUT' && call.path.endsWith(`/activities/${activityId}`))
        .slice(-1),
    );
  const seen = textOf([...harness.postsTo(PRIYA, before), ...harness.postsTo(HANA, before)]);
  expectPlain(seen);
  return { request, told, approverCard: lastVersion(hanaCard), requesterCard: lastVersion(priyaCard), seen };
}

/** Both cards show how the change ended, with the outcome the requester was told. */
function expectCardsShowEnd(ended: Ended, status: string): void {
  for (const card of [ended.approverCard, ended.requesterCard]) {
    expect(card).toContain(`"title":"Status","value":"${status}"`);
    expect(card).toContain(JSON.stringify(ended.request.outcome).slice(1, -1));
  }
}

beforeAll(async () => {
  await harness.start();
  await harness.open(PRIYA);
  await harness.open(HANA);
  // The start-up sweep of the number index calls Graph: let it finish before faults are injected.
  await waitUntil('the start-up number index sweep', async () =>
    (await harness.bot.services.stores.numberIndex.sweepState())?.finishedAt ? true : undefined,
  );
}, 30_000);

afterAll(async () => {
  await harness.stop();
});

beforeEach(async () => {
  // The demo tenant again, no faults, throttling off and an empty request log.
  await harness.simulator.restoreSeed();
});

describe('a 429 storm while a manager asks about a worker', () => {
  it('rides out a short storm, waiting as long as Retry-After says, and gives the real answer', async () => {
    await fault({ path: '.', status: 429, retryAfter: 0.2, count: 3 });
    const reply = textOf(await harness.say(PRIYA, "why can't Bob sign in?"));
    expect(reply).toMatch(/Bob Smith can't sign in with their phone yet/);
    expect(reply).toMatch(/attached but not turned on for sign-in/);
    expectPlain(reply);

    const log = await requestLog();
    const first = log.filter((entry) => entry.clientRequestId === log[0].clientRequestId);
    expect(first.map((entry) => entry.status)).toEqual([429, 429, 429, 200]);
    for (const gap of gapsBetweenAttempts(first)) expect(gap).toBeGreaterThanOrEqual(195);
    await expectAuditedBeforeSent(log);
  });

  it('gives up after a bounded number of tries and says in one plain sentence that Microsoft 365 is busy', async () => {
    await fault({ path: '.', status: 429, retryAfter: 0.1, count: 1000 });
    const before = harness.connector.calls.length;
    await harness.say(PRIYA, "why can't Bob sign in?");
    const reply = harness.postsTo(PRIYA, before);
    expect(reply).toHaveLength(1);
    expect(textOf(reply)).toMatch(
      /^Microsoft 365 is busy right now and asked phonedesk to slow down\. Please try again in a minute\. \(Reference [0-9a-f]{8}\)$/,
    );
    expectPlain(textOf(reply));

    const log = await requestLog();
    expect(log.map((entry) => entry.status)).toEqual(Array(ATTEMPTS).fill(429));
    expect(new Set(log.map((entry) => entry.clientRequestId)).size).toBe(1);
    for (const gap of gapsBetweenAttempts(log)) expect(gap).toBeGreaterThanOrEqual(95);
    await expectAuditedBeforeSent(log);
  });

  it('does not keep the manager waiting for a Retry-After longer than its cap', async () => {
    await fault({ path: '.', status: 429, retryAfter: 120, count: 1000 });
    const started = Date.now();
    const reply = textOf(await harness.say(PRIYA, 'status of Chloe Evans'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(reply).toMatch(
      /^Microsoft 365 is busy right now and asked phonedesk to slow down\. Please try again in a minute\. \(Reference [0-9a-f]{8}\)$/,
    );
    expectPlain(reply);
    expect((await requestLog()).map((entry) => entry.status)).toEqual([429]);
  });

  it('retries only the throttled parts of the status $batch and answers', async () => {
    await fault({
      method: 'GET',
      path: `^/users/${demoUser('chloe.evans')}/authentication/phoneMethods$`,
      status: 429,
      retryAfter: 0.1,
      count: 2,
    });
    const reply = textOf(await harness.say(PRIYA, 'status of Chloe Evans'));
    expect(reply).toMatch(/Chloe Evans can sign in with their phone/);

    const log = await requestLog();
    const batches = log.filter((entry) => entry.path === '/$batch');
    expect(batches).toHaveLength(3);
    // The second and third $batch carry only the throttled phone read.
    const inner = (batch: LoggedRequest) => log.filter((entry) => entry.batchId === batch.requestId);
    expect(inner(batches[0]).length).toBeGreaterThan(5);
    expect(inner(batches[1]).map((entry) => entry.status)).toEqual([429]);
    expect(inner(batches[2]).map((entry) => entry.status)).toEqual([200]);
    await expectAuditedBeforeSent(log);
  });
});

describe("faults during the approved change's Graph write", () => {
  const ADD_JANE = 'add +44 7700 900123 for Jane Doe because new starter';
  const JANE_READY = [{ phoneType: 'mobile', phoneNumber: '+44 7700900123', smsSignIn: 'registered' }];

  it('a 429 storm on the write longer than the bound: not done, both told Microsoft 365 is busy, nothing added', async () => {
    const requestId = await ask(ADD_JANE);
    await fault({ method: 'POST', path: JANE_CREATE, status: 429, retryAfter: 0.1, count: 1000 });
    const ended = await approveAndWait(requestId);
    expect(ended.request.status).toBe('failed');
    expect(ended.told).toMatch(
      /^Request \d+ \(Add \+44 •••• ••0123 as Jane Doe's mobile number for sign-in\): Microsoft 365 is busy right now and asked phonedesk to slow down\. Please try again in a minute\.$/,
    );
    expectCardsShowEnd(ended, 'Not done');

    const log = await requestLog();
    const creates = entriesFor(log, 'POST', JANE_CREATE);
    expect(creates.map((entry) => entry.status)).toEqual(Array(ATTEMPTS).fill(429));
    for (const gap of gapsBetweenAttempts(creates)) expect(gap).toBeGreaterThanOrEqual(95);
    expect(await phonesOf(JANE)).toEqual([]);
    await expectAuditedBeforeSent(log);
  });

  it('a 429 storm on the write and on every read after it: still "busy", not "cannot tell" (429s mean Graph did nothing)', async () => {
    const requestId = await ask(ADD_JANE);
    // The fresh look before the write passes (held 0 ms); every later read of Jane's phones is throttled too.
    await fault({ method: 'GET', path: `^/users/${JANE}/authentication/phoneMethods$`, action: 'hold', holdMs: 0 });
    await fault({
      method: 'GET',
      path: `^/users/${JANE}/authentication/phoneMethods$`,
      status: 429,
      retryAfter: 0.02,
      count: 1000,
    });
    await fault({ method: 'POST', path: JANE_CREATE, status: 429, retryAfter: 0.02, count: 1000 });
    const ended = await approveAndWait(requestId);
    expect(ended.request.status).toBe('failed');
    expect(ended.told).toMatch(
      /: Microsoft 365 is busy right now and asked phonedesk to slow down\. Please try again in a minute\.$/,
    );
    expect(ended.told).not.toMatch(/cannot tell/);
    expect(await phonesOf(JANE)).toEqual([]);
  });

  it('a short 429 storm on the write is ridden out: the number is added once', async () => {
    const requestId = await ask(ADD_JANE);
    await fault({ method: 'POST', path: JANE_CREATE, status: 429, retryAfter: 0.1, count: 2 });
    const ended = await approveAndWait(requestId);
    expect(ended.request.status).toBe('succeeded');
    expect(ended.told).toMatch(/: Jane Doe can now sign in with \+44 •••• ••0123\.$/);
    expectCardsShowEnd(ended, 'Done');

    const log = await requestLog();
    expect(entriesFor(log, 'POST', JANE_CREATE).map((entry) => entry.status)).toEqual([429, 429, 201]);
    expect(await phonesOf(JANE)).toEqual(JANE_READY);
    await expectAuditedBeforeSent(log);
  });

  it('a 503 on the create: phonedesk looks before creating again, and the number is added once', async () => {
    const requestId = await ask(ADD_JANE);
    await fault({ method: 'POST', path: JANE_CREATE, status: 503 });
    const ended = await approveAndWait(requestId);
    expect(ended.request.status).toBe('succeeded');
    expectCardsShowEnd(ended, 'Done');
    expect(ended.told).toMatch(/: Jane Doe can now sign in with \+44 •••• ••0123\.$/);

    const log = await requestLog();
    const creates = entriesFor(log, 'POST', JANE_CREATE);
    expect(creates.map((entry) => entry.status)).toEqual([503, 201]);
    const looks = entriesFor(log, 'GET', `^/users/${JANE}/authentication/phoneMethods$`).filter(
      (entry) => entry.batchId === undefined,
    );
    expect(looks.some((look) => look.seq > creates[0].seq && look.seq < creates[1].seq)).toBe(true);
    expect(await phonesOf(JANE)).toEqual(JANE_READY);
    await expectAuditedBeforeSent(log);
  });

  it('504s that do not stop: not done, both told plainly that nothing was changed, nothing added', async () => {
    const requestId = await ask(ADD_JANE);
    await fault({ method: 'POST', path: JANE_CREATE, status: 504, count: 1000 });
    const ended = await approveAndWait(requestId);
    expect(ended.request.status).toBe('failed');
    expect(ended.told).toMatch(
      /: Microsoft 365 is not responding properly right now\. Nothing was changed; please try again in a few minutes\.$/,
    );
    expectCardsShowEnd(ended, 'Not done');

    const log = await requestLog();
    // A create is never sent blindly again: one look, one more try, then stop.
    expect(entriesFor(log, 'POST', JANE_CREATE).map((entry) => entry.status)).toEqual([504, 504]);
    expect(await phonesOf(JANE)).toEqual([]);
    await expectAuditedBeforeSent(log);
  });

  it('a connection reset before Graph applied the create: created once more, added once', async () => {
    const requestId = await ask(ADD_JANE);
    await fault({ method: 'POST', path: JANE_CREATE, action: 'drop' });
    const ended = await approveAndWait(requestId);
    expect(ended.request.status).toBe('succeeded');
    expectCardsShowEnd(ended, 'Done');
    expect(ended.told).toMatch(/: Jane Doe can now sign in with \+44 •••• ••0123\.$/);

    const log = await requestLog();
    expect(entriesFor(log, 'POST', JANE_CREATE).map((entry) => entry.status)).toEqual([0, 201]);
    expect(await phonesOf(JANE)).toEqual(JANE_READY);
    await expectAuditedBeforeSent(log);
  });

  it('a connection reset after Graph applied the create: phonedesk finds the number instead of adding it again', async () => {
    const requestId = await ask(ADD_JANE);
    await fault({ method: 'POST', path: JANE_CREATE, action: 'drop', hold: 'after' });
    const ended = await approveAndWait(requestId);
    expect(ended.request.status).toBe('succeeded');
    expect(ended.told).toMatch(/: Jane Doe can now sign in with \+44 •••• ••0123\.$/);
    expectCardsShowEnd(ended, 'Done');

    const log = await requestLog();
    expect(entriesFor(log, 'POST', JANE_CREATE).map((entry) => entry.status)).toEqual([0]);
    expect(await phonesOf(JANE)).toEqual(JANE_READY);
    await expectAuditedBeforeSent(log);
  });

  it('the answer to the second create is lost after Graph applied it: the manager is not told "nothing was changed"', async () => {
    const requestId = await ask(ADD_JANE);
    await fault({ method: 'POST', path: JANE_CREATE, status: 503 });
    await fault({ method: 'POST', path: JANE_CREATE, action: 'drop', hold: 'after' });
    const ended = await approveAndWait(requestId);
    const log = await requestLog();
    expect(entriesFor(log, 'POST', JANE_CREATE).map((entry) => entry.status)).toEqual([503, 0]);
    expect(await phonesOf(JANE)).toEqual(JANE_READY);
    expect(ended.request.status).toBe('succeeded');
    expectCardsShowEnd(ended, 'Done');
    expect(ended.told).toMatch(/: The change was made: Microsoft 365's answer got lost, so phonedesk checked\.$/);
    await expectAuditedBeforeSent(log);
  });

  it("a timeout (Graph holds the answer past the gateway's 10 s) after it applied the create: found, not added again", async () => {
    const requestId = await ask(ADD_JANE);
    await fault({ method: 'POST', path: JANE_CREATE, action: 'hold', hold: 'after', holdMs: 20_000 });
    const started = Date.now();
    const ended = await approveAndWait(requestId, 20_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
    expect(ended.request.status).toBe('succeeded');
    expectCardsShowEnd(ended, 'Done');
    expect(ended.told).toMatch(/: Jane Doe can now sign in with \+44 •••• ••0123\.$/);

    // Let the held request finish so that the simulator logs it.
    await harness.simulator.control('POST', 'release');
    const log = await waitUntil('the held create to be logged', async () => {
      const entries = await requestLog();
      return entriesFor(entries, 'POST', JANE_CREATE).length > 0 ? entries : undefined;
    });
    expect(entriesFor(log, 'POST', JANE_CREATE)).toHaveLength(1);
    expect(await phonesOf(JANE)).toEqual(JANE_READY);
    await expectAuditedBeforeSent(log);
  }, 30_000);

  it('503 and 504 on turning on SMS sign-in (safe to repeat) are retried, honouring Retry-After', async () => {
    const requestId = await askBobFix();
    await fault({ method: 'POST', path: BOB_ENABLE, status: 503, retryAfter: 0.2 });
    await fault({ method: 'POST', path: BOB_ENABLE, status: 504, retryAfter: 0.2 });
    const ended = await approveAndWait(requestId);
    expect(ended.request.status).toBe('succeeded');
    expectCardsShowEnd(ended, 'Done');
    expect(ended.told).toMatch(/: Bob Smith can now sign in with \+44 •••• ••0234\.$/);

    const log = await requestLog();
    const enables = entriesFor(log, 'POST', BOB_ENABLE);
    expect(enables.map((entry) => entry.status)).toEqual([503, 504, 204]);
    for (const gap of gapsBetweenAttempts(enables)) expect(gap).toBeGreaterThanOrEqual(195);
    expect((await phonesOf(BOB)).find((phone) => phone.phoneType === 'mobile')?.smsSignIn).toBe('registered');
    await expectAuditedBeforeSent(log);
  });

  it('every answer to turning on SMS sign-in is lost although Graph made the change: the manager is told it was made', async () => {
    const requestId = await askBobFix();
    await fault({ method: 'POST', path: BOB_ENABLE, action: 'drop', hold: 'after' });
    await fault({ method: 'POST', path: BOB_ENABLE, status: 503, retryAfter: 0.05, count: 1000 });
    const ended = await approveAndWait(requestId);
    const log = await requestLog();
    expect(entriesFor(log, 'POST', BOB_ENABLE).map((entry) => entry.status)).toEqual([
      0,
      ...Array(ATTEMPTS - 1).fill(503),
    ]);
    expect((await phonesOf(BOB)).find((phone) => phone.phoneType === 'mobile')?.smsSignIn).toBe('registered');
    expect(ended.request.status).toBe('succeeded');
    expectCardsShowEnd(ended, 'Done');
    expect(ended.told).toMatch(/: The change was made: Microsoft 365's answer got lost, so phonedesk checked\.$/);
    await expectAuditedBeforeSent(log);
  });

  it('the answer to turning on SMS sign-in is lost and Graph cannot be read afterwards: not "nothing was changed", but "cannot tell"', async () => {
    const requestId = await askBobFix();
    // The fresh look before the write reads Bob's phones once (held 0 ms: passed through); every later read fails.
    await fault({ method: 'GET', path: `^/users/${BOB}/authentication/phoneMethods$`, action: 'hold', holdMs: 0 });
    await fault({
      method: 'GET',
      path: `^/users/${BOB}/authentication/phoneMethods$`,
      status: 503,
      retryAfter: 0.02,
      count: 1000,
    });
    await fault({ method: 'POST', path: BOB_ENABLE, action: 'drop', hold: 'after' });
    await fault({ method: 'POST', path: BOB_ENABLE, status: 503, retryAfter: 0.05, count: 1000 });
    const ended = await approveAndWait(requestId);
    expect((await phonesOf(BOB)).find((phone) => phone.phoneType === 'mobile')?.smsSignIn).toBe('registered');
    expect(ended.request.status).toBe('failed');
    expectCardsShowEnd(ended, 'Not done');
    expect(ended.told).toMatch(
      /: Microsoft 365 did not answer properly, so phonedesk cannot tell whether the change was made\. Ask "status of Bob Smith" before asking for it again\.$/,
    );
    const log = await requestLog();
    expect(entriesFor(log, 'POST', BOB_ENABLE)).toHaveLength(ATTEMPTS);
    await expectAuditedBeforeSent(log);
  });

  it('a needed part of the fresh look before the write fails: nothing is written, not done, told plainly', async () => {
    const requestId = await ask(ADD_JANE);
    await fault({ method: 'GET', path: `^/users/${JANE}/authentication/phoneMethods$`, status: 500 });
    // The change fails at once; with a connector as slow as the real one, the click's own answer lands after the
    // result was put on the cards, and must not put "Approved, starting" back over it.
    harness.connector.updateDelayMs = 100;
    let ended: Ended;
    try {
      ended = await approveAndWait(requestId);
    } finally {
      harness.connector.updateDelayMs = 0;
    }
    expect(ended.request.status).toBe('failed');
    expectCardsShowEnd(ended, 'Not done');
    expect(ended.told).toMatch(
      /: Microsoft 365 is not responding properly right now\. Nothing was changed; please try again in a few minutes\.$/,
    );

    const log = await requestLog();
    expect(log.filter((entry) => entry.method !== 'GET' && entry.path !== '/$batch')).toEqual([]);
    expect(await phonesOf(JANE)).toEqual([]);
    await expectAuditedBeforeSent(log);
  });
});

describe('a lost phone whose sign-out gets no answer', () => {
  const CHLOE = demoUser('chloe.evans');
  const CHLOE_REVOKE = `^/users/${CHLOE}/revokeSignInSessions$`;

  it('still signs the worker out when the answer to turning SMS sign-in off is lost, and reports what Graph shows', async () => {
    const requestId = await ask('Chloe Evans lost her phone');
    const CHLOE_DISABLE = `^/users/${CHLOE}/authentication/phoneMethods/[^/]+/disableSmsSignIn$`;
    // Graph turns SMS sign-in off every time, but no answer arrives.
    await fault({ method: 'POST', path: CHLOE_DISABLE, action: 'drop', hold: 'after', count: 1000 });
    const ended = await approveAndWait(requestId);
    const log = await requestLog();
    expect(entriesFor(log, 'POST', CHLOE_REVOKE).map((entry) => entry.status)).toEqual([200]);
    expect(ended.request.status).toBe('succeeded');
    expect(ended.told).toMatch(/: The change was made: Microsoft 365's answer got lost, so phonedesk checked\.$/);
    expect((await phonesOf(CHLOE)).find((phone) => phone.phoneType === 'mobile')?.smsSignIn).toBe('disabled');
    await expectAuditedBeforeSent(log);
  });

  it('says SMS sign-in is off but the sign-out is unconfirmed, and how to make sure; never that it failed', async () => {
    const requestId = await ask('Chloe Evans lost her phone');
    // Graph signs her out every time, but no answer arrives.
    await fault({ method: 'POST', path: CHLOE_REVOKE, action: 'drop', hold: 'after', count: 1000 });
    const ended = await approveAndWait(requestId);
    expect(ended.request.status).toBe('partially-succeeded');
    expectCardsShowEnd(ended, 'Partly done');
    expect(ended.told).toMatch(
      /: Chloe Evans can no longer sign in by text message, but Microsoft 365 did not confirm signing them out everywhere\. Say "sign out Chloe Evans" to make sure\.$/,
    );
    expect(ended.told).not.toMatch(/failed/);
    expect((await phonesOf(CHLOE)).find((phone) => phone.phoneType === 'mobile')?.smsSignIn).toBe('disabled');

    const log = await requestLog();
    expect(entriesFor(log, 'POST', CHLOE_REVOKE).length).toBeGreaterThanOrEqual(1);
    await expectAuditedBeforeSent(log);
  });
});

describe('a partial $batch failure while a manager asks', () => {
  it('still answers when an optional part (the registration report) is refused', async () => {
    await fault({
      method: 'GET',
      path: '^/reports/authenticationMethods/userRegistrationDetails/',
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation. Requires AuditLog.Read.All.',
    });
    const reply = textOf(await harness.say(PRIYA, 'status of Daniel Wright'));
    expect(reply).toMatch(/Daniel Wright can sign in with their phone/);
    expectPlain(reply);
    const log = await requestLog();
    expect(log.filter((entry) => entry.path.startsWith('/reports/')).map((entry) => entry.status)).toEqual([403]);
    await expectAuditedBeforeSent(log);
  });

  it('rides out a dropped needed part (Graph answers it 504) and answers', async () => {
    await fault({
      method: 'GET',
      path: `^/users/${demoUser('chloe.evans')}/authentication/phoneMethods$`,
      action: 'drop',
    });
    const reply = textOf(await harness.say(PRIYA, 'status of Chloe Evans'));
    expect(reply).toMatch(/Chloe Evans can sign in with their phone/);
    // The simulator logs the dropped inner request as 0 and answers it in the $batch with 504.
    const phones = (await requestLog()).filter(
      (entry) => entry.path === `/users/${demoUser('chloe.evans')}/authentication/phoneMethods`,
    );
    expect(phones.map((entry) => entry.status)).toEqual([0, 200]);
  });

  it('says in one plain sentence that it could not read the worker when a needed part keeps failing, within the bound', async () => {
    await fault({
      method: 'GET',
      path: `^/users/${demoUser('chloe.evans')}/authentication/phoneMethods$`,
      status: 503,
      retryAfter: 0.05,
      count: 1000,
    });
    const before = harness.connector.calls.length;
    await harness.say(PRIYA, 'status of Chloe Evans');
    const reply = harness.postsTo(PRIYA, before);
    expect(reply).toHaveLength(1);
    expect(textOf(reply)).toMatch(
      /^Microsoft 365 is not responding properly right now\. Nothing was changed; please try again in a few minutes\. \(Reference [0-9a-f]{8}\)$/,
    );
    expectPlain(textOf(reply));
    const log = await requestLog();
    const phones = log.filter(
      (entry) => entry.path === `/users/${demoUser('chloe.evans')}/authentication/phoneMethods`,
    );
    expect(phones.map((entry) => entry.status)).toEqual(Array(ATTEMPTS).fill(503));
    await expectAuditedBeforeSent(log);
  });
});

describe('the 409 half-success: number saved, SMS sign-in refused because another account holds it', () => {
  const ADD_SAMS_NUMBER = 'add +44 7700 900456 for Jane Doe because new phone';
  const JANE_IN_CONFLICT = [{ phoneType: 'mobile', phoneNumber: '+44 7700900456', smsSignIn: 'conflict' }];
  const SAM_READY = [{ phoneType: 'mobile', phoneNumber: '+44 7700900456', smsSignIn: 'registered' }];

  beforeEach(async () => {
    // Holders phonedesk has not indexed yet (the number given to them in Entra since the last sweep): the ask
    // passes phonedesk's own check, so Graph's 409 is what tells.
    for (const alias of ['sam.okafor', 'ali.khan'])
      await harness.bot.services.stores.numberIndex.record(demoUser(alias), [], new Date());
  });

  it('tells the manager exactly what happened, ends partly done, and does not try again', async () => {
    const requestId = await ask(ADD_SAMS_NUMBER);
    const ended = await approveAndWait(requestId);
    expect(ended.request.status).toBe('partially-succeeded');
    expect(ended.told).toMatch(
      /^Request \d+ \(Add \+44 •••• ••0456 as Jane Doe's mobile number for sign-in\): \+44 •••• ••0456 was saved as Jane Doe's mobile number, but it is already used to sign in by another account, so Jane Doe can't sign in with it yet\.$/,
    );
    expectCardsShowEnd(ended, 'Partly done');
    // The holder is in another store: Priya is not told who it is.
    expect(ended.seen).not.toMatch(/Sam Okafor/);

    const log = await requestLog();
    expect(entriesFor(log, 'POST', JANE_CREATE).map((entry) => entry.status)).toEqual([409]);
    expect(await phonesOf(JANE)).toEqual(JANE_IN_CONFLICT);
    expect(await phonesOf(demoUser('sam.okafor'))).toEqual(SAM_READY);
    await expectAuditedBeforeSent(log);
    const outcome = (await auditRecords()).find(
      (record) =>
        record.phase === 'outcome' && record.requestId === requestId && record.operation === 'phoneMethods.create',
    );
    expect(outcome?.outcome).toMatchObject({ status: 409, graphCode: 'phoneNumberNotUnique' });
  });

  it('after a 503 the second create meets the 409: the half-success is still told exactly, and the number saved once', async () => {
    const requestId = await ask(ADD_SAMS_NUMBER);
    await fault({ method: 'POST', path: JANE_CREATE, status: 503 });
    const ended = await approveAndWait(requestId);
    expect(ended.request.status).toBe('partially-succeeded');
    expect(ended.told).toMatch(
      /: \+44 •••• ••0456 was saved as Jane Doe's mobile number, but it is already used to sign in by another account, so Jane Doe can't sign in with it yet\.$/,
    );
    expectCardsShowEnd(ended, 'Partly done');
    const log = await requestLog();
    expect(entriesFor(log, 'POST', JANE_CREATE).map((entry) => entry.status)).toEqual([503, 409]);
    expect(await phonesOf(JANE)).toEqual(JANE_IN_CONFLICT);
    await expectAuditedBeforeSent(log);
  });

  it('the 409 is lost after Graph saved the number: phonedesk looks instead of creating again, and tells the half-success exactly', async () => {
    const requestId = await ask(ADD_SAMS_NUMBER);
    await fault({ method: 'POST', path: JANE_CREATE, action: 'drop', hold: 'after' });
    const ended = await approveAndWait(requestId);
    expect(ended.request.status).toBe('partially-succeeded');
    expect(ended.told).toMatch(
      /: \+44 •••• ••0456 was saved as Jane Doe's mobile number, but it is already used to sign in by another account, so Jane Doe can't sign in with it yet\.$/,
    );
    expectCardsShowEnd(ended, 'Partly done');
    expect(ended.seen).not.toMatch(/Sam Okafor/);

    const log = await requestLog();
    const creates = entriesFor(log, 'POST', JANE_CREATE);
    expect(creates.map((entry) => entry.status)).toEqual([0]);
    // What it was told comes from reading Graph after the lost answer, not from the answer.
    const looks = entriesFor(log, 'GET', `^/users/${JANE}/authentication/phoneMethods$`);
    expect(looks.some((look) => look.seq > creates[0].seq && look.status === 200)).toBe(true);
    expect(await phonesOf(JANE)).toEqual(JANE_IN_CONFLICT);
    expect(await phonesOf(demoUser('sam.okafor'))).toEqual(SAM_READY);
    await expectAuditedBeforeSent(log);
  });

  it('the 409 is lost and the first look fails too: the executor checks Graph, ends partly done, and does not say "nothing was changed"', async () => {
    const requestId = await ask(ADD_SAMS_NUMBER);
    // The fresh look before the write reads Jane's phones once (held 0 ms: passed through); the create is saved
    // and its answer dropped; every try of the look after it fails; the executor's own check then reads Graph.
    await fault({ method: 'GET', path: `^/users/${JANE}/authentication/phoneMethods$`, action: 'hold', holdMs: 0 });
    await fault({ method: 'POST', path: JANE_CREATE, action: 'drop', hold: 'after' });
    await fault({
      method: 'GET',
      path: `^/users/${JANE}/authentication/phoneMethods$`,
      status: 503,
      retryAfter: 0.02,
      count: ATTEMPTS,
    });
    const ended = await approveAndWait(requestId);
    expect(ended.request.status).toBe('partially-succeeded');
    expect(ended.told).toMatch(
      /: The change was only partly made \(Microsoft 365's answer got lost, so phonedesk checked\); ask "why can't Jane Doe sign in\?" for what is left\.$/,
    );
    expect(ended.told).not.toMatch(/Nothing was changed/);
    expectCardsShowEnd(ended, 'Partly done');

    const log = await requestLog();
    const creates = entriesFor(log, 'POST', JANE_CREATE);
    expect(creates.map((entry) => entry.status)).toEqual([0]);
    const looksAfter = entriesFor(log, 'GET', `^/users/${JANE}/authentication/phoneMethods$`).filter(
      (look) => look.seq > creates[0].seq,
    );
    // Every try of the gateway's look fails; the next read is the executor's check (its sign-in snapshot $batch).
    expect(looksAfter.slice(0, ATTEMPTS + 1).map((look) => [look.status, look.batchId !== undefined])).toEqual([
      ...Array(ATTEMPTS).fill([503, false]),
      [200, true],
    ]);
    expect(await phonesOf(JANE)).toEqual(JANE_IN_CONFLICT);
    await expectAuditedBeforeSent(log);
  });
});

describe('cards when the change ends while the click is still being answered', () => {
  it('every copy of the card ends showing the result, however slow Graph and the connector are', async () => {
    const requestId = await ask('add +44 7700 900123 for Jane Doe because new starter');
    const cards = await harness.bot.services.stores.cards.cardsOf(requestId);
    const hanaCard = cards.find(
      (card) => card.audience === 'approver' && card.reference.conversation?.id === HANA.conversationId,
    )!.activityId;
    // The write takes a little longer than the click's wait for a quick change; every card write takes 600 ms.
    await fault({ method: 'POST', path: JANE_CREATE, action: 'hold', holdMs: 2300 });
    harness.connector.updateDelayMs = 600;
    const before = harness.connector.calls.length;
    try {
      await harness.click(HANA, 'change.approve', { requestId }, hanaCard);
      await waitUntil('the change to end', async () =>
        (await harness.bot.services.stores.changes.get(requestId))?.status === 'succeeded' ? true : undefined,
      );
      const lastWriteOf = (activityId: string): string =>
        textOf(
          harness.connector.calls
            .slice(before)
            .filter((call) => call.method === 'PUT' && call.path.endsWith(`/activities/${activityId}`))
            .slice(-1),
        );
      const everyCardDone = (): true | undefined =>
        cards.every((card) => lastWriteOf(card.activityId).includes('"title":"Status","value":"Done"'))
          ? true
          : undefined;
      await waitUntil('every card to show Done', async () => everyCardDone(), 10_000);
      // Nothing stale arrives later.
      const writes = harness.connector.calls.length;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(everyCardDone()).toBe(true);
      expect(
        harness.connector.calls
          .slice(writes)
          .filter((call) => call.method === 'PUT' && !textOf([call]).includes('"value":"Done"')),
      ).toEqual([]);
    } finally {
      harness.connector.updateDelayMs = 0;
    }
  });
});
