// Contract tests for the read-only posture routes over real HTTP: Conditional Access policies (list, get), eligible
// roles and the authentication methods policy's own settings, in Graph v1.0's shapes (docs/graph-facts.md §19).
import { DEMO_GROUPS } from '../../../src/simulator/demo-tenant';
import { demoSeed } from '../../../src/simulator/demo-tenant';
import { checkSeed } from '../../../src/simulator/load-seed';
import { SimulatorHarness, demoUser, expectBadRequest, useSimulator } from '../../helpers/simulator';

interface Policy {
  id: string;
  displayName: string;
  state: string;
  conditions: {
    users: Record<string, string[] | null>;
    applications: { includeApplications: string[]; excludeApplications: string[] };
    clientAppTypes: string[];
    devices: unknown;
  };
  grantControls: {
    operator: string;
    builtInControls: string[];
    authenticationStrength: { id: string; displayName: string } | null;
  } | null;
}

const POLICIES = '/identity/conditionalAccess/policies';
const PASSWORD_ADMINISTRATOR = '966707d0-3269-4727-9be2-8c3a10f19b9d';

const harness = new SimulatorHarness();
useSimulator(harness);
beforeEach(() => harness.restoreSeed());

async function policies(query = ''): Promise<Policy[]> {
  const reply = await harness.graph<{ value: Policy[] }>('GET', `${POLICIES}${query}`);
  expect(reply.status).toBe(200);
  return reply.body.value;
}

const named = (all: Policy[], name: RegExp): Policy => {
  const found = all.find((policy) => name.test(policy.displayName));
  if (!found) throw new Error(`no policy named ${name}`);
  return found;
};

