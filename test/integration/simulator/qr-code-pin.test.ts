// Contract tests for /users/{u}/authentication/qrCodePinMethod over real HTTP, against the Contoso Retail demo tenant:
// create (once), the image and PIN only in the answers that create them, PIN rules, codes' lifetimes, reset, delete.
// Every rule names the section of docs/graph-facts.md it checks.
import jsQR from 'jsqr';
import { SimulatorHarness, demoUser, type GraphReply, useSimulator } from '../../helpers/simulator';

interface QrCode {
  id: string;
  startDateTime: string;
  expireDateTime: string;
  lastUsedDateTime: string;
  image: { binaryValue: string; rawContent: string; version: number; errorCorrectionLevel: string } | null;
}

interface QrCodePinMethod {
  '@odata.type': string;
  id: string;
  standardQRCode: QrCode | null;
  temporaryQRCode: QrCode | null;
  pin: { code: string | null; forceChangePinNextSignIn: boolean; createdDateTime: string; updatedDateTime: string };
}

const NEVER = '0001-01-01T00:00:00Z';
const DAY = 86_400_000;
const harness = new SimulatorHarness();
useSimulator(harness);

beforeEach(async () => {
  await harness.restoreSeed();
});

const methodPath = (alias: string, part = ''): string =>
  `/users/${demoUser(alias)}/authentication/qrCodePinMethod${part}`;

const create = (alias: string, body: unknown): Promise<GraphReply<QrCodePinMethod>> =>
  harness.graph<QrCodePinMethod>('PUT', methodPath(alias), body);

const badge = (pin = '35387687', standardQRCode: unknown = {}) => ({ standardQRCode, pin: { code: pin } });

function errorCode(reply: GraphReply<unknown>): string {
  return (reply.body as { error: { code: string } }).error.code;
}

/** Reads the SVG's squares back into pixels and decodes them as a camera would (jsqr). */
function scan(binaryValue: string): string | undefined {
  const svg = Buffer.from(binaryValue, 'base64').toString('utf8');
  const side = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const scale = 4;
  const width = side * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const offset = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels.fill(0, offset, offset + 3);
      }
    }
  }
  return jsQR(pixels, width, width)?.data;
}

