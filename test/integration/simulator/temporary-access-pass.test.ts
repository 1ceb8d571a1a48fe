// Contract tests for /users/{id}/authentication/temporaryAccessPassMethods over real HTTP against the demo tenant:
// the policy's bounds, who may have a pass, one pass per user and usability (docs/graph-facts.md §18).
import { SimulatorHarness, demoUser, expectBadRequest, useSimulator } from '../../helpers/simulator';

interface TemporaryAccessPass {
  '@odata.context'?: string;
  '@odata.type': string;
  id: string;
  temporaryAccessPass: string | null;
  createdDateTime: string;
  startDateTime: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  isUsable: boolean;
  methodUsabilityReason: string;
}

interface PassList {
  '@odata.context': string;
  value: TemporaryAccessPass[];
}

const TAP_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethod';
const POLICY = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/temporaryAccessPass';
const POLICY_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration';

const harness = new SimulatorHarness();
useSimulator(harness);
beforeEach(() => harness.restoreSeed());

const passesPath = (alias: string): string => `/users/${demoUser(alias)}/authentication/temporaryAccessPassMethods`;
const passPath = (alias: string, id: string): string => `${passesPath(alias)}/${id}`;

async function createPass(alias: string, body: Record<string, unknown> = {}): Promise<TemporaryAccessPass> {
  const reply = await harness.graph<TemporaryAccessPass>('POST', passesPath(alias), body);
  expect(reply.status).toBe(201);
  return reply.body;
}

async function listPasses(alias: string): Promise<TemporaryAccessPass[]> {
  const reply = await harness.graph<PassList>('GET', passesPath(alias));
  expect(reply.status).toBe(200);
  return reply.body.value;
}

async function tapPolicy(): Promise<Record<string, unknown>> {
  const reply = await harness.graph('GET', POLICY);
  expect(reply.status).toBe(200);
  return reply.body;
}

async function signIn(alias: string, method: string): Promise<number> {
  const reply = await harness.control('POST', 'sign-ins', { user: demoUser(alias), method });
  return reply.status;
}

describe('create', () => {
  it('answers 201 with the pass itself (policy defaultLength), usable by policy, lifetime defaulted (docs/graph-facts.md §18 create: temporaryAccessPass only at creation)', async () => {
    const policy = await tapPolicy();
    const before = Date.now();
    const reply = await harness.graph<TemporaryAccessPass>('POST', passesPath('jane.doe'), {});
    expect(reply.status).toBe(201);
    const pass = reply.body;
    expect(pass['@odata.type']).toBe(TAP_TYPE);
    expect(pass['@odata.context']).toContain('temporaryAccessPassMethods/$entity');
    expect(pass.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof pass.temporaryAccessPass).toBe('string');
    expect(pass.temporaryAccessPass).toHaveLength(policy.defaultLength as number);
    expect(pass.isUsable).toBe(true);
    expect(pass.methodUsabilityReason).toBe('EnabledByPolicy');
    expect(pass.lifetimeInMinutes).toBe(policy.defaultLifetimeInMinutes);
    expect(pass.isUsableOnce).toBe(false);
    expect(Date.parse(pass.startDateTime)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(Date.parse(pass.startDateTime)).toBeLessThanOrEqual(Date.now());
  });

  it('never shows the pass again: list and get answer temporaryAccessPass null (docs/graph-facts.md §18 "only at creation")', async () => {
    const created = await createPass('peter.clark', { lifetimeInMinutes: 120 });
    const [listed, ...others] = await listPasses('peter.clark');
    expect(others).toEqual([]);
    expect(listed).toMatchObject({ id: created.id, temporaryAccessPass: null, lifetimeInMinutes: 120, isUsable: true });
    const got = await harness.graph<TemporaryAccessPass>('GET', passPath('peter.clark', created.id));
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      '@odata.type': TAP_TYPE,
      id: created.id,
      temporaryAccessPass: null,
      isUsable: true,
      methodUsabilityReason: 'EnabledByPolicy',
    });
  });

  it.each([59, 481, 10, 43_200])(
    'refuses lifetimeInMinutes %p outside the policy minimum/maximum (60–480) with a message naming the range, nothing created (docs/graph-facts.md §18 policy minimum/maximumLifetimeInMinutes)',
    async (lifetimeInMinutes) => {
      const message = expectBadRequest(await harness.graph('POST', passesPath('jane.doe'), { lifetimeInMinutes }));
      expect(message).toContain('60');
      expect(message).toContain('480');
      expect(await listPasses('jane.doe')).toEqual([]);
    },
  );

  it('accepts the policy minimum and maximum lifetimes exactly (docs/graph-facts.md §18 policy bounds, inclusive)', async () => {
    expect((await createPass('jane.doe', { lifetimeInMinutes: 60 })).lifetimeInMinutes).toBe(60);
    expect((await createPass('jane.doe', { lifetimeInMinutes: 480 })).lifetimeInMinutes).toBe(480);
  });

  it.each([90.5, '90', true])(
    'refuses a lifetimeInMinutes that is not a whole number (%p) (docs/graph-facts.md §18 lifetimeInMinutes is Int32)',
    async (lifetimeInMinutes) => {
      expectBadRequest(await harness.graph('POST', passesPath('jane.doe'), { lifetimeInMinutes }));
      expect(await listPasses('jane.doe')).toEqual([]);
    },
  );

  it('refuses a startDateTime that is not a date (docs/graph-facts.md §18 startDateTime is DateTimeOffset)', async () => {
    expectBadRequest(await harness.graph('POST', passesPath('jane.doe'), { startDateTime: 'next tuesday' }));
    expect(await listPasses('jane.doe')).toEqual([]);
  });
});