describe('GET /identity/conditionalAccess/policies', () => {
  it('lists the demo policies with state, users, applications and grant controls as Graph v1.0 shows them', async () => {
    const all = await policies();
    expect(all.map((policy) => policy.state).sort()).toEqual([
      'enabled',
      'enabled',
      'enabledForReportingButNotEnforced',
    ]);
    const teamsOnly = named(all, /Teams and Shifts only/);
    expect(teamsOnly.conditions.users).toMatchObject({
      includeUsers: [],
      excludeUsers: [],
      includeGroups: [DEMO_GROUPS.frontlineWorkers],
      excludeGroups: [],
    });
    expect(teamsOnly.conditions.applications.includeApplications).toEqual(['All']);
    expect(teamsOnly.conditions.applications.excludeApplications).toHaveLength(1);
    expect(teamsOnly.conditions.clientAppTypes).toEqual(['all']);
    expect(teamsOnly.conditions.devices).toBeNull();
    expect(teamsOnly.grantControls).toMatchObject({
      operator: 'OR',
      builtInControls: ['block'],
      authenticationStrength: null,
    });
  });

  it('shows the report-only policy as enabledForReportingButNotEnforced, covering the badge pilot too', async () => {
    const shared = named(await policies(), /compliant shared devices/);
    expect(shared.state).toBe('enabledForReportingButNotEnforced');
    expect(shared.conditions.users.includeGroups).toEqual([DEMO_GROUPS.frontlineWorkers, DEMO_GROUPS.badgePilot]);
    expect(shared.grantControls?.builtInControls).toEqual(['compliantDevice', 'domainJoinedDevice']);
  });

  it('carries an authentication strength in grantControls, by id and name', async () => {
    const admins = named(await policies(), /Admins/);
    expect(admins.grantControls?.authenticationStrength).toEqual({
      id: '00000000-0000-0000-0000-000000000004',
      displayName: 'Phishing-resistant MFA',
    });
    expect(admins.conditions.users.includeRoles).toHaveLength(1);
  });

  it('pages with $top and @odata.nextLink, and projects $select', async () => {
    const first = await harness.graph<{ value: Policy[]; '@odata.nextLink'?: string }>('GET', `${POLICIES}?$top=2`);
    expect(first.body.value).toHaveLength(2);
    const next = new URL(first.body['@odata.nextLink']!);
    const rest = await harness.graph<{ value: Policy[] }>('GET', `${next.pathname.replace('/v1.0', '')}${next.search}`);
    expect([...first.body.value, ...rest.body.value].map((policy) => policy.id)).toEqual(
      (await policies()).map((policy) => policy.id),
    );
    const selected = await policies('?$select=id,state');
    expect(Object.keys(selected[0]!).sort()).toEqual(['id', 'state']);
  });

  it('refuses $filter and an unknown $select property with 400', async () => {
    expectBadRequest(await harness.graph('GET', `${POLICIES}?$filter=state eq 'enabled'`));
    expectBadRequest(await harness.graph('GET', `${POLICIES}?$select=colour`));
  });

  it('gets one policy by id, and answers 404 for one that does not exist', async () => {
    const listed = named(await policies(), /Teams and Shifts only/);
    const one = await harness.graph<Policy>('GET', `${POLICIES}/${listed.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: listed.id, displayName: listed.displayName, state: 'enabled' });
    const missing = await harness.graph<{ error: { code: string } }>('GET', `${POLICIES}/${demoUser('nobody')}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ResourceNotFound');
  });

  it('refuses writes: phonedesk never changes Conditional Access, and the simulator does not pretend to', async () => {
    const listed = named(await policies(), /Teams and Shifts only/);
    const reply = await harness.graph('PATCH', `${POLICIES}/${listed.id}`, { state: 'disabled' });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(named(await policies(), /Teams and Shifts only/).state).toBe('enabled');
  });
});

describe('GET /roleManagement/directory/roleEligibilitySchedules', () => {
  it('lists the eligible role of the demo cashier, filterable by principalId', async () => {
    const reply = await harness.graph<{ value: Array<Record<string, unknown>> }>(
      'GET',
      `/roleManagement/directory/roleEligibilitySchedules?$filter=principalId eq '${demoUser('kyle.adams')}'`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([
      expect.objectContaining({
        principalId: demoUser('kyle.adams'),
        roleDefinitionId: PASSWORD_ADMINISTRATOR,
        directoryScopeId: '/',
        memberType: 'Direct',
        status: 'Provisioned',
      }),
    ]);
    const nobody = await harness.graph<{ value: unknown[] }>(
      'GET',
      `/roleManagement/directory/roleEligibilitySchedules?$filter=principalId eq '${demoUser('jane.doe')}'`,
    );
    expect(nobody.body.value).toEqual([]);
  });
});

describe('GET /policies/authenticationMethodsPolicy', () => {
  it('shows policyMigrationState and the registration campaign state', async () => {
    const reply = await harness.graph<{
      policyMigrationState: string;
      registrationEnforcement: {
        authenticationMethodsRegistrationCampaign: { state: string; includeTargets: unknown[] };
      };
    }>('GET', '/policies/authenticationMethodsPolicy');
    expect(reply.status).toBe(200);
    expect(reply.body.policyMigrationState).toBe('migrationComplete');
    expect(reply.body.registrationEnforcement.authenticationMethodsRegistrationCampaign.state).toBe('default');
    expect(reply.body.registrationEnforcement.authenticationMethodsRegistrationCampaign.includeTargets).toHaveLength(1);
  });

  it('serves a seed’s own migration state and campaign', async () => {
    const seed = demoSeed();
    seed.authenticationMethodsPolicy = {
      policyMigrationState: 'migrationInProgress',
      registrationCampaign: { state: 'disabled', snoozeDurationInDays: 3, includeTargets: [] },
    };
    expect((await harness.control('PUT', 'seed', seed)).status).toBe(204);
    const reply = await harness.graph<{
      policyMigrationState: string;
      registrationEnforcement: { authenticationMethodsRegistrationCampaign: { state: string } };
    }>('GET', '/policies/authenticationMethodsPolicy');
    expect(reply.body.policyMigrationState).toBe('migrationInProgress');
    expect(reply.body.registrationEnforcement.authenticationMethodsRegistrationCampaign.state).toBe('disabled');
  });
});

describe('the seed', () => {
  it('refuses a Conditional Access policy that names a group the directory does not have', () => {
    const seed = demoSeed();
    seed.conditionalAccessPolicies![0]!.conditions.users.includeGroups = [demoUser('no-such-group')];
    expect(() => checkSeed(seed)).toThrow(/names unknown group/);
  });

  it('keeps policies, eligible roles and the methods policy through an export and a load', async () => {
    const exported = await harness.control<Record<string, unknown>>('GET', 'tenant');
    expect(exported.body.conditionalAccessPolicies).toHaveLength(3);
    expect(exported.body.roleEligibilities).toHaveLength(1);
    expect((await harness.control('PUT', 'seed', exported.body)).status).toBe(204);
    expect((await harness.control('GET', 'tenant')).body).toEqual(exported.body);
  });
});
