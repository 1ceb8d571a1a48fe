// Contract tests for Graph's identity-and-access throttling as the simulator models it (docs/graph-facts.md §10).
// Limits are tiny and time runs fast, so no test waits long.
import { SimulatorHarness, demoUser, type GraphReply, useSimulator } from '../../helpers/simulator';

interface ErrorEnvelope {
  error: { code: string; message: string; innerError: Record<string, string> };
}

const harness = new SimulatorHarness();

useSimulator(harness, { resetBeforeEach: true });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function throttle(settings: Record<string, unknown>): Promise<void> {
  const reply = await harness.control('PUT', 'throttle', settings);
  expect(reply.status).toBe(204);
}

const get = (path: string, headers?: Record<string, string>): Promise<GraphReply> =>
  harness.graph('GET', path, undefined, headers);
const revoke = (alias: string): Promise<GraphReply> =>
  harness.graph('POST', `/users/${demoUser(alias)}/revokeSignInSessions`);

/** A 429 (docs/graph-facts.md §10): whole-second Retry-After (at least 1), scope and information headers, envelope. */
function expectThrottled(reply: GraphReply): void {
  expect(reply.status).toBe(429);
  const retryAfter = reply.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(reply.headers.get('x-ms-throttle-scope')).toEqual(expect.any(String));
  expect(reply.headers.get('x-ms-throttle-scope')).not.toBe('');
  expect(reply.headers.get('x-ms-throttle-information')).toEqual(expect.any(String));
  expect(reply.headers.get('x-ms-throttle-information')).not.toBe('');
  expect(reply.headers.get('request-id')).toEqual(expect.any(String));
  const body = reply.body as unknown as ErrorEnvelope;
  expect(typeof body.error.code).toBe('string');
  expect(body.error.innerError['request-id']).toBe(reply.headers.get('request-id'));
}

describe('throttling off (default)', () => {
  it('never answers 429 by default, even for many requests in a burst (docs/graph-facts.md §10 limits apply only when enabled)', async () => {
    const replies = await Promise.all(Array.from({ length: 150 }, () => get('/users')));
    expect(replies.map((reply) => reply.status).filter((status) => status !== 200)).toEqual([]);
    const writes = await Promise.all(Array.from({ length: 20 }, () => revoke('bob.smith')));
    expect(writes.every((reply) => reply.status === 200)).toBe(true);
    const settings = await harness.control<{ enabled: boolean }>('GET', 'throttle');
    expect(settings.body.enabled).toBe(false);
  });
});

describe('resource units (docs/graph-facts.md §10)', () => {
  // docs/graph-facts.md §10: "on 429, x-ms-throttle-scope and x-ms-throttle-information", and Retry-After.
  it('answers 429 with Retry-After, x-ms-throttle-scope and x-ms-throttle-information once the units run out (docs/graph-facts.md §10)', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 3 });
    const first = await get('/users');
    expect(first.status).toBe(200);
    const second = await get('/users');
    expectThrottled(second);
    expect(second.headers.get('x-ms-throttle-information')).toMatch(/ResourceUnit/i);
    expect(second.headers.get('x-ms-throttle-scope')).toMatch(/Read/);
  });

  // docs/graph-facts.md §11 lists `activityLimitReached` for throttling; docs/simulator.md says why it wins over the
  // generic "TooManyRequests" sample in Graph's throttling guidance.
  it('answers a throttled request with error.code activityLimitReached (docs/graph-facts.md §11)', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 2 });
    expect((await get('/users')).status).toBe(200);
    const throttled = await get('/users');
    expectThrottled(throttled);
    expect((throttled.body as unknown as ErrorEnvelope).error.code).toBe('activityLimitReached');
  });

  it('refuses the next request while throttled, not just one (docs/graph-facts.md §10)', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 2 });
    expect((await get('/users')).status).toBe(200);
    for (let i = 0; i < 3; i++) expectThrottled(await get('/users'));
  });

  // docs/graph-facts.md §10: "GET users costs 2; $select costs −1, $expand +1, $top below 20 −1"; "x-ms-resource-unit".
  it.each([
    ['/users', '2'],
    ['/users?$select=id,displayName', '1'],
    ['/users?$top=5', '1'],
    ['/users?$top=19', '1'],
    ['/users?$top=20', '2'],
    ['/users?$top=5&$select=id', '1'],
    [`/users/${demoUser('bob.smith')}/authentication/phoneMethods`, '1'],
    ['/directory/administrativeUnits', '1'],
  ])('reports x-ms-resource-unit for GET %s as %s (docs/graph-facts.md §10 request costs)', async (path, cost) => {
    const reply = await get(path);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-ms-resource-unit')).toBe(cost);
  });

  it('reports x-ms-resource-unit 1 for a write (docs/graph-facts.md §10 "base cost 1")', async () => {
    const reply = await revoke('bob.smith');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-ms-resource-unit')).toBe('1');
  });

  // docs/graph-facts.md §10: the bucket is of resource units, so cheaper requests fit more often.
  it('takes each request cost from the bucket: 4 units allow two GET /users but four with $select (docs/graph-facts.md §10)', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 4 });
    expect((await get('/users')).status).toBe(200);
    expect((await get('/users')).status).toBe(200);
    expectThrottled(await get('/users'));

    await throttle({ enabled: true, resourceUnitsPer10s: 4 });
    for (let i = 0; i < 4; i++) expect((await get('/users?$select=id')).status).toBe(200);
    expectThrottled(await get('/users?$select=id'));
  });

  // docs/graph-facts.md §10: "x-ms-throttle-limit-percentage (returned from 0.8 of the limit)".
  it('adds x-ms-throttle-limit-percentage near the limit and not before (docs/graph-facts.md §10)', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 10 });
    const percentages: Array<string | null> = [];
    for (let i = 0; i < 9; i++) {
      const reply = await get('/users?$select=id');
      expect(reply.status).toBe(200);
      percentages.push(reply.headers.get('x-ms-throttle-limit-percentage'));
    }
    // At 10%–50% of the limit there is no header; by 90% there is one, with a value of at least 0.8.
    expect(percentages.slice(0, 5)).toEqual([null, null, null, null, null]);
    const last = percentages[8];
    expect(last).not.toBeNull();
    expect(Number(last)).toBeGreaterThanOrEqual(0.8);
    expect(Number(last)).toBeLessThanOrEqual(1);
  });

  it('does not add x-ms-throttle-limit-percentage far from the limit (docs/graph-facts.md §10)', async () => {
    await throttle({ enabled: true });
    const reply = await get('/users');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-ms-throttle-limit-percentage')).toBeNull();
  });
});

