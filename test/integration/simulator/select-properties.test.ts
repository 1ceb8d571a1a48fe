// Contract tests for $select on every resource the simulator serves besides GET /users (odata-queries.test.ts):
// an unknown property is a 400, as Graph answers and as the simulator answers for users (docs/graph-facts.md §7, §11).
import { DEMO_GROUPS, DEMO_STORES } from '../../../src/simulator/demo-tenant';
import { SimulatorHarness, demoUser, type GraphReply, useSimulator } from '../../helpers/simulator';

type Json = Record<string, unknown>;

interface ErrorEnvelope {
  error: { code: string; message: string; innerError: Record<string, string> };
}

const harness = new SimulatorHarness();

useSimulator(harness);

const get = <T = Json>(path: string): Promise<GraphReply<T>> => harness.graph<T>('GET', path);

const MANCHESTER = DEMO_STORES.manchester.id;
const PRIYA = demoUser('priya.shah');
const BOB = demoUser('bob.smith');

/** Each path answers one entity or a collection of the named type; a directoryObject collection mixes types. */
const RESOURCES: ReadonlyArray<[path: string, type: string]> = [
  ['/groups', 'microsoft.graph.group'],
  [`/groups/${DEMO_GROUPS.frontlineWorkers}`, 'microsoft.graph.group'],
  ['/directory/administrativeUnits', 'microsoft.graph.administrativeUnit'],
  [`/directory/administrativeUnits/${MANCHESTER}`, 'microsoft.graph.administrativeUnit'],
  [`/directory/administrativeUnits/${MANCHESTER}/members`, 'microsoft.graph.directoryObject'],
  [`/directory/administrativeUnits/${MANCHESTER}/scopedRoleMembers`, 'microsoft.graph.scopedRoleMembership'],
  ['/roleManagement/directory/roleAssignments', 'microsoft.graph.unifiedRoleAssignment'],
  [`/users/${BOB}/transitiveMemberOf`, 'microsoft.graph.directoryObject'],
  [`/users/${BOB}/transitiveMemberOf/microsoft.graph.group`, 'microsoft.graph.group'],
  [`/users/${BOB}/transitiveMemberOf/microsoft.graph.administrativeUnit`, 'microsoft.graph.administrativeUnit'],
  [`/users/${demoUser('hana.kim')}/transitiveMemberOf/microsoft.graph.directoryRole`, 'microsoft.graph.directoryRole'],
  [`/users/${PRIYA}/directReports`, 'microsoft.graph.directoryObject'],
  [`/users/${BOB}/manager`, 'microsoft.graph.directoryObject'],
  [`/users/${BOB}/licenseDetails`, 'microsoft.graph.licenseDetails'],
  ['/reports/authenticationMethods/userRegistrationDetails', 'microsoft.graph.userRegistrationDetails'],
  [`/reports/authenticationMethods/userRegistrationDetails/${BOB}`, 'microsoft.graph.userRegistrationDetails'],
];

const withQuery = (path: string, query: string): string => `${path}${path.includes('?') ? '&' : '?'}${query}`;

/** The items of a collection answer, or the entity itself. */
const itemsOf = (body: Json): Json[] => (Array.isArray(body.value) ? (body.value as Json[]) : [body]);

const ownKeys = (item: Json): string[] => Object.keys(item).filter((key) => !key.startsWith('@odata.'));

describe('$select of an unknown property (docs/graph-facts.md §11)', () => {
  // docs/graph-facts.md §11: 400 Request_BadRequest in the envelope, "Could not find a property named …", not a null.
  it.each(RESOURCES)('GET %s?$select=id,favouriteColour is 400 naming the property and %s', async (path, type) => {
    const reply = await get(withQuery(path, '$select=id,favouriteColour'));
    expect(reply.status).toBe(400);
    const body = reply.body as unknown as ErrorEnvelope;
    expect(body.error.code).toBe('Request_BadRequest');
    expect(body.error.message).toBe(`Could not find a property named 'favouriteColour' on type '${type}'.`);
    expect(body.error.innerError['request-id']).toBe(reply.headers.get('request-id'));
  });
});

describe('$select of the properties the simulator returns (docs/graph-facts.md §7)', () => {
  // Keeps each resource's known-property list in step with what its answer carries.
  it.each(RESOURCES)('GET %s selects every property of its default answer', async (path) => {
    const plain = await get(path);
    expect(plain.status).toBe(200);
    const items = itemsOf(plain.body);
    expect(items.length).toBeGreaterThan(0);
    const properties = [...new Set(items.flatMap(ownKeys))];
    const selected = await get(withQuery(path, `$select=${properties.join(',')}`));
    expect(selected.status).toBe(200);
    const selectedItems = itemsOf(selected.body);
    expect(selectedItems).toHaveLength(items.length);
    items.forEach((item, index) => {
      for (const key of ownKeys(item)) expect(selectedItems[index][key]).toEqual(item[key]);
    });
  });

  it('answers only the selected properties, plus @odata.type where the answer carries it', async () => {
    const reply = await get<{ value: Json[] }>(`/directory/administrativeUnits?$select=displayName`);
    expect(reply.status).toBe(200);
    for (const unit of reply.body.value) expect(ownKeys(unit)).toEqual(['displayName']);
  });

  // A directoryObject collection's user members have every user property, not only the default ones.
  it.each([[`/users/${PRIYA}/directReports`], [`/directory/administrativeUnits/${MANCHESTER}/members`]])(
    'GET %s?$select=id,accountEnabled gives each user its accountEnabled, not null',
    async (path) => {
      const reply = await get<{ value: Json[] }>(`${path}?$select=id,accountEnabled`);
      expect(reply.status).toBe(200);
      const users = reply.body.value.filter((item) => item['@odata.type'] === '#microsoft.graph.user');
      expect(users.length).toBeGreaterThan(0);
      for (const user of users) expect(typeof user.accountEnabled).toBe('boolean');
    },
  );

  it('GET /users/{id}/manager?$select=id,accountEnabled answers those properties of the manager', async () => {
    const reply = await get(`/users/${BOB}/manager?$select=id,accountEnabled`);
    expect(reply.status).toBe(200);
    expect(reply.body.id).toBe(PRIYA);
    expect(reply.body.accountEnabled).toBe(true);
    expect(ownKeys(reply.body).sort()).toEqual(['accountEnabled', 'id']);
  });
});
