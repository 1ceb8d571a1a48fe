// Contract tests for the QR code + PIN and Temporary Access Pass method configurations over real HTTP: the documented
// fields, PATCH validation and ranges (docs/graph-facts.md §17.1, §18), and that a seed round trip keeps them.
import { DEMO_GROUPS } from '../../../src/simulator/demo-tenant';
import { SimulatorHarness, demoUser, expectBadRequest, useSimulator } from '../../helpers/simulator';

type Policy = Record<string, unknown>;

const BASE = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations';
const QR = `${BASE}/qrCodePin`;
const TAP = `${BASE}/temporaryAccessPass`;
const QR_TYPE = '#microsoft.graph.qrCodePinAuthenticationMethodConfiguration';
const TAP_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration';
const FRONTLINE = [{ targetType: 'group', id: DEMO_GROUPS.frontlineWorkers }];
/** The QR code policy also lets the Redmond badge pilot have badges. */
const QR_TARGETS = [...FRONTLINE, { targetType: 'group', id: DEMO_GROUPS.badgePilot }];

const harness = new SimulatorHarness();
useSimulator(harness);
beforeEach(() => harness.restoreSeed());

async function get(path: string): Promise<Policy> {
  const reply = await harness.graph<Policy>('GET', path);
  expect(reply.status).toBe(200);
  return reply.body;
}

describe('GET the configurations', () => {
  it('qrCodePin has @odata.type, state, targets, pinLength and standardQRCodeLifetimeInDays with the demo values (docs/graph-facts.md §17.1)', async () => {
    const policy = await get(QR);
    expect(policy['@odata.context']).toContain('authenticationMethodConfigurations/$entity');
    expect(policy).toMatchObject({
      '@odata.type': QR_TYPE,
      state: 'enabled',
      includeTargets: QR_TARGETS,
      excludeTargets: [],
      pinLength: 8,
      standardQRCodeLifetimeInDays: 365,
    });
    expect(typeof policy.id).toBe('string');
  });

  it('temporaryAccessPass has @odata.type, state, targets, length, lifetimes and isUsableOnce with the demo values (docs/graph-facts.md §18)', async () => {
    const policy = await get(TAP);
    expect(policy['@odata.context']).toContain('authenticationMethodConfigurations/$entity');
    expect(policy).toMatchObject({
      '@odata.type': TAP_TYPE,
      id: 'TemporaryAccessPass',
      state: 'enabled',
      includeTargets: FRONTLINE,
      excludeTargets: [],
      defaultLength: 8,
      defaultLifetimeInMinutes: 60,
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      isUsableOnce: false,
    });
  });
});

describe('PATCH qrCodePin', () => {
  it('refuses a body without @odata.type and changes nothing (docs/graph-facts.md §17.1 "@odata.type is required")', async () => {
    const before = await get(QR);
    expectBadRequest(await harness.graph('PATCH', QR, { pinLength: 10 }));
    expect(await get(QR)).toEqual(before);
  });

  it('refuses another type in @odata.type (docs/graph-facts.md §17.1 "@odata.type is required")', async () => {
    expectBadRequest(await harness.graph('PATCH', QR, { '@odata.type': TAP_TYPE, pinLength: 10 }));
  });

  it("refuses an unknown property by name (docs/graph-facts.md §17.1 the configuration's properties)", async () => {
    const message = expectBadRequest(await harness.graph('PATCH', QR, { '@odata.type': QR_TYPE, pinSize: 10 }));
    expect(message).toContain('pinSize');
  });

  it.each([7, 21, 10.5, '10'])('refuses pinLength %p (docs/graph-facts.md §17.1 pinLength 8–20)', async (pinLength) => {
    expectBadRequest(await harness.graph('PATCH', QR, { '@odata.type': QR_TYPE, pinLength }));
    expect((await get(QR)).pinLength).toBe(8);
  });

  it.each([8, 20])('accepts pinLength %p (docs/graph-facts.md §17.1 pinLength 8–20, inclusive)', async (pinLength) => {
    const reply = await harness.graph<Policy>('PATCH', QR, { '@odata.type': QR_TYPE, pinLength });
    expect(reply.status).toBe(200);
    expect((await get(QR)).pinLength).toBe(pinLength);
  });

  it.each([0, 396])(
    'refuses standardQRCodeLifetimeInDays %p (docs/graph-facts.md §17.1 standardQRCodeLifetimeInDays 1–395)',
    async (standardQRCodeLifetimeInDays) => {
      expectBadRequest(await harness.graph('PATCH', QR, { '@odata.type': QR_TYPE, standardQRCodeLifetimeInDays }));
      expect((await get(QR)).standardQRCodeLifetimeInDays).toBe(365);
    },
  );

  it.each([1, 395])(
    'accepts standardQRCodeLifetimeInDays %p (docs/graph-facts.md §17.1 1–395, inclusive)',
    async (standardQRCodeLifetimeInDays) => {
      const reply = await harness.graph('PATCH', QR, { '@odata.type': QR_TYPE, standardQRCodeLifetimeInDays });
      expect(reply.status).toBe(200);
    },
  );

  it('refuses a target that does not exist in the directory and keeps the targets (docs/graph-facts.md §17.1 includeTargets)', async () => {
    const includeTargets = [{ targetType: 'group', id: '00000000-0000-4000-8000-000000000000' }];
    expectBadRequest(await harness.graph('PATCH', QR, { '@odata.type': QR_TYPE, includeTargets }));
    expect((await get(QR)).includeTargets).toEqual(QR_TARGETS);
  });

  it('refuses a targetType other than group or user (docs/graph-facts.md §17.1 includeTargets)', async () => {
    const includeTargets = [{ targetType: 'role', id: DEMO_GROUPS.frontlineWorkers }];
    expectBadRequest(await harness.graph('PATCH', QR, { '@odata.type': QR_TYPE, includeTargets }));
  });

  it('a valid PATCH answers 200 with the updated object, and a GET shows it (docs/graph-facts.md §17.1 update "200 with the object")', async () => {
    const body = {
      '@odata.type': QR_TYPE,
      state: 'enabled',
      standardQRCodeLifetimeInDays: 180,
      pinLength: 10,
      includeTargets: [{ targetType: 'user', id: demoUser('george.hall') }, ...FRONTLINE],
    };
    const reply = await harness.graph<Policy>('PATCH', QR, body);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ...body, excludeTargets: [] });
    expect(await get(QR)).toEqual(reply.body);
  });
});

