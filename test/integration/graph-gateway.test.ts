import { diagnose } from '../../src/diagnosis/diagnose';
import { GraphFailure } from '../../src/graph/graph-errors';
import type { GraphGateway } from '../../src/graph/graph-gateway';
import { withinDeadline, withoutDeadline } from '../../src/graph/turn-deadline';
import type { LoggedRequest } from '../../src/simulator/request-log';
import { testGateway, type RecordingObserver } from '../helpers/gateway';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';
import { signInSnapshot } from '../../src/methods/read-snapshot';

const harness = new SimulatorHarness();
let gateway: GraphGateway;
let observer: RecordingObserver;

async function requestLog(): Promise<LoggedRequest[]> {
  return (await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
}

/** Requests the gateway sent over the wire (inner $batch requests are not round trips). */
async function roundTrips(): Promise<LoggedRequest[]> {
  return (await requestLog()).filter((entry) => entry.batchId === undefined);
}

async function failureOf(promise: Promise<unknown>): Promise<GraphFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphFailure) return error;
    throw error;
  }
  throw new Error('expected a GraphFailure');
}

useSimulator(harness);

beforeEach(async () => {
  await harness.restoreSeed();
  ({ gateway, observer } = testGateway(harness.url));
});

describe('finding users', () => {
  it('finds a worker by user principal name, mail or employee id in one request', async () => {
    for (const value of ['bob.smith@contosoretail.onmicrosoft.com', 'BOB.SMITH@contoso-retail.example', 'M2002']) {
      const users = await gateway.findUsersExact(value);
      expect(users.map((user) => user.displayName)).toEqual(['Bob Smith']);
    }
    expect(await roundTrips()).toHaveLength(3);
  });

  it('finds workers by the start of their display name', async () => {
    const users = await gateway.findUsersByNamePrefix('ja');
    expect(users.map((user) => user.displayName).sort()).toEqual(['Jade Kim', 'Jane Doe']);
  });

  it.each([
    ["O'Brien"],
    ["' or 1 eq 1 or displayName eq '"],
    ['Bob Smith) or (1 eq 1'],
    ['a&b=c#d%27e+f'],
    ['Zoë Łukasz 李 ✓'],
    ['x'.repeat(256)],
  ])('treats %j as data: escaped, encoded, no match it should not have', async (text) => {
    const exact = await gateway.findUsersExact(text);
    const prefix = await gateway.findUsersByNamePrefix(text);
    expect(exact).toEqual([]);
    expect(prefix).toEqual([]);
    const statuses = (await roundTrips()).map((entry) => entry.status);
    expect(statuses).toEqual([200, 200]);
  });

  it('does not send text longer than any Entra name to Graph (a 10 KB "name")', async () => {
    expect(await gateway.findUsersExact('x'.repeat(10_000))).toEqual([]);
    expect(await gateway.findUsersByNamePrefix('x'.repeat(10_000))).toEqual([]);
    expect(await requestLog()).toEqual([]);
  });

  it('finds a name with a quote in it exactly', async () => {
    const seed = (await harness.control<Record<string, unknown>>('GET', 'tenant')).body as {
      users: Array<Record<string, unknown>>;
    };
    seed.users.push({
      ...seed.users[10],
      id: '0b7d1c55-0000-4000-8000-00000000b0b1',
      userPrincipalName: 'aine.obrien@contosoretail.onmicrosoft.com',
      displayName: "Áine O'Brien",
      mail: "aine.o'brien@contoso-retail.example",
      employeeId: 'M9999',
      phoneMethods: [],
    });
    expect((await harness.control('PUT', 'seed', seed)).status).toBe(204);
    expect((await gateway.findUsersByNamePrefix("Áine O'B")).map((user) => user.displayName)).toEqual(["Áine O'Brien"]);
    expect(
      (await gateway.findUsersExact("aine.o'brien@contoso-retail.example")).map((user) => user.employeeId),
    ).toEqual(['M9999']);
  });

  it('returns undefined for a user Graph does not know, and the user otherwise', async () => {
    expect(await gateway.getUser('nobody@contosoretail.onmicrosoft.com')).toBeUndefined();
    expect((await gateway.getUser(demoUser('jane.doe')))?.displayName).toBe('Jane Doe');
  });
});

