// Contract tests for the SMS authentication method configuration over real HTTP (docs/graph-facts.md §3).
import { randomUUID } from 'node:crypto';
import {
  BAD_REQUEST_CODE,
  MOBILE,
  SimulatorHarness,
  demoUser,
  type GraphReply,
  useSimulator,
} from '../../helpers/simulator';

interface GraphError {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

interface IncludeTarget {
  id: string;
  targetType: string;
  isRegistrationRequired: boolean;
  isUsableForSignIn: boolean;
}

interface SmsPolicy {
  '@odata.context': string;
  '@odata.type': string;
  id: string;
  state: string;
  includeTargets: IncludeTarget[];
  excludeTargets: Array<{ id: string; targetType: string }>;
}

const SMS_TYPE = '#microsoft.graph.smsAuthenticationMethodConfiguration';
const POLICY = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/sms';

const harness = new SimulatorHarness();

/** Graph's error envelope (docs/graph-facts.md §11): code, message, innerError with the response's request-id. */
function expectGraphError(
  reply: GraphReply<unknown>,
  status: number,
  code: string | RegExp,
  clientRequestId?: string,
): GraphError['error'] {
  expect(reply.status).toBe(status);
  const { error } = reply.body as GraphError;
  if (typeof code === 'string') expect(error.code).toBe(code);
  else expect(error.code).toMatch(code);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.innerError['request-id']).toBe(reply.headers.get('request-id'));
  expect(error.innerError['client-request-id']).toBe(reply.headers.get('client-request-id'));
  if (clientRequestId !== undefined) expect(error.innerError['client-request-id']).toBe(clientRequestId);
  return error;
}

async function getPolicy(): Promise<SmsPolicy> {
  const reply = await harness.graph<SmsPolicy>('GET', POLICY);
  expect(reply.status).toBe(200);
  return reply.body;
}

async function groupId(displayName: string): Promise<string> {
  const reply = await harness.graph<{ value: Array<{ id: string }> }>(
    'GET',
    `/groups?$filter=${encodeURIComponent(`displayName eq '${displayName}'`)}`,
  );
  expect(reply.status).toBe(200);
  expect(reply.body.value).toHaveLength(1);
  return reply.body.value[0].id;
}

async function mobileState(alias: string): Promise<string> {
  const reply = await harness.graph<{ smsSignInState: string }>(
    'GET',
    `/users/${demoUser(alias)}/authentication/phoneMethods/${MOBILE}`,
  );
  expect(reply.status).toBe(200);
  return reply.body.smsSignInState;
}

useSimulator(harness, { resetBeforeEach: true });

