// Contract tests for SMS sign-in over real HTTP: automatic registration, uniqueness, enable/disable, and how
// smsSignInState follows the SMS policy. Every rule names the section of docs/graph-facts.md it checks.
import { randomUUID } from 'node:crypto';
import {
  ALTERNATE_MOBILE,
  MOBILE,
  OFFICE,
  SimulatorHarness,
  demoUser,
  type GraphReply,
  useSimulator,
} from '../../helpers/simulator';

interface PhoneMethod {
  id: string;
  phoneNumber: string;
  phoneType: string;
  smsSignInState: string;
}

interface GraphError {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

interface PolicyTarget {
  id: string;
  targetType: string;
  isUsableForSignIn?: boolean;
}

interface SmsPolicy {
  state: string;
  includeTargets: PolicyTarget[];
  excludeTargets: PolicyTarget[];
}

const SMS_TYPE = '#microsoft.graph.smsAuthenticationMethodConfiguration';
const POLICY = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/sms';

const harness = new SimulatorHarness();

const methodsPath = (alias: string): string => `/users/${demoUser(alias)}/authentication/phoneMethods`;
const methodPath = (alias: string, id: string): string => `${methodsPath(alias)}/${id}`;

/** Graph's error envelope (docs/graph-facts.md §11): code, message, innerError with the response's request-id. */
function expectGraphError(
  reply: GraphReply<unknown>,
  status: number,
  code: string,
  clientRequestId?: string,
): GraphError['error'] {
  expect(reply.status).toBe(status);
  const { error } = reply.body as GraphError;
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.innerError['request-id']).toBe(reply.headers.get('request-id'));
  expect(error.innerError['client-request-id']).toBe(reply.headers.get('client-request-id'));
  if (clientRequestId !== undefined) expect(error.innerError['client-request-id']).toBe(clientRequestId);
  return error;
}

async function method(alias: string, id = MOBILE): Promise<PhoneMethod> {
  const reply = await harness.graph<PhoneMethod>('GET', methodPath(alias, id));
  expect(reply.status).toBe(200);
  return reply.body;
}

async function state(alias: string, id = MOBILE): Promise<string> {
  return (await method(alias, id)).smsSignInState;
}

async function addMobile(alias: string, phoneNumber: string): Promise<GraphReply<PhoneMethod>> {
  return harness.graph<PhoneMethod>('POST', methodsPath(alias), { phoneNumber, phoneType: 'mobile' });
}

async function enable(alias: string, id = MOBILE, headers: Record<string, string> = {}): Promise<GraphReply> {
  return harness.graph('POST', `${methodPath(alias, id)}/enableSmsSignIn`, undefined, headers);
}

async function disable(alias: string, id = MOBILE): Promise<GraphReply> {
  return harness.graph('POST', `${methodPath(alias, id)}/disableSmsSignIn`);
}

async function policy(): Promise<SmsPolicy> {
  const reply = await harness.graph<SmsPolicy>('GET', POLICY);
  expect(reply.status).toBe(200);
  return reply.body;
}

async function patchPolicy(change: Record<string, unknown>): Promise<void> {
  const reply = await harness.graph('PATCH', POLICY, { '@odata.type': SMS_TYPE, ...change });
  expect(reply.status).toBe(204);
}

/** A demo group's id, looked up over Graph by display name. */
async function groupId(displayName: string): Promise<string> {
  const reply = await harness.graph<{ value: Array<{ id: string }> }>(
    'GET',
    `/groups?$filter=${encodeURIComponent(`displayName eq '${displayName}'`)}`,
  );
  expect(reply.status).toBe(200);
  expect(reply.body.value).toHaveLength(1);
  return reply.body.value[0].id;
}

useSimulator(harness, { resetBeforeEach: true });

