// Contract tests for directory reads over real HTTP: users, manager and reports, memberships, licences,
// role assignments, administrative units and the registration report (docs/graph-facts.md §5.1, §7, §8).
import { DEMO_GROUPS, DEMO_STORES, demoSeed } from '../../../src/simulator/demo-tenant';
import { SimulatorHarness, MOBILE, demoUser, type GraphReply, useSimulator } from '../../helpers/simulator';

type Json = Record<string, unknown>;

interface Collection {
  '@odata.context'?: string;
  '@odata.nextLink'?: string;
  value: Json[];
}

interface ErrorEnvelope {
  error: { code: string; message: string; innerError: Record<string, string> };
}

const AUTHENTICATION_ADMINISTRATOR = 'c4e39bd9-1100-46d3-8c65-fb160da0071f';
const HELPDESK_ADMINISTRATOR = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';

const SEED = demoSeed();
const harness = new SimulatorHarness();

useSimulator(harness);

const get = <T = Json>(path: string, headers?: Record<string, string>): Promise<GraphReply<T>> =>
  harness.graph<T>('GET', path, undefined, headers);
const ids = (items: Json[]): string[] => items.map((item) => String(item.id)).sort();
const storeWorkers = (store: keyof typeof DEMO_STORES): string[] =>
  SEED.users
    .filter(
      (user) => user.officeLocation === DEMO_STORES[store].name && user.id !== demoUser(DEMO_STORES[store].manager),
    )
    .map((user) => user.id)
    .sort();

function expectNotFound(reply: GraphReply<unknown>): void {
  expect(reply.status).toBe(404);
  const body = reply.body as ErrorEnvelope;
  expect(body.error.code).toBe('Request_ResourceNotFound');
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.innerError['request-id']).toBe(reply.headers.get('request-id'));
}

describe('GET /users/{id | userPrincipalName} (docs/graph-facts.md §7)', () => {
  // docs/graph-facts.md §7: "By UPN or id: GET /users/{id|userPrincipalName}".
  it('returns one user by object id with @odata.context users/$entity and the default properties (docs/graph-facts.md §7)', async () => {
    const reply = await get(`/users/${demoUser('bob.smith')}`);
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.context']).toBe(`${harness.url}/v1.0/$metadata#users/$entity`);
    expect(reply.body.id).toBe(demoUser('bob.smith'));
    expect(reply.body.displayName).toBe('Bob Smith');
    expect(reply.body.userPrincipalName).toBe('bob.smith@contosoretail.onmicrosoft.com');
    expect(reply.body).not.toHaveProperty('accountEnabled');
  });

  it('returns the same user by userPrincipalName, in any case (docs/graph-facts.md §7)', async () => {
    for (const upn of ['bob.smith@contosoretail.onmicrosoft.com', 'Bob.Smith@ContosoRetail.OnMicrosoft.COM']) {
      const reply = await get(`/users/${encodeURIComponent(upn)}`);
      expect(reply.status).toBe(200);
      expect(reply.body.id).toBe(demoUser('bob.smith'));
    }
  });

  // docs/graph-facts.md §7: "a B2B #EXT# UPN must encode # as %23".
  it('finds a guest by its #EXT# UPN when # is sent as %23 (docs/graph-facts.md §7)', async () => {
    const reply = await get('/users/lena.fischer_agency.example%23EXT%23@contosoretail.onmicrosoft.com');
    expect(reply.status).toBe(200);
    expect(reply.body.id).toBe(demoUser('lena.fischer'));
  });

  it('honours $select on a single user (docs/graph-facts.md §7)', async () => {
    const reply = await get(`/users/${demoUser('oliver.brown')}?$select=displayName,accountEnabled`);
    expect(reply.status).toBe(200);
    const { ['@odata.context']: _context, ...rest } = reply.body;
    expect(rest).toEqual({ displayName: 'Oliver Brown', accountEnabled: false });
  });

  it('answers 404 Request_ResourceNotFound for an unknown id or UPN (docs/graph-facts.md §11)', async () => {
    expectNotFound(await get(`/users/${UNKNOWN_ID}`));
    expectNotFound(await get('/users/nobody%40contosoretail.onmicrosoft.com'));
  });
});