describe('writes (docs/graph-facts.md §10 "3,000 per 2 min 30 s")', () => {
  // docs/graph-facts.md §10: "POST, PATCH and DELETE each cost 1 write" against the write limit.
  it('limits writes by the write bucket while reads still pass (docs/graph-facts.md §10)', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 100_000, writesPer150s: 2 });
    expect((await revoke('bob.smith')).status).toBe(200);
    expect((await revoke('chloe.evans')).status).toBe(200);
    const third = await revoke('jane.doe');
    expectThrottled(third);
    expect(third.headers.get('x-ms-throttle-information')).toMatch(/Write/i);
    expect(third.headers.get('x-ms-throttle-scope')).toMatch(/ReadWrite/);
    // Reads are not writes.
    expect((await get('/users')).status).toBe(200);
  });

  it('does not apply a throttled write (docs/graph-facts.md §10)', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 100_000, writesPer150s: 1 });
    expect((await revoke('bob.smith')).status).toBe(200);
    const before = await get(`/users/${demoUser('jane.doe')}?$select=signInSessionsValidFromDateTime`);
    expectThrottled(await revoke('jane.doe'));
    const after = await get(`/users/${demoUser('jane.doe')}?$select=signInSessionsValidFromDateTime`);
    expect(after.body.signInSessionsValidFromDateTime).toBe(before.body.signInSessionsValidFromDateTime);
  });

  it('refills the write bucket with time, fast with a large timeScale (docs/graph-facts.md §10)', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 100_000, writesPer150s: 1, timeScale: 1000 });
    // 150 s / 1000 = 150 ms for a full refill of one write.
    const burst = await Promise.all([revoke('bob.smith'), revoke('chloe.evans'), revoke('jane.doe')]);
    expect(burst.some((reply) => reply.status === 429)).toBe(true);
    await sleep(250);
    expect((await revoke('bob.smith')).status).toBe(200);
  });
});

describe('refill and Retry-After (docs/graph-facts.md §10)', () => {
  // docs/graph-facts.md §10: "wait for Retry-After seconds and retry" — with timeScale the wait is short.
  it('lets a retry succeed after a short wait when time runs fast (docs/graph-facts.md §10)', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 2, timeScale: 100 });
    // A 10 s window lasts 100 ms: a burst overruns it, a retry after 150 ms fits.
    const burst = await Promise.all(Array.from({ length: 5 }, () => get('/users')));
    const throttled = burst.filter((reply) => reply.status === 429);
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    for (const reply of throttled) expectThrottled(reply);
    await sleep(150);
    const retry = await get('/users');
    expect(retry.status).toBe(200);
  });

  it('keeps a slow bucket empty: without timeScale the retry too soon is still throttled (docs/graph-facts.md §10)', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 2 });
    expect((await get('/users')).status).toBe(200);
    await sleep(150);
    const retry = await get('/users');
    expectThrottled(retry);
    // 2 units per 10 s: a whole GET /users needs several seconds more.
    expect(Number(retry.headers.get('retry-after'))).toBeGreaterThanOrEqual(4);
  });

  it('is off again after /_sim/reset', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 2 });
    expect((await get('/users')).status).toBe(200);
    expectThrottled(await get('/users'));
    await harness.reset();
    const replies = await Promise.all(Array.from({ length: 10 }, () => get('/users')));
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
  });

  it('restores the default limits on /_sim/reset, not the last ones set', async () => {
    const defaults = (await harness.control<Record<string, unknown>>('GET', 'throttle')).body;
    await throttle({ enabled: true, resourceUnitsPer10s: 2, writesPer150s: 1, timeScale: 50, tenantSize: 'L' });
    await harness.reset();
    expect((await harness.control<Record<string, unknown>>('GET', 'throttle')).body).toEqual(defaults);
    // Turning throttling back on after a reset uses the default (demo tenant: small) limits again.
    await throttle({ enabled: true });
    const replies = await Promise.all(Array.from({ length: 10 }, () => get('/users')));
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
  });

  it('refuses invalid throttle settings with 400', async () => {
    expect((await harness.control('PUT', 'throttle', { resourceUnitsPer10s: 0 })).status).toBe(400);
    expect((await harness.control('PUT', 'throttle', { timeScale: -1 })).status).toBe(400);
    expect((await harness.control('PUT', 'throttle', { tenantSize: 'XL' })).status).toBe(400);
    expect((await harness.control('PUT', 'throttle', [1])).status).toBe(400);
  });
});

