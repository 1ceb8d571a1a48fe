// Contract tests for the simulator's own control API under /_sim/ (simulator design, not Graph):
// reset, seeds, latency, injected faults, held and dropped requests, random failures, the request log.
import { demoSeed } from '../../../src/simulator/demo-tenant';
import { DEMO_GROUPS } from '../../../src/simulator/demo-ids';
import type { LoggedRequest } from '../../../src/simulator/request-log';
import type { Seed } from '../../../src/simulator/seed';
import {
  SimulatorHarness,
  ALTERNATE_MOBILE,
  MOBILE,
  demoUser,
  type GraphReply,
  useSimulator,
} from '../../helpers/simulator';

type Json = Record<string, unknown>;

interface ErrorEnvelope {
  error: { code: string; message: string; innerError: Record<string, string> };
}

const SEED_EPOCH = '2026-01-01T00:00:00Z';

const SMALL_SEED: Seed = {
  tenant: { id: '7e1a0000-0000-4000-8000-000000000001', displayName: 'Tiny Test Tenant', domain: 'tiny.example' },
  users: [
    {
      id: '7e1a0000-0000-4000-8000-0000000000a1',
      userPrincipalName: 'ann@tiny.example',
      displayName: 'Ann Tiny',
      accountEnabled: true,
      userType: 'Member',
      licenses: ['SPE_F1'],
      phoneMethods: [{ phoneType: 'mobile', phoneNumber: '+44 7700900999' }],
    },
    {
      id: '7e1a0000-0000-4000-8000-0000000000a2',
      userPrincipalName: 'ben@tiny.example',
      displayName: 'Ben Tiny',
      accountEnabled: true,
      userType: 'Member',
      licenses: [],
      manager: '7e1a0000-0000-4000-8000-0000000000a1',
    },
  ],
  groups: [],
  administrativeUnits: [],
  roleAssignments: [],
  smsPolicy: {
    state: 'enabled',
    includeTargets: [{ targetType: 'group', id: 'all_users', isUsableForSignIn: true }],
    excludeTargets: [],
  },
};

const harness = new SimulatorHarness();
const DEMO_USER_COUNT = demoSeed().users.length;

useSimulator(harness, { resetBeforeEach: true });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const sessionsValidFrom = async (alias: string): Promise<unknown> =>
  (await harness.graph('GET', `/users/${demoUser(alias)}?$select=signInSessionsValidFromDateTime`)).body
    .signInSessionsValidFromDateTime;

async function userCount(): Promise<number> {
  const reply = await harness.graph<{ value: Json[] }>('GET', '/users?$select=id&$top=999');
  expect(reply.status).toBe(200);
  return reply.body.value.length;
}

async function requestLog(): Promise<LoggedRequest[]> {
  const reply = await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests');
  expect(reply.status).toBe(200);
  return reply.body.requests;
}

async function addFault(rule: Json): Promise<{ id: string }> {
  const reply = await harness.control<{ id: string }>('POST', 'faults', rule);
  expect(reply.status).toBe(201);
  expect(reply.body.id).toEqual(expect.any(String));
  return reply.body;
}

/** Waits (briefly) until the simulator holds `count` requests. */
async function waitForHeld(count: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const reply = await harness.control<{ held: number }>('GET', 'faults');
    if (reply.body.held === count) return;
    await sleep(5);
  }
  throw new Error(`the simulator never held ${count} request(s)`);
}

/** Whether a promise is still pending after the event loop had a chance to settle it. */
async function isPending(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  const winner = await Promise.race([
    promise.then(
      () => 'settled',
      () => 'settled',
    ),
    sleep(50).then(() => marker),
  ]);
  return winner === marker;
}

