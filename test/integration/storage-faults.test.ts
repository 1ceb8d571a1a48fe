// Storage faults over real HTTP, with real SQLite errors on the bot's own database: a full disk (SQLITE_FULL) and
// a database another connection keeps locked past the busy timeout (SQLITE_BUSY). The person is told plainly,
// nothing is changed, no Graph write goes out without its audit record, the audit log still verifies, and
// phonedesk works again once the fault is gone.
import { once } from 'node:events';
import path from 'node:path';
import { Writable } from 'node:stream';
import { ApproverRoster } from '../../src/access/approver-roster';
import type { AuditRecord } from '../../src/audit/audit-record';
import { run as phonedesk } from '../../src/cli/main';
import type { LoggedRequest } from '../../src/simulator/request-log';
import { DATABASE_FILE } from '../../src/storage/sqlite/sqlite-database';
import { askedFor } from '../helpers/asked-card';
import { BotHarness, HANA, PRIYA, VICTOR, findButton, textOf, waitUntil, type ChatUser } from '../helpers/bot-harness';
import { startNode } from '../helpers/processes';
import { demoUser } from '../helpers/simulator';
import { DatabaseLock, DiskSpace, createDatabaseWithSmallPages } from '../helpers/storage-faults';
import { tempDir } from '../helpers/temp-dir';

const ADD_FOR_JANE = 'add +44 7700 900123 for Jane Doe because new starter';
const REFERENCE = String.raw`\(Reference [0-9a-f]{8}\)`;
const AUDIT_REFUSED = new RegExp(
  String.raw`^The audit log could not be written, so nothing was sent to Microsoft 365\. ${REFERENCE}$`,
);
const STORAGE_FULL = new RegExp(
  String.raw`^phonedesk's storage is full, so nothing was changed\. Please tell IT\. ${REFERENCE}$`,
);
const ASKED_FOR_JANE = askedFor("Add \\+44 •••• ••0123 as Jane Doe's mobile number");
const JANE_READY = /Jane Doe can now sign in with \+44 •••• ••0123/;

const data = tempDir('phonedesk-storage-faults-');
createDatabaseWithSmallPages(data.dir);
const harness = new BotHarness({ env: { DATA_DIR: data.dir } });
let disk: DiskSpace;

beforeAll(async () => {
  await harness.start();
  for (const person of [PRIYA, HANA, VICTOR]) await harness.open(person);
  disk = new DiskSpace(harness.sqlite);
}, 30000);

afterAll(async () => {
  await harness.stop();
  data.cleanup();
});

beforeEach(async () => {
  // The tenant as seeded, no faults, an empty request log.
  await harness.simulator.reset();
  // No request an earlier test left waiting: phonedesk files one open request per change, and each test asks anew.
  const store = harness.bot.services.stores.changes;
  for (const open of await store.list({ statuses: ['pending'] })) {
    await store.transition(open.id, 'pending', {
      to: 'expired',
      actor: { aadObjectId: 'phonedesk', name: 'phonedesk' },
      at: new Date(),
      outcome: 'Expired between tests.',
    });
  }
});

afterEach(() => {
  disk.free();
});

async function graphRequests(): Promise<LoggedRequest[]> {
  return (await harness.simulator.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
}

/** Graph writes, counting the requests inside a $batch but not the $batch itself. */
async function graphWrites(): Promise<LoggedRequest[]> {
  return (await graphRequests()).filter((entry) => entry.method !== 'GET' && entry.path !== '/$batch');
}

async function phoneMethodCreates(alias: string): Promise<LoggedRequest[]> {
  return (await graphWrites()).filter(
    (entry) => entry.method === 'POST' && entry.path === `/users/${demoUser(alias)}/authentication/phoneMethods`,
  );
}

/** `phonedesk audit verify --data-dir …`, run in-process on its own connection, as an operator would. */
async function auditVerify(): Promise<string> {
  let output = '';
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  const code = await phonedesk(['audit', 'verify', '--data-dir', data.dir], collect, collect);
  return `${code} ${output.trim()}`;
}

async function auditRecords(): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const record of harness.bot.services.stores.audit.read()) records.push(record);
  return records;
}

async function statusOf(requestId: string): Promise<string | undefined> {
  return (await harness.bot.services.stores.changes.get(requestId))?.status;
}

