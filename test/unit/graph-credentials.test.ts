import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import { loadConfig } from '../../src/config';
import { SimulatorCredential, createGraphCredential, graphScope } from '../../src/graph/graph-credentials';
import { tempDir } from '../helpers/temp-dir';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = '66666666-7777-8888-9999-000000000000';
const GROUPS = { APPROVER_GROUP_IDS: TENANT, TENANT_ADMIN_GROUP_IDS: TENANT };

describe('Graph credentials by GRAPH_AUTH', () => {
  it('uses a simulator token against the simulator', async () => {
    const credential = createGraphCredential(loadConfig(GROUPS).graph);
    expect(credential).toBeInstanceOf(SimulatorCredential);
    expect((await credential.getToken('https://graph.microsoft.com/.default'))?.token).toBe('phonedesk-simulator');
  });

  it('builds the @azure/identity credential for each real mode', () => {
    const temp = tempDir();
    try {
      const pem = path.join(temp.dir, 'app.pem');
      writeFileSync(pem, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
      expect(
        createGraphCredential(
          loadConfig({
            GRAPH_AUTH: 'client-secret',
            AZURE_TENANT_ID: TENANT,
            AZURE_CLIENT_ID: CLIENT,
            AZURE_CLIENT_SECRET: 's',
            ...GROUPS,
          }).graph,
        ),
      ).toBeInstanceOf(ClientSecretCredential);
      expect(
        createGraphCredential(
          loadConfig({
            GRAPH_AUTH: 'certificate',
            AZURE_TENANT_ID: TENANT,
            AZURE_CLIENT_ID: CLIENT,
            AZURE_CLIENT_CERTIFICATE_PATH: pem,
            ...GROUPS,
          }).graph,
        ),
      ).toBeInstanceOf(ClientCertificateCredential);
      expect(createGraphCredential(loadConfig({ GRAPH_AUTH: 'managed-identity', ...GROUPS }).graph)).toBeInstanceOf(
        ManagedIdentityCredential,
      );
    } finally {
      temp.cleanup();
    }
  });

  it.each([
    ['global', 'https://graph.microsoft.com/.default'],
    ['usgov', 'https://graph.microsoft.us/.default'],
    ['usgov-dod', 'https://dod-graph.microsoft.us/.default'],
    ['china', 'https://microsoftgraph.chinacloudapi.cn/.default'],
  ])("asks for the %s cloud's Graph scope", (cloud, scope) => {
    expect(graphScope(loadConfig({ GRAPH_AUTH: 'managed-identity', GRAPH_CLOUD: cloud, ...GROUPS }).graph)).toBe(scope);
  });
});
