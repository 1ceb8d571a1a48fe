import { ConfigError } from '../../src/config';
import { withDemoTenantSettings } from '../../src/launcher/launcher-settings';
import { DEMO_GROUPS } from '../../src/simulator/demo-tenant';

const OWN = '11111111-2222-3333-4444-555555555555';
const DEMO = { APPROVER_GROUP_IDS: DEMO_GROUPS.approvers, TENANT_ADMIN_GROUP_IDS: DEMO_GROUPS.tenantAdmins };

describe('the approver groups npm start and npm run serve give the bot', () => {
  it("are the demo tenant's when the launcher runs the demo tenant and none are given", () => {
    expect(withDemoTenantSettings({})).toMatchObject(DEMO);
    expect(withDemoTenantSettings({ GRAPH_AUTH: 'Simulator', APPROVER_GROUP_IDS: ' ' })).toMatchObject(DEMO);
  });

  it('are the ones given, when given', () => {
    expect(withDemoTenantSettings({ APPROVER_GROUP_IDS: OWN })).toMatchObject({
      APPROVER_GROUP_IDS: OWN,
      TENANT_ADMIN_GROUP_IDS: DEMO_GROUPS.tenantAdmins,
    });
    expect(withDemoTenantSettings({ TENANT_ADMIN_GROUP_IDS: OWN })).toMatchObject({
      APPROVER_GROUP_IDS: DEMO_GROUPS.approvers,
      TENANT_ADMIN_GROUP_IDS: OWN,
    });
  });

  it.each([
    ['another simulated tenant (GRAPH_BASE_URL)', { GRAPH_BASE_URL: 'http://127.0.0.1:7000' }],
    ['a real tenant', { GRAPH_AUTH: 'managed-identity' }],
  ])('are not invented for %s', (_what, env) => {
    expect(withDemoTenantSettings(env)).toEqual(env);
  });

  it('refuses a bad Graph setting as the bot would', () => {
    expect(() => withDemoTenantSettings({ GRAPH_AUTH: 'password' })).toThrow(ConfigError);
  });
});
