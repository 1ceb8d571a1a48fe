// A job's write pace: a burst, then a steady rate below Graph's ceiling; a throttled write pauses the whole job for
// Graph's Retry-After and slows it, and calm brings the rate back. The clock and sleep are fakes, so every wait is
// seen and checked against what the settings say it should be.
import { JobPace, type PaceSettings } from '../../src/jobs/job-pace';

/** The fake clock starts away from 0, so nothing passes only because "now" is 0. */
const START = 1_700_000_000_000;

/** A pace over a fake watch, a fake clock and a sleep that only moves the clock. */
function paced(settings: PaceSettings, watch = { until: 0, count: 0 }) {
  const clock = { now: START };
  const sleeps: number[] = [];
  const pace = new JobPace(
    { writesPausedUntil: () => watch.until, throttledWrites: () => watch.count },
    settings,
    () => clock.now,
    async (ms) => {
      sleeps.push(ms);
      clock.now += ms;
    },
  );
  return {
    pace,
    watch,
    clock,
    /** Takes `writes` and gives back every sleep that take made. */
    async take(writes = 1): Promise<number[]> {
      const before = sleeps.length;
      await pace.take(writes);
      return sleeps.slice(before);
    },
    /** Graph throttles a write now and asks for `pauseMs`, as ThrottleWatch records it. */
    throttle(pauseMs: number): void {
      watch.count++;
      watch.until = clock.now + pauseMs;
    },
  };
}

const total = (waits: number[]): number => waits.reduce((sum, wait) => sum + wait, 0);

/** One write's wait at `rate` writes a second; take() rounds a wait up to the next whole millisecond. */
function expectSpacing(waits: number[], rate: number): void {
  const spacing = 1000 / rate;
  expect(total(waits)).toBeGreaterThanOrEqual(spacing);
  expect(total(waits)).toBeLessThan(spacing + 1);
}