describe('a request dearer than the whole bucket (docs/graph-facts.md §10)', () => {
  // Real buckets (≥ 3,500 units) dwarf any request cost (≤ 5), so only test-sized limits meet this. A request
  // costing more than the bucket holds runs once the bucket is full (docs/simulator.md), so docs/graph-facts.md §10's
  // "wait for Retry-After seconds and retry" always ends in an answer.
  it('runs GET /users (2 units) against a full 1-unit bucket instead of refusing it for ever (docs/graph-facts.md §10)', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 1 });
    const reply = await get('/users');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-ms-resource-unit')).toBe('2');
  });

  it('then gives a Retry-After that is the time until the bucket is full again (docs/graph-facts.md §10)', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 1 });
    expect((await get('/users')).status).toBe(200);
    const throttled = await get('/users');
    expectThrottled(throttled);
    // The 2 units taken leave the 1-unit bucket 1 in debt: 2 units at 1 per 10 s is 20 s, not less.
    expect(Number(throttled.headers.get('retry-after'))).toBe(20);
  });

  it('lets the retry succeed after exactly the Retry-After it was given (docs/graph-facts.md §10)', async () => {
    // timeScale 20: the 1-unit bucket refills in 0.5 s, so the wait for a full bucket again is 1 s.
    await throttle({ enabled: true, resourceUnitsPer10s: 1, timeScale: 20 });
    expect((await get('/users')).status).toBe(200);
    const throttled = await get('/users');
    expectThrottled(throttled);
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(retryAfter).toBe(1);
    await sleep(retryAfter * 1000 + 20);
    expect((await get('/users')).status).toBe(200);
  });
});

describe('x-ms-resource-unit on error answers (docs/graph-facts.md §10 response headers)', () => {
  const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';

  // docs/graph-facts.md §10 calls x-ms-resource-unit a response header, not a success one: a refused request was still
  // evaluated and costed, so routes' errors carry it as successes do.
  it.each([
    ['GET', `/users/${UNKNOWN_ID}`, 404, '2'],
    ['GET', '/groups?$select=favouriteColour', 400, '1'],
    ['GET', `/users/${demoUser('bob.smith')}/authentication/phoneMethods/not-a-method`, 404, '1'],
    ['POST', `/users/${UNKNOWN_ID}/revokeSignInSessions`, 404, '1'],
  ])('%s %s answers %i with x-ms-resource-unit %s', async (method, path, status, cost) => {
    const reply = await harness.graph(method, path);
    expect(reply.status).toBe(status);
    expect(reply.headers.get('x-ms-resource-unit')).toBe(cost);
  });

  it('carries it on a 409 phoneNumberNotUnique, whose write was applied (docs/graph-facts.md §2.4, §10)', async () => {
    const reply = await harness.graph('POST', `/users/${demoUser('jane.doe')}/authentication/phoneMethods`, {
      phoneNumber: '+44 7700900456',
      phoneType: 'mobile',
    });
    expect(reply.status).toBe(409);
    expect(reply.headers.get('x-ms-resource-unit')).toBe('1');
  });

  it('carries x-ms-throttle-limit-percentage on an error answer near the limit (docs/graph-facts.md §10)', async () => {
    await throttle({ enabled: true, resourceUnitsPer10s: 10 });
    for (let i = 0; i < 8; i++) expect((await get('/users?$select=id')).status).toBe(200);
    const reply = await get(`/users/${UNKNOWN_ID}?$select=id`);
    expect(reply.status).toBe(404);
    expect(reply.headers.get('x-ms-resource-unit')).toBe('1');
    expect(Number(reply.headers.get('x-ms-throttle-limit-percentage'))).toBeGreaterThanOrEqual(0.8);
  });
});
