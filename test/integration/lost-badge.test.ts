// A lost or stolen badge through the change pipeline against the simulated tenant: urgent, both codes stopped and
// the worker signed out; when the sign-out fails the badge is still stopped and the outcome says what is left to do.
import type { ChangeRequest } from '../../src/changes/change-request';
import type { NewRequestInput } from '../../src/changes/change-service';
import { HANA, PRIYA, person, usePipeline } from '../helpers/pipeline';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';

const harness = new SimulatorHarness();
useSimulator(harness);
const pipeline = usePipeline(harness, { lostPhoneTtlMs: 30 * 60_000 });

const AVA = person('ava.martinez', 'Ava Martinez'); // Redmond manager

const lostBadge = (alias: string, name: string, requester = PRIYA): NewRequestInput => ({
  requester,
  kind: 'revoke-badge',
  target: { userId: demoUser(alias), displayName: name },
  reason: 'badge stolen from the staff room',
  tenantWide: false,
});

async function approveAndRun(request: ChangeRequest): Promise<ChangeRequest> {
  expect((await pipeline().service.decide(request.id, HANA, 'approve')).ok).toBe(true);
  return pipeline().executor.execute(request.id);
}

const badgeOf = (alias: string) =>
  harness.graph<{ standardQRCode: unknown; temporaryQRCode: unknown }>(
    'GET',
    `/users/${demoUser(alias)}/authentication/qrCodePinMethod`,
  );

it('expires as soon as a lost phone does, and stops the badge and the temporary code (kyle.adams, demo)', async () => {
  const request = await pipeline().service.request(lostBadge('kyle.adams', 'Kyle Adams', AVA));
  expect(Date.parse(request.expiresAt) - Date.parse(request.createdAt)).toBe(30 * 60_000);
  const done = await approveAndRun(request);
  expect(done).toMatchObject({ status: 'succeeded', outcome: expect.stringMatching(/signed out everywhere/) });
  expect((await badgeOf('kyle.adams')).body).toMatchObject({ standardQRCode: null, temporaryQRCode: null });
});

it('still stops the badge when signing out fails, and says so', async () => {
  await harness.control('POST', 'faults', {
    method: 'POST',
    path: 'revokeSignInSessions',
    status: 400,
    code: 'badRequest',
    count: 1,
  });
  const done = await approveAndRun(await pipeline().service.request(lostBadge('chloe.evans', 'Chloe Evans')));
  expect(done).toMatchObject({
    status: 'partially-succeeded',
    outcome: expect.stringMatching(/Chloe Evans's badge no longer works, but signing them out everywhere failed/),
  });
  expect((await badgeOf('chloe.evans')).body).toMatchObject({ standardQRCode: null });
});

it('signs the worker out even when the badge cannot be stopped, and says that the badge still works', async () => {
  await harness.control('POST', 'faults', {
    method: 'DELETE',
    path: 'standardQRCode',
    status: 403,
    code: 'accessDenied',
    count: 1,
  });
  const done = await approveAndRun(await pipeline().service.request(lostBadge('chloe.evans', 'Chloe Evans')));
  expect(done).toMatchObject({
    status: 'partially-succeeded',
    outcome: expect.stringMatching(/Chloe Evans was signed out everywhere, but their badge could not be stopped/),
  });
  expect((await badgeOf('chloe.evans')).body).toMatchObject({ standardQRCode: expect.any(Object) });
});