describe('creating the method (docs/graph-facts.md §17.3)', () => {
  it('answers 201 with the standard code, its image and the PIN, once', async () => {
    const reply = await create('jane.doe', badge());
    expect(reply.status).toBe(201);
    const method = reply.body;
    expect(method['@odata.type']).toBe('#microsoft.graph.qrCodePinAuthenticationMethod');
    expect(method.temporaryQRCode).toBeNull();
    expect(method.pin).toMatchObject({ code: '35387687', forceChangePinNextSignIn: true });
    expect(method.standardQRCode).toMatchObject({ lastUsedDateTime: NEVER });
    expect(method.standardQRCode?.image).toMatchObject({ version: 1, errorCorrectionLevel: 'l' });

    const read = await harness.graph<QrCodePinMethod>('GET', methodPath('jane.doe'));
    expect(read.status).toBe(200);
    expect(read.body.standardQRCode?.image).toBeNull();
    expect(read.body.pin.code).toBeNull();
    expect(read.body.standardQRCode?.id).toBe(method.standardQRCode?.id);
  });

  it('encodes ms-qrpin:v1|UPN|code id|secret, and its SVG is a QR symbol of exactly that (docs/graph-facts.md §17.2)', async () => {
    const { standardQRCode } = (await create('jane.doe', badge())).body;
    const raw = Buffer.from(standardQRCode!.image!.rawContent, 'base64').toString('utf8');
    const [scheme, upn, codeId, secret] = raw.split('|');
    expect(scheme).toBe('ms-qrpin:v1');
    expect(upn).toBe('jane.doe@contosoretail.onmicrosoft.com');
    expect(codeId).toBe(standardQRCode!.id);
    expect(secret!.length).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(standardQRCode!.image!.binaryValue, 'base64').toString('utf8')).toMatch(/^<svg version="1.1"/);
    expect(scan(standardQRCode!.image!.binaryValue)).toBe(raw);
  });

  it('gives each code its own secret', async () => {
    const first = (await create('jane.doe', badge())).body.standardQRCode!.image!.rawContent;
    const second = (await create('peter.clark', badge())).body.standardQRCode!.image!.rawContent;
    expect(first).not.toBe(second);
  });

  it('refuses a second method: 400 tooManyQRCodePinMethod', async () => {
    expect((await create('jane.doe', badge())).status).toBe(201);
    const again = await create('jane.doe', badge());
    expect(again.status).toBe(400);
    expect(errorCode(again)).toBe('tooManyQRCodePinMethod');
  });

  it('needs the standard code and refuses a temporary one here: 400 standardQRCodeRequired', async () => {
    expect(errorCode(await create('jane.doe', { pin: { code: '35387687' } }))).toBe('standardQRCodeRequired');
    const withTemporary = await create('jane.doe', { ...badge(), temporaryQRCode: {} });
    expect(withTemporary.status).toBe(400);
    expect(errorCode(withTemporary)).toBe('standardQRCodeRequired');
    expect((await harness.graph('GET', methodPath('jane.doe'))).status).toBe(404);
  });

  it('lasts the policy lifetime by default, and at most 395 days', async () => {
    const { standardQRCode } = (await create('jane.doe', badge())).body;
    const days = (Date.parse(standardQRCode!.expireDateTime) - Date.parse(standardQRCode!.startDateTime)) / DAY;
    expect(days).toBeCloseTo(365, 5);
    const start = new Date();
    const tooLong = await create(
      'peter.clark',
      badge('35387687', {
        startDateTime: start.toISOString(),
        expireDateTime: new Date(start.getTime() + 396 * DAY).toISOString(),
      }),
    );
    expect(tooLong.status).toBe(400);
  });

  it.each([
    ['1234567', 'pinTooShort'],
    ['abcdefgh', 'pinTooShort'],
    ['12345678', 'pinTooWeak'],
    ['87654321', 'pinTooWeak'],
    ['12121212', 'pinTooWeak'],
    ['123123123', 'pinTooWeak'],
    ['11111111', 'pinTooWeak'],
    ['353876873538768735387', 'pinTooLong'],
  ])('refuses the PIN %s: %s (docs/graph-facts.md §17.4)', async (pin, code) => {
    const reply = await create('jane.doe', badge(pin));
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe(code);
  });

  it("holds the PIN to the policy's pinLength", async () => {
    const patch = await harness.graph(
      'PATCH',
      '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/qrCodePin',
      {
        '@odata.type': '#microsoft.graph.qrCodePinAuthenticationMethodConfiguration',
        pinLength: 10,
      },
    );
    expect(patch.status).toBe(200);
    expect(errorCode(await create('jane.doe', badge('35387687')))).toBe('pinTooShort');
    expect((await create('jane.doe', badge('3538768791'))).status).toBe(201);
  });

  it.each([
    ['george.hall', 'not in the QR policy targets'],
    ['hana.kim', 'head office, not a frontline worker'],
    ['lena.fischer', 'a guest'],
    ['isaac.walker', 'no licence'],
  ])('refuses %s (%s) and creates nothing (docs/graph-facts.md §17.1, §17.5)', async (alias) => {
    const reply = await create(alias, badge());
    expect(reply.status).toBe(400);
    expect((await harness.graph('GET', methodPath(alias))).status).toBe(404);
  });
});

describe('the standard code (docs/graph-facts.md §17.3)', () => {
  it('extends an active code (200, no image), only its expiry and up to 395 days from its start', async () => {
    const { standardQRCode } = (await create('jane.doe', badge())).body;
    const start = Date.parse(standardQRCode!.startDateTime);
    const later = new Date(start + 390 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const extended = await harness.graph<QrCode>('PATCH', methodPath('jane.doe', '/standardQRCode'), {
      expireDateTime: later,
    });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ id: standardQRCode!.id, expireDateTime: later, image: null });
    const tooFar = new Date(start + 396 * DAY).toISOString();
    expect(
      (await harness.graph('PATCH', methodPath('jane.doe', '/standardQRCode'), { expireDateTime: tooFar })).status,
    ).toBe(400);
    const otherField = await harness.graph('PATCH', methodPath('jane.doe', '/standardQRCode'), {
      startDateTime: new Date().toISOString(),
    });
    expect(otherField.status).toBe(400);
  });

  it('replaces a lost badge: delete, then a new code with a new image, the PIN kept', async () => {
    const created = (await create('jane.doe', badge())).body;
    expect((await harness.graph('DELETE', methodPath('jane.doe', '/standardQRCode'))).status).toBe(204);
    const gone = await harness.graph<QrCodePinMethod>('GET', methodPath('jane.doe'));
    expect(gone.body.standardQRCode).toBeNull();
    const replaced = await harness.graph<QrCode>('PATCH', methodPath('jane.doe', '/standardQRCode'), {});
    expect(replaced.status).toBe(201);
    expect(replaced.body.id).not.toBe(created.standardQRCode!.id);
    expect(replaced.body.image?.rawContent).toBeDefined();
    const after = await harness.graph<QrCodePinMethod>('GET', methodPath('jane.doe'));
    expect(after.body.pin.updatedDateTime).toBe(created.pin.updatedDateTime);
  });

  it('issues a new code for an expired badge (uma.reid, demo)', async () => {
    const before = await harness.graph<QrCodePinMethod>('GET', methodPath('uma.reid'));
    expect(Date.parse(before.body.standardQRCode!.expireDateTime)).toBeLessThan(Date.now());
    const renewed = await harness.graph<QrCode>('PATCH', methodPath('uma.reid', '/standardQRCode'), {});
    expect(renewed.status).toBe(201);
    expect(Date.parse(renewed.body.expireDateTime)).toBeGreaterThan(Date.now());
  });
});