describe('one pass per user', () => {
  it('a new pass while one is valid deletes the old one: exactly one listed, the new one (docs/graph-facts.md §18 "only one Temporary Access Pass that\'s usable within its specified lifetime")', async () => {
    const first = await createPass('jane.doe');
    const second = await createPass('jane.doe', { lifetimeInMinutes: 240 });
    expect(second.id).not.toBe(first.id);
    const passes = await listPasses('jane.doe');
    expect(passes.map((pass) => pass.id)).toEqual([second.id]);
    expect((await harness.graph('GET', passPath('jane.doe', first.id))).status).toBe(404);
  });

  it('a new pass replaces a one-time pass already used: the user still has one pass (docs/graph-facts.md §18 "Users can only have one Temporary Access Pass authentication method")', async () => {
    await createPass('jane.doe', { isUsableOnce: true });
    expect(await signIn('jane.doe', 'temporaryAccessPass')).toBe(200);
    const second = await createPass('jane.doe');
    expect((await listPasses('jane.doe')).map((pass) => pass.id)).toEqual([second.id]);
  });

  it('a new pass replaces one not yet valid: the user never holds two passes that will be usable (docs/graph-facts.md §18 one pass per user)', async () => {
    await createPass('jane.doe', { startDateTime: new Date(Date.now() + 86_400_000).toISOString() });
    const now = await createPass('jane.doe');
    expect((await listPasses('jane.doe')).map((pass) => pass.id)).toEqual([now.id]);
  });
});

describe('who may have a pass', () => {
  it.each([
    ['george.hall', 'a store worker outside the Frontline workers group'],
    ['hana.kim', 'a head-office user outside the policy targets'],
    ['lena.fischer', 'a guest (B2B) user'],
    ['isaac.walker', 'a user with no licence'],
  ])(
    'refuses %s (%s) with 400 and creates nothing (docs/graph-facts.md §18 policy includeTargets/excludeTargets; simulator choice for guests and licences)',
    async (alias) => {
      expectBadRequest(await harness.graph('POST', passesPath(alias), {}));
      expect(await listPasses(alias)).toEqual([]);
    },
  );

  it('refuses everyone while the policy is disabled (docs/graph-facts.md §18 policy state)', async () => {
    const patch = await harness.graph('PATCH', POLICY, { '@odata.type': POLICY_TYPE, state: 'disabled' });
    expect(patch.status).toBe(204);
    expectBadRequest(await harness.graph('POST', passesPath('jane.doe'), {}));
    expect(await listPasses('jane.doe')).toEqual([]);
  });

  it('an existing pass reads DisabledByPolicy once the policy is disabled (docs/graph-facts.md §18 methodUsabilityReason)', async () => {
    const pass = await createPass('jane.doe');
    expect((await harness.graph('PATCH', POLICY, { '@odata.type': POLICY_TYPE, state: 'disabled' })).status).toBe(204);
    const got = await harness.graph<TemporaryAccessPass>('GET', passPath('jane.doe', pass.id));
    expect(got.body).toMatchObject({ isUsable: false, methodUsabilityReason: 'DisabledByPolicy' });
  });
});

