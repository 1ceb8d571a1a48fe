import path from 'node:path';
import { loadConfig, type ConfigError } from '../../src/config';
import { configError } from '../helpers/config';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = '66666666-7777-8888-9999-000000000000';
/** The approver groups, which every mode needs (an empty value counts as not set). */
const GROUPS = { APPROVER_GROUP_IDS: TENANT, TENANT_ADMIN_GROUP_IDS: CLIENT };

const errorOf = (env: Record<string, string>): ConfigError => configError({ ...GROUPS, ...env });

describe('loadConfig', () => {
  it('runs locally with only the approver groups set: anonymous bot on loopback port 3978, simulator Graph, ./data', () => {
    const config = loadConfig(GROUPS);
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.bot.appId).toBe('');
    expect(config.graph.auth).toBe('simulator');
    expect(config.graph.cloud).toBe('global');
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.logLevel).toBe('info');
    expect(config.graph.baseUrl).toBe('http://127.0.0.1:5080');
  });

  it.each([
    ['global', 'https://graph.microsoft.com', 'https://login.microsoftonline.com'],
    ['usgov', 'https://graph.microsoft.us', 'https://login.microsoftonline.us'],
    ['usgov-dod', 'https://dod-graph.microsoft.us', 'https://login.microsoftonline.us'],
    ['china', 'https://microsoftgraph.chinacloudapi.cn', 'https://login.chinacloudapi.cn'],
  ])('picks the Graph and sign-in hosts of the %s cloud', (cloud, graph, authority) => {
    const config = loadConfig({
      GRAPH_AUTH: 'managed-identity',
      GRAPH_CLOUD: cloud,
      APPROVER_GROUP_IDS: TENANT,
      TENANT_ADMIN_GROUP_IDS: TENANT,
    });
    expect(config.graph).toMatchObject({ baseUrl: graph, authorityHost: authority, baseUrlIsExplicit: false });
  });

  it('points simulator mode at the simulator port unless GRAPH_BASE_URL says otherwise', () => {
    expect(loadConfig({ SIM_PORT: '6000', ...GROUPS }).graph.baseUrl).toBe('http://127.0.0.1:6000');
    expect(loadConfig({ SIM_PORT: '6000', GRAPH_BASE_URL: 'http://127.0.0.1:7000', ...GROUPS }).graph).toMatchObject({
      baseUrl: 'http://127.0.0.1:7000',
      baseUrlIsExplicit: true,
    });
  });

  it('binds every interface when the bot has an app id, since Azure Bot Service must reach it', () => {
    const config = loadConfig({ BOT_ID: CLIENT, BOT_PASSWORD: 'x', ...GROUPS });
    expect(config.host).toBe('0.0.0.0');
    expect(config.bot.appType).toBe('MultiTenant');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', /TCP port/],
    [{ PORT: '70000' }, 'PORT', /TCP port/],
    [{ SIM_PORT: 'x' }, 'SIM_PORT', /TCP port/],
    [{ BOT_ID: 'my-bot' }, 'BOT_ID', /GUID/],
    [{ BOT_ID: CLIENT }, 'BOT_PASSWORD', /client secret/],
    [{ BOT_ID: CLIENT, BOT_PASSWORD: 'x', BOT_TYPE: 'SingleTenant' }, 'BOT_TENANT_ID', /home tenant/],
    [{ BOT_TYPE: 'Personal' }, 'BOT_TYPE', /MultiTenant, SingleTenant, UserAssignedMSI/],
    [
      { GRAPH_AUTH: 'client-secret', AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: 's' },
      'AZURE_TENANT_ID',
      /tenant id/,
    ],
    [
      { GRAPH_AUTH: 'client-secret', AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT },
      'AZURE_CLIENT_SECRET',
      /client secret/,
    ],
    [
      { GRAPH_AUTH: 'certificate', AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT },
      'AZURE_CLIENT_CERTIFICATE_PATH',
      /PEM/,
    ],
    [
      {
        GRAPH_AUTH: 'certificate',
        AZURE_TENANT_ID: TENANT,
        AZURE_CLIENT_ID: CLIENT,
        AZURE_CLIENT_CERTIFICATE_PATH: '/nope.pem',
      },
      'AZURE_CLIENT_CERTIFICATE_PATH',
      /no file at "\/nope.pem"/,
    ],
    [{ GRAPH_AUTH: 'managed-identity', AZURE_CLIENT_ID: 'abc' }, 'AZURE_CLIENT_ID', /GUID/],
    [{ GRAPH_CLOUD: 'mars' }, 'GRAPH_CLOUD', /global, usgov, usgov-dod, china/],
    [{ GRAPH_BASE_URL: 'graph.microsoft.com' }, 'GRAPH_BASE_URL', /http\(s\) URL/],
    [{ GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' }, 'GRAPH_BASE_URL', /API version/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /fatal, error, warn, info, debug, trace, silent/],
    [
      { GRAPH_AUTH: 'managed-identity', APPROVER_GROUP_IDS: '' },
      'APPROVER_GROUP_IDS',
      /^APPROVER_GROUP_IDS is required \(the Entra groups whose members approve changes\)$/,
    ],
    [{ GRAPH_AUTH: 'managed-identity', TENANT_ADMIN_GROUP_IDS: '' }, 'TENANT_ADMIN_GROUP_IDS', /tenant-wide changes/],
    [{ APPROVER_GROUP_IDS: 'helpdesk' }, 'APPROVER_GROUP_IDS', /GUIDs.*"helpdesk"/],
    [{ APPROVAL_TTL: '10 days' }, 'APPROVAL_TTL', /duration/],
    [{ APPROVAL_TTL: '10s' }, 'APPROVAL_TTL', /from 1m to 720h/],
    [{ LOST_PHONE_TTL: 'soon' }, 'LOST_PHONE_TTL', /duration/],
    [{ LOST_PHONE_TTL: '0m' }, 'LOST_PHONE_TTL', /from 1m to 720h/],
    [{ DEFAULT_REGION: 'UK' }, 'DEFAULT_REGION', /two-letter country code/],
    [{ MANAGER_SCOPE: 'everyone' }, 'MANAGER_SCOPE', /administrative-units, direct-reports, both/],
    [{ RATE_LIMIT_READS_PER_MINUTE: '0' }, 'RATE_LIMIT_READS_PER_MINUTE', /whole number from 1/],
    [{ RATE_LIMIT_CHANGES_PER_HOUR: 'lots' }, 'RATE_LIMIT_CHANGES_PER_HOUR', /whole number from 1/],
  ])('refuses %j, naming %s', (env, variable, expectation) => {
    const error = errorOf(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(variable)).toBe(true);
    expect(error.message).toMatch(expectation);
    expect(error.message).not.toContain('\n');
  });

  it('accepts a complete client-secret setup and never needs the secret echoed back', () => {
    const config = loadConfig({
      GRAPH_AUTH: 'client-secret',
      AZURE_TENANT_ID: TENANT,
      AZURE_CLIENT_ID: CLIENT,
      AZURE_CLIENT_SECRET: 'hunter2',
      APPROVER_GROUP_IDS: TENANT,
      TENANT_ADMIN_GROUP_IDS: TENANT,
    });
    expect(config.graph).toMatchObject({
      auth: 'client-secret',
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: 'hunter2',
    });
  });

  it('needs the approver groups against the simulator too, with the same line as for a real tenant', () => {
    for (const variable of ['APPROVER_GROUP_IDS', 'TENANT_ADMIN_GROUP_IDS']) {
      const simulator = errorOf({ [variable]: '' });
      const real = errorOf({ GRAPH_AUTH: 'managed-identity', [variable]: '' });
      expect(simulator.variable).toBe(variable);
      expect(simulator.message).toBe(real.message);
    }
  });

  it('reads the change settings', () => {
    const defaults = loadConfig(GROUPS);
    expect(defaults.changes).toMatchObject({
      approvalTtlMs: 24 * 3600_000,
      lostPhoneTtlMs: 4 * 3600_000,
      managerScope: 'administrative-units',
      defaultRegion: 'GB',
    });
    expect(defaults.changes).toMatchObject({ approverGroupIds: [TENANT], tenantAdminGroupIds: [CLIENT] });
    const real = loadConfig({
      GRAPH_AUTH: 'managed-identity',
      APPROVER_GROUP_IDS: `${TENANT}, ${CLIENT}`,
      TENANT_ADMIN_GROUP_IDS: CLIENT,
      APPROVAL_TTL: '90m',
      LOST_PHONE_TTL: '2h',
      DEFAULT_REGION: 'us',
      MANAGER_SCOPE: 'both',
    });
    expect(real.changes).toEqual({
      approverGroupIds: [TENANT, CLIENT],
      tenantAdminGroupIds: [CLIENT],
      approvalTtlMs: 90 * 60_000,
      lostPhoneTtlMs: 2 * 3600_000,
      managerScope: 'both',
      defaultRegion: 'US',
      changeRequestsPerHour: 30,
      readsPerMinute: 60,
    });
  });

  it('accepts a certificate file that exists', () => {
    const config = loadConfig({
      GRAPH_AUTH: 'certificate',
      AZURE_TENANT_ID: TENANT,
      AZURE_CLIENT_ID: CLIENT,
      AZURE_CLIENT_CERTIFICATE_PATH: __filename,
      APPROVER_GROUP_IDS: TENANT,
      TENANT_ADMIN_GROUP_IDS: TENANT,
    });
    expect(config.graph.certificatePath).toBe(__filename);
  });

  it('matches enumerations case-insensitively and trims a trailing slash from GRAPH_BASE_URL', () => {
    const config = loadConfig({
      GRAPH_AUTH: 'Managed-Identity',
      GRAPH_CLOUD: 'USGov',
      GRAPH_BASE_URL: 'http://127.0.0.1:5080/',
      APPROVER_GROUP_IDS: TENANT,
      TENANT_ADMIN_GROUP_IDS: TENANT,
    });
    expect(config.graph).toMatchObject({ auth: 'managed-identity', cloud: 'usgov', baseUrl: 'http://127.0.0.1:5080' });
  });
});
