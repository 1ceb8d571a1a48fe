// Contract tests for GET /users/{id}/authentication/methods (every method with its @odata.type, docs/graph-facts.md
// §18.3) and for sign-ins played by the control API: a badge needs a first sign-in with another method (§18).
import { MOBILE, SimulatorHarness, demoUser, useSimulator } from '../../helpers/simulator';

interface Method {
  '@odata.type': string;
  id: string;
  [property: string]: unknown;
}

interface MethodList {
  '@odata.context': string;
  value: Method[];
}

interface QrCode {
  id: string;
  startDateTime: string;
  expireDateTime: string;
  lastUsedDateTime: string;
  image: unknown;
}

interface QrCodePinMethod extends Method {
  standardQRCode: QrCode | null;
  temporaryQRCode: QrCode | null;
  pin: { code: string | null; forceChangePinNextSignIn: boolean };
}

interface SignInActivity {
  lastSignInDateTime: string | null;
}

const PHONE_TYPE = '#microsoft.graph.phoneAuthenticationMethod';
const QR_TYPE = '#microsoft.graph.qrCodePinAuthenticationMethod';
const TAP_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethod';
const NEVER_USED = '0001-01-01T00:00:00Z';
const BADGE = { standardQRCode: {}, pin: { code: '35387687' } };

const harness = new SimulatorHarness();
useSimulator(harness);
beforeEach(() => harness.restoreSeed());

const authPath = (alias: string, rest: string): string => `/users/${demoUser(alias)}/authentication/${rest}`;

async function methods(alias: string): Promise<MethodList> {
  const reply = await harness.graph<MethodList>('GET', authPath(alias, 'methods'));
  expect(reply.status).toBe(200);
  return reply.body;
}

async function qrMethod(alias: string): Promise<QrCodePinMethod> {
  const reply = await harness.graph<QrCodePinMethod>('GET', authPath(alias, 'qrCodePinMethod'));
  expect(reply.status).toBe(200);
  return reply.body;
}

async function signIn(alias: string, method: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return harness.control<Record<string, unknown>>('POST', 'sign-ins', { user: demoUser(alias), method });
}

async function lastSignIn(alias: string): Promise<SignInActivity | null> {
  const reply = await harness.graph<{ signInActivity: SignInActivity | null }>(
    'GET',
    `/users/${demoUser(alias)}?$select=signInActivity`,
  );
  expect(reply.status).toBe(200);
  return reply.body.signInActivity;
}

async function issueTap(alias: string): Promise<void> {
  expect((await harness.graph('POST', authPath(alias, 'temporaryAccessPassMethods'), {})).status).toBe(201);
}

describe('GET …/authentication/methods', () => {
  it('lists phone methods as phoneAuthenticationMethod and the badge as qrCodePinAuthenticationMethod (docs/graph-facts.md §18.3)', async () => {
    const list = await methods('chloe.evans');
    expect(list['@odata.context']).toContain('authentication/methods');
    const phones = list.value.filter((method) => method['@odata.type'] === PHONE_TYPE);
    expect(phones).toEqual([
      expect.objectContaining({ id: MOBILE, phoneType: 'mobile', phoneNumber: '+44 7700900101' }),
    ]);
    const badges = list.value.filter((method) => method['@odata.type'] === QR_TYPE) as QrCodePinMethod[];
    expect(badges).toHaveLength(1);
    expect(list.value).toHaveLength(2);
  });

  it('shows the badge without its secrets: image null and pin.code null (docs/graph-facts.md §18.3, §17 "returned only at creation")', async () => {
    const badge = (await methods('chloe.evans')).value.find(
      (method) => method['@odata.type'] === QR_TYPE,
    ) as QrCodePinMethod;
    expect(badge.standardQRCode).toMatchObject({ image: null });
    expect(badge.standardQRCode!.lastUsedDateTime).not.toBe(NEVER_USED);
    expect(badge.pin.code).toBeNull();
    expect(badge.id).toBe((await qrMethod('chloe.evans')).id);
  });

  it('lists every phone a user has, each typed (docs/graph-facts.md §18.3)', async () => {
    const { value } = await methods('frank.green');
    expect(value.map((method) => [method['@odata.type'], method.phoneType])).toEqual([
      [PHONE_TYPE, 'mobile'],
      [PHONE_TYPE, 'alternateMobile'],
    ]);
  });

  it('lists a pass created in the test as temporaryAccessPassAuthenticationMethod with temporaryAccessPass null (docs/graph-facts.md §18.3, §18 "only at creation")', async () => {
    const created = await harness.graph<Method>('POST', authPath('jane.doe', 'temporaryAccessPassMethods'), {});
    expect(created.status).toBe(201);
    const { value } = await methods('jane.doe');
    expect(value).toEqual([
      expect.objectContaining({
        '@odata.type': TAP_TYPE,
        id: created.body.id,
        temporaryAccessPass: null,
        isUsable: true,
        methodUsabilityReason: 'EnabledByPolicy',
      }),
    ]);
  });

  it('lists an empty value for peter.clark, a new starter with no method (docs/graph-facts.md §18.3)', async () => {
    expect((await methods('peter.clark')).value).toEqual([]);
  });

  it('answers 404 for a user who does not exist (docs/graph-facts.md §18.3)', async () => {
    const reply = await harness.graph('GET', '/users/00000000-0000-4000-8000-000000000000/authentication/methods');
    expect(reply.status).toBe(404);
  });
});