async function waitUntilDone(requestId: string): Promise<void> {
  await waitUntil(`request ${requestId} to succeed`, async () =>
    (await statusOf(requestId)) === 'succeeded' ? true : undefined,
  );
}

/** The audit record of what Graph answered to one call, written after the answer (late, when storage refused it). */
async function outcomeRecordOf(clientRequestId: string): Promise<AuditRecord | undefined> {
  return (await auditRecords()).find(
    (record) => record.phase === 'outcome' && record.graph?.clientRequestId === clientRequestId,
  );
}

/** Priya asks for a change; returns the request's id from the Cancel button on her card. */
async function ask(text: string): Promise<string> {
  const reply = await harness.say(PRIYA, text);
  const requestId = findButton(reply, 'change.cancel')?.requestId;
  if (typeof requestId !== 'string') throw new Error(`no request was made: ${textOf(reply)}`);
  return requestId;
}

async function heldAtGraph(): Promise<true | undefined> {
  return (await harness.simulator.control<{ held: number }>('GET', 'faults')).body.held > 0 ? true : undefined;
}

function postsSince(from: number): Array<{ to: ChatUser | undefined; text: string }> {
  const people = [PRIYA, HANA, VICTOR];
  return harness.connector.calls.slice(from).map((call) => ({
    to: people.find((person) => call.path.includes(encodeURIComponent(person.conversationId))),
    text: textOf([call]),
  }));
}

async function waitForPriyaToHear(pattern: RegExp, from: number): Promise<string> {
  return waitUntil(`Priya to hear ${pattern}`, () => {
    const text = textOf(harness.postsTo(PRIYA, from));
    return pattern.test(text) ? text : undefined;
  });
}

/**
 * Brings on `fault` the instant the change store's next `method` call has saved. The fault is real (SQLite's own
 * error); the spy only picks the moment. Restore it after the turn.
 */
function faultAfterNext(method: 'create' | 'transition', fault: () => void): { mockRestore(): void } {
  const store = harness.bot.services.stores.changes;
  if (method === 'create') {
    const create = store.create.bind(store);
    return jest.spyOn(store, 'create').mockImplementationOnce(async (...args) => {
      const saved = await create(...args);
      fault();
      return saved;
    });
  }
  const transition = store.transition.bind(store);
  return jest.spyOn(store, 'transition').mockImplementationOnce(async (...args) => {
    const saved = await transition(...args);
    fault();
    return saved;
  });
}

/** Priya asks for a change while `fault` holds: she alone gets the audit sentence, Graph gets nothing, no request. */
async function expectAskRefusedPlainly(fault: () => void): Promise<void> {
  const requestsBefore = (await harness.bot.services.stores.changes.list({ limit: 1000 })).length;
  fault();
  const before = harness.connector.calls.length;
  await harness.say(PRIYA, ADD_FOR_JANE);
  expect(postsSince(before)).toEqual([{ to: PRIYA, text: expect.stringMatching(AUDIT_REFUSED) }]);
  expect(await graphRequests()).toEqual([]);
  expect(await harness.bot.services.stores.changes.list({ limit: 1000 })).toHaveLength(requestsBefore);
}