describe('PATCH temporaryAccessPass', () => {
  it('refuses a body without @odata.type and changes nothing (docs/graph-facts.md §18 policy, "@odata.type" as for §17.1)', async () => {
    const before = await get(TAP);
    expectBadRequest(await harness.graph('PATCH', TAP, { defaultLength: 12 }));
    expect(await get(TAP)).toEqual(before);
  });

  it('refuses an unknown property by name (docs/graph-facts.md §18 policy properties)', async () => {
    const message = expectBadRequest(await harness.graph('PATCH', TAP, { '@odata.type': TAP_TYPE, passLength: 12 }));
    expect(message).toContain('passLength');
  });

  it.each([
    ['defaultLifetimeInMinutes', 9],
    ['minimumLifetimeInMinutes', 9],
    ['maximumLifetimeInMinutes', 43_201],
    ['maximumLifetimeInMinutes', 600.5],
  ])(
    'refuses %s %p outside 10–43,200 whole minutes (docs/graph-facts.md §18 lifetimes 10–43,200)',
    async (name, value) => {
      const message = expectBadRequest(await harness.graph('PATCH', TAP, { '@odata.type': TAP_TYPE, [name]: value }));
      expect(message).toContain(name);
      expect(await get(TAP)).toMatchObject({ minimumLifetimeInMinutes: 60, maximumLifetimeInMinutes: 480 });
    },
  );

  it('accepts the extreme lifetimes 10 and 43,200 (docs/graph-facts.md §18 lifetimes 10–43,200, inclusive)', async () => {
    const body = {
      '@odata.type': TAP_TYPE,
      minimumLifetimeInMinutes: 10,
      defaultLifetimeInMinutes: 10,
      maximumLifetimeInMinutes: 43_200,
    };
    expect((await harness.graph('PATCH', TAP, body)).status).toBe(204);
    expect(await get(TAP)).toMatchObject({ minimumLifetimeInMinutes: 10, maximumLifetimeInMinutes: 43_200 });
  });

  it('refuses a minimum above the default, and a default above the maximum (docs/graph-facts.md §18 minimum ≤ default ≤ maximum)', async () => {
    expectBadRequest(await harness.graph('PATCH', TAP, { '@odata.type': TAP_TYPE, minimumLifetimeInMinutes: 120 }));
    expectBadRequest(await harness.graph('PATCH', TAP, { '@odata.type': TAP_TYPE, defaultLifetimeInMinutes: 600 }));
    expect(await get(TAP)).toMatchObject({ minimumLifetimeInMinutes: 60, defaultLifetimeInMinutes: 60 });
  });

  it.each([7, 49])('refuses defaultLength %p (docs/graph-facts.md §18 defaultLength 8–48)', async (defaultLength) => {
    expectBadRequest(await harness.graph('PATCH', TAP, { '@odata.type': TAP_TYPE, defaultLength }));
    expect((await get(TAP)).defaultLength).toBe(8);
  });

  it('refuses isUsableOnce that is not a boolean (docs/graph-facts.md §18 policy isUsableOnce)', async () => {
    expectBadRequest(await harness.graph('PATCH', TAP, { '@odata.type': TAP_TYPE, isUsableOnce: 'yes' }));
  });

  it('refuses a target that does not exist in the directory (docs/graph-facts.md §18 policy includeTargets)', async () => {
    const excludeTargets = [{ targetType: 'user', id: '00000000-0000-4000-8000-000000000000' }];
    expectBadRequest(await harness.graph('PATCH', TAP, { '@odata.type': TAP_TYPE, excludeTargets }));
    expect((await get(TAP)).excludeTargets).toEqual([]);
  });

  it('a valid PATCH answers 204 with no body, and a GET shows the change (docs/graph-facts.md §18 policy update)', async () => {
    const body = {
      '@odata.type': TAP_TYPE,
      defaultLength: 48,
      minimumLifetimeInMinutes: 30,
      defaultLifetimeInMinutes: 120,
      maximumLifetimeInMinutes: 1_440,
      isUsableOnce: true,
      excludeTargets: [{ targetType: 'user', id: demoUser('jane.doe') }],
    };
    const reply = await harness.graph('PATCH', TAP, body);
    expect(reply.status).toBe(204);
    expect(reply.body).toBe('');
    expect(await get(TAP)).toMatchObject(body);
  });

  it('a new defaultLength is the length of the next pass (docs/graph-facts.md §18 defaultLength)', async () => {
    expect((await harness.graph('PATCH', TAP, { '@odata.type': TAP_TYPE, defaultLength: 20 })).status).toBe(204);
    const reply = await harness.graph<{ temporaryAccessPass: string }>(
      'POST',
      `/users/${demoUser('jane.doe')}/authentication/temporaryAccessPassMethods`,
      {},
    );
    expect(reply.status).toBe(201);
    expect(reply.body.temporaryAccessPass).toHaveLength(20);
  });
});

