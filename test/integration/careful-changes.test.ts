// What a careful helpdesk never does, enforced by the change pipeline itself (not only by cards and dialogs):
// a lost number turned back on, a number another account holds given to a worker, the same change asked twice.
import type { ChangeKind } from '../../src/methods/registry';
import type { ChangeRequest } from '../../src/changes/change-request';
import { RequestRefused, type NewRequestInput } from '../../src/changes/change-service';
import { LostNumbers } from '../../src/changes/lost-numbers';
import { signInSnapshot } from '../../src/methods/read-snapshot';
import { WorkerChecker } from '../../src/checks/worker-check';
import { NumberHolderFinder } from '../../src/number-index/number-holder-finder';
import { NumberIndexSweep } from '../../src/number-index/number-index-sweep';
import type { LoggedRequest } from '../../src/simulator/request-log';
import { SqliteNumberIndex } from '../../src/storage/sqlite/sqlite-number-index';
import { HANA, MARCUS, PRIYA, testPipeline, usePipeline } from '../helpers/pipeline';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

const harness = new SimulatorHarness();
useSimulator(harness);
const pipeline = usePipeline(harness, { approvalTtlMs: 24 * 3600_000, lostPhoneTtlMs: 30 * 60_000 });

const CHLOE = { alias: 'chloe.evans', name: 'Chloe Evans', number: '+44 7700900101' };

function ask(kind: ChangeKind, alias: string, name: string, phoneNumber?: string, requester = PRIYA): NewRequestInput {
  return {
    requester,
    kind,
    target: { userId: demoUser(alias), displayName: name },
    ...(phoneNumber && { phoneNumber }),
    reason: 'test',
    tenantWide: false,
  } as NewRequestInput;
}

async function approveAndRun(request: ChangeRequest): Promise<ChangeRequest> {
  expect((await pipeline().service.decide(request.id, HANA, 'approve')).ok).toBe(true);
  return pipeline().executor.execute(request.id);
}

async function mobileState(alias: string): Promise<string | undefined> {
  const reply = await harness.graph<{ value: Array<{ phoneType: string; smsSignInState: string }> }>(
    'GET',
    `/users/${demoUser(alias)}/authentication/phoneMethods`,
  );
  return reply.body.value.find((method) => method.phoneType === 'mobile')?.smsSignInState;
}

