// Contract tests for bearer-token checks and Graph's error envelope over real HTTP (docs/graph-facts.md §11).
import { SimulatorHarness, demoUser, type GraphReply } from '../../helpers/simulator';

interface ErrorEnvelope {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string } & Record<string, unknown>;
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';

const harness = new SimulatorHarness();
const locked = new SimulatorHarness({ token: 'T' });

beforeAll(async () => {
  await Promise.all([harness.start(), locked.start()]);
});

afterAll(async () => {
  await Promise.all([harness.stop(), locked.stop()]);
});

beforeEach(async () => {
  await Promise.all([harness.reset(), locked.reset()]);
});

/** A request with exactly these headers and this raw body (no default Authorization). */
async function raw(
  target: SimulatorHarness,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<GraphReply<unknown>> {
  const response = await fetch(`${target.url}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  if (text !== '' && (response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed };
}

/** Checks docs/graph-facts.md §11's envelope and that innerError repeats the response's ids; returns the error. */
function expectEnvelope(reply: GraphReply<unknown>, status: number): ErrorEnvelope['error'] {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  const body = reply.body as ErrorEnvelope;
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  const inner = body.error.innerError;
  expect(typeof inner.date).toBe('string');
  expect(Number.isNaN(Date.parse(inner.date.endsWith('Z') ? inner.date : `${inner.date}Z`))).toBe(false);
  expect(Math.abs(Date.parse(inner.date.endsWith('Z') ? inner.date : `${inner.date}Z`) - Date.now())).toBeLessThan(
    60_000,
  );
  expect(inner['request-id']).toBe(reply.headers.get('request-id'));
  expect(inner['client-request-id']).toBe(reply.headers.get('client-request-id'));
  return body.error;
}

describe('bearer token (docs/graph-facts.md §11)', () => {
  // docs/graph-facts.md §11 envelope; Graph answers a missing token with 401 InvalidAuthenticationToken.
  it('answers a request without Authorization with 401 InvalidAuthenticationToken in the envelope (docs/graph-facts.md §11)', async () => {
    const reply = await raw(harness, 'GET', `/v1.0/users/${demoUser('bob.smith')}`);
    const error = expectEnvelope(reply, 401);
    expect(error.code).toBe('InvalidAuthenticationToken');
  });

  it.each([['Basic dXNlcjpwYXNz'], ['Bearer'], ['Bearer '], ['bearer-token'], ['']])(
    'answers Authorization %j with 401 InvalidAuthenticationToken (docs/graph-facts.md §11)',
    async (authorization) => {
      const reply = await raw(harness, 'GET', '/v1.0/users', { authorization });
      expect(expectEnvelope(reply, 401).code).toBe('InvalidAuthenticationToken');
    },
  );

  it('accepts any non-empty bearer token when started without a token', async () => {
    const reply = await raw(harness, 'GET', '/v1.0/users?$top=1', { authorization: 'Bearer anything-at-all' });
    expect(reply.status).toBe(200);
  });

  it('refuses tokens other than the configured one with 401 and accepts the configured one (docs/graph-facts.md §11)', async () => {
    const wrong = await locked.graph('GET', '/users?$top=1', undefined, { authorization: 'Bearer test-token' });
    expect(expectEnvelope(wrong, 401).code).toBe('InvalidAuthenticationToken');
    const almost = await locked.graph('GET', '/users?$top=1', undefined, { authorization: 'Bearer T2' });
    expect(almost.status).toBe(401);
    const right = await locked.graph('GET', '/users?$top=1', undefined, { authorization: 'Bearer T' });
    expect(right.status).toBe(200);
  });

  it('checks the token on writes and $batch too, applying nothing (docs/graph-facts.md §11)', async () => {
    const before = await locked.graph(
      'GET',
      `/users/${demoUser('bob.smith')}?$select=signInSessionsValidFromDateTime`,
      undefined,
      { authorization: 'Bearer T' },
    );
    const write = await locked.graph('POST', `/users/${demoUser('bob.smith')}/revokeSignInSessions`, undefined, {
      authorization: 'Bearer nope',
    });
    expect(write.status).toBe(401);
    const batch = await locked.graph(
      'POST',
      '/$batch',
      { requests: [{ id: '1', method: 'POST', url: `/users/${demoUser('bob.smith')}/revokeSignInSessions` }] },
      {
        authorization: 'Bearer nope',
      },
    );
    expect(batch.status).toBe(401);
    const after = await locked.graph(
      'GET',
      `/users/${demoUser('bob.smith')}?$select=signInSessionsValidFromDateTime`,
      undefined,
      { authorization: 'Bearer T' },
    );
    expect(after.body.signInSessionsValidFromDateTime).toBe(before.body.signInSessionsValidFromDateTime);
  });
});

describe('request-id and client-request-id (docs/graph-facts.md §11)', () => {
  // docs/graph-facts.md §11: innerError carries request-id and client-request-id; every response has a request-id.
  it('sends a distinct request-id GUID on every response, success or failure (docs/graph-facts.md §11)', async () => {
    const replies = await Promise.all([
      harness.graph('GET', '/users?$top=1'),
      harness.graph('GET', `/users/${UNKNOWN_ID}`),
      harness.graph('GET', '/users?$filter=bogus'),
      harness.graph('DELETE', '/users'),
      harness.graph('GET', '/userz'),
      raw(harness, 'GET', '/v1.0/users'),
      raw(harness, 'GET', '/beta/users', { authorization: 'Bearer x' }),
      harness.graph('POST', `/users/${demoUser('bob.smith')}/revokeSignInSessions`),
      harness.graph('POST', '/$batch', { requests: [{ id: '1', method: 'GET', url: '/users?$top=1' }] }),
    ]);
    const ids = replies.map((reply) => reply.headers.get('request-id'));
    for (const id of ids) expect(id).toMatch(GUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // docs/graph-facts.md §11: "client-request-id" is echoed in the envelope's innerError.
  it('echoes a client-request-id in the header and in error.innerError (docs/graph-facts.md §11)', async () => {
    const reply = await harness.graph('GET', `/users/${UNKNOWN_ID}`, undefined, {
      'client-request-id': 'my-correlation-id-42',
    });
    expect(reply.headers.get('client-request-id')).toBe('my-correlation-id-42');
    const error = expectEnvelope(reply, 404);
    expect(error.innerError['client-request-id']).toBe('my-correlation-id-42');
  });

  it('echoes client-request-id on success and on a 401 (docs/graph-facts.md §11)', async () => {
    const ok = await harness.graph('GET', '/users?$top=1', undefined, { 'client-request-id': 'cri-ok' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('client-request-id')).toBe('cri-ok');
    const denied = await raw(harness, 'GET', '/v1.0/users', { 'client-request-id': 'cri-401' });
    expect(expectEnvelope(denied, 401)['innerError']['client-request-id']).toBe('cri-401');
  });

  it('makes up a client-request-id when none is sent, and uses it in innerError (docs/graph-facts.md §11)', async () => {
    const reply = await harness.graph('GET', `/users/${UNKNOWN_ID}`);
    expect(reply.headers.get('client-request-id')).toMatch(GUID);
    expectEnvelope(reply, 404);
  });
});

describe('error envelope for bad requests (docs/graph-facts.md §11)', () => {
  // docs/graph-facts.md §11: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}
  it('answers 404 for an unknown user in the exact envelope shape (docs/graph-facts.md §11)', async () => {
    const reply = await harness.graph('GET', `/users/${UNKNOWN_ID}`);
    const error = expectEnvelope(reply, 404);
    expect(error.code).toBe('Request_ResourceNotFound');
    expect(Object.keys(error).sort()).toEqual(['code', 'innerError', 'message']);
    expect(Object.keys(error.innerError).sort()).toEqual(['client-request-id', 'date', 'request-id']);
  });

  it.each([['/userz'], ['/users/x/bogus'], [`/users/${'x'}/authentication/bogusMethods`], ['/'], ['/me/unknownThing']])(
    'answers an unknown path %s with 400 (docs/graph-facts.md §11)',
    async (path) => {
      const error = expectEnvelope(await harness.graph('GET', path), 400);
      expect(error.code).toMatch(/BadRequest/);
    },
  );

  it.each([
    ['DELETE', '/users'],
    ['PATCH', `/users/${demoUser('bob.smith')}`],
    ['PUT', `/users/${demoUser('bob.smith')}/authentication/phoneMethods`],
    ['GET', `/users/${demoUser('bob.smith')}/revokeSignInSessions`],
    ['POST', '/users/$count'],
  ])('answers %s %s with 405 (docs/graph-facts.md §11)', async (method, path) => {
    expectEnvelope(await harness.graph(method, path), 405);
  });

  it.each([['/beta/users'], ['/beta/users/x/authentication/signInPreferences'], ['/v2.0/users'], ['/users']])(
    'answers %s (not /v1.0) with 400 (docs/graph-facts.md §11)',
    async (path) => {
      const reply = await raw(harness, 'GET', path, { authorization: 'Bearer x' });
      expectEnvelope(reply, 400);
    },
  );

  it('answers a body that is not JSON with 400 and does not apply it (docs/graph-facts.md §11)', async () => {
    const reply = await raw(
      harness,
      'POST',
      `/v1.0/users/${demoUser('jane.doe')}/authentication/phoneMethods`,
      { authorization: 'Bearer x', 'content-type': 'application/json' },
      '{"phoneNumber": "+44 7700900123", "phoneType": "mobile"',
    );
    const error = expectEnvelope(reply, 400);
    expect(error.message).toMatch(/JSON/);
    const after = await harness.graph<{ value: unknown[] }>(
      'GET',
      `/users/${demoUser('jane.doe')}/authentication/phoneMethods`,
    );
    expect(after.body.value).toEqual([]);
  });

  it('answers a JSON body that is not an object with 400 (docs/graph-facts.md §11)', async () => {
    const reply = await harness.graph('POST', `/users/${demoUser('jane.doe')}/authentication/phoneMethods`, [
      '+44 7700900123',
    ]);
    expectEnvelope(reply, 400);
  });

  it('answers a badly percent-encoded path with 400 (docs/graph-facts.md §11)', async () => {
    const reply = await raw(harness, 'GET', '/v1.0/users/%E0%A4%A', { authorization: 'Bearer x' });
    expectEnvelope(reply, 400);
  });
});