describe('manager and directReports', () => {
  it("returns a worker's manager as a user directoryObject", async () => {
    const reply = await get(`/users/${demoUser('bob.smith')}/manager`);
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.type']).toBe('#microsoft.graph.user');
    expect(reply.body.id).toBe(demoUser('priya.shah'));
    expect(reply.body.displayName).toBe('Priya Shah');
  });

  it('answers 404 Request_ResourceNotFound for a user without a manager (docs/graph-facts.md §11)', async () => {
    expectNotFound(await get(`/users/${demoUser('priya.shah')}/manager`));
    expectNotFound(await get(`/users/${UNKNOWN_ID}/manager`));
  });

  it("lists a store manager's direct reports: exactly their store's workers", async () => {
    const reply = await get<Collection>(`/users/${demoUser('priya.shah')}/directReports`);
    expect(reply.status).toBe(200);
    const expected = storeWorkers('manchester');
    expect(expected.length).toBeGreaterThan(5);
    expect(ids(reply.body.value)).toEqual(expected);
    for (const item of reply.body.value) expect(item['@odata.type']).toBe('#microsoft.graph.user');
  });

  it("matches the manager's store administrative unit membership (docs/graph-facts.md §5.3 AU scoping)", async () => {
    for (const store of Object.keys(DEMO_STORES) as Array<keyof typeof DEMO_STORES>) {
      const reports = await get<Collection>(`/users/${demoUser(DEMO_STORES[store].manager)}/directReports`);
      const members = await get<Collection>(`/directory/administrativeUnits/${DEMO_STORES[store].id}/members`);
      expect(ids(reports.body.value)).toEqual(ids(members.body.value));
      expect(ids(reports.body.value)).toEqual(storeWorkers(store));
    }
  });

  it('pages direct reports with $top and @odata.nextLink, each report once', async () => {
    const seen: string[] = [];
    let path: string | undefined = `/users/${demoUser('priya.shah')}/directReports?$top=4`;
    let pages = 0;
    while (path !== undefined && pages < 20) {
      const reply: GraphReply<Collection> = await get<Collection>(path);
      expect(reply.status).toBe(200);
      expect(reply.body.value.length).toBeLessThanOrEqual(4);
      seen.push(...reply.body.value.map((item) => String(item.id)));
      const next = reply.body['@odata.nextLink'];
      path = next === undefined ? undefined : next.slice(`${harness.url}/v1.0`.length);
      pages++;
    }
    expect(pages).toBe(Math.ceil(storeWorkers('manchester').length / 4));
    expect(seen).toHaveLength(new Set(seen).size);
    expect([...seen].sort()).toEqual(storeWorkers('manchester'));
  });

  it('returns an empty list for a worker without reports', async () => {
    const reply = await get<Collection>(`/users/${demoUser('bob.smith')}/directReports`);
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([]);
  });
});

