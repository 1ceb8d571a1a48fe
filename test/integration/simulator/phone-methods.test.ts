// Contract tests for /users/{u}/authentication/phoneMethods over real HTTP, against the Contoso Retail demo tenant.
// Every rule names the section of docs/graph-facts.md it checks.
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
  '@odata.context'?: string;
  id: string;
  phoneNumber: string;
  phoneType: string;
  smsSignInState: string;
}

interface PhoneMethodList {
  '@odata.context': string;
  value: PhoneMethod[];
}

interface GraphError {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

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
  const requestId = reply.headers.get('request-id');
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(error.innerError['request-id']).toBe(requestId);
  expect(error.innerError['client-request-id']).toBe(reply.headers.get('client-request-id'));
  if (clientRequestId !== undefined) {
    expect(reply.headers.get('client-request-id')).toBe(clientRequestId);
    expect(error.innerError['client-request-id']).toBe(clientRequestId);
  }
  return error;
}

async function list(alias: string): Promise<PhoneMethod[]> {
  const reply = await harness.graph<PhoneMethodList>('GET', methodsPath(alias));
  expect(reply.status).toBe(200);
  return reply.body.value;
}

async function getMethod(alias: string, id: string): Promise<GraphReply<PhoneMethod>> {
  return harness.graph<PhoneMethod>('GET', methodPath(alias, id));
}

useSimulator(harness, { resetBeforeEach: true });