describe('automatic SMS sign-in registration', () => {
  it('registers a mobile added for a user in the policy: smsSignInState ready (docs/graph-facts.md §2.3 "Automatic SMS sign-in registration")', async () => {
    const reply = await addMobile('jane.doe', '+44 7700900123');
    expect(reply.status).toBe(201);
    expect(reply.body.smsSignInState).toBe('ready');
    expect(await state('jane.doe')).toBe('ready');
  });

  it('answers 409 phoneNumberNotUnique for a number another user holds, and saves the method anyway (docs/graph-facts.md §2.4)', async () => {
    const clientRequestId = randomUUID();
    // Sam Okafor holds +44 7700900456 for SMS sign-in.
    expect(await state('sam.okafor')).toBe('ready');
    const reply = await harness.graph(
      'POST',
      methodsPath('jane.doe'),
      { phoneNumber: '+44 7700900456', phoneType: 'mobile' },
      { 'client-request-id': clientRequestId },
    );
    expectGraphError(reply, 409, 'phoneNumberNotUnique', clientRequestId);
    expect(await method('jane.doe')).toMatchObject({
      id: MOBILE,
      phoneNumber: '+44 7700900456',
      phoneType: 'mobile',
      smsSignInState: 'phoneNumberNotUnique',
    });
    // The holder keeps the number.
    expect(await state('sam.okafor')).toBe('ready');
  });

  it('compares numbers, not strings: the unspaced form of a held number also conflicts (docs/graph-facts.md §2.4, §1.2 format)', async () => {
    expectGraphError(await addMobile('jane.doe', '+447700900456'), 409, 'phoneNumberNotUnique');
    expect(await method('jane.doe')).toMatchObject({
      phoneNumber: '+44 7700900456',
      smsSignInState: 'phoneNumberNotUnique',
    });
  });

  it('answers 409 phoneNumberNotUnique when PATCH moves a mobile to a held number, and saves the new number (docs/graph-facts.md §2.4 "create or update")', async () => {
    const reply = await harness.graph('PATCH', methodPath('chloe.evans', MOBILE), {
      phoneNumber: '+44 7700900301',
      phoneType: 'mobile',
    });
    expectGraphError(reply, 409, 'phoneNumberNotUnique');
    expect(await method('chloe.evans')).toMatchObject({
      phoneNumber: '+44 7700900301',
      smsSignInState: 'phoneNumberNotUnique',
    });
    expect(await state('zara.ahmed')).toBe('ready');
  });

  it('releases the old number when a mobile changes: another user can then register it (docs/graph-facts.md §2.3 update "changing the mobile number", §2.4 uniqueness)', async () => {
    const patch = await harness.graph('PATCH', methodPath('sam.okafor', MOBILE), { phoneNumber: '+44 7700900999' });
    expect(patch.status).toBe(204);
    expect(await method('sam.okafor')).toMatchObject({ phoneNumber: '+44 7700900999', smsSignInState: 'ready' });
    const reply = await addMobile('jane.doe', '+44 7700900456');
    expect(reply.status).toBe(201);
    expect(reply.body.smsSignInState).toBe('ready');
  });

  it('releases the number when a PATCH ends in a conflict too: the old number is free afterwards (docs/graph-facts.md §2.4 uniqueness)', async () => {
    expectGraphError(
      await harness.graph('PATCH', methodPath('chloe.evans', MOBILE), { phoneNumber: '+44 7700900301' }),
      409,
      'phoneNumberNotUnique',
    );
    const reply = await addMobile('jane.doe', '+44 7700900101');
    expect(reply.status).toBe(201);
    expect(reply.body.smsSignInState).toBe('ready');
  });

  it('repeats the 409 for an unchanged number only while another account still holds it (docs/graph-facts.md §2.4 409 means "used by another user")', async () => {
    expectGraphError(
      await harness.graph('PATCH', methodPath('ali.khan', MOBILE), { phoneNumber: '+44 7700900456' }),
      409,
      'phoneNumberNotUnique',
    );
    expect(
      (await harness.graph('PATCH', methodPath('sam.okafor', MOBILE), { phoneNumber: '+44 7700900999' })).status,
    ).toBe(204);
    // Nobody holds +44 7700900456 any more: a 409 would name a conflict that no longer exists.
    const reply = await harness.graph('PATCH', methodPath('ali.khan', MOBILE), { phoneNumber: '+44 7700900456' });
    expect(reply.status).toBe(204);
    expect((await method('ali.khan')).phoneNumber).toBe('+44 7700900456');
  });

  it('releases the number when the mobile is deleted (docs/graph-facts.md §2.2 Delete, §2.4 uniqueness)', async () => {
    expect((await harness.graph('DELETE', methodPath('sam.okafor', MOBILE))).status).toBe(204);
    const reply = await addMobile('jane.doe', '+44 7700900456');
    expect(reply.status).toBe(201);
    expect(reply.body.smsSignInState).toBe('ready');
  });

  it('does not hold the number of a user outside the policy: uniqueness is for SMS sign-in only (docs/graph-facts.md §2.4 "Regular phone MFA methods do not enforce uniqueness")', async () => {
    // Hana Kim (helpdesk) is not in any SMS policy target.
    const outside = await addMobile('hana.kim', '+44 7700900777');
    expect(outside.status).toBe(201);
    expect(outside.body.smsSignInState).toBe('notAllowedByPolicy');
    const inside = await addMobile('jane.doe', '+44 7700900777');
    expect(inside.status).toBe(201);
    expect(inside.body.smsSignInState).toBe('ready');
  });

  it('lets an office or alternateMobile phone reuse a held number: MFA phones are not unique (docs/graph-facts.md §2.4)', async () => {
    const office = await harness.graph<PhoneMethod>('POST', methodsPath('jane.doe'), {
      phoneNumber: '+44 7700900456',
      phoneType: 'office',
    });
    expect(office.status).toBe(201);
    expect(office.body.smsSignInState).toBe('notSupported');
    const alternate = await harness.graph<PhoneMethod>('POST', methodsPath('chloe.evans'), {
      phoneNumber: '+44 7700900456',
      phoneType: 'alternateMobile',
    });
    expect(alternate.status).toBe(201);
    expect(alternate.body.smsSignInState).toBe('notSupported');
  });

  it('does not register a mobile added while the policy is off; it is notConfigured (FIG6) once the policy is back (docs/graph-facts.md §2.3 automatic registration, §12 FIG6)', async () => {
    await patchPolicy({ state: 'disabled' });
    const reply = await addMobile('jane.doe', '+44 7700900123');
    expect(reply.status).toBe(201);
    expect(reply.body.smsSignInState).toBe('notAllowedByPolicy');
    await patchPolicy({ state: 'enabled' });
    expect(await state('jane.doe')).toBe('notConfigured');
    expect((await enable('jane.doe')).status).toBe(204);
    expect(await state('jane.doe')).toBe('ready');
  });
});