describe('seed round trip', () => {
  it('GET /_sim/tenant then PUT /_sim/seed with it answers 204 and both policies are unchanged (docs/graph-facts.md §17.1, §18; docs/simulator.md control API)', async () => {
    const qrBefore = await get(QR);
    const tapBefore = await get(TAP);
    const exported = await harness.control('GET', 'tenant');
    expect(exported.status).toBe(200);
    expect((await harness.control('PUT', 'seed', exported.body)).status).toBe(204);
    expect(await get(QR)).toEqual(qrBefore);
    expect(await get(TAP)).toEqual(tapBefore);
  });

  it('policies changed by PATCH, and a pass, survive the round trip (docs/graph-facts.md §17.1, §18)', async () => {
    const qrPatch = { '@odata.type': QR_TYPE, pinLength: 12, standardQRCodeLifetimeInDays: 30 };
    expect((await harness.graph('PATCH', QR, qrPatch)).status).toBe(200);
    const tapPatch = { '@odata.type': TAP_TYPE, state: 'disabled', maximumLifetimeInMinutes: 720, isUsableOnce: true };
    expect((await harness.graph('PATCH', TAP, tapPatch)).status).toBe(204);
    const qrBefore = await get(QR);
    const tapBefore = await get(TAP);
    const exported = await harness.control('GET', 'tenant');
    expect((await harness.control('PUT', 'seed', exported.body)).status).toBe(204);
    expect(await get(QR)).toEqual(qrBefore);
    expect(await get(TAP)).toEqual(tapBefore);
    expect((await harness.control('GET', 'tenant')).body).toEqual(exported.body);
  });

  it('the export of a tenant with a pass and a new badge loads back as the same tenant (docs/simulator.md GET /_sim/tenant)', async () => {
    const user = demoUser('peter.clark');
    expect((await harness.graph('POST', `/users/${user}/authentication/temporaryAccessPassMethods`, {})).status).toBe(
      201,
    );
    const badge = { standardQRCode: {}, pin: { code: '35387687' } };
    expect((await harness.graph('PUT', `/users/${user}/authentication/qrCodePinMethod`, badge)).status).toBe(201);
    const exported = await harness.control('GET', 'tenant');
    expect((await harness.control('PUT', 'seed', exported.body)).status).toBe(204);
    expect((await harness.control('GET', 'tenant')).body).toEqual(exported.body);
  });
});