describe('usability', () => {
  it('a one-time pass used once lists isUsable false, OneTimeUsed, and cannot sign in again (docs/graph-facts.md §18 isUsableOnce, methodUsabilityReason)', async () => {
    const pass = await createPass('jane.doe', { isUsableOnce: true });
    expect(pass.isUsableOnce).toBe(true);
    expect(await signIn('jane.doe', 'temporaryAccessPass')).toBe(200);
    const [listed] = await listPasses('jane.doe');
    expect(listed).toMatchObject({ id: pass.id, isUsable: false, methodUsabilityReason: 'OneTimeUsed' });
    expect(await signIn('jane.doe', 'temporaryAccessPass')).toBe(403);
  });

  it('a reusable pass stays usable after a sign-in (docs/graph-facts.md §18 isUsableOnce false)', async () => {
    const pass = await createPass('jane.doe', { isUsableOnce: false });
    expect(await signIn('jane.doe', 'temporaryAccessPass')).toBe(200);
    expect(await signIn('jane.doe', 'temporaryAccessPass')).toBe(200);
    const [listed] = await listPasses('jane.doe');
    expect(listed).toMatchObject({ id: pass.id, isUsable: true, methodUsabilityReason: 'EnabledByPolicy' });
  });

  it('a tenant whose policy says isUsableOnce makes every new pass one-time (docs/graph-facts.md §18 policy isUsableOnce)', async () => {
    const patch = await harness.graph('PATCH', POLICY, { '@odata.type': POLICY_TYPE, isUsableOnce: true });
    expect(patch.status).toBe(204);
    expect((await createPass('jane.doe', { isUsableOnce: false })).isUsableOnce).toBe(true);
  });

  it('a pass whose startDateTime is in the future is NotYetValid and cannot sign in (docs/graph-facts.md §18 methodUsabilityReason NotYetValid)', async () => {
    const start = new Date(Date.now() + 2 * 3_600_000);
    const pass = await createPass('jane.doe', { startDateTime: start.toISOString() });
    expect(pass).toMatchObject({ isUsable: false, methodUsabilityReason: 'NotYetValid' });
    expect(Date.parse(pass.startDateTime)).toBe(Math.floor(start.getTime() / 1000) * 1000);
    const [listed] = await listPasses('jane.doe');
    expect(listed).toMatchObject({ isUsable: false, methodUsabilityReason: 'NotYetValid' });
    expect(await signIn('jane.doe', 'temporaryAccessPass')).toBe(403);
  });

  it('a pass whose lifetime is over is Expired (docs/graph-facts.md §18 methodUsabilityReason Expired)', async () => {
    const start = new Date(Date.now() - 2 * 3_600_000);
    const pass = await createPass('jane.doe', { startDateTime: start.toISOString(), lifetimeInMinutes: 60 });
    expect(pass).toMatchObject({ isUsable: false, methodUsabilityReason: 'Expired' });
  });
});

describe('delete', () => {
  it('answers 204, then a get of that id answers 404 and the list is empty (docs/graph-facts.md §18 DELETE …/{id})', async () => {
    const pass = await createPass('jane.doe');
    const deleted = await harness.graph('DELETE', passPath('jane.doe', pass.id));
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    expect((await harness.graph('GET', passPath('jane.doe', pass.id))).status).toBe(404);
    expect(await listPasses('jane.doe')).toEqual([]);
  });

  it('answers 404 for an id the user has no pass with (docs/graph-facts.md §18 DELETE …/{id})', async () => {
    await createPass('jane.doe');
    const reply = await harness.graph('DELETE', passPath('jane.doe', '00000000-0000-4000-8000-000000000000'));
    expect(reply.status).toBe(404);
    expect(await listPasses('jane.doe')).toHaveLength(1);
  });

  it("answers 404 for another user's pass id (docs/graph-facts.md §18 a pass belongs to its user)", async () => {
    const pass = await createPass('jane.doe');
    expect((await harness.graph('DELETE', passPath('peter.clark', pass.id))).status).toBe(404);
    expect(await listPasses('jane.doe')).toHaveLength(1);
  });
});