describe('sign-in snapshot', () => {
  it('reads everything about a worker in one $batch and explains FIG6 from it', async () => {
    const snapshot = await signInSnapshot(gateway, demoUser('bob.smith'));
    const trips = await roundTrips();
    expect(trips.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['POST /$batch']);
    expect(snapshot.user).toMatchObject({ displayName: 'Bob Smith', accountEnabled: true, userType: 'Member' });
    expect(snapshot.phoneMethods).toEqual([
      expect.objectContaining({ phoneType: 'mobile', phoneNumber: '+44 7700900234', smsSignInState: 'notConfigured' }),
    ]);
    expect(snapshot.licenses).toEqual(['SPE_F1']);
    expect(snapshot.groups.map((group) => group.displayName)).toContain('Frontline workers');
    expect(snapshot.administrativeUnits.map((unit) => unit.displayName)).toEqual(['Manchester Piccadilly']);
    expect(snapshot.policy.state).toBe('enabled');

    const result = diagnose(snapshot, { now: new Date() });
    expect(result.findings.map((finding) => finding.id)).toEqual(['number-not-enabled']);
  });

  it('reuses the SMS policy for the next snapshot instead of reading it again', async () => {
    await signInSnapshot(gateway, demoUser('bob.smith'));
    await signInSnapshot(gateway, demoUser('chloe.evans'));
    const policyReads = (await requestLog()).filter((entry) =>
      entry.path.includes('authenticationMethodConfigurations/sms'),
    );
    expect(policyReads).toHaveLength(1);
  });

  it('sees role assignments and the default MFA method', async () => {
    const rachel = await signInSnapshot(gateway, demoUser('rachel.green'));
    expect(rachel.roles).toEqual([
      {
        roleTemplateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
        displayName: 'Helpdesk Administrator',
        directoryScopeId: '/',
      },
    ]);
    const daniel = await signInSnapshot(gateway, demoUser('daniel.wright'));
    expect(daniel.defaultMfaMethod).toBe('sms');
    const priya = await signInSnapshot(gateway, demoUser('priya.shah'));
    expect(priya.roles[0].directoryScopeId).toMatch(/^\/administrativeUnits\//);
  });

  it('retries an inner request that was throttled, honouring its Retry-After', async () => {
    await harness.control('POST', 'faults', {
      method: 'GET',
      path: '/licenseDetails',
      status: 429,
      retryAfter: 1,
      count: 1,
    });
    const started = Date.now();
    const snapshot = await signInSnapshot(gateway, demoUser('chloe.evans'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(snapshot.licenses).toEqual(['SPE_F1']);
    expect(await roundTrips()).toHaveLength(2);
  });

  it('tolerates a partial $batch failure on the optional registration report (no AuditLog.Read.All)', async () => {
    await harness.control('POST', 'faults', {
      path: '/reports/authenticationMethods/userRegistrationDetails/',
      status: 403,
      code: 'Authorization_RequestDenied',
    });
    const snapshot = await signInSnapshot(gateway, demoUser('daniel.wright'));
    expect(snapshot.defaultMfaMethod).toBeUndefined();
    expect(snapshot.phoneMethods).toHaveLength(1);
  });

  it('fails plainly when a needed part of the $batch fails', async () => {
    await harness.control('POST', 'faults', { path: '/authentication/phoneMethods$', status: 500, count: 5 });
    const failure = await failureOf(signInSnapshot(gateway, demoUser('bob.smith')));
    expect(failure.kind).toBe('unavailable');
    expect(failure.userMessage).toMatch(/not responding properly/);
  });

  it('fails with a plain sentence when the user is gone', async () => {
    const failure = await failureOf(signInSnapshot(gateway, '00000000-0000-4000-8000-000000000000'));
    expect(failure.kind).toBe('not-found');
    expect(failure.userMessage).toMatch(/could not find/);
  });
});

describe('phone method writes', () => {
  it('adds a mobile that becomes ready for sign-in', async () => {
    const result = await gateway.addPhoneMethod(demoUser('jane.doe'), 'mobile', '+44 7700900123');
    expect(result).toEqual({
      method: expect.objectContaining({ phoneNumber: '+44 7700900123', smsSignInState: 'ready' }),
      numberInUse: false,
      recovered: false,
    });
  });

  it('reports the 409 half-success: number saved, but in use for sign-in elsewhere', async () => {
    const result = await gateway.addPhoneMethod(demoUser('jane.doe'), 'mobile', '+44 7700900101');
    expect(result.numberInUse).toBe(true);
    expect(result.method).toMatchObject({ phoneNumber: '+44 7700900101', smsSignInState: 'phoneNumberNotUnique' });
    expect((await gateway.listPhoneMethods(demoUser('jane.doe'))).map((method) => method.phoneNumber)).toEqual([
      '+44 7700900101',
    ]);
  });

  it('after a lost answer to a create that was applied, reads back instead of creating again', async () => {
    ({ gateway, observer } = testGateway(harness.url, { timeoutMs: 300 }));
    await harness.control('POST', 'faults', {
      method: 'POST',
      path: '/phoneMethods$',
      action: 'hold',
      hold: 'after',
      holdMs: 1500,
    });
    const result = await gateway.addPhoneMethod(demoUser('jane.doe'), 'mobile', '+44 7700900123');
    expect(result.recovered).toBe(true);
    expect(result.method.smsSignInState).toBe('ready');
    await harness.control('POST', 'release');
    const creates = (await requestLog()).filter(
      (entry) => entry.method === 'POST' && entry.path.endsWith('/phoneMethods'),
    );
    expect(creates).toHaveLength(1);
  });

  it('after a dropped create that was not applied, creates once more', async () => {
    await harness.control('POST', 'faults', { method: 'POST', path: '/phoneMethods$', action: 'drop' });
    const result = await gateway.addPhoneMethod(demoUser('jane.doe'), 'mobile', '+44 7700900123');
    expect(result).toMatchObject({ recovered: true, numberInUse: false });
    expect((await gateway.listPhoneMethods(demoUser('jane.doe'))).length).toBe(1);
    const creates = (await requestLog()).filter(
      (entry) => entry.method === 'POST' && entry.path.endsWith('/phoneMethods'),
    );
    expect(creates).toHaveLength(2);
  });

  it('does not retry a create on 503 blindly: it looks, then creates once more', async () => {
    await harness.control('POST', 'faults', { method: 'POST', path: '/phoneMethods$', status: 503, count: 1 });
    const result = await gateway.addPhoneMethod(demoUser('jane.doe'), 'mobile', '+44 7700900123');
    expect(result.recovered).toBe(true);
    const methods = (await requestLog()).map((entry) => `${entry.method} ${entry.status}`);
    expect(methods).toEqual(['POST 503', 'GET 200', 'POST 201']);
  });

  it('changes a number with PATCH and reads the new state back', async () => {
    const result = await gateway.updatePhoneMethod(demoUser('bob.smith'), 'mobile', '+44 7700900999');
    expect(result.method).toMatchObject({ phoneNumber: '+44 7700900999', smsSignInState: 'ready' });
  });

  it('deletes a number, and a number already gone counts as deleted', async () => {
    expect(await gateway.deletePhoneMethod(demoUser('chloe.evans'), 'mobile')).toEqual({ alreadyGone: false });
    expect(await gateway.deletePhoneMethod(demoUser('chloe.evans'), 'mobile')).toEqual({ alreadyGone: true });
  });

  it('enables and disables SMS sign-in and revokes sessions', async () => {
    await gateway.enableSmsSignIn(demoUser('bob.smith'));
    expect((await gateway.listPhoneMethods(demoUser('bob.smith')))[0].smsSignInState).toBe('ready');
    await gateway.disableSmsSignIn(demoUser('bob.smith'));
    expect((await gateway.listPhoneMethods(demoUser('bob.smith')))[0].smsSignInState).toBe('notEnabled');
    await gateway.revokeSignInSessions(demoUser('bob.smith'));
    const snapshot = await signInSnapshot(gateway, demoUser('bob.smith'));
    expect(Date.now() - Date.parse(snapshot.user.signInSessionsValidFromDateTime!)).toBeLessThan(10_000);
  });
});

describe('Graph errors as domain errors', () => {
  it.each([
    [
      'the default MFA method',
      () => gateway.deletePhoneMethod(demoUser('daniel.wright'), 'mobile'),
      'default-method',
      /default way to confirm sign-ins/,
    ],
    [
      'a second mobile',
      () => gateway.addPhoneMethod(demoUser('chloe.evans'), 'mobile', '+44 7700900777'),
      'method-exists',
      /already has a phone/,
    ],
    [
      'a malformed number',
      () => gateway.addPhoneMethod(demoUser('jane.doe'), 'mobile', '07700 900123'),
      'invalid-number',
      /country code/,
    ],
    [
      'enable for a number held by another',
      () => gateway.enableSmsSignIn(demoUser('ali.khan')),
      'number-in-use',
      /already used to sign in/,
    ],
  ] as const)('%s', async (_label, action, kind, message) => {
    const failure = await failureOf(action());
    expect(failure.kind).toBe(kind);
    expect(failure.userMessage).toMatch(message);
    expect(failure.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(failure.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(failure.userMessage).not.toContain('\n');
  });

  it("goes by Graph's documented code, not its wording: a 400 phoneNumberNotUnique with an unusual message is a number in use", async () => {
    await harness.control('POST', 'faults', {
      path: '/enableSmsSignIn$',
      status: 400,
      code: 'phoneNumberNotUnique',
      message: 'Registration could not be completed.',
    });
    const failure = await failureOf(gateway.enableSmsSignIn(demoUser('bob.smith')));
    expect(failure).toMatchObject({ kind: 'number-in-use', status: 400, graphCode: 'phoneNumberNotUnique' });
    expect(failure.userMessage).toMatch(/already used to sign in/);
  });

  it('never reads a request-level 400 as a bad number, whatever its message says', async () => {
    await harness.control('POST', 'faults', {
      path: '/phoneMethods$',
      status: 400,
      code: 'BadRequest',
      message: 'Invalid batch payload format.',
    });
    const failure = await failureOf(gateway.addPhoneMethod(demoUser('jane.doe'), 'mobile', '+44 7700900123'));
    expect(failure).toMatchObject({ kind: 'rejected', status: 400, graphCode: 'BadRequest' });
    expect(failure.userMessage).not.toMatch(/phone number/);
  });

  it('names the missing permission when Graph says which', async () => {
    await harness.control('POST', 'faults', {
      path: '/phoneMethods',
      status: 403,
      code: 'Authorization_RequestDenied',
      message:
        "Missing scope permissions on the request. API requires one of 'UserAuthenticationMethod.ReadWrite.All'.",
    });
    const failure = await failureOf(gateway.listPhoneMethods(demoUser('bob.smith')));
    expect(failure.kind).toBe('forbidden');
    expect(failure.userMessage).toMatch(/needs the UserAuthenticationMethod\.ReadWrite\.All permission/);
    expect(failure.graphCode).toBe('Authorization_RequestDenied');
  });

  it('rides out a 429 storm, honouring Retry-After, within a bounded number of tries', async () => {
    await harness.control('POST', 'faults', { path: '/phoneMethods', status: 429, retryAfter: 1, count: 2 });
    const started = Date.now();
    const methods = await gateway.listPhoneMethods(demoUser('bob.smith'));
    expect(methods).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect((await requestLog()).map((entry) => entry.status)).toEqual([429, 429, 200]);
  });

  it('gives up after the bounded number of retries and says Graph is busy', async () => {
    await harness.control('POST', 'faults', { path: '/phoneMethods', status: 429, retryAfter: 0, count: 10 });
    const failure = await failureOf(gateway.listPhoneMethods(demoUser('bob.smith')));
    expect(failure.kind).toBe('throttled');
    expect(failure.userMessage).toMatch(/busy/);
    expect((await requestLog()).length).toBe(4);
  });

  it('does not wait for a Retry-After longer than its cap', async () => {
    await harness.control('POST', 'faults', { path: '/phoneMethods', status: 429, retryAfter: 600, count: 1 });
    const started = Date.now();
    const failure = await failureOf(gateway.listPhoneMethods(demoUser('bob.smith')));
    expect(failure.kind).toBe('throttled');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('says whether Graph may have acted: not after 429s only, but yes once an attempt lost its answer', async () => {
    await harness.control('POST', 'faults', { path: '/phoneMethods', status: 429, retryAfter: 0, count: 10 });
    expect((await failureOf(gateway.listPhoneMethods(demoUser('bob.smith')))).mayHaveApplied).toBe(false);
    await harness.restoreSeed();
    await harness.control('POST', 'faults', { path: '/phoneMethods', action: 'drop', count: 1 });
    await harness.control('POST', 'faults', { path: '/phoneMethods', status: 429, retryAfter: 0, count: 10 });
    const failure = await failureOf(gateway.listPhoneMethods(demoUser('bob.smith')));
    expect(failure.kind).toBe('throttled');
    expect(failure.mayHaveApplied).toBe(true);
  });

  it('retries 503 and 504 on reads, then succeeds', async () => {
    await harness.control('POST', 'faults', { path: '/phoneMethods', status: 503, count: 1 });
    await harness.control('POST', 'faults', { path: '/phoneMethods', status: 504, count: 1 });
    expect(await gateway.listPhoneMethods(demoUser('bob.smith'))).toHaveLength(1);
    expect((await requestLog()).map((entry) => entry.status)).toEqual([503, 504, 200]);
  });

  it('times out a request that hangs and reports Graph as unavailable', async () => {
    ({ gateway, observer } = testGateway(harness.url, {
      timeoutMs: 200,
      retry: { maxRetries: 1, baseDelayMs: 10, maxRetryAfterMs: 1000 },
    }));
    await harness.control('POST', 'faults', { path: '/phoneMethods', action: 'hold', holdMs: 2000, count: 2 });
    const failure = await failureOf(gateway.listPhoneMethods(demoUser('bob.smith')));
    expect(failure.kind).toBe('unavailable');
    expect(failure.userMessage).toMatch(/Nothing was changed/);
    await harness.control('POST', 'release');
  });
});

describe('while a person waits (a turn deadline)', () => {
  it('does not wait for a Retry-After that would outlast the turn: one try, an answer at once', async () => {
    await harness.control('POST', 'faults', { path: '/phoneMethods', status: 429, retryAfter: 2, count: 10 });
    const started = Date.now();
    const failure = await failureOf(withinDeadline(1500, () => gateway.listPhoneMethods(demoUser('bob.smith'))));
    expect(failure.kind).toBe('throttled');
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await requestLog()).map((entry) => entry.status)).toEqual([429]);
  });

  it('still rides out short waits that fit in the turn', async () => {
    await harness.control('POST', 'faults', { path: '/phoneMethods', status: 429, retryAfter: 0.2, count: 2 });
    expect(await withinDeadline(1500, () => gateway.listPhoneMethods(demoUser('bob.smith')))).toHaveLength(1);
    expect((await requestLog()).map((entry) => entry.status)).toEqual([429, 429, 200]);
  });

  it('stops waiting for a hanging request when the turn runs out, not at the full timeout', async () => {
    await harness.control('POST', 'faults', { path: '/phoneMethods', action: 'hold', holdMs: 1500, count: 1 });
    const started = Date.now();
    const failure = await failureOf(withinDeadline(400, () => gateway.listPhoneMethods(demoUser('bob.smith'))));
    expect(failure.kind).toBe('unavailable');
    // The hold lasts 1500 ms: answering before it ends means the deadline cut the wait.
    expect(Date.now() - started).toBeLessThan(1400);
    await harness.control('POST', 'release');
  });

  it('does not retry throttled parts of a $batch past the deadline', async () => {
    await harness.control('POST', 'faults', { path: '/phoneMethods', status: 429, retryAfter: 2, count: 10 });
    const started = Date.now();
    await failureOf(withinDeadline(1500, () => signInSnapshot(gateway, demoUser('bob.smith'))));
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('leaves work started outside the turn to the normal bounds', async () => {
    await harness.control('POST', 'faults', { path: '/phoneMethods', status: 429, retryAfter: 0.6, count: 1 });
    const methods = await withinDeadline(100, () =>
      withoutDeadline(() => gateway.listPhoneMethods(demoUser('bob.smith'))),
    );
    expect(methods).toHaveLength(1);
    expect((await requestLog()).map((entry) => entry.status)).toEqual([429, 200]);
  });
});

describe('what the audit log will see', () => {
  it('announces every attempt before it is sent, with the client-request-id Graph echoes', async () => {
    await harness.control('POST', 'faults', { path: '/phoneMethods', status: 503, count: 1 });
    await gateway.listPhoneMethods(demoUser('bob.smith'));
    const log = await requestLog();
    expect(observer.intents.map((call) => call.attempt)).toEqual([1, 2]);
    expect(new Set(observer.intents.map((call) => call.clientRequestId)).size).toBe(1);
    expect(log.map((entry) => entry.clientRequestId)).toEqual(observer.intents.map((call) => call.clientRequestId));
    expect(observer.outcomes.map(({ outcome }) => outcome.status)).toEqual([503, 200]);
    expect(observer.outcomes[1].outcome.requestId).toBe(log[1].requestId);
    expect(observer.outcomes[0].outcome.graphCode).toBe('ServiceUnavailable');
    expect(observer.intents[0]).toMatchObject({
      operation: 'phoneMethods.list',
      method: 'GET',
      path: `/users/${demoUser('bob.smith')}/authentication/phoneMethods`,
    });
  });

  it('lists the inner requests of a $batch in its intent', async () => {
    await signInSnapshot(gateway, demoUser('bob.smith'));
    expect(observer.intents[0].batch?.map((item) => item.url)).toEqual(
      expect.arrayContaining([`/users/${demoUser('bob.smith')}/authentication/phoneMethods`]),
    );
  });

  it('sends nothing when the intent cannot be recorded', async () => {
    observer.failIntents = true;
    await expect(gateway.addPhoneMethod(demoUser('jane.doe'), 'mobile', '+44 7700900123')).rejects.toThrow();
    expect(await requestLog()).toEqual([]);
  });
});

describe('SMS policy', () => {
  it('unticks "Use for sign-in" and the next snapshot sees it at once', async () => {
    await signInSnapshot(gateway, demoUser('chloe.evans'));
    const frontline = (await gateway.smsPolicy()).includeTargets.find((target) => target.isUsableForSignIn)!;
    const policy = await gateway.setUseForSignIn(frontline.id, false);
    expect(policy.includeTargets.find((target) => target.id === frontline.id)?.isUsableForSignIn).toBe(false);
    const snapshot = await signInSnapshot(gateway, demoUser('chloe.evans'));
    expect(snapshot.phoneMethods[0].smsSignInState).toBe('notAllowedByPolicy');
    expect(diagnose(snapshot, { now: new Date() }).findings[0].id).toBe('use-for-sign-in-unchecked');
  });

  it('names the target groups when asked', async () => {
    const policy = await gateway.smsPolicy({ withGroupNames: true });
    expect(policy.includeTargets.map((target) => target.displayName)).toEqual([
      'Frontline workers',
      'SMS for MFA only',
    ]);
    expect(policy.excludeTargets.map((target) => target.displayName)).toEqual(['SMS sign-in exclusions']);
  });
});

describe('who holds a number: the building blocks', () => {
  it('lists users with a mobile registered and reads phone methods 20 at a time', async () => {
    const { userIds, nextLink } = await gateway.mobileRegistrations();
    expect(nextLink).toBeUndefined();
    expect(userIds).toContain(demoUser('sam.okafor'));
    expect(userIds).not.toContain(demoUser('jane.doe'));
    const methods = await gateway.phoneMethodsOf(userIds.slice(0, 20));
    expect(methods.size).toBe(20);
    const trips = await roundTrips();
    expect(trips.map((entry) => entry.method)).toEqual(['GET', 'POST']);
  });
});
