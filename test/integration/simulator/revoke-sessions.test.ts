// Contract tests for POST /users/{u}/revokeSignInSessions over real HTTP (docs/graph-facts.md §4).
import { randomUUID } from 'node:crypto';
import { SimulatorHarness, demoUser, type GraphReply, useSimulator } from '../../helpers/simulator';

interface GraphError {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

interface RevokeResult {
  '@odata.context': string;
  value: boolean;
}

const harness = new SimulatorHarness();

/** Graph's error envelope (docs/graph-facts.md §11): code, message, innerError with the response's request-id. */
function expectGraphError(reply: GraphReply<unknown>, status: number, code: string, clientRequestId?: string): void {
  expect(reply.status).toBe(status);
  const { error } = reply.body as GraphError;
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.innerError['request-id']).toBe(reply.headers.get('request-id'));
  expect(error.innerError['client-request-id']).toBe(reply.headers.get('client-request-id'));
  if (clientRequestId !== undefined) expect(error.innerError['client-request-id']).toBe(clientRequestId);
}

async function validFrom(alias: string): Promise<string> {
  const reply = await harness.graph<{ signInSessionsValidFromDateTime: string }>(
    'GET',
    `/users/${demoUser(alias)}?$select=signInSessionsValidFromDateTime`,
  );
  expect(reply.status).toBe(200);
  expect(typeof reply.body.signInSessionsValidFromDateTime).toBe('string');
  expect(Number.isNaN(Date.parse(reply.body.signInSessionsValidFromDateTime))).toBe(false);
  return reply.body.signInSessionsValidFromDateTime;
}

function revoke(alias: string): Promise<GraphReply<RevokeResult>> {
  return harness.graph<RevokeResult>('POST', `/users/${demoUser(alias)}/revokeSignInSessions`);
}

useSimulator(harness, { resetBeforeEach: true });

describe('revokeSignInSessions', () => {
  it('answers 200 with {"value": true} and an Edm.Boolean @odata.context (docs/graph-facts.md §4 Response)', async () => {
    const reply = await revoke('chloe.evans');
    expect(reply.status).toBe(200);
    expect(reply.body.value).toBe(true);
    expect(reply.body['@odata.context']).toMatch(/\$metadata#Edm\.Boolean$/);
  });

  it('moves signInSessionsValidFromDateTime to the time of the call (docs/graph-facts.md §4 "resets signInSessionsValidFromDateTime")', async () => {
    const before = await validFrom('chloe.evans');
    // The property has whole-second precision.
    const calledAt = Math.floor(Date.now() / 1000) * 1000;
    expect((await revoke('chloe.evans')).status).toBe(200);
    const after = await validFrom('chloe.evans');
    expect(after).not.toBe(before);
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
    expect(Date.parse(after)).toBeGreaterThanOrEqual(calledAt);
    expect(Date.parse(after)).toBeLessThanOrEqual(Date.now());
  });

  it("leaves other users' sessions alone (docs/graph-facts.md §4)", async () => {
    const other = await validFrom('jane.doe');
    expect((await revoke('chloe.evans')).status).toBe(200);
    expect(await validFrom('jane.doe')).toBe(other);
  });

  it('works with the userPrincipalName as the user key (docs/graph-facts.md §4 "POST /users/{u}/revokeSignInSessions")', async () => {
    const before = await validFrom('bob.smith');
    const reply = await harness.graph<RevokeResult>(
      'POST',
      '/users/bob.smith@contosoretail.onmicrosoft.com/revokeSignInSessions',
    );
    expect(reply.status).toBe(200);
    expect(reply.body.value).toBe(true);
    expect(await validFrom('bob.smith')).not.toBe(before);
  });

  it('does not move a guest\'s signInSessionsValidFromDateTime, yet answers 200 (docs/graph-facts.md §4 "doesn\'t revoke sign-in sessions for external users"; simulator choice)', async () => {
    const before = await validFrom('lena.fischer');
    const reply = await revoke('lena.fischer');
    expect(reply.status).toBe(200);
    expect(reply.body.value).toBe(true);
    expect(await validFrom('lena.fischer')).toBe(before);
  });

  it('answers 404 Request_ResourceNotFound in the error envelope for an unknown user (docs/graph-facts.md §11)', async () => {
    const clientRequestId = randomUUID();
    const reply = await harness.graph('POST', `/users/${randomUUID()}/revokeSignInSessions`, undefined, {
      'client-request-id': clientRequestId,
    });
    expectGraphError(reply, 404, 'Request_ResourceNotFound', clientRequestId);
  });
});
