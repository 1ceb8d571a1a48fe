import type { NewRequestInput } from '../../src/changes/change-service';
import type { LoggedRequest } from '../../src/simulator/request-log';
import type { Seed } from '../../src/simulator/seed';
import type { ChangeRequest } from '../../src/changes/change-request';
import { DEMO_STORES } from '../../src/simulator/demo-tenant';
import { SqliteAuditLog } from '../../src/storage/sqlite/sqlite-audit-log';
import { HANA, MARCUS, PRIYA, TOMASZ, VICTOR, testPipeline, type Pipeline } from '../helpers/pipeline';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

const harness = new SimulatorHarness();
let pipeline: Pipeline;
let temp: { dir: string; cleanup: () => void };

async function writes(): Promise<LoggedRequest[]> {
  const log = (await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
  // Inner $batch requests count; the $batch envelope itself does not.
  return log.filter((entry) => entry.method !== 'GET' && entry.path !== '/$batch');
}

async function mobileState(alias: string): Promise<string | undefined> {
  const reply = await harness.graph<{
    value: Array<{ phoneType: string; smsSignInState: string; phoneNumber: string }>;
  }>('GET', `/users/${demoUser(alias)}/authentication/phoneMethods`);
  return reply.body.value.find((method) => method.phoneType === 'mobile')?.smsSignInState;
}

function fig6For(requester = PRIYA) {
  return pipeline.service.request({
    requester,
    kind: 'enable-sms-sign-in',
    target: { userId: demoUser('bob.smith'), displayName: 'Bob Smith' },
    reason: 'Bob gets FIG6 when he signs in',
    tenantWide: false,
  });
}

useSimulator(harness);

beforeEach(async () => {
  await harness.restoreSeed();
  temp = tempDir();
  pipeline = testPipeline(temp.dir, harness.url);
});

afterEach(() => {
  pipeline.db.close();
  temp.cleanup();
});

describe('request → approval → execution', () => {
  it('fixes a FIG6 worker only after a second person approves, recording every transition', async () => {
    const request = await fig6For();
    expect(request).toMatchObject({ status: 'pending', number: 1, requester: PRIYA });
    expect(await mobileState('bob.smith')).toBe('notConfigured');

    const decision = await pipeline.service.decide(request.id, HANA, 'approve');
    expect(decision.ok).toBe(true);
    const done = await pipeline.executor.execute(request.id);
    expect(done.status).toBe('succeeded');
    expect(done.outcome).toBe('Bob Smith can now sign in with +44 •••• ••0234.');
    expect(await mobileState('bob.smith')).toBe('ready');

    const transitions = await pipeline.store.transitions(request.id);
    expect(transitions.map((transition) => [transition.from, transition.to, transition.actor.name])).toEqual([
      [null, 'pending', 'Priya Shah'],
      ['pending', 'approved', 'Hana Kim'],
      ['approved', 'executing', 'phonedesk'],
      ['executing', 'succeeded', 'phonedesk'],
    ]);
    // The request and the decision are recorded by the store, in the same transaction as the change.
    const events: string[] = [];
    for await (const record of new SqliteAuditLog(pipeline.db).read()) events.push(record.operation);
    expect(events).toEqual(['change.requested', 'change.approved']);
  });

  it('refuses illegal transitions: a pending request cannot be executed', async () => {
    const request = await fig6For();
    expect((await pipeline.executor.execute(request.id)).status).toBe('pending');
    expect(await writes()).toEqual([]);
  });

  it('rejects, and a later approval is refused with who rejected it', async () => {
    const request = await fig6For();
    expect((await pipeline.service.decide(request.id, HANA, 'reject', 'wrong worker')).ok).toBe(true);
    const late = await pipeline.service.decide(request.id, VICTOR, 'approve');
    expect(late).toMatchObject({ ok: false, reason: expect.stringMatching(/already rejected by Hana Kim/) });
    expect((await pipeline.store.get(request.id))?.outcome).toBe('Rejected by Hana Kim: wrong worker');
  });

  it('lets the requester cancel a pending request, and nobody else', async () => {
    const request = await fig6For();
    expect((await pipeline.service.cancel(request.id, MARCUS)).ok).toBe(false);
    expect((await pipeline.service.cancel(request.id, PRIYA)).ok).toBe(true);
    expect((await pipeline.service.decide(request.id, HANA, 'approve')).ok).toBe(false);
  });

  it('tells the requester a request past its deadline expired, rather than cancelling it', async () => {
    const request = await fig6For();
    pipeline.clock.now = new Date(pipeline.clock.now.getTime() + 25 * 3600_000);
    const result = await pipeline.service.cancel(request.id, PRIYA);
    expect(result).toMatchObject({
      ok: false,
      reason: `Request ${request.number} expired without a decision; ask for it again if it is still needed.`,
    });
    expect((await pipeline.store.get(request.id))?.status).toBe('expired');
  });

  it('expires a request nobody decided in time', async () => {
    const request = await fig6For();
    pipeline.clock.now = new Date(pipeline.clock.now.getTime() + 25 * 3600_000);
    const decision = await pipeline.service.decide(request.id, HANA, 'approve');
    expect(decision).toMatchObject({ ok: false, reason: expect.stringMatching(/expired/) });
    expect((await pipeline.store.get(request.id))?.status).toBe('expired');
  });

  it('expires due requests in a sweep', async () => {
    await fig6For();
    // A second, different request: the same one again would not be filed while the first is open.
    await pipeline.service.request({
      requester: PRIYA,
      kind: 'revoke-sessions',
      target: { userId: demoUser('bob.smith'), displayName: 'Bob Smith' },
      reason: 'left',
      tenantWide: false,
    });
    pipeline.clock.now = new Date(pipeline.clock.now.getTime() + 25 * 3600_000);
    expect(await pipeline.service.expireDue()).toBe(2);
  });
});

describe('separation of duties', () => {
  it('refuses self-approval, even by an approver', async () => {
    const request = await fig6For(HANA);
    const decision = await pipeline.service.decide(request.id, HANA, 'approve');
    expect(decision).toMatchObject({
      ok: false,
      reason: 'You asked for this change, so someone else has to approve or reject it.',
    });
    expect(pipeline.audit.entries.at(-1)).toMatchObject({ operation: 'change.decision.refused', actor: HANA });
  });

  it('refuses a decision from someone who is not an approver', async () => {
    const request = await fig6For();
    const decision = await pipeline.service.decide(request.id, MARCUS, 'approve');
    expect(decision).toMatchObject({ ok: false, reason: 'Only phonedesk approvers can decide change requests.' });
    expect((await pipeline.store.get(request.id))?.status).toBe('pending');
  });

  it('refuses a decision without an identity', async () => {
    const request = await fig6For();
    expect((await pipeline.service.decide(request.id, undefined, 'approve')).ok).toBe(false);
    expect((await pipeline.service.decide(request.id, { aadObjectId: '', name: 'x' }, 'approve')).ok).toBe(false);
  });

  it('needs a tenant admin for a tenant-wide change', async () => {
    const policy = await pipeline.gateway.smsPolicy();
    const mfaOnly = policy.includeTargets.find((target) => !target.isUsableForSignIn)!;
    const request = await pipeline.service.request({
      requester: HANA,
      kind: 'set-use-for-sign-in',
      target: { userId: 'tenant', displayName: 'the group "SMS for MFA only"' },
      policyTargetId: mfaOnly.id,
      useForSignIn: true,
      reason: 'Xavier cannot sign in',
      tenantWide: true,
    });
    expect(await pipeline.service.decide(request.id, VICTOR, 'approve')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/only a tenant admin/),
    });
    expect((await pipeline.service.decide(request.id, TOMASZ, 'approve')).ok).toBe(true);
    const done = await pipeline.executor.execute(request.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      outcome: '"Use for sign-in" is now ticked for the group "SMS for MFA only".',
    });
    // Now allowed; his number was added while it was not, so it still needs enabling (FIG6), as Graph does.
    expect(await mobileState('xavier.ward')).toBe('notConfigured');
  });
});