async function writesFor(alias: string): Promise<LoggedRequest[]> {
  const log = (await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
  return log.filter(
    (entry) => entry.method !== 'GET' && entry.path !== '/$batch' && entry.path.includes(demoUser(alias)),
  );
}

/** Chloe's phone reported lost (the number recorded, as the bot's flow does) and secured. */
async function chloeLosesHerPhone(): Promise<ChangeRequest> {
  const lost = await pipeline().service.request(ask('secure-lost-phone', CHLOE.alias, CHLOE.name, CHLOE.number));
  expect((await approveAndRun(lost)).status).toBe('succeeded');
  expect(await mobileState(CHLOE.alias)).toBe('notEnabled');
  return lost;
}

describe('a lost number is never turned back on', () => {
  it('refuses turning on SMS sign-in for it when asked, says why in plain words, and audits the refusal', async () => {
    await chloeLosesHerPhone();
    const enable = ask('enable-sms-sign-in', CHLOE.alias, CHLOE.name);
    const reason = await pipeline().service.check(enable);
    expect(reason).toMatch(
      /^\+44 •••• ••0101 was reported lost or SIM-swapped by Priya Shah on \d{4}-\d\d-\d\d \(request 1\), so phonedesk will never turn it back on/,
    );
    expect(reason).toMatch(/Add Chloe Evans's new number instead\.$/);
    await expect(pipeline().service.request(enable)).rejects.toThrow(RequestRefused);
    expect(await pipeline().store.list({ kinds: ['enable-sms-sign-in'] })).toEqual([]);
    expect(pipeline().audit.entries.map((entry) => [entry.operation, entry.detail])).toContainEqual([
      'change.refused',
      reason,
    ]);
  });

  it('refuses it again when executing a request made before the phone was lost', async () => {
    // Chloe can sign in; someone asks to turn it on "again" before the loss is reported.
    const enable = await pipeline().service.request(ask('enable-sms-sign-in', CHLOE.alias, CHLOE.name));
    await chloeLosesHerPhone();
    await harness.control('DELETE', 'requests');
    const done = await approveAndRun(enable);
    expect(done.status).toBe('failed');
    expect(done.outcome).toMatch(/was reported lost or SIM-swapped by Priya Shah/);
    expect(await writesFor(CHLOE.alias)).toEqual([]);
    expect(await mobileState(CHLOE.alias)).toBe('notEnabled');
  });

  it('refuses adding the lost number back, to her or anyone else', async () => {
    await chloeLosesHerPhone();
    expect(await pipeline().service.check(ask('replace-number', CHLOE.alias, CHLOE.name, CHLOE.number))).toMatch(
      /reported lost or SIM-swapped/,
    );
    expect(await pipeline().service.check(ask('add-number', 'jane.doe', 'Jane Doe', CHLOE.number))).toMatch(
      /reported lost or SIM-swapped.*Add Jane Doe's new number instead/,
    );
    // Her new number is fine.
    expect(
      await pipeline().service.check(ask('replace-number', CHLOE.alias, CHLOE.name, '+44 7700900199')),
    ).toBeUndefined();
  });

  it('tells the diagnosis when, after whose report, the number was turned off, and offers a new number or removal only', async () => {
    await chloeLosesHerPhone();
    const index = new SqliteNumberIndex(pipeline().db);
    const checker = new WorkerChecker(
      pipeline().gateway,
      index,
      new NumberHolderFinder(index, pipeline().gateway),
      new LostNumbers(pipeline().store),
    );
    const { diagnosis } = await checker.check(demoUser(CHLOE.alias), { canSee: async () => false });
    expect(diagnosis.findings[0]?.id).toBe('lost-number');
    expect(diagnosis.findings.map((finding) => finding.id)).not.toContain('number-not-enabled');
    const offered = diagnosis.findings
      .flatMap((finding) => [finding.proposal, ...(finding.otherProposals ?? [])])
      .map((proposal) => proposal?.kind);
    expect(offered).not.toContain('enable-sms-sign-in');
    const [finding] = diagnosis.findings;
    expect(finding!.summary).toContain(
      'was turned off for sign-in less than an hour ago after Priya Shah reported the phone lost',
    );
    expect(finding!.fix).toMatch(/signs in again once their new number is added/);
    expect([finding!.proposal, ...(finding!.otherProposals ?? [])].map((proposal) => proposal?.kind)).toEqual([
      'replace-number',
      'remove-number',
    ]);
    expect(finding!.proposal).not.toHaveProperty('phoneNumber');
  });

  it('records the number a lost-phone request turns off, and still loads old requests that stored none', async () => {
    await pipeline().store.create({
      ...ask('secure-lost-phone', 'julia.young', 'Julia Young'),
      urgent: true,
      createdAt: new Date().toISOString(),
      expiresAt: new Date().toISOString(),
    });
    const lost = new LostNumbers(pipeline().store);
    expect(await lost.ofWorker(demoUser('julia.young'))).toEqual([]);
    await chloeLosesHerPhone();
    expect(await lost.ofWorker(demoUser(CHLOE.alias))).toEqual([
      expect.objectContaining({ e164: '+447700900101', reportedBy: 'Priya Shah', requestNumber: 2 }),
    ]);
  });
});

describe('a lost phone is urgent', () => {
  it('expires after LOST_PHONE_TTL, other requests after APPROVAL_TTL', async () => {
    const lost = await pipeline().service.request(ask('secure-lost-phone', CHLOE.alias, CHLOE.name, CHLOE.number));
    const other = await pipeline().service.request(ask('enable-sms-sign-in', 'bob.smith', 'Bob Smith'));
    expect(Date.parse(lost.expiresAt) - Date.parse(lost.createdAt)).toBe(30 * 60_000);
    expect(Date.parse(other.expiresAt) - Date.parse(other.createdAt)).toBe(24 * 3600_000);
  });

  it('never waits longer than APPROVAL_TTL', async () => {
    const other = tempDir();
    const short = testPipeline(other.dir, harness.url, 3600_000, 4 * 3600_000);
    try {
      const lost = await short.service.request(ask('secure-lost-phone', CHLOE.alias, CHLOE.name, CHLOE.number));
      expect(Date.parse(lost.expiresAt) - Date.parse(lost.createdAt)).toBe(3600_000);
    } finally {
      short.db.close();
      other.cleanup();
    }
  });

  it('tells that the number stays on the account but cannot sign in', async () => {
    const lost = await pipeline().service.request(ask('secure-lost-phone', CHLOE.alias, CHLOE.name, CHLOE.number));
    expect((await approveAndRun(lost)).outcome).toMatch(
      /The number stays on their account but can't be used to sign in; add their new number when they have one\./,
    );
  });
});

describe('a number another account holds', () => {
  beforeEach(async () => {
    await new NumberIndexSweep(new SqliteNumberIndex(pipeline().db), pipeline().gateway).run();
  });

  it('is refused before anyone is asked, naming the holder only to someone who may see them', async () => {
    const forPriya = await pipeline().service.check(ask('add-number', 'jane.doe', 'Jane Doe', '+44 7700900456'));
    expect(forPriya).toBe(
      "+44 •••• ••0456 already belongs to another account, and each worker needs their own SIM: a number can sign in only one person. Use Jane Doe's own mobile number.",
    );
    const forHana = await pipeline().service.check(ask('add-number', 'jane.doe', 'Jane Doe', '+44 7700900456', HANA));
    expect(forHana).toMatch(/already belongs to Sam Okafor/);
    await expect(
      pipeline().service.request(ask('add-number', 'jane.doe', 'Jane Doe', '+44 7700900456')),
    ).rejects.toThrow(RequestRefused);
    expect(await pipeline().store.list({})).toEqual([]);
    // A number nobody holds, and the worker's own number, are fine.
    expect(await pipeline().service.check(ask('add-number', 'jane.doe', 'Jane Doe', '+44 7700900123'))).toBeUndefined();
    expect(
      await pipeline().service.check(ask('replace-number', 'julia.young', 'Julia Young', '+44 7700900106')),
    ).toBeUndefined();
  });

  it('is refused again at execution when someone took it after the request was made', async () => {
    const request = await pipeline().service.request(ask('add-number', 'jane.doe', 'Jane Doe', '+44 7700900777'));
    await harness.graph('POST', `/users/${demoUser('peter.clark')}/authentication/phoneMethods`, {
      phoneNumber: '+44 7700900777',
      phoneType: 'mobile',
    });
    await new NumberIndexSweep(new SqliteNumberIndex(pipeline().db), pipeline().gateway).run();
    await harness.control('DELETE', 'requests');
    const done = await approveAndRun(request);
    expect(done).toMatchObject({
      status: 'failed',
      outcome: expect.stringMatching(/already belongs to another account, and each worker needs their own SIM/),
    });
    expect(await writesFor('jane.doe')).toEqual([]);
  });
});

describe('one open request per worker and change', () => {
  it('does not file a second identical request, and points at the open one', async () => {
    const first = await pipeline().service.request(ask('add-number', 'jane.doe', 'Jane Doe', '+44 7700900123'));
    const again = ask('add-number', 'jane.doe', 'Jane Doe', '+447700900123');
    expect(await pipeline().service.check(again)).toBe(
      `Request ${first.number}, asked by Priya Shah, already asks for this and is still waiting for approval, so I haven't asked again.`,
    );
    await expect(pipeline().service.request({ ...again, requester: HANA })).rejects.toThrow(/already asks for this/);
    expect(await pipeline().store.list({ targetUserId: demoUser('jane.doe') })).toHaveLength(1);
    // Another number, another kind, or another worker is another request.
    expect(await pipeline().service.check(ask('add-number', 'jane.doe', 'Jane Doe', '+44 7700900124'))).toBeUndefined();
    expect(await pipeline().service.check(ask('revoke-sessions', 'jane.doe', 'Jane Doe'))).toBeUndefined();
    expect(
      await pipeline().service.check(ask('add-number', 'peter.clark', 'Peter Clark', '+44 7700900123')),
    ).toBeUndefined();
    // Once the first is no longer open, it can be asked again.
    await pipeline().service.cancel(first.id, PRIYA);
    expect(await pipeline().service.check(again)).toBeUndefined();
  });

  it('treats a second lost-phone report for the same worker as the same request', async () => {
    const first = await pipeline().service.request(ask('secure-lost-phone', CHLOE.alias, CHLOE.name, CHLOE.number));
    expect(await pipeline().service.check(ask('secure-lost-phone', CHLOE.alias, CHLOE.name))).toMatch(
      new RegExp(`^Request ${first.number}, asked by Priya Shah, already asks for this`),
    );
  });
});

describe('an admin never gets a weak sign-in, however the change is asked for', () => {
  const RACHEL = { alias: 'rachel.green', name: 'Rachel Green' }; // Helpdesk Administrator, Leeds

  it('is refused by the service itself before anything is saved, and the refusal is audited', async () => {
    const snapshot = await signInSnapshot(pipeline().gateway, demoUser(RACHEL.alias));
    const add = ask('replace-number', RACHEL.alias, RACHEL.name, '+44 7700900999', MARCUS);
    await expect(pipeline().service.request(add, snapshot)).rejects.toThrow(
      /Rachel Green holds an admin role \(Helpdesk Administrator\), and phonedesk never sets up sign-in by text message for admins/,
    );
    expect(await pipeline().store.list({ kinds: ['replace-number'] })).toEqual([]);
    expect(pipeline().audit.entries.map((entry) => entry.operation)).toContain('change.refused');
  });

  it('still lets her be signed out everywhere', async () => {
    const snapshot = await signInSnapshot(pipeline().gateway, demoUser(RACHEL.alias));
    const request = await pipeline().service.request(
      ask('revoke-sessions', RACHEL.alias, RACHEL.name, undefined, MARCUS),
      snapshot,
    );
    expect(request.status).toBe('pending');
  });
});