describe('POST /_sim/reset', () => {
  it('restores the seed: a revoke, a phone change and a deletion are gone after reset', async () => {
    expect(await sessionsValidFrom('bob.smith')).toBe(SEED_EPOCH);
    expect((await harness.graph('POST', `/users/${demoUser('bob.smith')}/revokeSignInSessions`)).status).toBe(200);
    expect(await sessionsValidFrom('bob.smith')).not.toBe(SEED_EPOCH);
    expect(
      (
        await harness.graph(
          'DELETE',
          `/users/${demoUser('frank.green')}/authentication/phoneMethods/${ALTERNATE_MOBILE}`,
        )
      ).status,
    ).toBe(204);
    expect(
      (
        await harness.graph('PATCH', `/users/${demoUser('chloe.evans')}/authentication/phoneMethods/${MOBILE}`, {
          phoneNumber: '+44 7700900777',
        })
      ).status,
    ).toBe(204);

    const reset = await harness.control('POST', 'reset');
    expect(reset.status).toBe(204);

    expect(await sessionsValidFrom('bob.smith')).toBe(SEED_EPOCH);
    const frank = await harness.graph<{ value: Json[] }>(
      'GET',
      `/users/${demoUser('frank.green')}/authentication/phoneMethods`,
    );
    expect(frank.body.value.map((method) => method.id).sort()).toEqual([MOBILE, ALTERNATE_MOBILE].sort());
    const chloe = await harness.graph('GET', `/users/${demoUser('chloe.evans')}/authentication/phoneMethods/${MOBILE}`);
    expect(chloe.body.phoneNumber).toBe('+44 7700900101');
  });

  it('also clears faults, latency, random failures and the request log', async () => {
    await addFault({ path: '^/users', status: 500, count: 100 });
    await harness.control('PUT', 'latency', { fixedMs: 500 });
    await harness.control('PUT', 'random-failures', { rate: 1 });
    await harness.reset();
    expect(await requestLog()).toEqual([]);
    const started = Date.now();
    const reply = await harness.graph('GET', '/users?$top=1');
    expect(reply.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(400);
    expect((await harness.control<{ faults: unknown[] }>('GET', 'faults')).body.faults).toEqual([]);
  });
});

describe('PUT /_sim/seed', () => {
  afterEach(async () => {
    expect((await harness.control('PUT', 'seed', demoSeed())).status).toBe(204);
  });

  it('loads another tenant, which reset then restores', async () => {
    const loaded = await harness.control('PUT', 'seed', SMALL_SEED);
    expect(loaded.status).toBe(204);
    expect(await userCount()).toBe(2);
    const ben = await harness.graph('GET', '/users/ben@tiny.example/manager');
    expect(ben.body.id).toBe(SMALL_SEED.users[0].id);
    expect((await harness.graph('GET', `/users/${demoUser('bob.smith')}`)).status).toBe(404);

    await harness.graph('POST', `/users/${SMALL_SEED.users[0].id}/revokeSignInSessions`);
    await harness.reset();
    expect(await userCount()).toBe(2);
    const ann = await harness.graph('GET', `/users/${SMALL_SEED.users[0].id}?$select=signInSessionsValidFromDateTime`);
    expect(ann.body.signInSessionsValidFromDateTime).toBe(SEED_EPOCH);
  });

  it.each<[string, unknown, RegExp]>([
    ['not matching the schema (no users)', { ...SMALL_SEED, users: undefined }, /users/],
    ['with a bad user id', { ...SMALL_SEED, users: [{ ...SMALL_SEED.users[0], id: 'not-a-guid' }] }, /id|pattern/],
    ['naming an unknown manager', { ...SMALL_SEED, users: [SMALL_SEED.users[1]] }, /manager/],
    ['with a duplicate user', { ...SMALL_SEED, users: [SMALL_SEED.users[0], SMALL_SEED.users[0]] }, /twice/],
    [
      'with a malformed phone number',
      {
        ...SMALL_SEED,
        users: [{ ...SMALL_SEED.users[0], phoneMethods: [{ phoneType: 'mobile', phoneNumber: '07700 900999' }] }],
      },
      /format/,
    ],
    ['that is an array', [SMALL_SEED], /schema|object/],
    [
      'giving a role to a group that is not role-assignable',
      {
        ...demoSeed(),
        roleAssignments: [
          ...demoSeed().roleAssignments,
          {
            principalId: DEMO_GROUPS.frontlineWorkers,
            roleTemplateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
            directoryScopeId: '/',
          },
        ],
      },
      /not role-assignable/,
    ],
  ])('refuses a seed %s with 400 and a message, and keeps serving the old tenant', async (_name, seed, message) => {
    const reply = await harness.control<{ error: string }>('PUT', 'seed', seed);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(message);
    expect(await userCount()).toBe(DEMO_USER_COUNT);
    expect((await harness.graph('GET', `/users/${demoUser('bob.smith')}`)).status).toBe(200);
    // The baseline is unchanged too.
    await harness.reset();
    expect(await userCount()).toBe(DEMO_USER_COUNT);
  });
});

describe('GET /_sim/tenant', () => {
  it('exports the current state, including changes made through Graph', async () => {
    await harness.graph('POST', `/users/${demoUser('bob.smith')}/revokeSignInSessions`);
    await harness.graph('POST', `/users/${demoUser('jane.doe')}/authentication/phoneMethods`, {
      phoneNumber: '+44 7700900123',
      phoneType: 'mobile',
    });
    const reply = await harness.control<Seed>('GET', 'tenant');
    expect(reply.status).toBe(200);
    expect(reply.body.users).toHaveLength(DEMO_USER_COUNT);
    expect(reply.body.tenant.displayName).toBe('Contoso Retail');
    const bob = reply.body.users.find((user) => user.id === demoUser('bob.smith'));
    expect(bob?.signInSessionsValidFromDateTime).not.toBe(SEED_EPOCH);
    const jane = reply.body.users.find((user) => user.id === demoUser('jane.doe'));
    expect(jane?.phoneMethods).toEqual([
      { phoneType: 'mobile', phoneNumber: '+44 7700900123', smsSignIn: 'registered' },
    ]);
  });

  it('exports a seed that loads back as the same tenant', async () => {
    await harness.graph('POST', `/users/${demoUser('jane.doe')}/authentication/phoneMethods`, {
      phoneNumber: '+44 7700900123',
      phoneType: 'mobile',
    });
    const exported = (await harness.control<Seed>('GET', 'tenant')).body;
    try {
      expect((await harness.control('PUT', 'seed', exported)).status).toBe(204);
      expect((await harness.control<Seed>('GET', 'tenant')).body).toEqual(exported);
      const jane = await harness.graph('GET', `/users/${demoUser('jane.doe')}/authentication/phoneMethods/${MOBILE}`);
      expect(jane.body).toMatchObject({ phoneNumber: '+44 7700900123', smsSignInState: 'ready' });
    } finally {
      await harness.control('PUT', 'seed', demoSeed());
    }
  });
});

describe('PUT /_sim/latency', () => {
  afterEach(async () => {
    await harness.control('PUT', 'latency', { fixedMs: 0 });
  });

  it('delays Graph responses by about fixedMs, and stops when set back to 0', async () => {
    expect((await harness.control('PUT', 'latency', { fixedMs: 300 })).status).toBe(204);
    let started = Date.now();
    expect((await harness.graph('GET', '/users?$top=1')).status).toBe(200);
    const delayed = Date.now() - started;
    expect(delayed).toBeGreaterThanOrEqual(280);
    expect(delayed).toBeLessThan(1500);

    await harness.control('PUT', 'latency', { fixedMs: 0 });
    started = Date.now();
    expect((await harness.graph('GET', '/users?$top=1')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(delayed - 150);
  });

  it('does not delay the control API itself', async () => {
    await harness.control('PUT', 'latency', { fixedMs: 400 });
    const started = Date.now();
    await harness.control('GET', 'health');
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('refuses a negative or non-numeric latency with 400', async () => {
    expect((await harness.control('PUT', 'latency', { fixedMs: -5 })).status).toBe(400);
    expect((await harness.control('PUT', 'latency', { fixedMs: 'slow' })).status).toBe(400);
  });
});

describe('POST /_sim/faults (status)', () => {
  it('fails the next N matching requests with the given status, then stops', async () => {
    await addFault({ method: 'GET', path: '^/users/[^/?]+$', status: 503, count: 2 });
    const path = `/users/${demoUser('bob.smith')}`;
    const first = await harness.graph('GET', path);
    const second = await harness.graph('GET', path);
    const third = await harness.graph('GET', path);
    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    const error = (first.body as unknown as ErrorEnvelope).error;
    expect(error.code).toBe('ServiceUnavailable');
    expect(error.innerError['request-id']).toBe(first.headers.get('request-id'));
  });

  it('leaves requests that do not match the method or path alone', async () => {
    await addFault({ method: 'POST', path: 'revokeSignInSessions', status: 500 });
    expect((await harness.graph('GET', `/users/${demoUser('bob.smith')}`)).status).toBe(200);
    expect((await harness.graph('GET', '/users?$top=1')).status).toBe(200);
    expect((await harness.graph('POST', `/users/${demoUser('bob.smith')}/revokeSignInSessions`)).status).toBe(500);
    expect((await harness.graph('POST', `/users/${demoUser('bob.smith')}/revokeSignInSessions`)).status).toBe(200);
  });

  it('does not apply a write it fails', async () => {
    await addFault({ method: 'POST', path: 'revokeSignInSessions', status: 503 });
    expect((await harness.graph('POST', `/users/${demoUser('bob.smith')}/revokeSignInSessions`)).status).toBe(503);
    expect(await sessionsValidFrom('bob.smith')).toBe(SEED_EPOCH);
  });

  it('sets Retry-After from retryAfter, and uses a given code and message', async () => {
    await addFault({
      path: '^/users\\?',
      status: 429,
      retryAfter: 7,
      code: 'activityLimitReached',
      message: 'Slow down.',
    });
    const reply = await harness.graph('GET', '/users?$top=1');
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('7');
    const error = (reply.body as unknown as ErrorEnvelope).error;
    expect(error.code).toBe('activityLimitReached');
    expect(error.message).toBe('Slow down.');
  });

  // docs/graph-facts.md §11: an injected 429 without a code gets the code the simulator's own throttling uses.
  it('gives an injected 429 without a code the throttled code activityLimitReached (docs/graph-facts.md §11)', async () => {
    await addFault({ path: '^/users\\?', status: 429, retryAfter: 1 });
    const reply = await harness.graph('GET', '/users?$top=1');
    expect(reply.status).toBe(429);
    expect((reply.body as unknown as ErrorEnvelope).error.code).toBe('activityLimitReached');
  });

  it('lists pending faults and clears them with DELETE', async () => {
    const rule = await addFault({ path: '^/users', status: 500, count: 3 });
    const listed = await harness.control<{ faults: Array<{ id: string; remaining: number }> }>('GET', 'faults');
    expect(listed.body.faults).toEqual([expect.objectContaining({ id: rule.id, remaining: 3 })]);
    expect((await harness.control('DELETE', 'faults')).status).toBe(204);
    expect((await harness.graph('GET', '/users?$top=1')).status).toBe(200);
  });

  it('marks the failed request in the request log', async () => {
    const rule = await addFault({ path: '^/users', status: 502 });
    await harness.graph('GET', '/users?$top=1');
    const log = await requestLog();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 502, fault: rule.id });
  });

  it.each<[string, Json]>([
    ['no path', { status: 500 }],
    ['an invalid regular expression', { path: '(' }],
    ['a status below 400', { path: '^/users', status: 200 }],
    ['an unknown action', { path: '^/users', action: 'explode' }],
    ['an invalid hold', { path: '^/users', action: 'hold', hold: 'during' }],
    ['a count of 0', { path: '^/users', count: 0 }],
  ])('refuses a rule with %s with 400', async (_name, rule) => {
    expect((await harness.control('POST', 'faults', rule)).status).toBe(400);
  });
});

describe("POST /_sim/faults (action: 'drop')", () => {
  it('closes the connection without an answer (fetch rejects), once', async () => {
    await addFault({ method: 'GET', path: '^/users/', action: 'drop' });
    await expect(harness.graph('GET', `/users/${demoUser('bob.smith')}`)).rejects.toThrow();
    expect((await harness.graph('GET', `/users/${demoUser('bob.smith')}`)).status).toBe(200);
  });

  describe("with hold 'after', when the applied request answers an error", () => {
    // Sam Okafor holds +44 7700900456 for SMS sign-in: a create of it for Jane saves the method and answers 409
    // phoneNumberNotUnique (the half-success, docs/graph-facts.md §2.4). The answer is what gets lost.
    const janePhones = `/users/${demoUser('jane.doe')}/authentication/phoneMethods`;
    const samsNumber = { phoneNumber: '+44 7700900456', phoneType: 'mobile' };

    it('drops the 409 half-success of a create after saving the method', async () => {
      const rule = await addFault({
        method: 'POST',
        path: 'authentication/phoneMethods$',
        action: 'drop',
        hold: 'after',
      });
      await expect(harness.graph('POST', janePhones, samsNumber)).rejects.toThrow();

      const saved = await harness.graph('GET', `${janePhones}/${MOBILE}`);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        id: MOBILE,
        phoneNumber: '+44 7700900456',
        phoneType: 'mobile',
        smsSignInState: 'phoneNumberNotUnique',
      });
      // Saved once, and Sam keeps the number.
      expect((await harness.graph<{ value: Json[] }>('GET', janePhones)).body.value).toHaveLength(1);
      expect(
        (await harness.graph('GET', `/users/${demoUser('sam.okafor')}/authentication/phoneMethods/${MOBILE}`)).body
          .smsSignInState,
      ).toBe('ready');
      expect((await requestLog()).filter((entry) => entry.method === 'POST')).toEqual([
        expect.objectContaining({ path: janePhones, status: 0, fault: rule.id }),
      ]);
    });

    it('answers a dropped inner $batch create that met the 409 with 504, the method saved all the same', async () => {
      await addFault({ method: 'POST', path: 'authentication/phoneMethods$', action: 'drop', hold: 'after' });
      const reply = await harness.graph<{ responses: Array<{ id: string; status: number; body?: ErrorEnvelope }> }>(
        'POST',
        '/$batch',
        {
          requests: [
            {
              id: 'add',
              method: 'POST',
              url: janePhones,
              headers: { 'content-type': 'application/json' },
              body: samsNumber,
            },
          ],
        },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.responses).toEqual([expect.objectContaining({ id: 'add', status: 504 })]);
      expect(reply.body.responses[0].body?.error.code).toBe('GatewayTimeout');
      const saved = await harness.graph('GET', `${janePhones}/${MOBILE}`);
      expect(saved.body).toMatchObject({ phoneNumber: '+44 7700900456', smsSignInState: 'phoneNumberNotUnique' });
    });

    it('holds the 409 half-success after saving the method, then answers it on release', async () => {
      await addFault({ method: 'POST', path: 'authentication/phoneMethods$', action: 'hold', hold: 'after' });
      const pending = harness.graph('POST', janePhones, samsNumber);
      await waitForHeld(1);
      expect(await isPending(pending)).toBe(true);
      // Saved while the caller still waits.
      expect((await harness.graph('GET', `${janePhones}/${MOBILE}`)).body.smsSignInState).toBe('phoneNumberNotUnique');

      await harness.control('POST', 'release');
      const reply = await pending;
      expect(reply.status).toBe(409);
      expect((reply.body as unknown as ErrorEnvelope).error.code).toBe('phoneNumberNotUnique');
    });
  });
});

describe("POST /_sim/faults (action: 'hold')", () => {
  const revokeBob = (): Promise<GraphReply> =>
    harness.graph('POST', `/users/${demoUser('bob.smith')}/revokeSignInSessions`);

  it("with hold 'before' keeps the request open and applies the write only after /_sim/release", async () => {
    await addFault({ method: 'POST', path: 'revokeSignInSessions', action: 'hold', hold: 'before' });
    const pending = revokeBob();
    await waitForHeld(1);
    expect(await isPending(pending)).toBe(true);
    expect(await sessionsValidFrom('bob.smith')).toBe(SEED_EPOCH);

    const released = await harness.control<{ released: number }>('POST', 'release');
    expect(released.body.released).toBe(1);
    const reply = await pending;
    expect(reply.status).toBe(200);
    expect(await sessionsValidFrom('bob.smith')).not.toBe(SEED_EPOCH);
  });

  it("with hold 'after' applies the write before holding the answer", async () => {
    await addFault({ method: 'POST', path: 'revokeSignInSessions', action: 'hold', hold: 'after' });
    const pending = revokeBob();
    await waitForHeld(1);
    expect(await isPending(pending)).toBe(true);
    // The change is already made while the caller still waits for the answer.
    expect(await sessionsValidFrom('bob.smith')).not.toBe(SEED_EPOCH);

    await harness.control('POST', 'release');
    expect((await pending).status).toBe(200);
    expect(await sessionsValidFrom('bob.smith')).not.toBe(SEED_EPOCH);
  });

  it('releases by itself after holdMs', async () => {
    await addFault({ method: 'GET', path: '^/users/', action: 'hold', holdMs: 150 });
    const started = Date.now();
    const reply = await harness.graph('GET', `/users/${demoUser('bob.smith')}`);
    expect(reply.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(130);
  });

  it('holds only the matching request while others are served', async () => {
    await addFault({ method: 'POST', path: 'revokeSignInSessions', action: 'hold' });
    const pending = revokeBob();
    await waitForHeld(1);
    expect((await harness.graph('GET', '/users?$top=1')).status).toBe(200);
    expect(await isPending(pending)).toBe(true);
    await harness.control('POST', 'release');
    expect((await pending).status).toBe(200);
  });
});

describe('PUT /_sim/random-failures', () => {
  afterEach(async () => {
    await harness.control('PUT', 'random-failures', { rate: 0 });
  });

  it('fails every request with a 5xx at rate 1, and none at rate 0', async () => {
    expect((await harness.control('PUT', 'random-failures', { rate: 1 })).status).toBe(204);
    const failing = await Promise.all(Array.from({ length: 10 }, () => harness.graph('GET', '/users?$top=1')));
    for (const reply of failing) {
      expect(reply.status).toBeGreaterThanOrEqual(500);
      expect(reply.status).toBeLessThan(600);
      expect((reply.body as unknown as ErrorEnvelope).error.code).toEqual(expect.any(String));
    }
    await harness.control('PUT', 'random-failures', { rate: 0 });
    const passing = await Promise.all(Array.from({ length: 10 }, () => harness.graph('GET', '/users?$top=1')));
    expect(passing.every((reply) => reply.status === 200)).toBe(true);
  });

  it('uses the given statuses', async () => {
    await harness.control('PUT', 'random-failures', { rate: 1, statuses: [502, 504] });
    const replies = await Promise.all(Array.from({ length: 12 }, () => harness.graph('GET', '/users?$top=1')));
    for (const reply of replies) expect([502, 504]).toContain(reply.status);
  });

  it('does not apply a write it fails', async () => {
    await harness.control('PUT', 'random-failures', { rate: 1 });
    expect(
      (await harness.graph('POST', `/users/${demoUser('bob.smith')}/revokeSignInSessions`)).status,
    ).toBeGreaterThanOrEqual(500);
    await harness.control('PUT', 'random-failures', { rate: 0 });
    expect(await sessionsValidFrom('bob.smith')).toBe(SEED_EPOCH);
  });

  it('refuses a rate outside 0..1 or a non-5xx status with 400', async () => {
    expect((await harness.control('PUT', 'random-failures', { rate: 2 })).status).toBe(400);
    expect((await harness.control('PUT', 'random-failures', { rate: 0.5, statuses: [404] })).status).toBe(400);
    expect((await harness.control('PUT', 'random-failures', { rate: 0.5, statuses: [] })).status).toBe(400);
  });
});

describe('GET/DELETE /_sim/requests', () => {
  it('logs method, path with query, status, times, request-id and client-request-id', async () => {
    await harness.control('DELETE', 'requests');
    const before = Date.now();
    const ok = await harness.graph('GET', `/users/${demoUser('bob.smith')}?$select=id`, undefined, {
      'client-request-id': 'log-test-1',
    });
    const missing = await harness.graph('GET', '/users/00000000-0000-4000-8000-00000000dead');
    const write = await harness.graph('POST', `/users/${demoUser('bob.smith')}/revokeSignInSessions`);
    const log = await requestLog();
    expect(log.map((entry) => [entry.method, entry.path, entry.status])).toEqual([
      ['GET', `/users/${demoUser('bob.smith')}?$select=id`, 200],
      ['GET', '/users/00000000-0000-4000-8000-00000000dead', 404],
      ['POST', `/users/${demoUser('bob.smith')}/revokeSignInSessions`, 200],
    ]);
    expect(log[0].clientRequestId).toBe('log-test-1');
    expect(log.map((entry) => entry.requestId)).toEqual(
      [ok, missing, write].map((reply) => reply.headers.get('request-id')),
    );
    expect(log[1].clientRequestId).toBe(missing.headers.get('client-request-id'));
    for (const entry of log) {
      const started = Date.parse(entry.startedAt);
      const ended = Date.parse(entry.endedAt);
      expect(started).toBeGreaterThanOrEqual(before - 1000);
      expect(ended).toBeGreaterThanOrEqual(started);
      expect(ended).toBeLessThanOrEqual(Date.now() + 1000);
    }
    expect(log[1].seq).toBeGreaterThan(log[0].seq);
    expect(log[2].seq).toBeGreaterThan(log[1].seq);
  });

  it('logs a request refused for its token too', async () => {
    await harness.control('DELETE', 'requests');
    const reply = await harness.graph('GET', '/users?$top=1', undefined, {
      authorization: '',
      'client-request-id': 'no-token',
    });
    expect(reply.status).toBe(401);
    const log = await requestLog();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      method: 'GET',
      path: '/users?$top=1',
      status: 401,
      clientRequestId: 'no-token',
      requestId: reply.headers.get('request-id'),
    });
  });

  it('clears the log with DELETE', async () => {
    await harness.graph('GET', '/users?$top=1');
    expect((await requestLog()).length).toBeGreaterThan(0);
    expect((await harness.control('DELETE', 'requests')).status).toBe(204);
    expect(await requestLog()).toEqual([]);
    await harness.graph('GET', '/users?$top=1');
    expect(await requestLog()).toHaveLength(1);
  });

  it('does not log control API calls', async () => {
    await harness.control('DELETE', 'requests');
    await harness.control('GET', 'health');
    await harness.control('GET', 'tenant');
    expect(await requestLog()).toEqual([]);
  });
});

describe('other control endpoints', () => {
  it('answers GET /_sim/health with the user count', async () => {
    const reply = await harness.control<{ status: string; users: number }>('GET', 'health');
    expect(reply).toEqual({ status: 200, body: { status: 'ok', users: DEMO_USER_COUNT } });
  });

  it('answers an unknown control endpoint with 404', async () => {
    expect((await harness.control('GET', 'nothing-here')).status).toBe(404);
    expect((await harness.control('DELETE', 'reset')).status).toBe(404);
  });

  it('reports throttle settings as set', async () => {
    await harness.control('PUT', 'throttle', { enabled: true, resourceUnitsPer10s: 50, timeScale: 10 });
    const reply = await harness.control<Json>('GET', 'throttle');
    expect(reply.body).toMatchObject({ enabled: true, resourceUnitsPer10s: 50, timeScale: 10 });
  });
});
