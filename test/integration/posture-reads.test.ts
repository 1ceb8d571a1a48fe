// The tenant-posture reads against the simulated tenant over HTTP: Conditional Access as phonedesk maps it, the
// admins with a single-check way in (active, eligible, through a group), readiness per store, and each part that
// Graph refuses told in plain words while the rest still reads.
import { readReadiness } from '../../src/checks/readiness-read';
import { readWeakAdmins } from '../../src/checks/weak-admin-read';
import { DEMO_GROUPS } from '../../src/simulator/demo-tenant';
import { testGateway } from '../helpers/gateway';
import { SimulatorHarness, demoUser, seedWithShiftLeads } from '../helpers/simulator';

const simulator = new SimulatorHarness();

beforeAll(async () => {
  await simulator.start();
});
afterAll(async () => {
  await simulator.stop();
});
afterEach(async () => {
  await simulator.control('DELETE', 'faults');
  await simulator.restoreSeed();
});

const fast = { retry: { maxRetries: 1, maxRetryAfterMs: 100, baseDelayMs: 5 } };

it('maps the Conditional Access policies: state, groups, apps, controls and the authentication strength', async () => {
  const { gateway } = testGateway(simulator.url);
  const policies = await gateway.conditionalAccessPolicies();
  const byName = new Map(policies.map((policy) => [policy.displayName, policy]));
  expect(byName.get('Frontline: Teams and Shifts only')).toMatchObject({
    state: 'enabled',
    users: { includeGroups: [DEMO_GROUPS.frontlineWorkers] },
    apps: { include: ['All'], exclude: ['cc15fd57-2c6c-4117-a88c-83b1d56b4bbe'] },
    controls: ['block'],
  });
  expect(byName.get('Frontline: compliant shared devices')?.state).toBe('reportOnly');
  expect(byName.get('Admins: phishing-resistant MFA')?.authenticationStrength).toBe('Phishing-resistant MFA');
});

it('lists the admins who can sign in with a single check: active and eligible roles, and nobody else', async () => {
  const { gateway } = testGateway(simulator.url);
  const read = await readWeakAdmins(gateway, new Date());
  expect(read.admins.map((admin) => [admin.displayName, admin.ways])).toEqual([
    ['Kyle Adams', ['sms', 'badge']],
    ['Rachel Green', ['sms']],
  ]);
  expect(read.admins[0]!.roles).toEqual([{ displayName: 'Password Administrator', eligible: true, scoped: false }]);
  // Hana, Victor, Tomasz, Rachel, Kyle and the four store managers hold a role; only two have a weak way in.
  expect(read.holders).toBe(9);
  expect(read.unread).toBe(0);
  expect(read.eligibleNote).toBeUndefined();
});

it('still lists active admins when eligible roles cannot be read, and says why', async () => {
  await simulator.forbid('roleManagement/directory/roleEligibilitySchedules');
  const { gateway } = testGateway(simulator.url, fast);
  const read = await readWeakAdmins(gateway, new Date());
  expect(read.admins.map((admin) => admin.displayName)).toEqual(['Rachel Green']);
  expect(read.eligibleNote).toMatch(/cannot read them\. Grant it RoleEligibilitySchedule\.Read\.Directory/);
});

it("counts a role given to a group for the group's members, and says through which group", async () => {
  const seed = seedWithShiftLeads([demoUser('chloe.evans')]);
  expect((await simulator.control('PUT', 'seed', seed)).status).toBe(204);
  const { gateway } = testGateway(simulator.url);
  const chloe = (await readWeakAdmins(gateway, new Date())).admins.find((admin) => admin.displayName === 'Chloe Evans');
  expect(chloe).toEqual(
    expect.objectContaining({
      ways: ['sms', 'badge'],
      roles: [{ displayName: 'User Administrator', eligible: false, scoped: false, throughGroup: "'Shift leads'" }],
    }),
  );
});

it('reads readiness per store, and tells a methods policy it may not read without losing the counts', async () => {
  await simulator.forbid('policies/authenticationMethodsPolicy$');
  const { gateway } = testGateway(simulator.url, fast);
  const readiness = await readReadiness(gateway, new Date());
  expect(readiness.settings).toEqual({
    unreadable: 'phonedesk cannot read the authentication methods policy: grant it Policy.Read.All.',
  });
  expect(readiness.stores.map((store) => store.store).sort()).toEqual([
    'Bristol Cabot Circus',
    'Leeds Briggate',
    'Manchester Piccadilly',
    'Redmond Town Center',
  ]);
  const sum = readiness.stores.reduce((total, store) => total + store.onSms, 0) + readiness.outsideStores.onSms;
  expect(readiness.total.onSms).toBe(sum);
  expect(readiness.total.onSms).toBeGreaterThan(0);
});