describe('exactly once', () => {
  it('accepts one decision out of many concurrent clicks', async () => {
    const request = await fig6For();
    const results = await Promise.all(
      [HANA, VICTOR, HANA, VICTOR, TOMASZ].map((actor, i) =>
        pipeline.service.decide(request.id, actor, i % 2 ? 'reject' : 'approve'),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const transitions = await pipeline.store.transitions(request.id);
    expect(transitions.filter((transition) => transition.from === 'pending')).toHaveLength(1);
  });

  it('makes one Graph write when the same approved request is executed twice at once', async () => {
    const request = await fig6For();
    await pipeline.service.decide(request.id, HANA, 'approve');
    await harness.control('DELETE', 'requests');
    const [first, second] = await Promise.all([
      pipeline.executor.execute(request.id),
      pipeline.executor.execute(request.id),
    ]);
    expect([first.status, second.status].sort()).toEqual(['executing', 'succeeded']);
    expect((await writes()).map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      `POST /users/${demoUser('bob.smith')}/authentication/phoneMethods/3179e48a-750b-4051-897c-87b9720928f7/enableSmsSignIn`,
    ]);
  });

  it('succeeds without writing when the worker is already in the desired state', async () => {
    const request = await pipeline.service.request({
      requester: PRIYA,
      kind: 'enable-sms-sign-in',
      target: { userId: demoUser('chloe.evans'), displayName: 'Chloe Evans' },
      reason: 'check',
      tenantWide: false,
    });
    await pipeline.service.decide(request.id, HANA, 'approve');
    const done = await pipeline.executor.execute(request.id);
    expect(done.status).toBe('succeeded');
    expect(done.outcome).toMatch(/already sign in.*Nothing needed changing/);
    expect(await writes()).toEqual([]);
  });
});

describe('preconditions re-checked at execution', () => {
  async function approved(
    kind: ChangeRequest['kind'],
    alias: string,
    name: string,
    phoneNumber?: string,
  ): Promise<ChangeRequest> {
    const request = await pipeline.service.request({
      requester: PRIYA,
      kind,
      target: { userId: demoUser(alias), displayName: name },
      ...(phoneNumber && { phoneNumber }),
      reason: 'test',
      tenantWide: false,
    } as NewRequestInput);
    await pipeline.service.decide(request.id, HANA, 'approve');
    return request;
  }

  async function editSeed(edit: (seed: Seed) => void): Promise<void> {
    const seed = (await harness.control<Seed>('GET', 'tenant')).body;
    edit(seed);
    expect((await harness.control('PUT', 'seed', seed)).status).toBe(204);
  }

  it('fails when the worker became an admin after approval, without writing', async () => {
    const request = await approved('enable-sms-sign-in', 'bob.smith', 'Bob Smith');
    await editSeed((seed) =>
      seed.roleAssignments.push({
        principalId: demoUser('bob.smith'),
        roleTemplateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
        directoryScopeId: '/',
      }),
    );
    const done = await pipeline.executor.execute(request.id);
    expect(done).toMatchObject({
      status: 'failed',
      outcome: expect.stringMatching(/holds an admin role.*never sets up sign-in by text message/),
    });
    expect(await writes()).toEqual([]);
  });

  it("fails when the worker moved out of the requester's store after approval", async () => {
    const request = await approved('enable-sms-sign-in', 'bob.smith', 'Bob Smith');
    await editSeed((seed) => {
      for (const unit of seed.administrativeUnits) {
        unit.members = unit.members.filter((member) => member !== demoUser('bob.smith'));
        if (unit.id === DEMO_STORES.leeds.id) unit.members.push(demoUser('bob.smith'));
      }
    });
    const done = await pipeline.executor.execute(request.id);
    expect(done).toMatchObject({
      status: 'failed',
      outcome: 'Bob Smith is no longer someone Priya Shah can make changes for, so nothing was changed.',
    });
    expect(await writes()).toEqual([]);
  });

  it('adds a number and reports the half-success when it is in use elsewhere', async () => {
    const request = await approved('add-number', 'jane.doe', 'Jane Doe', '+44 7700900456');
    const done = await pipeline.executor.execute(request.id);
    expect(done.status).toBe('partially-succeeded');
    expect(done.outcome).toMatch(
      /was saved as Jane Doe's mobile number, but it is already used to sign in by another account/,
    );
  });

  it('adds a number that becomes ready', async () => {
    const request = await approved('add-number', 'jane.doe', 'Jane Doe', '+44 7700900123');
    expect(await pipeline.executor.execute(request.id)).toMatchObject({
      status: 'succeeded',
      outcome: 'Jane Doe can now sign in with +44 •••• ••0123.',
    });
    expect(await mobileState('jane.doe')).toBe('ready');
  });

  it('refuses to remove a default MFA phone, in plain words, without sending the delete', async () => {
    const request = await approved('remove-number', 'daniel.wright', 'Daniel Wright');
    const done = await pipeline.executor.execute(request.id);
    expect(done).toMatchObject({ status: 'failed', outcome: expect.stringMatching(/default way to confirm sign-ins/) });
    expect(await writes()).toEqual([]);
  });

  it('secures a lost phone: SMS sign-in off and signed out everywhere', async () => {
    const request = await approved('secure-lost-phone', 'chloe.evans', 'Chloe Evans');
    const done = await pipeline.executor.execute(request.id);
    expect(done.status).toBe('succeeded');
    expect(await mobileState('chloe.evans')).toBe('notEnabled');
    const user = await harness.graph<{ signInSessionsValidFromDateTime: string }>(
      'GET',
      `/users/${demoUser('chloe.evans')}?$select=signInSessionsValidFromDateTime`,
    );
    expect(Date.now() - Date.parse(user.body.signInSessionsValidFromDateTime)).toBeLessThan(10_000);
  });

  it('audits the Graph calls of an execution with the approver as actor and the request id', async () => {
    const request = await approved('enable-sms-sign-in', 'bob.smith', 'Bob Smith');
    pipeline.observer.intents.length = 0;
    const done = await pipeline.executor.execute(request.id);
    expect(done.outcome).toBe('Bob Smith can now sign in with +44 •••• ••0234.');
    expect(pipeline.observer.intents.map((call) => call.operation)).toContain('phoneMethods.enableSmsSignIn');
  });
});

describe('restart', () => {
  it('executes approved requests that never started, and reconciles those left executing', async () => {
    const notStarted = await fig6For();
    await pipeline.service.decide(notStarted.id, HANA, 'approve');
    const interrupted = await pipeline.service.request({
      requester: PRIYA,
      kind: 'add-number',
      target: { userId: demoUser('jane.doe'), displayName: 'Jane Doe' },
      phoneNumber: '+44 7700900123',
      reason: 'new starter',
      tenantWide: false,
    });
    await pipeline.service.decide(interrupted.id, VICTOR, 'approve');
    // As if the process died after claiming the request and after Graph applied the write.
    await pipeline.store.transition(interrupted.id, 'approved', {
      to: 'executing',
      actor: { aadObjectId: 'phonedesk', name: 'phonedesk' },
      at: new Date(),
    });
    await harness.graph('POST', `/users/${demoUser('jane.doe')}/authentication/phoneMethods`, {
      phoneNumber: '+44 7700900123',
      phoneType: 'mobile',
    });
    await harness.control('DELETE', 'requests');

    const result = await pipeline.executor.resumeAfterRestart();
    expect(result).toEqual({ reconciled: 1, executed: 1, stillUnknown: 0 });
    expect((await pipeline.store.get(interrupted.id))?.status).toBe('succeeded');
    expect((await pipeline.store.get(notStarted.id))?.status).toBe('succeeded');
    const janeWrites = (await writes()).filter((entry) => entry.path.includes(demoUser('jane.doe')));
    expect(janeWrites).toEqual([]);
    const last = (await pipeline.store.transitions(interrupted.id)).at(-1);
    expect(last?.note).toMatch(/reconciled after a restart/);
  });

  it('marks a change that never reached Graph as failed, not applied twice', async () => {
    const request = await fig6For();
    await pipeline.service.decide(request.id, HANA, 'approve');
    await pipeline.store.transition(request.id, 'approved', {
      to: 'executing',
      actor: { aadObjectId: 'phonedesk', name: 'phonedesk' },
      at: new Date(),
    });
    await pipeline.executor.resumeAfterRestart();
    expect((await pipeline.store.get(request.id))?.status).toBe('failed');
    expect(await writes()).toEqual([]);
    expect(await mobileState('bob.smith')).toBe('notConfigured');
  });
});

describe('two processes on one data directory', () => {
  it('accept exactly one decision when two approvers decide at the same moment', async () => {
    const { DEMO_GROUPS } = await import('../../src/simulator/demo-tenant');
    const { runNode } = await import('../helpers/processes');
    const request = await fig6For();
    const startAt = String(Date.now() + 1500);
    const run = (approver: typeof HANA, decision: string) =>
      runNode(
        'test/fixtures/decide-change.js',
        [
          temp.dir,
          harness.url,
          request.id,
          approver.aadObjectId,
          approver.name,
          decision,
          DEMO_GROUPS.approvers,
          DEMO_GROUPS.tenantAdmins,
        ],
        { START_AT: startAt },
      );
    const [first, second] = await Promise.all([run(HANA, 'approve'), run(VICTOR, 'reject')]);
    const results = [first, second].map((result) => {
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as { ok: boolean; reason?: string };
    });
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)?.reason).toMatch(
      /already (approved|rejected) by (Hana Kim|Victor Osei)/,
    );
    const transitions = await pipeline.store.transitions(request.id);
    expect(transitions.filter((transition) => transition.from === 'pending')).toHaveLength(1);
  });
});