describe('enableSmsSignIn', () => {
  it('enables a FIG6 worker: 204 with no body, notConfigured before and ready after (docs/graph-facts.md §2.5 Enable and its conditions 1-3, §12 FIG6)', async () => {
    expect(await state('bob.smith')).toBe('notConfigured');
    const reply = await enable('bob.smith');
    expect(reply.status).toBe(204);
    expect(reply.body).toBe('');
    expect(await state('bob.smith')).toBe('ready');
  });

  it('refuses an alternateMobile with 400 (docs/graph-facts.md §2.5 enable condition 1 "phoneType": "mobile")', async () => {
    expectGraphError(await enable('vikram.singh', ALTERNATE_MOBILE), 400, 'badRequest');
    expect(await state('vikram.singh', ALTERNATE_MOBILE)).toBe('notSupported');
  });

  it('refuses an office phone with 400 (docs/graph-facts.md §2.5 enable condition 1; §1.1 office is voice only)', async () => {
    expectGraphError(await enable('emma.roberts', OFFICE), 400, 'badRequest');
  });

  it.each([
    ['george.hall', 'not targeted by the policy'],
    ['hannah.lewis', 'in the exclusion group'],
    ['xavier.ward', 'in a target with "Use for sign-in" unchecked'],
  ])(
    'refuses %s (%s) with 400 (docs/graph-facts.md §2.5 enable condition 3 "enabled for SMS sign-in in the authentication methods policy")',
    async (alias) => {
      expectGraphError(await enable(alias), 400, 'badRequest');
      expect(await state(alias)).toBe('notAllowedByPolicy');
    },
  );

  it('refuses every user when the policy is disabled (docs/graph-facts.md §2.5 enable condition 3, §3.3 state)', async () => {
    await patchPolicy({ state: 'disabled' });
    expectGraphError(await enable('bob.smith'), 400, 'badRequest');
  });

  it('answers 409 phoneNumberNotUnique when another user holds the number (docs/graph-facts.md §2.5 enable condition 2 "unique in the SMS sign-in system", §2.4)', async () => {
    const clientRequestId = randomUUID();
    expectGraphError(
      await enable('ali.khan', MOBILE, { 'client-request-id': clientRequestId }),
      409,
      'phoneNumberNotUnique',
      clientRequestId,
    );
    expect(await state('ali.khan')).toBe('phoneNumberNotUnique');
    expect(await state('sam.okafor')).toBe('ready');
  });

  it('refuses a guest with 400 (docs/graph-facts.md §13.2 "isn\'t supported for B2B accounts")', async () => {
    expectGraphError(await enable('lena.fischer'), 400, 'badRequest');
    expect(await state('lena.fischer')).toBe('notSupported');
  });

  it('answers 404 for a user without a mobile (docs/graph-facts.md §2.5 Enable works on the mobile method)', async () => {
    expectGraphError(await enable('jane.doe'), 404, 'Request_ResourceNotFound');
  });

  it('succeeds after the holder gives the number up (docs/graph-facts.md §2.5 enable condition 2)', async () => {
    expect(
      (await harness.graph('PATCH', methodPath('sam.okafor', MOBILE), { phoneNumber: '+44 7700900998' })).status,
    ).toBe(204);
    // Ali's registration failed earlier; it stays failed until someone enables it again.
    expect(await state('ali.khan')).toBe('phoneNumberNotUnique');
    expect((await enable('ali.khan')).status).toBe(204);
    expect(await state('ali.khan')).toBe('ready');
  });
});