describe('first sign-in before a badge (control API sign-ins)', () => {
  it('a badge sign-in is refused with incorrectQrCode until a first sign-in with a Temporary Access Pass, then works and sets lastUsedDateTime (docs/graph-facts.md §18 "Incorrect QR code"; §17.6)', async () => {
    const created = await harness.graph('PUT', authPath('peter.clark', 'qrCodePinMethod'), BADGE);
    expect(created.status).toBe(201);
    expect((await qrMethod('peter.clark')).standardQRCode!.lastUsedDateTime).toBe(NEVER_USED);

    const refused = await signIn('peter.clark', 'standardQRCode');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('incorrectQrCode');
    expect((await qrMethod('peter.clark')).standardQRCode!.lastUsedDateTime).toBe(NEVER_USED);

    await issueTap('peter.clark');
    expect((await signIn('peter.clark', 'standardQRCode')).status).toBe(403);
    expect((await signIn('peter.clark', 'temporaryAccessPass')).status).toBe(200);

    const before = Math.floor(Date.now() / 1000) * 1000;
    const accepted = await signIn('peter.clark', 'standardQRCode');
    expect(accepted.status).toBe(200);
    const used = (await qrMethod('peter.clark')).standardQRCode!.lastUsedDateTime;
    expect(used).not.toBe(NEVER_USED);
    expect(Date.parse(used)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(used)).toBeLessThanOrEqual(Date.now());
  });

  it('a worker who signed in before (by SMS) can use a new badge at once (docs/graph-facts.md §18 "sign-in with an existing authentication method")', async () => {
    expect((await signIn('chloe.evans', 'sms')).status).toBe(200);
    expect((await signIn('chloe.evans', 'standardQRCode')).status).toBe(200);
  });

  it('a TAP sign-in without a usable pass is refused (docs/graph-facts.md §18 isUsable)', async () => {
    const reply = await signIn('peter.clark', 'temporaryAccessPass');
    expect(reply.status).toBe(403);
    expect(await lastSignIn('peter.clark')).toBeNull();
  });

  it('an expired badge does not sign in and its lastUsedDateTime stays as it was (docs/graph-facts.md §17 expireDateTime)', async () => {
    const before = (await qrMethod('uma.reid')).standardQRCode!;
    expect(Date.parse(before.expireDateTime)).toBeLessThan(Date.now());
    expect((await signIn('uma.reid', 'standardQRCode')).status).toBe(403);
    expect((await qrMethod('uma.reid')).standardQRCode!.lastUsedDateTime).toBe(before.lastUsedDateTime);
  });

  it('refuses an unknown user or method with 400 (docs/simulator.md control API)', async () => {
    expect((await harness.control('POST', 'sign-ins', { user: 'nobody', method: 'sms' })).status).toBe(400);
    expect((await harness.control('POST', 'sign-ins', { user: demoUser('chloe.evans'), method: 'fido2' })).status).toBe(
      400,
    );
  });
});

describe('signInActivity', () => {
  it('is null for peter.clark before any sign-in, and set by a TAP sign-in (docs/graph-facts.md §17.6 signInActivity)', async () => {
    expect(await lastSignIn('peter.clark')).toBeNull();
    await issueTap('peter.clark');
    const before = Math.floor(Date.now() / 1000) * 1000;
    const reply = await signIn('peter.clark', 'temporaryAccessPass');
    expect(reply.status).toBe(200);
    const activity = await lastSignIn('peter.clark');
    expect(activity).not.toBeNull();
    expect(activity!.lastSignInDateTime).toBe(reply.body.lastSignInDateTime);
    expect(Date.parse(activity!.lastSignInDateTime!)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(activity!.lastSignInDateTime!)).toBeLessThanOrEqual(Date.now());
  });

  it('moves on a badge sign-in too (docs/graph-facts.md §17.6 signInActivity)', async () => {
    const before = (await lastSignIn('chloe.evans'))!.lastSignInDateTime!;
    const reply = await signIn('chloe.evans', 'standardQRCode');
    expect(reply.status).toBe(200);
    const after = (await lastSignIn('chloe.evans'))!.lastSignInDateTime!;
    expect(Date.parse(after)).toBeGreaterThanOrEqual(Date.parse(before));
    expect(after).toBe(reply.body.lastSignInDateTime);
  });

  it('adding a phone is not a sign-in: still null and the badge still refused, also after a seed round trip (docs/graph-facts.md §17.6, §18; docs/simulator.md GET /_sim/tenant)', async () => {
    const added = await harness.graph('POST', authPath('peter.clark', 'phoneMethods'), {
      phoneNumber: '+44 1164960777',
      phoneType: 'office',
    });
    expect(added.status).toBe(201);
    expect((await harness.graph('PUT', authPath('peter.clark', 'qrCodePinMethod'), BADGE)).status).toBe(201);
    expect(await lastSignIn('peter.clark')).toBeNull();
    expect((await signIn('peter.clark', 'standardQRCode')).body.code).toBe('incorrectQrCode');
    const exported = await harness.control('GET', 'tenant');
    expect((await harness.control('PUT', 'seed', exported.body)).status).toBe(204);
    expect(await lastSignIn('peter.clark')).toBeNull();
    expect((await signIn('peter.clark', 'standardQRCode')).body.code).toBe('incorrectQrCode');
  });
});
