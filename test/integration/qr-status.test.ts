// Status and diagnosis know the worker's badge: read from the simulated tenant in the worker's one $batch (badge,
// last sign-in, QR code policy) and explained beside SMS sign-in. Over real HTTP against the demo tenant.
import { diagnose } from '../../src/diagnosis/diagnose';
import { signInSnapshot } from '../../src/methods/read-snapshot';
import type { LoggedRequest } from '../../src/simulator/request-log';
import { useGateway } from '../helpers/gateway';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';

const harness = new SimulatorHarness();

useSimulator(harness);

const gateway = useGateway(harness);

const findingsOf = async (alias: string) => {
  const diagnosis = diagnose(await signInSnapshot(gateway(), demoUser(alias)), { now: new Date() });
  return diagnosis.findings.map((finding) => [finding.id, finding.severity]);
};

it('reads the badge, the last sign-in and the QR policy in the same single $batch', async () => {
  const chloe = await signInSnapshot(gateway(), demoUser('chloe.evans'));
  const log = (await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
  expect(log.filter((entry) => entry.batchId === undefined).map((entry) => entry.path)).toEqual(['/$batch']);
  expect(log.map((entry) => entry.path)).toEqual(
    expect.arrayContaining([`/users/${demoUser('chloe.evans')}/authentication/qrCodePinMethod`]),
  );
  expect(chloe.qrCodePin?.standardQRCode?.lastUsedDateTime).toBeDefined();
  expect(chloe.qrPolicy).toMatchObject({ state: 'enabled', pinLength: 8 });
  expect(chloe.lastSignIn).not.toBe('never');
});

it('tells each demo badge apart', async () => {
  // Chloe uses her badge and still has SMS sign-in: turning it off is offered.
  expect(await findingsOf('chloe.evans')).toEqual([
    ['qr-sms-still-on', 'info'],
    ['ready', 'ok'],
  ]);
  expect(await findingsOf('julia.young')).toEqual([
    ['qr-badge-never-used', 'info'],
    ['ready', 'ok'],
  ]);
  expect(await findingsOf('mia.turner')).toEqual([
    ['qr-badge-expiring', 'warning'],
    ['qr-sms-still-on', 'info'],
    ['ready', 'ok'],
  ]);
  // Uma can still sign in by SMS, so her expired badge needs attention but does not stop her.
  expect(await findingsOf('uma.reid')).toEqual([
    ['qr-badge-expired', 'warning'],
    ['ready', 'ok'],
  ]);
  // Kyle may turn on Password Administrator (eligible): an admin, whose SMS sign-in and badge are both too weak.
  expect(await findingsOf('kyle.adams')).toEqual([
    ['admin-with-sms-sign-in', 'warning'],
    ['qr-admin-badge', 'warning'],
    ['qr-sms-still-on', 'info'],
    ['qr-temporary-code', 'info'],
    ['ready', 'ok'],
  ]);
});

it('sees a new starter who has never signed in, and warns once he has a badge', async () => {
  expect((await signInSnapshot(gateway(), demoUser('peter.clark'))).lastSignIn).toBe('never');
  const issued = await harness.graph('PUT', `/users/${demoUser('peter.clark')}/authentication/qrCodePinMethod`, {
    standardQRCode: {},
    pin: { code: '35387687' },
  });
  expect(issued.status).toBe(201);
  expect(await findingsOf('peter.clark')).toEqual([['qr-first-sign-in-needed', 'blocker']]);
});

it('still reads a worker when the QR policy cannot be read', async () => {
  await harness.control('POST', 'faults', {
    method: 'GET',
    path: 'authenticationMethodConfigurations/qrCodePin',
    status: 403,
    count: 5,
  });
  const bob = await signInSnapshot(gateway(), demoUser('bob.smith'));
  expect(bob.qrPolicy).toBeUndefined();
  expect(diagnose(bob, { now: new Date() }).findings.map((finding) => finding.id)).toEqual(['number-not-enabled']);
});

it("reads a new starter's Temporary Access Pass (never its value) and shows it as their way in", async () => {
  const user = demoUser('peter.clark');
  await harness.graph('PUT', `/users/${user}/authentication/qrCodePinMethod`, {
    standardQRCode: {},
    pin: { code: '35387687' },
  });
  const created = await harness.graph<{ temporaryAccessPass: string }>(
    'POST',
    `/users/${user}/authentication/temporaryAccessPassMethods`,
    { lifetimeInMinutes: 120, isUsableOnce: true },
  );
  expect(created.status).toBe(201);
  const peter = await signInSnapshot(gateway(), user);
  expect(peter.temporaryAccessPasses).toEqual([
    expect.objectContaining({ isUsable: true, isUsableOnce: true, lifetimeInMinutes: 120 }),
  ]);
  expect(JSON.stringify(peter)).not.toContain(created.body.temporaryAccessPass);
  expect(peter.tapPolicy).toMatchObject({ state: 'enabled', maximumLifetimeInMinutes: 480 });
  const diagnosis = diagnose(peter, { now: new Date() });
  expect(diagnosis.means).toBe('their Temporary Access Pass');
  expect(diagnosis.findings.map((finding) => [finding.id, finding.severity])).toEqual([
    ['qr-first-sign-in-needed', 'warning'],
    ['ready', 'ok'],
  ]);

  // His first sign-in with the pass: the badge works from then on.
  expect((await harness.control('POST', 'sign-ins', { user, method: 'temporaryAccessPass' })).status).toBe(200);
  const after = diagnose(await signInSnapshot(gateway(), user), { now: new Date() });
  expect(after.means).toBe('their QR badge');
  expect(after.findings.map((finding) => finding.id)).toEqual(['qr-badge-never-used', 'ready']);
});
