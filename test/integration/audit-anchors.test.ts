// Anchoring the audit chain outside its own store (an append blob on Azurite): a chain rewritten whole, hashes and
// all, passes its own verify, yet no longer matches its anchors; an intact one does.
import { randomUUID } from 'node:crypto';
import { checkAnchors } from '../../src/audit/audit-anchors';
import { AzureAuditAnchors } from '../../src/storage/azure/azure-audit-anchors';
import { AzureAuditLog } from '../../src/storage/azure/azure-audit-log';
import { AzureTables } from '../../src/storage/azure/azure-tables';
import { useAzurite } from '../helpers/azurite';
import { approvalEntry } from '../helpers/storage-adapters';

const azurite = useAzurite();

const entry = approvalEntry;

function fresh() {
  const prefix = `a${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const tables = () => new AzureTables({ connectionString: azurite.connectionString, tablePrefix: prefix });
  const anchors = new AzureAuditAnchors({
    connectionString: azurite.connectionString,
    container: `anchors-${randomUUID()}`,
  });
  return { tables, anchors };
}

it('starts with no anchors, keeps them in order, and an intact chain matches every one', async () => {
  const { tables, anchors } = fresh();
  const log = new AzureAuditLog(tables());
  expect(await anchors.list()).toEqual([]);
  for (let step = 1; step <= 6; step++) {
    const record = await log.append(entry(`approved, step ${step}`));
    if (step % 3 === 0) await anchors.anchor({ sequence: record.sequence, hash: record.hash, at: record.time });
  }
  expect((await anchors.list()).map((anchor) => anchor.sequence)).toEqual([3, 6]);
  expect(await checkAnchors(log, await anchors.list())).toEqual({ ok: true, anchors: 2 });
});

it('names the anchored record of a chain rewritten whole, which its own verify cannot see', async () => {
  const { tables, anchors } = fresh();
  const log = new AzureAuditLog(tables());
  for (let step = 1; step <= 4; step++) await log.append(entry(`approved, step ${step}`));
  const last = await log.append(entry('approved, step 5'));
  await anchors.anchor({ sequence: last.sequence, hash: last.hash, at: last.time });
  // Someone with the storage account's keys empties the table and writes a consistent chain of their own.
  const table = await tables().table('Audit');
  for await (const row of table.listEntities()) await table.deleteEntity(row.partitionKey!, row.rowKey!);
  const forged = new AzureAuditLog(tables());
  for (let step = 1; step <= 5; step++) await forged.append(entry(`rejected, step ${step}`));
  expect(await forged.verify()).toEqual({ ok: true, records: 5 });
  expect(await checkAnchors(forged, await anchors.list())).toEqual({
    ok: false,
    anchors: 0,
    sequence: 5,
    reason: `record 5 is not the one anchored at ${last.time}: the chain was rewritten`,
  });
});

it('names an anchored record that is gone', async () => {
  const { tables, anchors } = fresh();
  const log = new AzureAuditLog(tables());
  const first = await log.append(entry('approved'));
  await anchors.anchor({ sequence: 2, hash: first.hash, at: first.time });
  expect(await checkAnchors(log, await anchors.list())).toMatchObject({ ok: false, sequence: 2, reason: /is missing/ });
});