describe('phone number format', () => {
  it('accepts the documented "+{cc} {number}" form and returns it as sent (docs/graph-facts.md §1.2 phoneNumber format)', async () => {
    const reply = await harness.graph<PhoneMethod>('POST', methodsPath('jane.doe'), {
      phoneNumber: '+44 7700900123',
      phoneType: 'mobile',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.phoneNumber).toBe('+44 7700900123');
    const stored = await getMethod('jane.doe', MOBILE);
    expect(stored.body.phoneNumber).toBe('+44 7700900123');
  });

  it.each([
    ['+447700900124', '+44 7700900124'],
    ['+14255550177', '+1 4255550177'],
  ])(
    'accepts unspaced E.164 %s and returns it spaced as %s (docs/graph-facts.md §1.2 "Phone-number format in practice": simulator choice)',
    async (input, spaced) => {
      const reply = await harness.graph<PhoneMethod>('POST', methodsPath('jane.doe'), {
        phoneNumber: input,
        phoneType: 'mobile',
      });
      expect(reply.status).toBe(201);
      expect(reply.body.phoneNumber).toBe(spaced);
      const [stored] = await list('jane.doe');
      expect(stored.phoneNumber).toBe(spaced);
    },
  );

  it.each([
    ['garbage', 'not a number'],
    ['missing +', '44 7700900123'],
    ['letters', '+44 77OO9OO123'],
    ['national format', '07700 900123'],
    ['empty', ''],
  ])(
    'rejects %s (%p) on create with 400 in the error envelope and saves nothing (docs/graph-facts.md §1.2 "Numbers are rejected … if they don\'t match", §2.6)',
    async (_label, phoneNumber) => {
      const clientRequestId = randomUUID();
      const reply = await harness.graph(
        'POST',
        methodsPath('jane.doe'),
        { phoneNumber, phoneType: 'mobile' },
        { 'client-request-id': clientRequestId },
      );
      expectGraphError(reply, 400, 'badRequest', clientRequestId);
      expect(await list('jane.doe')).toEqual([]);
    },
  );

  it('rejects a badly formatted number on update and keeps the old one (docs/graph-facts.md §1.2 "rejected when creating or updating")', async () => {
    const reply = await harness.graph('PATCH', methodPath('chloe.evans', MOBILE), { phoneNumber: '07700 900999' });
    expectGraphError(reply, 400, 'badRequest');
    expect((await getMethod('chloe.evans', MOBILE)).body.phoneNumber).toBe('+44 7700900101');
  });

  it('accepts an extension on an office phone and returns it (docs/graph-facts.md §1.2 "+1 5555551234x123"; extensions are for office phones)', async () => {
    const reply = await harness.graph<PhoneMethod>('POST', methodsPath('jane.doe'), {
      phoneNumber: '+44 1614960999x123',
      phoneType: 'office',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ id: OFFICE, phoneType: 'office', phoneNumber: '+44 1614960999x123' });
  });

  it('refuses an extension on a mobile phone (docs/graph-facts.md §1.2 "Phone extensions are supported only for office phones")', async () => {
    const reply = await harness.graph('POST', methodsPath('jane.doe'), {
      phoneNumber: '+44 7700900123x12',
      phoneType: 'mobile',
    });
    expectGraphError(reply, 400, 'badRequest');
    expect(await list('jane.doe')).toEqual([]);
  });

  it('refuses an extension on an alternateMobile phone (docs/graph-facts.md §1.2 "Phone extensions are supported only for office phones")', async () => {
    const reply = await harness.graph('POST', methodsPath('chloe.evans'), {
      phoneNumber: '+44 7700900998x7',
      phoneType: 'alternateMobile',
    });
    expectGraphError(reply, 400, 'badRequest');
    expect((await list('chloe.evans')).map((method) => method.phoneType)).toEqual(['mobile']);
  });

  it('refuses an extension added to a mobile by update (docs/graph-facts.md §1.2 extensions only on office)', async () => {
    const reply = await harness.graph('PATCH', methodPath('chloe.evans', MOBILE), { phoneNumber: '+44 7700900101x5' });
    expectGraphError(reply, 400, 'badRequest');
    expect((await getMethod('chloe.evans', MOBILE)).body.phoneNumber).toBe('+44 7700900101');
  });
});

describe('create', () => {
  it('answers 201 with the object, the fixed mobile id, smsSignInState and a Location header (docs/graph-facts.md §2.2 Create, §1.1 well-known ids)', async () => {
    const reply = await harness.graph<PhoneMethod>('POST', methodsPath('jane.doe'), {
      phoneNumber: '+44 7700900123',
      phoneType: 'mobile',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ id: MOBILE, phoneNumber: '+44 7700900123', phoneType: 'mobile' });
    expect(typeof reply.body.smsSignInState).toBe('string');
    expect(reply.headers.get('location')).toBe(
      `${harness.url}/v1.0/users/${demoUser('jane.doe')}/authentication/phoneMethods/${MOBILE}`,
    );
  });

  it('gives each phone type its fixed id (docs/graph-facts.md §1.1 "Well-known method ids")', async () => {
    const mobile = await harness.graph<PhoneMethod>('POST', methodsPath('jane.doe'), {
      phoneNumber: '+44 7700900123',
      phoneType: 'mobile',
    });
    const alternate = await harness.graph<PhoneMethod>('POST', methodsPath('jane.doe'), {
      phoneNumber: '+44 7700900125',
      phoneType: 'alternateMobile',
    });
    const office = await harness.graph<PhoneMethod>('POST', methodsPath('jane.doe'), {
      phoneNumber: '+44 1614960998',
      phoneType: 'office',
    });
    expect([mobile.status, alternate.status, office.status]).toEqual([201, 201, 201]);
    expect(mobile.body.id).toBe('3179e48a-750b-4051-897c-87b9720928f7');
    expect(alternate.body.id).toBe('b6332ec1-7057-4abe-9331-3d72feddfe41');
    expect(office.body.id).toBe('e37fc753-ff3b-4958-9484-eaa9425c82bc');
    expect(alternate.headers.get('location')).toMatch(new RegExp(`/phoneMethods/${ALTERNATE_MOBILE}$`));
    expect(office.headers.get('location')).toMatch(new RegExp(`/phoneMethods/${OFFICE}$`));
  });

  it('refuses a body that sets smsSignInState (docs/graph-facts.md §2.2 Create "must not include smsSignInState"; §1.3 read-only)', async () => {
    const reply = await harness.graph('POST', methodsPath('jane.doe'), {
      phoneNumber: '+44 7700900123',
      phoneType: 'mobile',
      smsSignInState: 'ready',
    });
    expectGraphError(reply, 400, 'badRequest');
    expect(await list('jane.doe')).toEqual([]);
  });

  it('refuses a second mobile and keeps the first (docs/graph-facts.md §2.2 "one phone per type", §1.1 "at most one phone of each type")', async () => {
    const reply = await harness.graph('POST', methodsPath('chloe.evans'), {
      phoneNumber: '+44 7700900999',
      phoneType: 'mobile',
    });
    expectGraphError(reply, 400, 'badRequest');
    const methods = await list('chloe.evans');
    expect(methods).toHaveLength(1);
    expect(methods[0]).toMatchObject({ id: MOBILE, phoneNumber: '+44 7700900101' });
  });

  it('refuses a second office phone (docs/graph-facts.md §2.2 "one phone per type")', async () => {
    const reply = await harness.graph('POST', methodsPath('emma.roberts'), {
      phoneNumber: '+44 1614960777',
      phoneType: 'office',
    });
    expectGraphError(reply, 400, 'badRequest');
    expect((await getMethod('emma.roberts', OFFICE)).body.phoneNumber).toBe('+44 1614960123');
  });

  it('refuses an alternateMobile for a user without a mobile (docs/graph-facts.md §1.1 "A mobile phone must exist before an alternateMobile can be added")', async () => {
    const reply = await harness.graph('POST', methodsPath('jane.doe'), {
      phoneNumber: '+44 7700900125',
      phoneType: 'alternateMobile',
    });
    expectGraphError(reply, 400, 'badRequest');
    expect(await list('jane.doe')).toEqual([]);
  });

  it('accepts an alternateMobile once a mobile exists (docs/graph-facts.md §1.1 mobile before alternateMobile)', async () => {
    const reply = await harness.graph<PhoneMethod>('POST', methodsPath('chloe.evans'), {
      phoneNumber: '+44 7700900125',
      phoneType: 'alternateMobile',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      id: ALTERNATE_MOBILE,
      phoneType: 'alternateMobile',
      phoneNumber: '+44 7700900125',
    });
  });

  it('refuses an unknown phoneType (docs/graph-facts.md §1.1 authenticationPhoneType is mobile, alternateMobile or office)', async () => {
    const reply = await harness.graph('POST', methodsPath('jane.doe'), {
      phoneNumber: '+44 7700900123',
      phoneType: 'landline',
    });
    expectGraphError(reply, 400, 'badRequest');
    expect(await list('jane.doe')).toEqual([]);
  });
});

describe('update', () => {
  it('answers 204 with no body and stores the new number (docs/graph-facts.md §2.2 Update "Do not expect a body")', async () => {
    const reply = await harness.graph('PATCH', methodPath('chloe.evans', MOBILE), {
      phoneNumber: '+44 7700900555',
      phoneType: 'mobile',
    });
    expect(reply.status).toBe(204);
    expect(reply.body).toBe('');
    const stored = await getMethod('chloe.evans', MOBILE);
    expect(stored.body).toMatchObject({ id: MOBILE, phoneNumber: '+44 7700900555', phoneType: 'mobile' });
  });

  it('refuses to change phoneType and leaves the method as it was (docs/graph-facts.md §2.2 "The type can\'t be changed")', async () => {
    const reply = await harness.graph('PATCH', methodPath('chloe.evans', MOBILE), {
      phoneNumber: '+44 7700900555',
      phoneType: 'alternateMobile',
    });
    expectGraphError(reply, 400, 'badRequest');
    const methods = await list('chloe.evans');
    expect(methods).toEqual([
      expect.objectContaining({ id: MOBILE, phoneType: 'mobile', phoneNumber: '+44 7700900101' }),
    ]);
  });

  it('refuses smsSignInState in an update body (docs/graph-facts.md §1.3 smsSignInState is read-only)', async () => {
    const reply = await harness.graph('PATCH', methodPath('bob.smith', MOBILE), { smsSignInState: 'ready' });
    expectGraphError(reply, 400, 'badRequest');
    expect((await getMethod('bob.smith', MOBILE)).body.smsSignInState).toBe('notConfigured');
  });

  it('answers 404 when updating a method the user does not have (docs/graph-facts.md §2.2 Update)', async () => {
    const reply = await harness.graph('PATCH', methodPath('chloe.evans', OFFICE), { phoneNumber: '+44 1614960555' });
    expectGraphError(reply, 404, 'Request_ResourceNotFound');
  });
});

describe('list and get', () => {
  it('lists with @odata.context and value, each method with id, phoneNumber, phoneType and smsSignInState (docs/graph-facts.md §2.1 List, §1.3 example list response)', async () => {
    const reply = await harness.graph<PhoneMethodList>('GET', methodsPath('vikram.singh'));
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.context']).toMatch(/\/\$metadata#users\('.+'\)\/authentication\/phoneMethods$/);
    expect(reply.body.value).toEqual(
      expect.arrayContaining([
        { id: MOBILE, phoneNumber: '+44 7700900303', phoneType: 'mobile', smsSignInState: 'ready' },
        {
          id: ALTERNATE_MOBILE,
          phoneNumber: '+44 7700900304',
          phoneType: 'alternateMobile',
          smsSignInState: 'notSupported',
        },
      ]),
    );
    expect(reply.body.value).toHaveLength(2);
  });

  it('lists at most 3 methods, one per type (docs/graph-facts.md §2.1 List "up to 3 items")', async () => {
    for (const [phoneType, phoneNumber] of [
      ['mobile', '+44 7700900123'],
      ['alternateMobile', '+44 7700900125'],
      ['office', '+44 1614960998'],
    ]) {
      expect((await harness.graph('POST', methodsPath('jane.doe'), { phoneType, phoneNumber })).status).toBe(201);
    }
    const fourth = await harness.graph('POST', methodsPath('jane.doe'), {
      phoneType: 'mobile',
      phoneNumber: '+44 7700900126',
    });
    expectGraphError(fourth, 400, 'badRequest');
    const methods = await list('jane.doe');
    expect(methods).toHaveLength(3);
    expect(methods.map((method) => method.id).sort()).toEqual([MOBILE, ALTERNATE_MOBILE, OFFICE].sort());
  });

  it('lists an empty value for a user with no phone (docs/graph-facts.md §2.1 List)', async () => {
    const reply = await harness.graph<PhoneMethodList>('GET', methodsPath('peter.clark'));
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([]);
  });

  it('gets one method by its fixed id (docs/graph-facts.md §2.1 Get)', async () => {
    const reply = await getMethod('chloe.evans', MOBILE);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: MOBILE,
      phoneNumber: '+44 7700900101',
      phoneType: 'mobile',
      smsSignInState: 'ready',
    });
  });

  it('addresses the user by userPrincipalName as well as by id (docs/graph-facts.md §2.1 "{u} is a user id or UPN")', async () => {
    const reply = await harness.graph<PhoneMethod>(
      'GET',
      `/users/chloe.evans@contosoretail.onmicrosoft.com/authentication/phoneMethods/${MOBILE}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.phoneNumber).toBe('+44 7700900101');
  });
});

describe('delete', () => {
  it('answers 204 and the method is gone (docs/graph-facts.md §2.2 Delete)', async () => {
    const reply = await harness.graph('DELETE', methodPath('chloe.evans', MOBILE));
    expect(reply.status).toBe(204);
    expect(reply.body).toBe('');
    expectGraphError(await getMethod('chloe.evans', MOBILE), 404, 'Request_ResourceNotFound');
    expect(await list('chloe.evans')).toEqual([]);
  });

  it.each([
    ['daniel.wright', 'sms'],
    ['liam.scott', 'voiceMobile'],
  ])(
    'refuses to delete %s\'s mobile, his default MFA method (%s), with the documented message (docs/graph-facts.md §2.2 "can\'t be deleted", §2.2)',
    async (alias) => {
      const reply = await harness.graph('DELETE', methodPath(alias, MOBILE));
      const error = expectGraphError(reply, 400, 'badRequest');
      expect(error.message).toContain("matches the user's current default authentication method");
      expect(error.message).toContain(`[${MOBILE}]`);
      expect((await getMethod(alias, MOBILE)).status).toBe(200);
    },
  );

  it('refuses to delete the mobile while an alternateMobile exists, then allows it once the alternate is gone (docs/graph-facts.md §2.2 Delete "can\'t have alternateMobile without mobile")', async () => {
    const refused = await harness.graph('DELETE', methodPath('vikram.singh', MOBILE));
    expectGraphError(refused, 400, 'badRequest');
    expect(await list('vikram.singh')).toHaveLength(2);
    expect((await harness.graph('DELETE', methodPath('vikram.singh', ALTERNATE_MOBILE))).status).toBe(204);
    expect((await harness.graph('DELETE', methodPath('vikram.singh', MOBILE))).status).toBe(204);
    expect(await list('vikram.singh')).toEqual([]);
  });

  it('answers 404 when deleting a method the user does not have (docs/graph-facts.md §2.2 Delete)', async () => {
    expectGraphError(await harness.graph('DELETE', methodPath('jane.doe', MOBILE)), 404, 'Request_ResourceNotFound');
  });
});

describe('not found', () => {
  const unknownUser = '00000000-0000-4000-8000-000000000000';

  it.each([
    ['GET', `/users/${unknownUser}/authentication/phoneMethods`, undefined],
    ['GET', `/users/${unknownUser}/authentication/phoneMethods/${MOBILE}`, undefined],
    [
      'POST',
      `/users/${unknownUser}/authentication/phoneMethods`,
      { phoneNumber: '+44 7700900123', phoneType: 'mobile' },
    ],
    ['PATCH', `/users/${unknownUser}/authentication/phoneMethods/${MOBILE}`, { phoneNumber: '+44 7700900123' }],
    ['DELETE', `/users/${unknownUser}/authentication/phoneMethods/${MOBILE}`, undefined],
    ['GET', '/users/nobody@contosoretail.onmicrosoft.com/authentication/phoneMethods', undefined],
  ])(
    '%s %s for an unknown user answers 404 Request_ResourceNotFound (docs/graph-facts.md §2, §11)',
    async (method, path, body) => {
      const clientRequestId = randomUUID();
      const reply = await harness.graph(method, path, body, { 'client-request-id': clientRequestId });
      expectGraphError(reply, 404, 'Request_ResourceNotFound', clientRequestId);
    },
  );

  it('answers 404 for a method id that is not one of the well-known ids (docs/graph-facts.md §1.1 "Fixed per type", §2.1 Get)', async () => {
    expectGraphError(await getMethod('chloe.evans', randomUUID()), 404, 'Request_ResourceNotFound');
  });

  it('answers 404 for a well-known id the user has no method for (docs/graph-facts.md §2.1 Get)', async () => {
    expectGraphError(await getMethod('chloe.evans', OFFICE), 404, 'Request_ResourceNotFound');
    expectGraphError(await getMethod('emma.roberts', MOBILE), 404, 'Request_ResourceNotFound');
  });
});

describe('error envelope', () => {
  it('puts code, message and innerError with the response request-id and the sent client-request-id on every error kind (docs/graph-facts.md §11, §2.6)', async () => {
    const cases: Array<[string, string, unknown, number, string]> = [
      ['POST', methodsPath('jane.doe'), { phoneNumber: 'nope', phoneType: 'mobile' }, 400, 'badRequest'],
      ['GET', methodPath('jane.doe', MOBILE), undefined, 404, 'Request_ResourceNotFound'],
      [
        'POST',
        methodsPath('jane.doe'),
        { phoneNumber: '+44 7700900456', phoneType: 'mobile' },
        409,
        'phoneNumberNotUnique',
      ],
      ['DELETE', methodPath('daniel.wright', MOBILE), undefined, 400, 'badRequest'],
    ];
    const requestIds = new Set<string>();
    for (const [method, path, body, status, code] of cases) {
      const clientRequestId = randomUUID();
      const reply = await harness.graph(method, path, body, { 'client-request-id': clientRequestId });
      const error = expectGraphError(reply, status, code, clientRequestId);
      expect(Date.parse(`${error.innerError.date}Z`)).not.toBeNaN();
      requestIds.add(error.innerError['request-id']);
    }
    // Each response has its own request-id.
    expect(requestIds.size).toBe(cases.length);
  });

  it('makes up a client-request-id when the caller sends none and still echoes it in header and body (docs/graph-facts.md §11)', async () => {
    const reply = await getMethod('jane.doe', MOBILE);
    const error = expectGraphError(reply, 404, 'Request_ResourceNotFound');
    expect(error.innerError['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
