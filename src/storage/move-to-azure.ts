// Moves a SQLite data directory into Azure Storage (`phonedesk storage migrate`), for a deployment that grows from
// one instance to several: the audit chain row for row (hashes and all, so it verifies the same), every request with
// its transitions, jobs, how to reach people and channels, cards and conversation state. Only into an empty account
// prefix, only a chain that verifies, and checked afterwards. The number index is left to its sweep; sealed secrets
// are dropped, as a restart would (their key died with the process that sealed them).
import type { StorageSettings } from '../config';
import { AzureAuditLog } from './azure/azure-audit-log';
import { AzureBlobBotStorage } from './azure/azure-blob-bot-storage';
import { AzureChangeRequestCards } from './azure/azure-change-request-cards';
import { AzureChangeStore } from './azure/azure-change-store';
import { AzureConversationReferences } from './azure/azure-conversation-references';
import { AzureHandoverCards } from './azure/azure-handover-cards';
import { AzureJobStore } from './azure/azure-job-store';
import { azureAccess } from './azure/azure-stores';
import { AzureTables } from './azure/azure-tables';
import { SqliteAuditLog } from './sqlite/sqlite-audit-log';
import { SqliteContents } from './sqlite/sqlite-contents';
import type { SqliteDatabase } from './sqlite/sqlite-database';

/** A move that must not start: the line says why, and nothing was written. */
export class MoveRefused extends Error {
  override name = 'MoveRefused';
}

export interface MoveReport {
  auditRecords: number;
  requests: number;
  jobs: number;
  people: number;
  channels: number;
  cards: number;
  handoverCards: number;
  stateItems: number;
}

export async function moveToAzure(
  db: SqliteDatabase,
  settings: Extract<StorageSettings, { kind: 'azure' }>,
): Promise<MoveReport> {
  const source = new SqliteAuditLog(db);
  const checked = await source.verify();
  if (!checked.ok)
    throw new MoveRefused(
      `the audit log in the data directory is broken at record ${checked.broken.sequence} (${checked.broken.reason}); it is not moved`,
    );
  const access = azureAccess(settings);
  const tables = new AzureTables(access.tables);
  const audit = new AzureAuditLog(tables);
  const changes = new AzureChangeStore(tables, audit);
  if ((await audit.newest()) !== undefined || (await changes.list({ limit: 1 })).length > 0)
    throw new MoveRefused(
      `the storage account already holds phonedesk data under the prefix "${settings.prefix}"; move into an empty one (another AZURE_STORAGE_PREFIX)`,
    );

  const contents = new SqliteContents(db);
  const report: MoveReport = {
    auditRecords: 0,
    requests: 0,
    jobs: 0,
    people: 0,
    channels: 0,
    cards: 0,
    handoverCards: 0,
    stateItems: 0,
  };
  // A move stopped halfway (the network, a full account) leaves data there, so a second try is refused above:
  // move again under a new prefix.
  let last = 0;
  for await (const { request, transitions } of contents.requests()) {
    await changes.importRequest(request, transitions);
    last = Math.max(last, request.number);
    report.requests += 1;
  }
  if (last > 0) await changes.importCounter(last);
  const jobs = new AzureJobStore(tables, changes);
  for await (const { job, workers } of contents.jobs()) {
    await jobs.importJob(
      job,
      workers.map(({ sealed: _sealed, ...row }) => row),
    );
    report.jobs += 1;
  }
  const references = new AzureConversationReferences(tables);
  // Oldest first, so that the most recently seen are the most recently saved there too.
  for (const { aadObjectId, reference } of (await contents.people()).reverse()) {
    await references.save(aadObjectId, reference);
    report.people += 1;
  }
  for (const { name, reference } of await contents.channels()) {
    await references.saveChannel(name, reference);
    report.channels += 1;
  }
  const cards = new AzureChangeRequestCards(tables);
  for await (const card of contents.cards()) {
    await cards.remember(card);
    report.cards += 1;
  }
  const handovers = new AzureHandoverCards(tables);
  for await (const { clearedAt, ...card } of contents.handovers()) {
    await handovers.remember(card);
    if (clearedAt !== undefined) await handovers.clear(card.requestId, clearedAt);
    report.handoverCards += 1;
  }
  const state = new AzureBlobBotStorage(access.container('bot-state'));
  for (const { key, item } of contents.botState()) {
    await state.write({ [key]: { ...item, eTag: '*' } });
    report.stateItems += 1;
  }
  // The chain last, then checked against the one moved: its newest hash must be the same.
  report.auditRecords = await audit.importChain(contents.auditRecords());

  const moved = await audit.verify();
  const [from, to] = [await source.newest(), await audit.newest()];
  if (!moved.ok || moved.records !== checked.records || from?.hash !== to?.hash)
    throw new Error('the audit log in the storage account does not match the one moved; do not start phonedesk on it');
  return report;
}
