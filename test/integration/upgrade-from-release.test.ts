// A database written by release 0.1.0 (test/fixtures/release-0.1.0, made before change payloads became typed per
// kind) opens with today's code: its pending requests, one of each kind, read as they were asked for, can be
// approved and are carried out in Microsoft 365; the audit chain it brought along still verifies.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { changeSummary } from '../../src/cards/change-summary';
import type { ChangeRequest } from '../../src/changes/change-request';
import { DEMO_GROUPS } from '../../src/simulator/demo-tenant';
import { SqliteAuditLog } from '../../src/storage/sqlite/sqlite-audit-log';
import { DATABASE_FILE } from '../../src/storage/sqlite/sqlite-database';
import { HANA, TOMASZ, usePipeline } from '../helpers/pipeline';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';
import { signInSnapshot } from '../../src/methods/read-snapshot';

const RELEASE_DATABASE = join(__dirname, '../fixtures/release-0.1.0', DATABASE_FILE);

const harness = new SimulatorHarness();
useSimulator(harness);
const pipeline = usePipeline(harness, {
  prepare: (dataDir) => copyFileSync(RELEASE_DATABASE, join(dataDir, DATABASE_FILE)),
});

beforeEach(() => {
  // An hour after the release's requests were made, well inside their approval time.
  pipeline().clock.now = new Date('2026-11-30T10:00:00.000Z');
});

async function pendingByNumber(): Promise<Map<number, ChangeRequest>> {
  const pending = await pipeline().store.list({ statuses: ['pending'], limit: 100 });
  return new Map(pending.map((request) => [request.number, request]));
}

async function approveAndRun(request: ChangeRequest): Promise<ChangeRequest> {
  const decision = await pipeline().service.decide(request.id, request.tenantWide ? TOMASZ : HANA, 'approve');
  expect(decision).toMatchObject({ ok: true });
  return pipeline().executor.execute(request.id);
}

async function phoneMethods(
  alias: string,
): Promise<Array<{ phoneType: string; phoneNumber: string; smsSignInState: string }>> {
  return (
    await harness.graph<{ value: Array<{ phoneType: string; phoneNumber: string; smsSignInState: string }> }>(
      'GET',
      `/users/${demoUser(alias)}/authentication/phoneMethods`,
    )
  ).body.value;
}

const mobileOf = async (alias: string) => (await phoneMethods(alias)).find((method) => method.phoneType === 'mobile');

describe('a database from release 0.1.0', () => {
  it('reads every pending request as it was asked for', async () => {
    const pending = await pendingByNumber();
    expect([...pending.keys()].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(
      [...pending.values()]
        .map((request) => [request.number, changeSummary(request)])
        .sort(([a], [b]) => Number(a) - Number(b)),
    ).toEqual([
      [3, "Add +44 •••• ••0123 as Jane Doe's mobile number for sign-in"],
      [4, "Change Frank Green's mobile number to +44 •••• ••0160"],
      [5, "Remove Chloe Evans's mobile number"],
      [6, 'Turn on sign-in by text message for Bob Smith'],
      [7, 'Turn off sign-in by text message for Julia Young'],
      [8, 'Sign Mia Turner out everywhere'],
      [9, 'Lost phone: turn off sign-in by text message for Quinn Baker and sign them out everywhere'],
      [10, 'Tick "Use for sign-in" for the group "SMS for MFA only" in the SMS policy (whole organisation)'],
    ]);
    expect(pending.get(3)?.facts?.worker.stores).toEqual(['Manchester Piccadilly']);
  });

  it('carries out each pending request once approved', async () => {
    const pending = await pendingByNumber();
    const outcomes = new Map<number, ChangeRequest>();
    for (const [number, request] of pending) outcomes.set(number, await approveAndRun(request));
    for (const request of outcomes.values())
      expect({ number: request.number, status: request.status }).toEqual({
        number: request.number,
        status: 'succeeded',
      });

    expect(await mobileOf('jane.doe')).toMatchObject({ phoneNumber: '+44 7700900123', smsSignInState: 'ready' });
    expect(await mobileOf('frank.green')).toMatchObject({ phoneNumber: '+44 7700900160' });
    expect(await mobileOf('chloe.evans')).toBeUndefined();
    expect(await mobileOf('bob.smith')).toMatchObject({ smsSignInState: 'ready' });
    expect(await mobileOf('julia.young')).toMatchObject({ smsSignInState: 'notEnabled' });
    expect(await mobileOf('quinn.baker')).toMatchObject({
      phoneNumber: '+44 7700900209',
      smsSignInState: 'notEnabled',
    });
    const policy = await harness.graph<{ includeTargets: Array<{ id: string; isUsableForSignIn: boolean }> }>(
      'GET',
      '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/sms',
    );
    expect(policy.body.includeTargets.find((target) => target.id === DEMO_GROUPS.smsMfaOnly)?.isUsableForSignIn).toBe(
      true,
    );
  });

  it('still knows the lost number it was told about, and refuses to turn it back on', async () => {
    const lost = (await pendingByNumber()).get(9)!;
    await approveAndRun(lost);
    const again = pipeline().service.request(
      {
        requester: lost.requester,
        kind: 'enable-sms-sign-in',
        target: lost.target,
        reason: 'found it',
        tenantWide: false,
      },
      await signInSnapshot(pipeline().gateway, lost.target.userId),
    );
    await expect(again).rejects.toThrow(/lost/i);
  });

  it('keeps an audit chain that verifies after the upgrade and the new records', async () => {
    const pending = await pendingByNumber();
    await approveAndRun(pending.get(6)!);
    expect(await new SqliteAuditLog(pipeline().db).verify()).toMatchObject({ ok: true });
  });
});
