// Contract tests for POST /v1.0/$batch over real HTTP (docs/graph-facts.md §9, §10, §11).
import { SimulatorHarness, MOBILE, demoUser, type GraphReply, useSimulator } from '../../helpers/simulator';

type Json = Record<string, unknown>;

interface BatchRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: Json & { error?: { code: string; message: string; innerError: Record<string, string> } };
}

interface BatchBody {
  responses: BatchResponse[];
  error?: { code: string; message: string };
}

interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  status: number;
  requestId: string;
  clientRequestId: string;
  batchId?: string;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';
const harness = new SimulatorHarness();

useSimulator(harness, { resetBeforeEach: true });

const batch = (requests: unknown, headers?: Record<string, string>): Promise<GraphReply<BatchBody>> =>
  harness.graph<BatchBody>('POST', '/$batch', { requests }, headers);

function response(reply: GraphReply<BatchBody>, id: string): BatchResponse {
  const found = reply.body.responses.find((item) => item.id === id);
  if (!found) throw new Error(`no response for request ${id}`);
  return found;
}

async function loggedRequests(): Promise<LoggedRequest[]> {
  return (await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
}

const getBob = (id: string): BatchRequest => ({ id, method: 'GET', url: `/users/${demoUser('bob.smith')}` });

describe('$batch responses (docs/graph-facts.md §9)', () => {
  // docs/graph-facts.md §9: "check each responses[].status"; "Responses can come back in any order".
  it('answers 200 with one response per inner request, each with its own status (docs/graph-facts.md §9)', async () => {
    const reply = await batch([
      getBob('1'),
      { id: '2', method: 'GET', url: `/users/${UNKNOWN_ID}` },
      { id: '3', method: 'GET', url: '/users?$select=id&$top=2' },
      { id: '4', method: 'GET', url: `users/${demoUser('chloe.evans')}/authentication/phoneMethods` },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.responses.map((item) => item.id).sort()).toEqual(['1', '2', '3', '4']);
    expect(response(reply, '1').status).toBe(200);
    expect(response(reply, '1').body?.displayName).toBe('Bob Smith');
    expect(response(reply, '3').status).toBe(200);
    expect(response(reply, '3').body?.value).toHaveLength(2);
    expect(response(reply, '4').status).toBe(200);
    expect((response(reply, '4').body?.value as Json[])[0].id).toBe(MOBILE);
  });

  // docs/graph-facts.md §9: "A 200 batch status does not mean the inner requests succeeded".
  it('keeps an inner 404 inside the batch: outer 200, inner 404 Request_ResourceNotFound (docs/graph-facts.md §9, §11)', async () => {
    const reply = await batch([{ id: 'missing', method: 'GET', url: `/users/${UNKNOWN_ID}` }]);
    expect(reply.status).toBe(200);
    const inner = response(reply, 'missing');
    expect(inner.status).toBe(404);
    expect(inner.body?.error?.code).toBe('Request_ResourceNotFound');
    expect(typeof inner.body?.error?.innerError['request-id']).toBe('string');
  });

  it('gives inner responses headers (content-type, request-id)', async () => {
    const reply = await batch([getBob('a')]);
    const headers = response(reply, 'a').headers ?? {};
    expect(headers['content-type']).toMatch(/application\/json/);
    expect(headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers['request-id']).not.toBe(reply.headers.get('request-id'));
  });

  it('runs inner writes: a POST with a body and Content-Type creates the phone (docs/graph-facts.md §9)', async () => {
    const reply = await batch([
      {
        id: 'add',
        method: 'POST',
        url: `/users/${demoUser('jane.doe')}/authentication/phoneMethods`,
        headers: { 'Content-Type': 'application/json' },
        body: { phoneNumber: '+44 7700900123', phoneType: 'mobile' },
      },
    ]);
    expect(reply.status).toBe(200);
    expect(response(reply, 'add').status).toBe(201);
    const after = await harness.graph<{ value: Json[] }>(
      'GET',
      `/users/${demoUser('jane.doe')}/authentication/phoneMethods`,
    );
    expect(after.body.value.map((method) => method.phoneNumber)).toEqual(['+44 7700900123']);
  });

  // docs/graph-facts.md §9: "When a body is present, headers must include Content-Type".
  it('fails an inner request with a body but no Content-Type with an inner 400, not applying it (docs/graph-facts.md §9)', async () => {
    const reply = await batch([
      {
        id: 'add',
        method: 'POST',
        url: `/users/${demoUser('jane.doe')}/authentication/phoneMethods`,
        body: { phoneNumber: '+44 7700900123', phoneType: 'mobile' },
      },
    ]);
    expect(reply.status).toBe(200);
    expect(response(reply, 'add').status).toBe(400);
    const after = await harness.graph<{ value: Json[] }>(
      'GET',
      `/users/${demoUser('jane.doe')}/authentication/phoneMethods`,
    );
    expect(after.body.value).toEqual([]);
  });

  it('echoes an inner client-request-id in the inner response headers (docs/graph-facts.md §11)', async () => {
    const reply = await batch([{ ...getBob('x'), headers: { 'client-request-id': 'inner-cri-1' } }], {
      'client-request-id': 'outer-cri-1',
    });
    expect(reply.headers.get('client-request-id')).toBe('outer-cri-1');
    expect(response(reply, 'x').headers?.['client-request-id']).toBe('inner-cri-1');
  });

  it('refuses an absolute inner url with an inner 400', async () => {
    const reply = await batch([{ id: 'abs', method: 'GET', url: 'https://graph.microsoft.com/v1.0/users' }]);
    expect(reply.status).toBe(200);
    expect(response(reply, 'abs').status).toBe(400);
  });

  it('refuses a $batch nested in a $batch with an inner 400', async () => {
    const reply = await batch([
      {
        id: 'nested',
        method: 'POST',
        url: '/$batch',
        headers: { 'content-type': 'application/json' },
        body: { requests: [getBob('1')] },
      },
    ]);
    expect(reply.status).toBe(200);
    expect(response(reply, 'nested').status).toBe(400);
  });
});

describe('$batch limits and validation (docs/graph-facts.md §9)', () => {
  // docs/graph-facts.md §9: "Limit: at most 20 requests per batch".
  it('answers 20 requests (docs/graph-facts.md §9 "at most 20")', async () => {
    const reply = await batch(Array.from({ length: 20 }, (_value, index) => getBob(String(index + 1))));
    expect(reply.status).toBe(200);
    expect(reply.body.responses).toHaveLength(20);
    expect(reply.body.responses.every((item) => item.status === 200)).toBe(true);
  });

  it('answers 21 requests with 400 and runs none of them (docs/graph-facts.md §9 "at most 20")', async () => {
    await harness.control('DELETE', 'requests');
    const reply = await batch(Array.from({ length: 21 }, (_value, index) => getBob(String(index + 1))));
    expect(reply.status).toBe(400);
    expect(reply.body.error?.message).toMatch(/20/);
    expect((await loggedRequests()).filter((entry) => entry.batchId !== undefined)).toEqual([]);
  });

  // docs/graph-facts.md §9: "id values must be unique, otherwise the whole batch fails with 400".
  it('fails the whole batch with 400 for duplicate ids, applying no inner write (docs/graph-facts.md §9)', async () => {
    const before = await harness.graph(
      'GET',
      `/users/${demoUser('bob.smith')}?$select=signInSessionsValidFromDateTime`,
    );
    const reply = await batch([
      { id: '1', method: 'POST', url: `/users/${demoUser('bob.smith')}/revokeSignInSessions` },
      getBob('1'),
    ]);
    expect(reply.status).toBe(400);
    expect(reply.body.error?.message).toMatch(/unique|'1'/);
    const after = await harness.graph('GET', `/users/${demoUser('bob.smith')}?$select=signInSessionsValidFromDateTime`);
    expect(after.body.signInSessionsValidFromDateTime).toBe(before.body.signInSessionsValidFromDateTime);
  });

  it.each([
    ['no requests array', { nothing: true }],
    ['an empty requests array', { requests: [] }],
    ['a request without an id', { requests: [{ method: 'GET', url: '/users' }] }],
    ['a request without a url', { requests: [{ id: '1', method: 'GET' }] }],
    ['dependsOn naming an unknown request', { requests: [{ ...getBob('1'), dependsOn: ['9'] }] }],
    [
      'a dependsOn cycle',
      {
        requests: [
          { ...getBob('1'), dependsOn: ['2'] },
          { ...getBob('2'), dependsOn: ['1'] },
        ],
      },
    ],
  ])('refuses %s with 400 (docs/graph-facts.md §9)', async (_name, body) => {
    const reply = await harness.graph('POST', '/$batch', body);
    expect(reply.status).toBe(400);
    expect((reply.body as { error?: { code?: unknown } }).error?.code).toEqual(expect.any(String));
  });

  it('refuses GET /$batch with 405', async () => {
    const reply = await harness.graph('GET', '/$batch');
    expect(reply.status).toBe(405);
  });
});

describe('$batch dependsOn (docs/graph-facts.md §9)', () => {
  // docs/graph-facts.md §9: "With dependsOn, a failed dependency yields 424".
  it('answers 424 for a request that depends on a failed one, and for its dependants (docs/graph-facts.md §9)', async () => {
    const reply = await batch([
      { id: '1', method: 'GET', url: `/users/${UNKNOWN_ID}` },
      { ...getBob('2'), dependsOn: ['1'] },
      { ...getBob('3'), dependsOn: ['2'] },
      getBob('4'),
    ]);
    expect(reply.status).toBe(200);
    expect(response(reply, '1').status).toBe(404);
    expect(response(reply, '2').status).toBe(424);
    expect(response(reply, '3').status).toBe(424);
    expect(response(reply, '4').status).toBe(200);
  });

  it('does not apply a write whose dependency failed (docs/graph-facts.md §9)', async () => {
    const before = await harness.graph(
      'GET',
      `/users/${demoUser('bob.smith')}?$select=signInSessionsValidFromDateTime`,
    );
    const reply = await batch([
      { id: 'check', method: 'GET', url: `/users/${UNKNOWN_ID}` },
      {
        id: 'revoke',
        method: 'POST',
        url: `/users/${demoUser('bob.smith')}/revokeSignInSessions`,
        dependsOn: ['check'],
      },
    ]);
    expect(response(reply, 'revoke').status).toBe(424);
    const after = await harness.graph('GET', `/users/${demoUser('bob.smith')}?$select=signInSessionsValidFromDateTime`);
    expect(after.body.signInSessionsValidFromDateTime).toBe(before.body.signInSessionsValidFromDateTime);
  });

  it('runs a request whose dependencies succeeded, after them (docs/graph-facts.md §9)', async () => {
    await harness.control('DELETE', 'requests');
    const reply = await batch([
      {
        id: 'revoke',
        method: 'POST',
        url: `/users/${demoUser('bob.smith')}/revokeSignInSessions`,
        dependsOn: ['read'],
      },
      { id: 'read', method: 'GET', url: `/users/${demoUser('bob.smith')}?$select=signInSessionsValidFromDateTime` },
    ]);
    expect(response(reply, 'read').status).toBe(200);
    expect(response(reply, 'revoke').status).toBe(200);
    const inner = (await loggedRequests()).filter((entry) => entry.batchId !== undefined);
    expect(inner.map((entry) => entry.method)).toEqual(['GET', 'POST']);
  });
});

describe('$batch throttling (docs/graph-facts.md §9, §10)', () => {
  // docs/graph-facts.md §9: "Each inner request is throttled individually and can return 429"; honour its Retry-After.
  it('throttles inner requests one by one: some inner 429 with retry-after, outer 200 (docs/graph-facts.md §9, §10)', async () => {
    expect((await harness.control('PUT', 'throttle', { enabled: true, resourceUnitsPer10s: 3 })).status).toBe(204);
    const reply = await batch(
      Array.from({ length: 5 }, (_value, index) => ({ id: String(index + 1), method: 'GET', url: '/users' })),
    );
    expect(reply.status).toBe(200);
    const statuses = reply.body.responses.map((item) => item.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    const throttled = reply.body.responses.filter((item) => item.status === 429);
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
    for (const item of throttled) {
      const retryAfter = item.headers?.['retry-after'];
      expect(retryAfter).toMatch(/^\d+$/);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect(item.body?.error?.code).toEqual(expect.any(String));
    }
  });

  // docs/graph-facts.md §11: `activityLimitReached` is the throttled code, inside a batch as outside it.
  it('answers an inner 429 with error.code activityLimitReached, as a plain request (docs/graph-facts.md §9, §11)', async () => {
    expect((await harness.control('PUT', 'throttle', { enabled: true, resourceUnitsPer10s: 2 })).status).toBe(204);
    const reply = await batch([getBob('1'), getBob('2')]);
    expect(response(reply, '1').status).toBe(200);
    const throttled = response(reply, '2');
    expect(throttled.status).toBe(429);
    expect(throttled.body?.error?.code).toBe('activityLimitReached');
  });

  // docs/graph-facts.md §10: x-ms-resource-unit is a response header of each evaluated request, failed or not.
  it('gives an inner error answer its x-ms-resource-unit (docs/graph-facts.md §9, §10)', async () => {
    const reply = await batch([{ id: '1', method: 'GET', url: `/users/${UNKNOWN_ID}?$select=id` }]);
    const notFound = response(reply, '1');
    expect(notFound.status).toBe(404);
    expect(notFound.headers?.['x-ms-resource-unit']).toBe('1');
  });
});

describe('$batch in the request log', () => {
  it('logs each inner request with batchId = the outer request-id', async () => {
    await harness.control('DELETE', 'requests');
    const reply = await batch([getBob('1'), { id: '2', method: 'GET', url: `/users/${UNKNOWN_ID}` }]);
    const outerId = reply.headers.get('request-id');
    expect(outerId).toMatch(/^[0-9a-f-]{36}$/);
    const log = await loggedRequests();
    const inner = log.filter((entry) => entry.batchId === outerId);
    expect(inner).toHaveLength(2);
    expect(inner.map((entry) => [entry.method, entry.path, entry.status])).toEqual([
      ['GET', `/users/${demoUser('bob.smith')}`, 200],
      ['GET', `/users/${UNKNOWN_ID}`, 404],
    ]);
    const outer = log.find((entry) => entry.requestId === outerId);
    expect(outer).toMatchObject({ method: 'POST', path: '/$batch', status: 200 });
    expect(outer?.batchId).toBeUndefined();
  });
});
