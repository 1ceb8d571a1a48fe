// STORAGE and the Azure Storage account settings: checked at start like every setting, each refusal naming its
// variable in plain words and never echoing the account key.
import { loadConfig, type ConfigError } from '../../src/config';
import { configError } from '../helpers/config';

const GROUPS = {
  APPROVER_GROUP_IDS: '11111111-2222-3333-4444-555555555555',
  TENANT_ADMIN_GROUP_IDS: '66666666-7777-8888-9999-000000000000',
};
const KEY = 'c2VjcmV0LWtleS12YWx1ZQ==';
const CONNECTION = `DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=${KEY};EndpointSuffix=core.windows.net`;

const refusal = (env: Record<string, string>): ConfigError => configError({ ...GROUPS, ...env });

it('keeps the embedded SQLite file unless STORAGE says otherwise', () => {
  expect(loadConfig(GROUPS).storage).toEqual({ kind: 'sqlite' });
  expect(loadConfig({ ...GROUPS, STORAGE: 'SQLite' }).storage).toEqual({ kind: 'sqlite' });
});

it('takes a connection string, remembering the account name but keeping the key for the SDK only', () => {
  const { storage } = loadConfig({ ...GROUPS, STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: CONNECTION });
  expect(storage).toEqual({
    kind: 'azure',
    prefix: 'phonedesk',
    account: { connectionString: CONNECTION, accountName: 'contoso' },
  });
});

it('takes the development storage shorthand (Azurite on its default ports)', () => {
  const { storage } = loadConfig({
    ...GROUPS,
    STORAGE: 'azure',
    AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
  });
  expect(storage).toMatchObject({ account: { accountName: 'devstoreaccount1' } });
});

it.each([
  ['https://contoso.blob.core.windows.net', 'core.windows.net'],
  ['https://contoso.table.core.windows.net/', 'core.windows.net'],
  ['https://contoso.blob.core.usgovcloudapi.net', 'core.usgovcloudapi.net'],
])('derives both services of the account from %s, with managed identity', (url, suffix) => {
  const { storage } = loadConfig({ ...GROUPS, STORAGE: 'azure', AZURE_STORAGE_ACCOUNT_URL: url });
  expect(storage).toEqual({
    kind: 'azure',
    prefix: 'phonedesk',
    account: {
      tableUrl: `https://contoso.table.${suffix}`,
      blobUrl: `https://contoso.blob.${suffix}`,
      managedIdentityClientId: undefined,
    },
  });
});

it('takes a user-assigned identity and a prefix of the deployment’s own', () => {
  const { storage } = loadConfig({
    ...GROUPS,
    STORAGE: 'azure',
    AZURE_STORAGE_ACCOUNT_URL: 'https://contoso.blob.core.windows.net',
    AZURE_STORAGE_CLIENT_ID: '0f8fad5b-d9cb-469f-a165-70867728950e',
    AZURE_STORAGE_PREFIX: 'pdstaging',
  });
  expect(storage).toMatchObject({
    prefix: 'pdstaging',
    account: { managedIdentityClientId: '0f8fad5b-d9cb-469f-a165-70867728950e' },
  });
});

it.each([
  [{ STORAGE: 'blob' }, 'STORAGE must be one of sqlite, azure (got "blob")'],
  [{ STORAGE: 'azure' }, 'AZURE_STORAGE_ACCOUNT_URL or AZURE_STORAGE_CONNECTION_STRING is required when STORAGE=azure'],
  [
    { STORAGE: 'azure', AZURE_STORAGE_ACCOUNT_URL: 'http://contoso.blob.core.windows.net' },
    "AZURE_STORAGE_ACCOUNT_URL must be the storage account's blob or table URL",
  ],
  [
    { STORAGE: 'azure', AZURE_STORAGE_ACCOUNT_URL: 'https://contoso.queue.core.windows.net' },
    "AZURE_STORAGE_ACCOUNT_URL must be the storage account's blob or table URL",
  ],
  [
    { STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: CONNECTION, AZURE_STORAGE_ACCOUNT_URL: 'https://a.b.c' },
    'AZURE_STORAGE_ACCOUNT_URL must not be set with AZURE_STORAGE_CONNECTION_STRING',
  ],
  [
    {
      STORAGE: 'azure',
      AZURE_STORAGE_ACCOUNT_URL: 'https://contoso.blob.core.windows.net',
      AZURE_STORAGE_CLIENT_ID: 'me',
    },
    "AZURE_STORAGE_CLIENT_ID must be the user-assigned managed identity's client id",
  ],
  [
    { STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: CONNECTION, AZURE_STORAGE_PREFIX: 'Phone-Desk' },
    'AZURE_STORAGE_PREFIX must be 3 to 30 lower-case letters and digits',
  ],
])('refuses %j in plain words', (env, message) => {
  expect(refusal(env).message).toContain(message);
});

it('refuses a connection string without an account key, and never repeats what was given', () => {
  const error = refusal({ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: `AccountName=contoso;Key=${KEY}` });
  expect(error.variable).toBe('AZURE_STORAGE_CONNECTION_STRING');
  expect(error.message).toContain("must be a storage account's connection string");
  expect(error.message).not.toContain(KEY);
});
