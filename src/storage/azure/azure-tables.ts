// Azure Table storage for the ports that several instances share: one TableClient per table, the table created
// on first use, and the conditional-write answers (409 exists, 412 changed since read, 404 gone) as plain checks.
// A connection string (Azurite, or an account key) or an account URL with a credential (managed identity).
import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';

export type AzureTablesSettings =
  | { connectionString: string; tablePrefix?: string }
  | { accountUrl: string; credential: TokenCredential; tablePrefix?: string };

/** A failed request's HTTP status: @azure/data-tables throws RestError with `statusCode` (code may be undefined). */
export function statusOf(error: unknown): number | undefined {
  if (error && typeof error === 'object' && 'statusCode' in error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

/** A create that found the entity there already. */
export const isConflict = (error: unknown): boolean => statusOf(error) === 409;
/** An update whose If-Match ETag no longer matched: someone else wrote first. */
export const isPreconditionFailed = (error: unknown): boolean => statusOf(error) === 412;
export const isNotFound = (error: unknown): boolean => statusOf(error) === 404;

/** Row and partition keys may not hold / \ # ? or control characters: any other text, reversibly. */
export function safeKey(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

export function unsafeKey(key: string): string {
  return Buffer.from(key, 'base64url').toString('utf8');
}

/** OData string literal for a query filter: quotes doubled. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export class AzureTables {
  private readonly clients = new Map<string, Promise<TableClient>>();

  constructor(private readonly settings: AzureTablesSettings) {}

  /** The table (letters and digits, created if missing), shared by every caller in this process. */
  table(name: string): Promise<TableClient> {
    const full = `${this.settings.tablePrefix ?? 'phonedesk'}${name}`;
    let client = this.clients.get(full);
    if (!client) {
      client = this.open(full);
      // A failed creation is tried again next time, not remembered.
      client.catch(() => this.clients.delete(full));
      this.clients.set(full, client);
    }
    return client;
  }

  /** Whether the table is there, without creating it: the tools that only read must not make an empty one. */
  async has(name: string): Promise<boolean> {
    try {
      await this.client(`${this.settings.tablePrefix ?? 'phonedesk'}${name}`)
        .listEntities({ queryOptions: { select: ['PartitionKey'] } })
        .byPage({ maxPageSize: 1 })
        .next();
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  private client(name: string): TableClient {
    const http =
      'connectionString' in this.settings && /DefaultEndpointsProtocol=http;/i.test(this.settings.connectionString);
    const options: TableServiceClientOptions = { allowInsecureConnection: http };
    return 'connectionString' in this.settings
      ? TableClient.fromConnectionString(this.settings.connectionString, name, options)
      : new TableClient(this.settings.accountUrl, name, this.settings.credential, options);
  }

  private async open(name: string): Promise<TableClient> {
    const client = this.client(name);
    try {
      await client.createTable();
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    return client;
  }
}