describe('the temporary code (docs/graph-facts.md §17.3)', () => {
  const hours = (from: Date, count: number): string => new Date(from.getTime() + count * 3_600_000).toISOString();

  it('lasts 1 to 12 hours', async () => {
    await create('jane.doe', badge());
    const now = new Date();
    for (const count of [0.5, 13]) {
      const reply = await harness.graph('PATCH', methodPath('jane.doe', '/temporaryQRCode'), {
        startDateTime: now.toISOString(),
        expireDateTime: hours(now, count),
      });
      expect(reply.status).toBe(400);
    }
    const ok = await harness.graph<QrCode>('PATCH', methodPath('jane.doe', '/temporaryQRCode'), {
      startDateTime: now.toISOString(),
      expireDateTime: hours(now, 12),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.image?.rawContent).toBeDefined();
  });

  it('is refused while one exists, until it is deleted (kyle.adams, demo)', async () => {
    const now = new Date();
    const body = { startDateTime: now.toISOString(), expireDateTime: hours(now, 4) };
    const refused = await harness.graph('PATCH', methodPath('kyle.adams', '/temporaryQRCode'), body);
    expect(refused.status).toBe(400);
    expect(errorCode(refused)).toBe('temporaryQRCodeExists');
    expect((await harness.graph('DELETE', methodPath('kyle.adams', '/temporaryQRCode'))).status).toBe(204);
    expect((await harness.graph('PATCH', methodPath('kyle.adams', '/temporaryQRCode'), body)).status).toBe(201);
  });
});

describe('the PIN (docs/graph-facts.md §17.3, §17.4)', () => {
  it('is generated by Entra on reset (201), and must be changed at the next sign-in', async () => {
    await create('jane.doe', badge());
    const reset = await harness.graph<QrCodePinMethod['pin']>('PATCH', methodPath('jane.doe', '/pin'), {});
    expect(reset.status).toBe(201);
    expect(reset.body.code).toMatch(/^\d{8}$/);
    expect(reset.body.code).not.toBe('35387687');
    expect(reset.body.forceChangePinNextSignIn).toBe(true);
    expect((await harness.graph<QrCodePinMethod>('GET', methodPath('jane.doe'))).body.pin.code).toBeNull();
  });

  it('cannot be chosen on a reset', async () => {
    await create('jane.doe', badge());
    expect((await harness.graph('PATCH', methodPath('jane.doe', '/pin'), { code: '35387687' })).status).toBe(400);
  });
});

describe('revoking and reading (docs/graph-facts.md §17.3)', () => {
  it('deletes the whole method (204), after which it reads 404 and a new one can be created', async () => {
    expect((await harness.graph('DELETE', methodPath('chloe.evans'))).status).toBe(204);
    expect((await harness.graph('GET', methodPath('chloe.evans'))).status).toBe(404);
    expect((await harness.graph('DELETE', methodPath('chloe.evans'))).status).toBe(404);
    expect((await create('chloe.evans', badge())).status).toBe(201);
  });

  it('shows when a badge was last used, and never-used badges as 0001-01-01 (demo)', async () => {
    const used = (await harness.graph<QrCodePinMethod>('GET', methodPath('chloe.evans'))).body;
    expect(Date.parse(used.standardQRCode!.lastUsedDateTime)).toBeGreaterThan(Date.now() - 4 * DAY);
    const unused = (await harness.graph<QrCodePinMethod>('GET', methodPath('julia.young'))).body;
    expect(unused.standardQRCode!.lastUsedDateTime).toBe(NEVER);
    expect(unused.pin.forceChangePinNextSignIn).toBe(true);
  });

  it('answers 404 for a user without the method', async () => {
    expect((await harness.graph('GET', methodPath('jane.doe'))).status).toBe(404);
  });
});