describe('disableSmsSignIn', () => {
  it('answers 204 and the state becomes notEnabled (docs/graph-facts.md §2.5 Disable, §1.3 notEnabled)', async () => {
    expect(await state('chloe.evans')).toBe('ready');
    const reply = await disable('chloe.evans');
    expect(reply.status).toBe(204);
    expect(reply.body).toBe('');
    expect(await state('chloe.evans')).toBe('notEnabled');
    // The number stays attached for MFA.
    expect((await method('chloe.evans')).phoneNumber).toBe('+44 7700900101');
  });

  it('frees the number so that someone else can register it (docs/graph-facts.md §2.5 "The number will no longer be available for SMS sign-in")', async () => {
    expect((await disable('sam.okafor')).status).toBe(204);
    expect((await enable('ali.khan')).status).toBe(204);
    expect(await state('ali.khan')).toBe('ready');
    expect(await state('sam.okafor')).toBe('notEnabled');
    // Sam cannot take it back now that Ali holds it.
    expectGraphError(await enable('sam.okafor'), 409, 'phoneNumberNotUnique');
  });

  it('can be undone with enableSmsSignIn (docs/graph-facts.md §2.5 Enable, §1.3 notEnabled → ready)', async () => {
    expect(await state('nina.patel')).toBe('notEnabled');
    expect((await enable('nina.patel')).status).toBe(204);
    expect(await state('nina.patel')).toBe('ready');
  });

  it('refuses an alternateMobile with 400 (docs/graph-facts.md §2.5 Disable is on the mobile id 3179e48a-…)', async () => {
    expectGraphError(await disable('vikram.singh', ALTERNATE_MOBILE), 400, 'badRequest');
  });
});

