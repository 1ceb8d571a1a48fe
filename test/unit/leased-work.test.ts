// Work one instance runs at a time: of two instances asking at once one runs it, the lease is renewed while it runs,
// given up when it ends, and a holder that stops renewing (it died) is taken over once its lease runs out.
import { LeasedWork } from '../../src/changes/leased-work';
import { MemoryLeases, type Leases } from '../../src/changes/leases';

const TTL = { ttlMs: 90 };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('runs the work on one instance of two asking at once, and lets the other run it once it is done', async () => {
  const leases = new MemoryLeases();
  const [a, b] = [new LeasedWork(leases, 'a', TTL), new LeasedWork(leases, 'b', TTL)];
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const first = a.during('job:1', async () => {
    await held;
    return 'ran on a';
  });
  await wait(5);
  expect(await b.during('job:1', async () => 'ran on b')).toBeUndefined();
  release();
  expect(await first).toBe('ran on a');
  expect(await b.during('job:1', async () => 'ran on b')).toBe('ran on b');
});

it('never runs the same work twice at once on one instance', async () => {
  const work = new LeasedWork(new MemoryLeases(), 'a', TTL);
  let release!: () => void;
  const first = work.during('sweep', () => new Promise<string>((resolve) => (release = () => resolve('first'))));
  await wait(5);
  expect(work.runs('sweep')).toBe(true);
  expect(await work.during('sweep', async () => 'second')).toBeUndefined();
  release();
  expect(await first).toBe('first');
  expect(work.runs('sweep')).toBe(false);
});

it('keeps the lease while long work runs, past its time to live', async () => {
  const leases = new MemoryLeases();
  const [a, b] = [new LeasedWork(leases, 'a', TTL), new LeasedWork(leases, 'b', TTL)];
  const long = a.during('job:2', async (lost) => {
    await wait(TTL.ttlMs * 3);
    return lost.aborted;
  });
  await wait(TTL.ttlMs * 2);
  expect(await b.during('job:2', async () => 'taken')).toBeUndefined();
  expect(await long).toBe(false);
});

it('takes over from a holder that stopped renewing, and tells the old holder it lost the lease', async () => {
  const shared = new MemoryLeases();
  // Instance a's renewals stop reaching the store (it hangs, or its storage is gone): b takes the work over.
  let reachable = true;
  const flaky: Leases = {
    acquire: (...args) => (reachable ? shared.acquire(...args) : Promise.reject(new Error('unreachable'))),
    release: (...args) => shared.release(...args),
  };
  const [a, b] = [new LeasedWork(flaky, 'a', TTL), new LeasedWork(shared, 'b', TTL)];
  let sawLost = false;
  const hung = a.during('execution:7', async (lost) => {
    reachable = false;
    await new Promise((resolve) => lost.addEventListener('abort', resolve));
    sawLost = lost.aborted;
  });
  await wait(TTL.ttlMs + 40);
  expect(await b.during('execution:7', async () => 'b reconciled it')).toBe('b reconciled it');
  await hung;
  expect(sawLost).toBe(true);
});