describe('JobPace', () => {
  it('lets a burst go at once, then spaces writes at 1/writesPerSecond', async () => {
    const settings = { writesPerSecond: 4, burst: 3 };
    const job = paced(settings);
    const start = job.clock.now;
    for (let i = 0; i < settings.burst; i++) expect(await job.take()).toEqual([]);
    expect(job.clock.now).toBe(start);
    for (let i = 1; i <= 3; i++) {
      expectSpacing(await job.take(), settings.writesPerSecond);
      expect(job.clock.now - start).toBe((i * 1000) / settings.writesPerSecond);
    }
  });

  it('refills to the burst after a quiet spell, never beyond it', async () => {
    const settings = { writesPerSecond: 5, burst: 2 };
    const job = paced(settings);
    for (let i = 0; i < settings.burst; i++) await job.take();
    // Ten quiet seconds would be 50 writes' worth: only `burst` may still go at once.
    job.clock.now += 10_000;
    for (let i = 0; i < settings.burst; i++) expect(await job.take()).toEqual([]);
    expectSpacing(await job.take(), settings.writesPerSecond);
  });

  it('spaces a take of several writes by all of them', async () => {
    const settings = { writesPerSecond: 10, burst: 4 };
    const job = paced(settings);
    expect(await job.take(settings.burst)).toEqual([]);
    const waits = await job.take(2);
    expect(total(waits)).toBeGreaterThanOrEqual((2 * 1000) / settings.writesPerSecond);
    expect(total(waits)).toBeLessThan((2 * 1000) / settings.writesPerSecond + 1);
  });

  it("waits out Graph's pause first, then writes at 70% of the rate", async () => {
    const settings = { writesPerSecond: 10, burst: 2 };
    const job = paced(settings);
    for (let i = 0; i < settings.burst; i++) await job.take();
    expect(job.pace.currentRate()).toBe(settings.writesPerSecond);

    job.throttle(3000);
    const until = job.watch.until;
    const throttledAt = job.clock.now;
    const waits = await job.take();
    // The first sleep is the whole pause Graph asked for, and nothing is written before it ends.
    expect(waits[0]).toBe(until - throttledAt);
    expect(job.clock.now).toBeGreaterThanOrEqual(until);
    const slower = 0.7 * settings.writesPerSecond;
    expect(job.pace.currentRate()).toBeCloseTo(slower, 10);

    // Three quiet seconds refilled the bucket: the rest of the burst goes, then writes come at the slower rate.
    for (let i = 1; i < settings.burst; i++) expect(await job.take()).toEqual([]);
    for (let i = 0; i < 3; i++) expectSpacing(await job.take(), slower);
  });

  it('every further throttle slows it by 30% again, never below one write a second', async () => {
    const settings = { writesPerSecond: 2, burst: 1 };
    const job = paced(settings);
    let expected = settings.writesPerSecond;
    for (let i = 0; i < 4; i++) {
      job.throttle(500);
      await job.take();
      expected = Math.max(1, expected * 0.7);
      expect(job.pace.currentRate()).toBeCloseTo(expected, 10);
    }
    // 2 → 1.4 → 1 (not 0.98) → 1 → 1.
    expect(job.pace.currentRate()).toBe(1);
    expectSpacing(await job.take(), 1);
  });

  it('counts each throttle once, however many takes see it', async () => {
    const settings = { writesPerSecond: 10, burst: 1 };
    const job = paced(settings);
    job.throttle(100);
    await job.take();
    await job.take();
    await job.take();
    expect(job.pace.currentRate()).toBeCloseTo(0.7 * settings.writesPerSecond, 10);
  });

  it('is not slowed by throttles from before the job, but waits out a pause still in force', async () => {
    const settings = { writesPerSecond: 8, burst: 2 };
    const job = paced(settings, { count: 5, until: START + 1200 });
    const waits = await job.take();
    expect(waits).toEqual([1200]);
    expect(job.pace.currentRate()).toBe(settings.writesPerSecond);
  });

  it('steps back up by one after 15 s without a throttle, never above the setting', async () => {
    const settings = { writesPerSecond: 10.5, burst: 2 };
    const job = paced(settings);
    job.throttle(1000);
    await job.take();
    // The calm is counted from when writes resumed after Graph's pause.
    const resumed = job.clock.now;
    let expected = 0.7 * settings.writesPerSecond;
    expect(job.pace.currentRate()).toBeCloseTo(expected, 10);

    job.clock.now = resumed + 14_999;
    await job.take();
    expect(job.pace.currentRate()).toBeCloseTo(expected, 10);

    job.clock.now = resumed + 15_000;
    await job.take();
    expected += 1;
    expect(job.pace.currentRate()).toBeCloseTo(expected, 10);

    // 8.35 → 9.35 → 10.35 → 10.5 (capped) → 10.5: one step per calm spell.
    for (let step = 0; step < 4; step++) {
      job.clock.now += 15_000;
      await job.take();
      expected = Math.min(settings.writesPerSecond, expected + 1);
      expect(job.pace.currentRate()).toBeCloseTo(expected, 10);
    }
    expect(job.pace.currentRate()).toBe(settings.writesPerSecond);
  });

  it('a throttle while recovering slows it again and restarts the calm', async () => {
    const settings = { writesPerSecond: 10, burst: 2 };
    const job = paced(settings);
    job.throttle(1000);
    await job.take();
    job.clock.now += 15_000;
    await job.take();
    expect(job.pace.currentRate()).toBeCloseTo(0.7 * 10 + 1, 10);

    job.throttle(2000);
    await job.take();
    const resumed = job.clock.now;
    const slower = (0.7 * 10 + 1) * 0.7;
    expect(job.pace.currentRate()).toBeCloseTo(slower, 10);
    job.clock.now = resumed + 14_000;
    await job.take();
    expect(job.pace.currentRate()).toBeCloseTo(slower, 10);
    job.clock.now = resumed + 15_000;
    await job.take();
    expect(job.pace.currentRate()).toBeCloseTo(slower + 1, 10);
  });
});