describe('transitiveMemberOf (docs/graph-facts.md §5.1)', () => {
  // docs/graph-facts.md §5.1: the endpoint returns "groups, directory roles, and administrative units".
  it('returns groups, administrative units and directory roles with their @odata.type (docs/graph-facts.md §5.1)', async () => {
    const reply = await get<Collection>(`/users/${demoUser('rachel.green')}/transitiveMemberOf`);
    expect(reply.status).toBe(200);
    const byType = (type: string): Json[] => reply.body.value.filter((item) => item['@odata.type'] === type);
    expect(ids(byType('#microsoft.graph.group'))).toEqual([DEMO_GROUPS.frontlineWorkers]);
    expect(ids(byType('#microsoft.graph.administrativeUnit'))).toEqual([DEMO_STORES.leeds.id]);
    const roles = byType('#microsoft.graph.directoryRole');
    expect(roles).toHaveLength(1);
    expect(roles[0].roleTemplateId).toBe(HELPDESK_ADMINISTRATOR);
    expect(roles[0].displayName).toBe('Helpdesk Administrator');
    // A directoryRole object's id is not its template id.
    expect(roles[0].id).not.toBe(HELPDESK_ADMINISTRATOR);
    expect(reply.body.value).toHaveLength(3);
  });

  // docs/graph-facts.md §5.1: "transitiveMemberOf/microsoft.graph.directoryRole?$select=displayName,roleTemplateId".
  it('casts to microsoft.graph.directoryRole with $select=displayName,roleTemplateId (docs/graph-facts.md §5.1)', async () => {
    const reply = await get<Collection>(
      `/users/${demoUser('hana.kim')}/transitiveMemberOf/microsoft.graph.directoryRole?$select=displayName,roleTemplateId`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.context']).toBe(`${harness.url}/v1.0/$metadata#directoryRoles`);
    expect(reply.body.value).toHaveLength(1);
    const role = reply.body.value[0];
    expect(role.displayName).toBe('Authentication Administrator');
    expect(role.roleTemplateId).toBe(AUTHENTICATION_ADMINISTRATOR);
    expect(
      Object.keys(role)
        .filter((key) => !key.startsWith('@odata.'))
        .sort(),
    ).toEqual(['displayName', 'roleTemplateId']);
  });

  // docs/graph-facts.md §5.1: a user's administrative units come from the /microsoft.graph.administrativeUnit cast.
  it('casts to microsoft.graph.administrativeUnit and returns only units (docs/graph-facts.md §5.1)', async () => {
    const reply = await get<Collection>(
      `/users/${demoUser('bob.smith')}/transitiveMemberOf/microsoft.graph.administrativeUnit`,
    );
    expect(reply.status).toBe(200);
    expect(ids(reply.body.value)).toEqual([DEMO_STORES.manchester.id]);
    expect(reply.body.value[0]['@odata.type']).toBe('#microsoft.graph.administrativeUnit');
    expect(reply.body.value[0].displayName).toBe('Manchester Piccadilly');
  });

  // docs/graph-facts.md §5.1: the microsoft.graph.group cast is the docs example.
  it('casts to microsoft.graph.group, following nested membership (docs/graph-facts.md §5.1)', async () => {
    const reply = await get<Collection>(`/users/${demoUser('tomasz.nowak')}/transitiveMemberOf/microsoft.graph.group`);
    expect(reply.status).toBe(200);
    expect(ids(reply.body.value)).toEqual([DEMO_GROUPS.approvers, DEMO_GROUPS.tenantAdmins].sort());
    for (const item of reply.body.value) expect(item['@odata.type']).toBe('#microsoft.graph.group');
  });

  // docs/graph-facts.md §5.1: AU-scoped roles come from roleAssignments; the simulator lists none as directoryRole.
  it('does not list an AU-scoped role as a directoryRole membership (docs/graph-facts.md §5.1)', async () => {
    const reply = await get<Collection>(
      `/users/${demoUser('priya.shah')}/transitiveMemberOf/microsoft.graph.directoryRole`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([]);
  });

  it('refuses an unknown cast with 400 (docs/graph-facts.md §11)', async () => {
    const reply = await get(`/users/${demoUser('bob.smith')}/transitiveMemberOf/microsoft.graph.device`);
    expect(reply.status).toBe(400);
    expect((reply.body as unknown as ErrorEnvelope).error.code).toMatch(/BadRequest/);
  });

  it('answers 404 for an unknown user (docs/graph-facts.md §11)', async () => {
    expectNotFound(await get(`/users/${UNKNOWN_ID}/transitiveMemberOf`));
  });
});

describe('licenseDetails', () => {
  it('lists licence details with skuPartNumber and skuId', async () => {
    const reply = await get<Collection>(`/users/${demoUser('bob.smith')}/licenseDetails`);
    expect(reply.status).toBe(200);
    expect(reply.body.value).toHaveLength(1);
    expect(reply.body.value[0].skuPartNumber).toBe('SPE_F1');
    expect(reply.body.value[0].skuId).toBe('66b55226-6b4f-492c-910c-a3b7a3c9d993');
    expect(typeof reply.body.value[0].id).toBe('string');
  });

  it('reflects each user licence and an empty list for an unlicensed user', async () => {
    const quinn = await get<Collection>(`/users/${demoUser('quinn.baker')}/licenseDetails`);
    expect(quinn.body.value.map((item) => item.skuPartNumber)).toEqual(['M365_F1_COMM']);
    const isaac = await get<Collection>(`/users/${demoUser('isaac.walker')}/licenseDetails`);
    expect(isaac.status).toBe(200);
    expect(isaac.body.value).toEqual([]);
  });
});

describe('roleManagement/directory/roleAssignments (docs/graph-facts.md §5.1)', () => {
  const assignmentsOf = (principalId: string): Promise<GraphReply<Collection>> =>
    get<Collection>(
      `/roleManagement/directory/roleAssignments?$filter=${encodeURIComponent(`principalId eq '${principalId}'`)}`,
    );

  // docs/graph-facts.md §5.1: "directoryScopeId is / for tenant-wide".
  it("gives a tenant-wide assignment directoryScopeId '/' (docs/graph-facts.md §5.1)", async () => {
    const reply = await assignmentsOf(demoUser('hana.kim'));
    expect(reply.status).toBe(200);
    expect(reply.body.value).toHaveLength(1);
    expect(reply.body.value[0]).toMatchObject({
      principalId: demoUser('hana.kim'),
      roleDefinitionId: AUTHENTICATION_ADMINISTRATOR,
      directoryScopeId: '/',
    });
  });

  // docs/graph-facts.md §5.1: "or /administrativeUnits/{auId} for AU scope".
  it("gives an AU-scoped assignment directoryScopeId '/administrativeUnits/{id}' (docs/graph-facts.md §5.1)", async () => {
    const reply = await assignmentsOf(demoUser('priya.shah'));
    expect(reply.status).toBe(200);
    expect(reply.body.value).toHaveLength(1);
    expect(reply.body.value[0]).toMatchObject({
      principalId: demoUser('priya.shah'),
      roleDefinitionId: AUTHENTICATION_ADMINISTRATOR,
      directoryScopeId: `/administrativeUnits/${DEMO_STORES.manchester.id}`,
    });
    expect(typeof reply.body.value[0].id).toBe('string');
  });

  it('returns nothing for a principal without roles (docs/graph-facts.md §5.1)', async () => {
    const reply = await assignmentsOf(demoUser('bob.smith'));
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([]);
  });

  // docs/graph-facts.md §5.1: directoryScopeId "supports $filter eq,in".
  it('filters by directoryScopeId with eq and in (docs/graph-facts.md §5.1)', async () => {
    const tenantWide = await get<Collection>(
      `/roleManagement/directory/roleAssignments?$filter=${encodeURIComponent("directoryScopeId eq '/'")}`,
    );
    expect(tenantWide.body.value.map((item) => item.principalId).sort()).toEqual(
      ['hana.kim', 'victor.osei', 'tomasz.nowak', 'rachel.green'].map((alias) => demoUser(alias)).sort(),
    );
    const units = `'/administrativeUnits/${DEMO_STORES.leeds.id}','/administrativeUnits/${DEMO_STORES.bristol.id}'`;
    const scoped = await get<Collection>(
      `/roleManagement/directory/roleAssignments?$filter=${encodeURIComponent(`directoryScopeId in (${units})`)}`,
    );
    expect(scoped.body.value.map((item) => item.principalId).sort()).toEqual(
      [demoUser('marcus.lee'), demoUser('ewan.jones')].sort(),
    );
  });

  it('lists every assignment without a filter', async () => {
    const reply = await get<Collection>('/roleManagement/directory/roleAssignments');
    expect(reply.status).toBe(200);
    expect(reply.body.value).toHaveLength(SEED.roleAssignments.length + SEED.administrativeUnits.length);
    expect(reply.body.value.filter((item) => item.roleDefinitionId === GLOBAL_ADMINISTRATOR)).toHaveLength(1);
  });

  it('refuses a filter on an unsupported property with 400 (docs/graph-facts.md §11)', async () => {
    const reply = await get(
      `/roleManagement/directory/roleAssignments?$filter=${encodeURIComponent("appScopeId eq '/'")}`,
    );
    expect(reply.status).toBe(400);
    expect(['Request_UnsupportedQuery', 'Request_BadRequest']).toContain(
      (reply.body as unknown as ErrorEnvelope).error.code,
    );
  });
});

describe('directory/administrativeUnits (docs/graph-facts.md §5.1)', () => {
  it('lists the store units', async () => {
    const reply = await get<Collection>('/directory/administrativeUnits');
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.context']).toBe(`${harness.url}/v1.0/$metadata#directory/administrativeUnits`);
    expect(ids(reply.body.value)).toEqual(
      Object.values(DEMO_STORES)
        .map((store) => store.id)
        .sort(),
    );
    expect(reply.body.value.map((unit) => unit.displayName).sort()).toEqual(
      Object.values(DEMO_STORES)
        .map((store) => store.name)
        .sort(),
    );
  });

  it('filters units by displayName', async () => {
    const reply = await get<Collection>(
      `/directory/administrativeUnits?$filter=${encodeURIComponent("displayName eq 'leeds briggate'")}`,
    );
    expect(ids(reply.body.value)).toEqual([DEMO_STORES.leeds.id]);
  });

  it('returns one unit by id and 404 for an unknown one (docs/graph-facts.md §11)', async () => {
    const reply = await get(`/directory/administrativeUnits/${DEMO_STORES.bristol.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body.displayName).toBe('Bristol Cabot Circus');
    expectNotFound(await get(`/directory/administrativeUnits/${UNKNOWN_ID}`));
  });

  it("lists a unit's members (the store's workers, not its manager)", async () => {
    const reply = await get<Collection>(`/directory/administrativeUnits/${DEMO_STORES.manchester.id}/members`);
    expect(reply.status).toBe(200);
    expect(ids(reply.body.value)).toEqual(storeWorkers('manchester'));
    expect(ids(reply.body.value)).toContain(demoUser('bob.smith'));
    expect(ids(reply.body.value)).not.toContain(demoUser('priya.shah'));
  });

  // docs/graph-facts.md §5.1: "GET /directory/administrativeUnits/{id}/scopedRoleMembers".
  it("lists a unit's scoped role members: the store manager as Authentication Administrator (docs/graph-facts.md §5.1)", async () => {
    const reply = await get<Collection>(
      `/directory/administrativeUnits/${DEMO_STORES.manchester.id}/scopedRoleMembers`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.value).toHaveLength(1);
    const member = reply.body.value[0];
    expect(member.administrativeUnitId).toBe(DEMO_STORES.manchester.id);
    expect(member.roleMemberInfo).toEqual({ id: demoUser('priya.shah'), displayName: 'Priya Shah' });
    // roleId is the directoryRole object id, the same one transitiveMemberOf gives for that role.
    const hanaRoles = await get<Collection>(
      `/users/${demoUser('hana.kim')}/transitiveMemberOf/microsoft.graph.directoryRole`,
    );
    expect(member.roleId).toBe(hanaRoles.body.value[0].id);
  });

  it('answers 404 for the members of an unknown unit (docs/graph-facts.md §11)', async () => {
    expectNotFound(await get(`/directory/administrativeUnits/${UNKNOWN_ID}/members`));
    expectNotFound(await get(`/directory/administrativeUnits/${UNKNOWN_ID}/scopedRoleMembers`));
  });
});

describe('reports/authenticationMethods/userRegistrationDetails (docs/graph-facts.md §8)', () => {
  const REPORT = '/reports/authenticationMethods/userRegistrationDetails';
  const withMobile = SEED.users
    .filter((user) => user.phoneMethods?.some((method) => method.phoneType === 'mobile'))
    .map((user) => user.id)
    .sort();

  beforeEach(async () => {
    await harness.reset();
  });

  // docs/graph-facts.md §8: "The list version supports $filter=methodsRegistered/any(t: t eq 'mobilePhone')".
  it("lists exactly the users with a mobile phone for methodsRegistered/any(t: t eq 'mobilePhone') (docs/graph-facts.md §8)", async () => {
    const reply = await get<Collection>(
      `${REPORT}?$filter=${encodeURIComponent("methodsRegistered/any(t: t eq 'mobilePhone')")}`,
    );
    expect(reply.status).toBe(200);
    expect(ids(reply.body.value)).toEqual(withMobile);
    expect(ids(reply.body.value)).not.toContain(demoUser('emma.roberts'));
    for (const item of reply.body.value) expect(item.methodsRegistered).toContain('mobilePhone');
  });

  it("lists office-only users for methodsRegistered/any(t: t eq 'officePhone') (docs/graph-facts.md §8)", async () => {
    const reply = await get<Collection>(
      `${REPORT}?$filter=${encodeURIComponent("methodsRegistered/any(t: t eq 'officePhone')")}`,
    );
    expect(ids(reply.body.value)).toEqual([demoUser('emma.roberts'), demoUser('zoe.morgan')].sort());
  });

  // docs/graph-facts.md §8: "GET /reports/authenticationMethods/userRegistrationDetails/{userId}".
  it('returns one user by id with methodsRegistered (docs/graph-facts.md §8)', async () => {
    const reply = await get(`${REPORT}/${demoUser('frank.green')}`);
    expect(reply.status).toBe(200);
    expect(reply.body.id).toBe(demoUser('frank.green'));
    expect(reply.body.userPrincipalName).toBe('frank.green@contosoretail.onmicrosoft.com');
    expect([...(reply.body.methodsRegistered as string[])].sort()).toEqual(['alternateMobilePhone', 'mobilePhone']);
  });

  it('answers 404 for an unknown user (docs/graph-facts.md §11)', async () => {
    expectNotFound(await get(`${REPORT}/${UNKNOWN_ID}`));
  });

  it('reflects a phone added through Graph (docs/graph-facts.md §8 report over per-user calls)', async () => {
    const filter = `${REPORT}?$filter=${encodeURIComponent("methodsRegistered/any(t: t eq 'mobilePhone')")}`;
    expect(ids((await get<Collection>(filter)).body.value)).not.toContain(demoUser('jane.doe'));
    const created = await harness.graph('POST', `/users/${demoUser('jane.doe')}/authentication/phoneMethods`, {
      phoneNumber: '+44 7700900123',
      phoneType: 'mobile',
    });
    expect(created.status).toBe(201);
    expect(created.body.id).toBe(MOBILE);
    expect(ids((await get<Collection>(filter)).body.value)).toContain(demoUser('jane.doe'));
  });

  it('refuses an unsupported lambda with 400 (docs/graph-facts.md §11)', async () => {
    const reply = await get(`${REPORT}?$filter=${encodeURIComponent("methodsRegistered/any(t: t ne 'mobilePhone')")}`);
    expect(reply.status).toBe(400);
  });
});
