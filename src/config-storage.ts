// STORAGE: one SQLite file (the embedded default), or Azure Storage that several instances share.
import { ConfigError, GUID, oneOf, text, type Env } from './config-values';

/** Where requests, the audit chain, jobs and conversation state live: one SQLite file, or Azure Storage shared by instances. */
export type StorageSettings =
  | { kind: 'sqlite' }
  | {
      kind: 'azure';
      /** Names every table and container (so two deployments can share an account). */
      prefix: string;
      account:
        | { connectionString: string; accountName: string | undefined }
        | { tableUrl: string; blobUrl: string; managedIdentityClientId: string | undefined };
    };

const STORAGE_KINDS: readonly StorageSettings['kind'][] = ['sqlite', 'azure'];
/** Valid as the start of a table name (letters and digits) and of a container name (lower case, digits, hyphens). */
const STORAGE_PREFIX = /^[a-z][a-z0-9]{2,29}$/;
const ACCOUNT_URL = /^https:\/\/([a-z0-9]{3,24})\.(blob|table)\.([a-z0-9.-]+)\/?$/;

function connectionString(value: string): { connectionString: string; accountName: string | undefined } {
  const pairs = new Map(
    value
      .split(';')
      .filter((part) => part.trim() !== '')
      .map((part) => {
        const at = part.indexOf('=');
        return [part.slice(0, at).trim().toLowerCase(), at > 0 ? part.slice(at + 1).trim() : ''] as const;
      }),
  );
  const development = pairs.get('usedevelopmentstorage')?.toLowerCase() === 'true';
  const keyed = pairs.has('accountname') && (pairs.has('accountkey') || pairs.has('sharedaccesssignature'));
  // Never echoed: it holds the account key.
  if (!development && !keyed)
    throw new ConfigError(
      'AZURE_STORAGE_CONNECTION_STRING',
      "must be a storage account's connection string (AccountName=…;AccountKey=… or UseDevelopmentStorage=true, as the portal's Access keys page shows it)",
    );
  return { connectionString: value, accountName: development ? 'devstoreaccount1' : pairs.get('accountname') };
}

/** STORAGE and its account: a connection string (Azurite, an account key), or the account's URL and managed identity. */
export function readStorage(env: Env): StorageSettings {
  if (oneOf(env, 'STORAGE', STORAGE_KINDS, 'sqlite') === 'sqlite') return { kind: 'sqlite' };
  const prefix = text(env, 'AZURE_STORAGE_PREFIX') ?? 'phonedesk';
  if (!STORAGE_PREFIX.test(prefix))
    throw new ConfigError(
      'AZURE_STORAGE_PREFIX',
      `must be 3 to 30 lower-case letters and digits, starting with a letter (got "${prefix}")`,
    );
  const secret = text(env, 'AZURE_STORAGE_CONNECTION_STRING');
  const url = text(env, 'AZURE_STORAGE_ACCOUNT_URL');
  if (secret !== undefined && url !== undefined)
    throw new ConfigError('AZURE_STORAGE_ACCOUNT_URL', 'must not be set with AZURE_STORAGE_CONNECTION_STRING: set one');
  if (secret !== undefined) return { kind: 'azure', prefix, account: connectionString(secret) };
  if (url === undefined)
    throw new ConfigError(
      'AZURE_STORAGE_ACCOUNT_URL',
      'or AZURE_STORAGE_CONNECTION_STRING is required when STORAGE=azure (the account URL, such as https://contoso.blob.core.windows.net, with managed identity)',
    );
  const match = ACCOUNT_URL.exec(url.toLowerCase());
  if (!match)
    throw new ConfigError(
      'AZURE_STORAGE_ACCOUNT_URL',
      `must be the storage account's blob or table URL, such as https://contoso.blob.core.windows.net (got "${url}")`,
    );
  const [, account, , suffix] = match;
  const clientId = text(env, 'AZURE_STORAGE_CLIENT_ID');
  if (clientId !== undefined && !GUID.test(clientId))
    throw new ConfigError(
      'AZURE_STORAGE_CLIENT_ID',
      `must be the user-assigned managed identity's client id, a GUID (got "${clientId}")`,
    );
  return {
    kind: 'azure',
    prefix,
    account: {
      tableUrl: `https://${account}.table.${suffix}`,
      blobUrl: `https://${account}.blob.${suffix}`,
      managedIdentityClientId: clientId,
    },
  };
}