describe('smsSignInState follows the SMS policy at once, with no restart', () => {
  it('turns notAllowedByPolicy when the policy is disabled and ready again when it is enabled (docs/graph-facts.md §1.3 notAllowedByPolicy, §3.3 state)', async () => {
    expect(await state('chloe.evans')).toBe('ready');
    await patchPolicy({ state: 'disabled' });
    expect(await state('chloe.evans')).toBe('notAllowedByPolicy');
    expect(await state('bob.smith')).toBe('notAllowedByPolicy');
    await patchPolicy({ state: 'enabled' });
    expect(await state('chloe.evans')).toBe('ready');
    expect(await state('bob.smith')).toBe('notConfigured');
  });

  it('is notAllowedByPolicy for a user whose target has "Use for sign-in" unchecked (docs/graph-facts.md §3.3 isUsableForSignIn)', async () => {
    expect(await state('xavier.ward')).toBe('notAllowedByPolicy');
  });

  it('turns notAllowedByPolicy when "Use for sign-in" is unticked on the worker\'s target, and back when ticked (docs/graph-facts.md §3.3 isUsableForSignIn)', async () => {
    const frontline = await groupId('Frontline workers');
    const { includeTargets } = await policy();
    const untick = includeTargets.map((target) =>
      target.id === frontline ? { ...target, isUsableForSignIn: false } : target,
    );
    await patchPolicy({ includeTargets: untick });
    expect(await state('chloe.evans')).toBe('notAllowedByPolicy');
    await patchPolicy({ includeTargets });
    expect(await state('chloe.evans')).toBe('ready');
  });

  it('is notAllowedByPolicy for a member of the exclusion group even though the user is targeted (docs/graph-facts.md §3.3 excludeTargets)', async () => {
    expect(await state('hannah.lewis')).toBe('notAllowedByPolicy');
    expect(await state('fiona.chen')).toBe('notAllowedByPolicy');
  });

  it("turns notAllowedByPolicy when the worker's group is added to excludeTargets (docs/graph-facts.md §3.3 excludeTargets)", async () => {
    const frontline = await groupId('Frontline workers');
    const { excludeTargets } = await policy();
    await patchPolicy({ excludeTargets: [...excludeTargets, { id: frontline, targetType: 'group' }] });
    expect(await state('chloe.evans')).toBe('notAllowedByPolicy');
  });

  it('lets an exclusion win over "all_users" (docs/graph-facts.md §3.3 includeTargets / excludeTargets)', async () => {
    await patchPolicy({ includeTargets: [{ id: 'all_users', targetType: 'group', isUsableForSignIn: true }] });
    expect(await state('hannah.lewis')).toBe('notAllowedByPolicy');
    // George was not targeted before, so his number was never registered: FIG6 now that he is.
    expect(await state('george.hall')).toBe('notConfigured');
  });

  it('is notAllowedByPolicy for a user in no include target (docs/graph-facts.md §1.3 notAllowedByPolicy, §3.3)', async () => {
    expect(await state('george.hall')).toBe('notAllowedByPolicy');
    expect(await state('ivan.petrov')).toBe('notAllowedByPolicy');
  });

  it('takes a user target into account as soon as it is added (docs/graph-facts.md §3.3 smsAuthenticationMethodTarget targetType user)', async () => {
    const { includeTargets } = await policy();
    await patchPolicy({
      includeTargets: [...includeTargets, { id: demoUser('george.hall'), targetType: 'user', isUsableForSignIn: true }],
    });
    expect(await state('george.hall')).toBe('notConfigured');
    expect((await enable('george.hall')).status).toBe(204);
    expect(await state('george.hall')).toBe('ready');
  });

  it('is notSupported on alternateMobile and office phones (docs/graph-facts.md §1.3 "only primary mobile is supported")', async () => {
    expect(await state('vikram.singh', ALTERNATE_MOBILE)).toBe('notSupported');
    expect(await state('frank.green', ALTERNATE_MOBILE)).toBe('notSupported');
    expect(await state('emma.roberts', OFFICE)).toBe('notSupported');
    expect(await state('zoe.morgan', OFFICE)).toBe('notSupported');
  });

  it('is notSupported for a guest, even when the policy targets all users (docs/graph-facts.md §13.2 "isn\'t supported for B2B accounts")', async () => {
    expect(await state('lena.fischer')).toBe('notSupported');
    await patchPolicy({ includeTargets: [{ id: 'all_users', targetType: 'group', isUsableForSignIn: true }] });
    expect(await state('lena.fischer')).toBe('notSupported');
  });
});