describe('a full disk', () => {
  it('tells a manager asking for a change, in one sentence, that nothing was sent; no approver is asked, Graph is not called, and the same request works once there is space', async () => {
    await expectAskRefusedPlainly(() => disk.fill());

    disk.free();
    expect(await auditVerify()).toMatch(/^0 audit log OK: \d+ records, chain intact$/);
    const again = harness.connector.calls.length;
    const reply = await harness.say(PRIYA, ADD_FOR_JANE);
    expect(textOf(reply)).toMatch(ASKED_FOR_JANE);
    expect(textOf(harness.postsTo(HANA, again))).toMatch(
      /Priya Shah asks you to approve request \d+: Add \+44 •••• ••0123 as Jane Doe's mobile number/,
    );
    expect(findButton(harness.postsTo(HANA, again), 'change.approve')).toEqual({ requestId: expect.any(String) });
  });

  it('refuses an Approve click plainly and keeps the request pending; once there is space Approve works and makes the change once', async () => {
    const requestId = await ask(ADD_FOR_JANE);
    disk.fill();
    const before = harness.connector.calls.length;
    const refused = await harness.click(HANA, 'change.approve', { requestId });

    expect(refused.status).toBe(200);
    expect(refused.body.value).toEqual(expect.stringMatching(AUDIT_REFUSED));
    expect(await statusOf(requestId)).toBe('pending');
    expect(
      (await harness.bot.services.stores.changes.transitions(requestId)).map((transition) => transition.to),
    ).toEqual(['pending']);
    expect(await graphWrites()).toEqual([]);
    expect(postsSince(before)).toEqual([]);

    disk.free();
    const approved = await harness.click(HANA, 'change.approve', { requestId });
    expect(JSON.stringify(approved.body.value)).toMatch(/"text":"Approved by Hana Kim, {{DATE\(/);
    await waitForPriyaToHear(JANE_READY, before);
    expect(await statusOf(requestId)).toBe('succeeded');
    expect(await phoneMethodCreates('jane.doe')).toHaveLength(1);
    expect(await auditVerify()).toMatch(/^0 audit log OK/);
  });

  it('answers an Action.Submit Approve (channels without Universal Actions) with the same plain sentence', async () => {
    const requestId = await ask(ADD_FOR_JANE);
    disk.fill();
    const reply = await harness.say(HANA, '', { value: { verb: 'change.approve', requestId } });
    expect(textOf(reply)).toMatch(AUDIT_REFUSED);
    expect(await statusOf(requestId)).toBe('pending');
    expect(await graphWrites()).toEqual([]);
  });

  it('refuses an approval plainly when the disk fills while the approver is being checked, keeps it pending, and still records what Graph answered', async () => {
    const requestId = await ask(ADD_FOR_JANE);
    await harness.simulator.control('DELETE', 'requests');
    // Hana's groups and roles are read fresh for the decision; the disk fills while Graph holds that read.
    await harness.simulator.control('POST', 'faults', {
      path: `/users/${demoUser('hana.kim')}/transitiveMemberOf`,
      action: 'hold',
    });
    const click = harness.click(HANA, 'change.approve', { requestId });
    await waitUntil('Graph to hold the approver check', heldAtGraph);
    disk.fill();
    await harness.simulator.control('POST', 'release');
    const refused = await click;

    expect(refused.body.value).toEqual(expect.stringMatching(STORAGE_FULL));
    expect(await statusOf(requestId)).toBe('pending');
    expect(await graphWrites()).toEqual([]);
    const [heldRead] = (await graphRequests()).filter((entry) => entry.path === '/$batch');
    expect(heldRead).toBeDefined();
    // The read went out after its record; what Graph answered could not be written yet.
    const records = await auditRecords();
    expect(
      records
        .filter((record) => record.graph?.clientRequestId === heldRead.clientRequestId)
        .map((record) => record.phase),
    ).toEqual(['read']);

    disk.free();
    const approved = await harness.click(HANA, 'change.approve', { requestId });
    expect(JSON.stringify(approved.body.value)).toMatch(/"text":"Approved by Hana Kim, {{DATE\(/);
    await waitUntilDone(requestId);
    expect(await phoneMethodCreates('jane.doe')).toHaveLength(1);
    const late = await outcomeRecordOf(heldRead.clientRequestId);
    expect(late).toMatchObject({
      outcome: { status: 200, graphRequestId: heldRead.requestId },
      detail: expect.stringMatching(/^recorded late/),
    });
    expect(await auditVerify()).toMatch(/^0 audit log OK/);
  });

  it('tells the requester what happened when the disk fills while Graph makes the change, keeps the audit trail whole, and saves the result once there is space, making the change once', async () => {
    const requestId = await ask(ADD_FOR_JANE);
    await harness.simulator.control('POST', 'faults', {
      method: 'POST',
      path: String.raw`/authentication/phoneMethods$`,
      action: 'hold',
    });
    const before = harness.connector.calls.length;
    const approved = await harness.click(HANA, 'change.approve', { requestId });
    expect(JSON.stringify(approved.body.value)).toMatch(/"text":"Approved by Hana Kim, {{DATE\(/);
    await waitUntil('Graph to hold the write', heldAtGraph);
    disk.fill();
    await harness.simulator.control('POST', 'release');

    // The number was added; Priya hears so although phonedesk cannot save it yet.
    await waitForPriyaToHear(JANE_READY, before);
    const [write] = await phoneMethodCreates('jane.doe');
    expect(write).toMatchObject({ status: 201 });
    // Its answer could not be recorded, so nothing further went to Graph (the number index refresh was refused).
    expect((await graphRequests()).at(-1)).toEqual(write);
    const intent = (await auditRecords()).find((record) => record.graph?.clientRequestId === write.clientRequestId);
    expect(intent).toMatchObject({
      phase: 'intent',
      operation: 'phoneMethods.create',
      requestId,
      actor: { name: 'Hana Kim' },
    });
    expect(await auditVerify()).toMatch(/^0 audit log OK/);
    expect(await statusOf(requestId)).toBe('executing');

    disk.free();
    // The next change phonedesk makes saves the one left over first.
    const next = await ask('add +44 7700 900555 for Emma Roberts because her own phone');
    await harness.click(HANA, 'change.approve', { requestId: next });
    await waitUntilDone(next);

    const saved = await harness.bot.services.stores.changes.get(requestId);
    expect(saved).toMatchObject({ status: 'succeeded', outcome: expect.stringMatching(JANE_READY) });
    expect((await harness.bot.services.stores.changes.transitions(requestId)).at(-1)).toMatchObject({
      from: 'executing',
      to: 'succeeded',
      note: expect.stringMatching(/^saved late/),
    });
    expect(await phoneMethodCreates('jane.doe')).toHaveLength(1);
    const outcome = await outcomeRecordOf(write.clientRequestId);
    expect(outcome).toMatchObject({
      outcome: { status: 201, graphRequestId: write.requestId },
      detail: expect.stringMatching(/^recorded late/),
    });
    expect(await auditVerify()).toMatch(/^0 audit log OK/);
  });

  it('saves a cancellation and its audit record together when the disk fills right after', async () => {
    const requestId = await ask(ADD_FOR_JANE);
    // The instant the cancellation is saved.
    const spy = faultAfterNext('transition', () => disk.fill());
    try {
      const cancelled = await harness.click(PRIYA, 'change.cancel', { requestId });
      expect(JSON.stringify(cancelled.body.value)).toMatch(/"title":"Status","value":"Cancelled"/);
    } finally {
      spy.mockRestore();
    }
    expect(await statusOf(requestId)).toBe('cancelled');
    const events = (await auditRecords())
      .filter((record) => record.requestId === requestId && record.phase === 'event')
      .map((record) => record.operation);
    expect(events).toEqual(['change.requested', 'change.cancelled']);
  });
});

describe('a disk that fills the instant a request or an approval is saved', () => {
  it('runs an approval whose run could not start once there is space again, exactly once', async () => {
    const requestId = await ask(ADD_FOR_JANE);
    // The instant the approval is saved, before the run claims it.
    const spy = faultAfterNext('transition', () => disk.fill());
    try {
      await harness.click(HANA, 'change.approve', { requestId });
    } finally {
      spy.mockRestore();
    }
    expect(await statusOf(requestId)).toBe('approved');
    expect(await phoneMethodCreates('jane.doe')).toEqual([]);

    disk.free();
    // What the one-minute sweep does; a fresh approval (waiting less than a minute) is left to its own run.
    expect(await harness.bot.services.executor.runStranded(60_000)).toBe(0);
    const [first, second] = await Promise.all([
      harness.bot.services.executor.runStranded(0),
      harness.bot.services.executor.runStranded(0),
    ]);
    expect(first + second).toBe(1);
    expect(await statusOf(requestId)).toBe('succeeded');
    expect(await phoneMethodCreates('jane.doe')).toHaveLength(1);
    expect(await auditVerify()).toMatch(/^0 audit log OK/);
  });

  it('tells the manager honestly when the approvers could not be checked, and the request waits for them', async () => {
    // The approver groups must come from Graph now (not from the five-minute cache), which the full disk forbids.
    const fresh = jest.spyOn(ApproverRoster.prototype, 'current').mockImplementation(function (this: ApproverRoster) {
      return this['read']();
    });
    const spy = faultAfterNext('create', () => disk.fill());
    const before = harness.connector.calls.length;
    let requestId: string;
    try {
      requestId = await ask(ADD_FOR_JANE);
    } finally {
      spy.mockRestore();
      fresh.mockRestore();
    }
    const told = textOf(harness.postsTo(PRIYA, before));
    expect(told).toMatch(ASKED_FOR_JANE);
    expect(told).toMatch(
      /I couldn't check who may approve it just now, so nobody has been told yet\. The request waits/,
    );
    expect(harness.postsTo(HANA, before)).toEqual([]);
    expect(await statusOf(requestId)).toBe('pending');

    disk.free();
    const number = (await harness.bot.services.stores.changes.get(requestId))!.number;
    expect(textOf(await harness.say(HANA, 'pending requests'))).toContain(`"text":"#${number}"`);
  });
});

describe('a database locked by someone else for longer than the busy timeout', () => {
  let lock: DatabaseLock;
  let busyTimeout: number;

  beforeAll(() => {
    lock = new DatabaseLock(data.dir);
    // SQLite waits busy_timeout (10 s) for a lock; a shorter wait makes the same failure quicker to test.
    busyTimeout = Number(harness.sqlite.pragma('busy_timeout', { simple: true }));
    harness.sqlite.pragma('busy_timeout = 250');
  });

  afterAll(() => {
    harness.sqlite.pragma(`busy_timeout = ${busyTimeout}`);
    lock.close();
  });

  afterEach(() => {
    lock.release();
  });

  it('still tells the manager the request was made when it locks right after the request is saved, and asks the approvers it already knows', async () => {
    for (const approver of [HANA, VICTOR])
      await harness.bot.services.directory.profile({ aadObjectId: demoUser(approver.alias), name: approver.name });
    // Right after the request is saved, before its cards are.
    const spy = faultAfterNext('create', () => lock.hold());
    const before = harness.connector.calls.length;
    let requestId: string;
    try {
      requestId = await ask(ADD_FOR_JANE);
    } finally {
      spy.mockRestore();
    }
    expect(textOf(harness.postsTo(PRIYA, before))).toMatch(ASKED_FOR_JANE);
    expect(textOf(harness.postsTo(PRIYA, before))).not.toMatch(/nothing was|Sorry/);
    expect(findButton(harness.postsTo(HANA, before), 'change.approve')).toEqual({ requestId });
    expect(await statusOf(requestId)).toBe('pending');

    lock.release();
    await harness.click(HANA, 'change.approve', { requestId });
    await waitForPriyaToHear(JANE_READY, before);
    expect(await phoneMethodCreates('jane.doe')).toHaveLength(1);
  });

  it('tells a manager asking for a change, in one sentence, that nothing was sent, and the same request works once the lock is gone', async () => {
    await expectAskRefusedPlainly(() => lock.hold());

    lock.release();
    expect(textOf(await harness.say(PRIYA, ADD_FOR_JANE))).toMatch(ASKED_FOR_JANE);
    expect(await auditVerify()).toMatch(/^0 audit log OK/);
  });

  it('refuses an Approve click plainly and keeps the request pending; once the lock is gone Approve works and makes the change once', async () => {
    const requestId = await ask(ADD_FOR_JANE);
    lock.hold();
    const before = harness.connector.calls.length;
    const refused = await harness.click(HANA, 'change.approve', { requestId });

    expect(refused.body.value).toEqual(expect.stringMatching(AUDIT_REFUSED));
    expect(await statusOf(requestId)).toBe('pending');
    expect(await graphWrites()).toEqual([]);
    expect(postsSince(before)).toEqual([]);

    lock.release();
    const approved = await harness.click(HANA, 'change.approve', { requestId });
    expect(JSON.stringify(approved.body.value)).toMatch(/"text":"Approved by Hana Kim, {{DATE\(/);
    await waitForPriyaToHear(JANE_READY, before);
    expect(await phoneMethodCreates('jane.doe')).toHaveLength(1);
    expect(await auditVerify()).toMatch(/^0 audit log OK/);
  });
});

describe('a database locked by another process for less than the busy timeout', () => {
  it('only delays the answer', async () => {
    const holder = await startNode('test/fixtures/hold-database-lock.js', {}, /locked/, 5000, [
      path.join(data.dir, DATABASE_FILE),
      '2000',
    ]);
    const exited = once(holder.child, 'exit');
    let releasedAt = Number.POSITIVE_INFINITY;
    holder.child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('released')) releasedAt = Date.now();
    });
    try {
      const started = Date.now();
      const reply = await harness.say(PRIYA, ADD_FOR_JANE);
      const repliedAt = Date.now();
      expect(textOf(reply)).toMatch(ASKED_FOR_JANE);
      // Asked while the lock was held, answered after it was let go: the bot waited rather than failing.
      expect(started).toBeLessThan(releasedAt);
      expect(releasedAt).toBeLessThanOrEqual(repliedAt);
      expect(await exited).toEqual([0, null]);
    } finally {
      holder.child.kill('SIGKILL');
    }
  });
});