describe('GET the SMS policy', () => {
  it('returns the configuration at the top level with @odata.type, id "Sms" and state (docs/graph-facts.md §3.2 smsAuthenticationMethodConfiguration; §3.1 no "value" wrapper)', async () => {
    const reply = await harness.graph<SmsPolicy>('GET', POLICY);
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.type']).toBe(SMS_TYPE);
    expect(reply.body.id).toBe('Sms');
    expect(reply.body.state).toBe('enabled');
    expect(reply.body).not.toHaveProperty('value');
    expect(reply.body['@odata.context']).toMatch(/\/\$metadata#/);
  });

  it('lists includeTargets with targetType, id, isRegistrationRequired and isUsableForSignIn (docs/graph-facts.md §3.2 smsAuthenticationMethodTarget)', async () => {
    const policy = await getPolicy();
    const frontline = await groupId('Frontline workers');
    const mfaOnly = await groupId('SMS for MFA only');
    expect(policy.includeTargets).toHaveLength(2);
    expect(policy.includeTargets).toEqual(
      expect.arrayContaining([
        { id: frontline, targetType: 'group', isRegistrationRequired: false, isUsableForSignIn: true },
        { id: mfaOnly, targetType: 'group', isRegistrationRequired: false, isUsableForSignIn: false },
      ]),
    );
  });

  it('lists excludeTargets as groups (docs/graph-facts.md §3.2 excludeTargets is an excludeTarget[])', async () => {
    const policy = await getPolicy();
    expect(policy.excludeTargets).toEqual([{ id: await groupId('SMS sign-in exclusions'), targetType: 'group' }]);
  });
});

describe('PATCH the SMS policy', () => {
  it('refuses a body without @odata.type with 400 and changes nothing (docs/graph-facts.md §3.1 "The body must include @odata.type")', async () => {
    const before = await getPolicy();
    const clientRequestId = randomUUID();
    const reply = await harness.graph('PATCH', POLICY, { state: 'disabled' }, { 'client-request-id': clientRequestId });
    expectGraphError(reply, 400, 'badRequest', clientRequestId);
    expect(await getPolicy()).toEqual(before);
  });

  it('refuses a body with the wrong @odata.type with 400 (docs/graph-facts.md §3.1 "The body must include @odata.type")', async () => {
    const reply = await harness.graph('PATCH', POLICY, {
      '@odata.type': '#microsoft.graph.emailAuthenticationMethodConfiguration',
      state: 'disabled',
    });
    expectGraphError(reply, 400, 'badRequest');
    expect((await getPolicy()).state).toBe('enabled');
  });

  it('refuses an unknown property with 400 and changes nothing (docs/graph-facts.md §3.1 documented updatable properties)', async () => {
    const before = await getPolicy();
    const reply = await harness.graph('PATCH', POLICY, {
      '@odata.type': SMS_TYPE,
      state: 'disabled',
      allowSmsEverywhere: true,
    });
    expectGraphError(reply, 400, 'badRequest');
    expect(await getPolicy()).toEqual(before);
  });

  it('refuses an invalid state with 400 (docs/graph-facts.md §3.2 state is enabled or disabled)', async () => {
    expectGraphError(await harness.graph('PATCH', POLICY, { '@odata.type': SMS_TYPE, state: 'on' }), 400, 'badRequest');
    expect((await getPolicy()).state).toBe('enabled');
  });

  it('refuses an include target group that does not exist with 400 and changes nothing, not even the state sent with it (docs/graph-facts.md §3.2 includeTargets)', async () => {
    const before = await getPolicy();
    const reply = await harness.graph('PATCH', POLICY, {
      '@odata.type': SMS_TYPE,
      state: 'disabled',
      includeTargets: [{ id: randomUUID(), targetType: 'group', isUsableForSignIn: true }],
    });
    expectGraphError(reply, 400, BAD_REQUEST_CODE);
    expect(await getPolicy()).toEqual(before);
    expect(await mobileState('chloe.evans')).toBe('ready');
  });

  it('refuses an exclude target group that does not exist with 400 and changes nothing (docs/graph-facts.md §3.2 excludeTargets)', async () => {
    const before = await getPolicy();
    const reply = await harness.graph('PATCH', POLICY, {
      '@odata.type': SMS_TYPE,
      excludeTargets: [{ id: randomUUID(), targetType: 'group' }],
    });
    expectGraphError(reply, 400, BAD_REQUEST_CODE);
    expect(await getPolicy()).toEqual(before);
  });

  it('unticks "Use for sign-in" on a target: 204 with no body, and GET shows it (docs/graph-facts.md §3.2 isUsableForSignIn "Use for sign-in")', async () => {
    const frontline = await groupId('Frontline workers');
    const { includeTargets, excludeTargets } = await getPolicy();
    const reply = await harness.graph('PATCH', POLICY, {
      '@odata.type': SMS_TYPE,
      includeTargets: includeTargets.map((target) => ({
        id: target.id,
        targetType: target.targetType,
        isUsableForSignIn: target.id === frontline ? false : target.isUsableForSignIn,
      })),
    });
    expect(reply.status).toBe(204);
    expect(reply.body).toBe('');
    const after = await getPolicy();
    expect(after.includeTargets.find((target) => target.id === frontline)?.isUsableForSignIn).toBe(false);
    expect(after.includeTargets).toHaveLength(includeTargets.length);
    // The rest of the configuration is untouched.
    expect(after.state).toBe('enabled');
    expect(after.excludeTargets).toEqual(excludeTargets);
  });

  it('disables the policy: 204 and GET shows state disabled with targets kept (docs/graph-facts.md §3.1 Update "Returns 204", state)', async () => {
    const before = await getPolicy();
    const reply = await harness.graph('PATCH', POLICY, { '@odata.type': SMS_TYPE, state: 'disabled' });
    expect(reply.status).toBe(204);
    const after = await getPolicy();
    expect(after.state).toBe('disabled');
    expect(after.includeTargets).toEqual(before.includeTargets);
    expect(after.excludeTargets).toEqual(before.excludeTargets);
  });

  it('replaces excludeTargets: 204 and GET shows the new list (docs/graph-facts.md §3.1 excludeTargets is updatable)', async () => {
    const reply = await harness.graph('PATCH', POLICY, { '@odata.type': SMS_TYPE, excludeTargets: [] });
    expect(reply.status).toBe(204);
    expect((await getPolicy()).excludeTargets).toEqual([]);
    // Hannah Lewis was excluded; her number was registered, so she is ready again.
    expect(await mobileState('hannah.lewis')).toBe('ready');
  });

  it('answers 400 for a body that is not a JSON object (docs/graph-facts.md §11 envelope)', async () => {
    const reply = await harness.graph('PATCH', POLICY, ['state', 'disabled']);
    expectGraphError(reply, 400, 'BadRequest');
    expect((await getPolicy()).state).toBe('enabled');
  });
});
