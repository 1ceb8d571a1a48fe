// Contract: GET /groups/{id}/transitiveMembers/microsoft.graph.user, as docs/simulator.md ("What it models",
// Roles and stores) documents it: users directly or through nested groups, $select, $top paging, 404, other casts 400.
import { DEMO_GROUPS, demoSeed } from '../../../src/simulator/demo-tenant';
import { SimulatorHarness, demoUser, type GraphReply, useSimulator } from '../../helpers/simulator';

interface Collection {
  '@odata.context'?: string;
  '@odata.nextLink'?: string;
  value: Array<Record<string, unknown>>;
}

const harness = new SimulatorHarness();
useSimulator(harness);

const get = (path: string): Promise<GraphReply<Collection>> => harness.graph<Collection>('GET', path);
const usersPath = (group: string): string => `/groups/${group}/transitiveMembers/microsoft.graph.user`;
const APPROVERS = ['hana.kim', 'victor.osei', 'tomasz.nowak'].map(demoUser).sort();

/** Every page, following @odata.nextLink exactly as returned. */
async function allPages(first: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let path: string | undefined = first;
  let pages = 0;
  while (path) {
    const reply = await get(path);
    expect(reply.status).toBe(200);
    pages++;
    ids.push(...reply.body.value.map((item) => String(item.id)));
    const next = reply.body['@odata.nextLink'];
    path = next ? next.slice(next.indexOf('/v1.0') + '/v1.0'.length) : undefined;
  }
  return { ids: ids.sort(), pages };
}

it("lists the approver group's users with only the selected property", async () => {
  const reply = await get(`${usersPath(DEMO_GROUPS.approvers)}?$select=id`);
  expect(reply.status).toBe(200);
  expect(reply.body['@odata.context']).toMatch(/\$metadata#users/);
  expect(reply.body.value.map((item) => item.id).sort()).toEqual(APPROVERS);
  for (const item of reply.body.value)
    expect(Object.keys(item).filter((key) => !key.startsWith('@odata'))).toEqual(['id']);
});

it('pages with $top and @odata.nextLink', async () => {
  expect(await allPages(`${usersPath(DEMO_GROUPS.approvers)}?$select=id&$top=1`)).toEqual({ ids: APPROVERS, pages: 3 });
});

it('includes users of nested groups, once each', async () => {
  const seed = demoSeed();
  const outer = '00000000-0000-4000-8000-0000000000aa';
  seed.groups.push({
    id: outer,
    displayName: 'Nested approvers',
    members: [DEMO_GROUPS.approvers, demoUser('hana.kim'), demoUser('priya.shah')],
  });
  await harness.control('PUT', 'seed', seed);
  const { ids } = await allPages(`${usersPath(outer)}?$select=id`);
  expect(ids).toEqual([...APPROVERS, demoUser('priya.shah')].sort());
});

it('answers 404 for an unknown group and 400 for a cast it does not model or an unknown property', async () => {
  expect((await get(usersPath('00000000-0000-4000-8000-00000000dead'))).status).toBe(404);
  expect((await get(`/groups/${DEMO_GROUPS.approvers}/transitiveMembers/microsoft.graph.device`)).status).toBe(400);
  expect((await get(`${usersPath(DEMO_GROUPS.approvers)}?$select=nonsense`)).status).toBe(400);
  expect((await get(`${usersPath(DEMO_GROUPS.approvers)}?$orderby=id`)).status).toBe(400);
});
