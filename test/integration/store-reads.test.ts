// Reading whole stores against the simulated tenant over HTTP: each worker's standing as the seed made them, in
// packed $batch requests; many stores from the registration report; a worker Graph keeps failing is "could not be
// read", never "has no badge".
import { readStores, readStoreLive } from '../../src/checks/store-overview';
import { generatedSeed } from '../../src/simulator/generated-tenant';
import type { Seed, SeedUser } from '../../src/simulator/seed';
import { testGateway } from '../helpers/gateway';
import { SimulatorHarness } from '../helpers/simulator';

// 6 stores of 10 workers: more stores than a live overview reads, so several at once come from the report.
const seed: Seed = generatedSeed(60, 10);
const simulator = new SimulatorHarness({ seed });
const units = seed.administrativeUnits!;
const store = (index: number) => ({ id: units[index]!.id, displayName: units[index]!.displayName });
const usersById = new Map(seed.users.map((user) => [user.id, user]));

/** Where the seed put the worker, by the same rules Graph applies to what it holds. */
function seededStanding(user: SeedUser): string {
  if (user.qrCodePin) return 'badge-ready';
  const mobile = user.phoneMethods?.find((method) => method.phoneType === 'mobile');
  if (!mobile) return 'no-method';
  return mobile.smsSignIn === 'notRegistered' ? 'fig6' : 'sms-only';
}

beforeAll(async () => {
  await simulator.start();
});
afterAll(async () => {
  await simulator.stop();
});
afterEach(async () => {
  await simulator.control('DELETE', 'faults');
});

it("reads one store live: every worker's standing as the tenant holds it, in a handful of $batch requests", async () => {
  const { gateway, observer } = testGateway(simulator.url);
  const overview = await readStoreLive(gateway, store(0), new Date());
  const members = units[0]!.members!;
  expect(overview.workers.map((worker) => worker.userId).sort()).toEqual([...members].sort());
  for (const worker of overview.workers)
    expect([worker.displayName, worker.standing]).toEqual([
      worker.displayName,
      seededStanding(usersById.get(worker.userId)!),
    ]);
  expect(overview.counts.fig6 + overview.counts['sms-only'] + overview.counts['badge-ready']).toBeGreaterThan(0);
  // Members, admins, policies, the QR policy's group, and 2 reads a worker packed 10 to a $batch.
  const batches = observer.intents.filter((call) => call.batch !== undefined);
  expect(batches.every((call) => call.batch!.length <= 20)).toBe(true);
  expect(observer.intents.length).toBeLessThanOrEqual(6);
});

it('reads many stores from the registration report and says so', async () => {
  const { gateway, observer } = testGateway(simulator.url);
  const stores = units.map((_, index) => store(index));
  const overview = await readStores(gateway, stores, new Date());
  expect(overview.source).toBe('report');
  expect(overview.reported).toHaveLength(units.length);
  for (const line of overview.reported) {
    const members = units.find((unit) => unit.id === line.store.id)!.members!.map((id) => usersById.get(id)!);
    expect(line).toEqual({
      store: line.store,
      workers: members.length,
      withBadge: members.filter((user) => user.qrCodePin).length,
      mobileOnly: members.filter((user) => !user.qrCodePin && (user.phoneMethods ?? []).length > 0).length,
      neither: members.filter((user) => !user.qrCodePin && (user.phoneMethods ?? []).length === 0).length,
      leftOut: 0,
    });
  }
  // No worker's methods were read one by one.
  expect(observer.intents.some((call) => /authentication\/phoneMethods/.test(JSON.stringify(call)))).toBe(false);
});

it('reads a few stores live, one store after another', async () => {
  const { gateway } = testGateway(simulator.url);
  const overview = await readStores(gateway, [store(1), store(2)], new Date());
  expect(overview.source).toBe('live');
  expect(overview.live.map((line) => line.store.displayName)).toEqual([units[1]!.displayName, units[2]!.displayName]);
  expect(overview.live.map((line) => line.workers.length)).toEqual([10, 10]);
});

it('marks a worker whose methods Graph keeps failing as not read, and reads the rest', async () => {
  const members = units[3]!.members!;
  const failing = members.find((id) => usersById.get(id)!.qrCodePin)!;
  await simulator.control('POST', 'faults', {
    path: `users/${failing}/authentication/qrCodePinMethod`,
    status: 503,
    count: 1000,
  });
  const { gateway } = testGateway(simulator.url, { retry: { maxRetries: 1, maxRetryAfterMs: 100, baseDelayMs: 5 } });
  const overview = await readStoreLive(gateway, store(3), new Date());
  const standings = new Map(overview.workers.map((worker) => [worker.userId, worker.standing]));
  expect(standings.get(failing)).toBe('unreadable');
  for (const id of members.filter((other) => other !== failing))
    expect(standings.get(id)).toBe(seededStanding(usersById.get(id)!));
});
