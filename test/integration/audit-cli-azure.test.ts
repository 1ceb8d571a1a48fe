// `phonedesk audit verify` and `export` with STORAGE=azure, as a separate process against Azurite: the chain and its
// anchors read from the storage account; a chain rewritten whole, which passes its own check, is caught by the anchors.
import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '../../src/audit/audit-record';
import { AzureAuditAnchors } from '../../src/storage/azure/azure-audit-anchors';
import { AzureAuditLog } from '../../src/storage/azure/azure-audit-log';
import { AzureTables } from '../../src/storage/azure/azure-tables';
import { useAzurite } from '../helpers/azurite';
import { approvalEntry } from '../helpers/storage-adapters';
import { runNode, type Finished } from '../helpers/processes';

const CLI = 'dist/src/cli/main.js';
const azurite = useAzurite();

const entry = approvalEntry;

/** A deployment of its own on the shared Azurite: the prefix names its tables and containers. */
function deployment() {
  const prefix = `c${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const tables = new AzureTables({ connectionString: azurite.connectionString, tablePrefix: prefix });
  const anchors = new AzureAuditAnchors({
    connectionString: azurite.connectionString,
    container: `${prefix}-audit-anchors`,
  });
  const phonedesk = (...args: string[]): Promise<Finished> =>
    runNode(CLI, args, {
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_PREFIX: prefix,
    });
  return { prefix, tables, anchors, phonedesk };
}

async function writeChain(log: AzureAuditLog, steps: number, verb: string): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for (let step = 1; step <= steps; step++) records.push(await log.append(entry(`${verb}, step ${step}`)));
  return records;
}

it('verifies the chain and its anchors in the storage account, and exports it', async () => {
  const { tables, anchors, phonedesk } = deployment();
  const records = await writeChain(new AzureAuditLog(tables), 5, 'approved');
  const last = records[records.length - 1]!;
  await anchors.anchor({ sequence: last.sequence, hash: last.hash, at: last.time });

  const verified = await phonedesk('audit', 'verify');
  expect(verified.stdout).toBe('audit log OK: 5 records, chain intact, 1 anchor matched\n');
  expect(verified.code).toBe(0);

  const exported = await phonedesk('audit', 'export', '--format', 'jsonl');
  expect(exported.code).toBe(0);
  const lines = exported.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AuditRecord);
  expect(lines.map((line) => line.detail)).toEqual(records.map((record) => record.detail));
});

it('exits 1 naming the anchored record of a chain rewritten whole', async () => {
  const { tables, anchors, phonedesk } = deployment();
  const records = await writeChain(new AzureAuditLog(tables), 4, 'approved');
  const last = records[records.length - 1]!;
  await anchors.anchor({ sequence: last.sequence, hash: last.hash, at: last.time });
  // Someone with the account's keys replaces the whole chain with a consistent one of their own.
  const table = await tables.table('Audit');
  for await (const row of table.listEntities()) await table.deleteEntity(row.partitionKey!, row.rowKey!);
  await writeChain(new AzureAuditLog(tables), 4, 'rejected');

  const verified = await phonedesk('audit', 'verify');
  expect(verified.stdout).toBe(
    `audit record 4 does not match its anchor: record 4 is not the one anchored at ${last.time}: the chain was rewritten\n`,
  );
  expect(verified.code).toBe(1);
});

it('refuses a prefix with no audit log, and creates nothing there', async () => {
  const { prefix, tables, phonedesk } = deployment();
  const verified = await phonedesk('audit', 'verify');
  expect(verified.stderr).toBe(
    `phonedesk: there is no phonedesk audit log in the storage account under the prefix "${prefix}" (check AZURE_STORAGE_PREFIX)\n`,
  );
  expect(verified.code).toBe(2);
  expect(await tables.has('Audit')).toBe(false);
});

it('refuses --data-dir with STORAGE=azure rather than reading somewhere else', async () => {
  const { phonedesk } = deployment();
  const verified = await phonedesk('audit', 'verify', '--data-dir', '/tmp');
  expect(verified.stderr).toBe('phonedesk: --data-dir is for STORAGE=sqlite; this is STORAGE=azure\n');
  expect(verified.code).toBe(2);
});
