// The store adapters a port contract runs against: SQLite (the embedded default) and Azure Storage (tables and blobs
// on Azurite, started for the test file; nothing downloaded), each fresh per test, and a second instance's view of
// the same data where a contract races two instances.
import { randomUUID } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import { AzureChangeRequestCards } from '../../src/storage/azure/azure-change-request-cards';
import { AzureConversationReferences } from '../../src/storage/azure/azure-conversation-references';
import { AzureHandoverCards } from '../../src/storage/azure/azure-handover-cards';
import { AzureRateCounters } from '../../src/storage/azure/azure-rate-counters';
import { AzureNumberIndex } from '../../src/storage/azure/azure-number-index';
import type { NumberIndex } from '../../src/number-index/number-index';
import { SqliteNumberIndex } from '../../src/storage/sqlite/sqlite-number-index';
import type { Storage } from 'botbuilder';
import { AzureBlobBotStorage } from '../../src/storage/azure/azure-blob-bot-storage';
import { AzureAuditLog } from '../../src/storage/azure/azure-audit-log';
import { AzureChangeStore } from '../../src/storage/azure/azure-change-store';
import { AzureJobStore } from '../../src/storage/azure/azure-job-store';
import { AzureLeases } from '../../src/storage/azure/azure-leases';
import { AzureLinkFiles } from '../../src/storage/azure/azure-link-files';
import { MemoryLinkFiles, type LinkFiles } from '../../src/storage/link-files';
import { MemoryLeases, type Leases } from '../../src/changes/leases';
import type { JobStore } from '../../src/storage/job-store';
import { SqliteJobStore } from '../../src/storage/sqlite/sqlite-job-store';
import type { ChangeStore } from '../../src/changes/change-store';
import type { AuditLog } from '../../src/audit/audit-log';
import type { AuditEntry } from '../../src/audit/audit-record';
import { SqliteAuditLog } from '../../src/storage/sqlite/sqlite-audit-log';
import { SqliteBotStorage } from '../../src/storage/sqlite/sqlite-bot-storage';
import { AzureTables } from '../../src/storage/azure/azure-tables';
import { MemoryRateCounters, type RateCounters } from '../../src/access/rate-limiter';
import type { ChangeRequestCards } from '../../src/storage/change-request-cards';
import type { ConversationReferences } from '../../src/storage/conversation-references';
import type { HandoverCards } from '../../src/storage/handover-cards';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import type { NewChangeRequest } from '../../src/changes/change-store';
import { SqliteChangeRequestCards } from '../../src/storage/sqlite/sqlite-change-request-cards';
import { SqliteChangeStore } from '../../src/storage/sqlite/sqlite-change-store';
import { SqliteConversationReferences } from '../../src/storage/sqlite/sqlite-conversation-references';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { SqliteHandoverCards } from '../../src/storage/sqlite/sqlite-handover-cards';
import { useAzurite } from './azurite';
import { tempDir } from './temp-dir';

export interface Ports {
  references: ConversationReferences;
  cards: ChangeRequestCards;
  handovers: HandoverCards;
  /** A change request's id for cards to belong to (SQLite holds them to it by a foreign key). */
  request(): Promise<string>;
  /** Rate-limit counts: this process's own with SQLite (one instance), shared ones with Azure Storage. */
  counters: RateCounters;
  numbers: NumberIndex;
  /** botbuilder state; `another` is a second instance's adapter over the same store. */
  botState: Storage;
  another: () => Storage;
  /** The audit log, and a second instance's over the same store. */
  audit: AuditLog;
  anotherAudit: () => AuditLog;
  /** Rewrites a stored record's JSON as an attacker with write access would; `undefined` deletes it. */
  tamper: (sequence: number, edit: ((json: string) => string) | undefined) => Promise<void>;
  /** Change requests (their audit events in `audit`), and a second instance's store over the same data. */
  changes: ChangeStore;
  anotherChanges: () => ChangeStore;
  /** Jobs (each the child of a change request in `changes`), and a second instance's store. */
  jobs: JobStore;
  anotherJobs: () => JobStore;
  /** Leases: this process's own with SQLite (one instance), shared ones with Azure Storage. */
  leases: Leases;
  /** One-time link files: this process's memory beside SQLite, a shared container with Azure Storage. */
  links: LinkFiles;
  anotherLinks: () => LinkFiles;
}

export const PRIYA = { aadObjectId: 'priya.shah', name: 'Priya Shah' };
export const HANA = { aadObjectId: 'hana.kim', name: 'Hana Kim' };

export function newRequest(fields: Record<string, unknown> = {}): NewChangeRequest {
  return {
    kind: 'disable-sms-sign-in',
    requester: PRIYA,
    target: { userId: 'jane.doe', displayName: 'Jane Doe' },
    reason: 'a test request',
    urgent: false,
    tenantWide: false,
    createdAt: '2026-12-01T09:00:00.000Z',
    expiresAt: '2026-12-02T09:00:00.000Z',
    ...fields,
  } as NewChangeRequest;
}

export function reference(conversationId: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    bot: { id: '28:bot', name: 'phonedesk' },
  };
}

/** One process's link files, seen the same from its "other instance" (there is none beside SQLite). */
const sameProcess = (links: LinkFiles): Pick<Ports, 'links' | 'anotherLinks'> => ({ links, anotherLinks: () => links });

export const PERSON = '0F8FAD5B-D9CB-469F-A165-70867728950E';

/** Registers Azurite and the per-test clean-up; the adapters, by name, for `describe.each`. */
export function useAdapters(): ReadonlyArray<readonly [string, () => Ports]> {
  const azurite = useAzurite();
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length > 0) cleanups.pop()?.();
  });

  function sqlite(): Ports {
    const { dir, cleanup } = tempDir('phonedesk-ports-');
    const db: SqliteDatabase = openDatabase(dir, MIGRATIONS);
    cleanups.push(() => {
      if (db.open) db.close();
      cleanup();
    });
    /** A second bot instance's connection to the same data directory. */
    const secondConnection = (): SqliteDatabase => {
      const second = openDatabase(dir, MIGRATIONS);
      cleanups.push(() => {
        if (second.open) second.close();
      });
      return second;
    };
    return {
      references: new SqliteConversationReferences(db),
      cards: new SqliteChangeRequestCards(db),
      handovers: new SqliteHandoverCards(db),
      counters: new MemoryRateCounters(),
      numbers: new SqliteNumberIndex(db),
      botState: new SqliteBotStorage(db),
      another: () => new SqliteBotStorage(secondConnection()),
      audit: new SqliteAuditLog(db),
      anotherAudit: () => new SqliteAuditLog(secondConnection()),
      changes: new SqliteChangeStore(db),
      anotherChanges: () => new SqliteChangeStore(secondConnection()),
      leases: new MemoryLeases(),
      ...sameProcess(new MemoryLinkFiles()),
      jobs: new SqliteJobStore(db),
      anotherJobs: () => new SqliteJobStore(secondConnection()),
      tamper: async (sequence, edit) => {
        db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
        if (!edit) {
          db.prepare('DELETE FROM audit_log WHERE sequence = ?').run(sequence);
          return;
        }
        const row = db.prepare('SELECT record FROM audit_log WHERE sequence = ?').get(sequence) as { record: string };
        db.prepare('UPDATE audit_log SET record = ? WHERE sequence = ?').run(edit(row.record), sequence);
      },
      request: async () => (await new SqliteChangeStore(db).create(newRequest())).id,
    };
  }

  /** Fresh tables per test (a prefix of its own), as a fresh SQLite file is. */
  function azure(): Ports {
    const container = `state-${randomUUID()}`;
    const prefix = `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    /** Another instance's view of the same tables. */
    const sameTables = () => new AzureTables({ connectionString: azurite.connectionString, tablePrefix: prefix });
    const tables = sameTables();
    const audit = new AzureAuditLog(tables);
    const changes = new AzureChangeStore(tables, audit);
    return {
      references: new AzureConversationReferences(tables),
      cards: new AzureChangeRequestCards(tables),
      handovers: new AzureHandoverCards(tables),
      counters: new AzureRateCounters(tables),
      numbers: new AzureNumberIndex(tables),
      botState: new AzureBlobBotStorage({ connectionString: azurite.connectionString, container }),
      another: () => new AzureBlobBotStorage({ connectionString: azurite.connectionString, container }),
      audit,
      anotherAudit: () => new AzureAuditLog(sameTables()),
      changes,
      anotherChanges: () => {
        const other = sameTables();
        return new AzureChangeStore(other, new AzureAuditLog(other));
      },
      leases: new AzureLeases(tables),
      links: new AzureLinkFiles({ connectionString: azurite.connectionString, container: `links-${container}` }),
      anotherLinks: () =>
        new AzureLinkFiles({ connectionString: azurite.connectionString, container: `links-${container}` }),
      jobs: new AzureJobStore(tables, changes),
      anotherJobs: () => {
        const other = sameTables();
        return new AzureJobStore(other, new AzureChangeStore(other, new AzureAuditLog(other)));
      },
      tamper: async (sequence, edit) => {
        const table = await tables.table('Audit');
        const rowKey = `r${String(sequence).padStart(15, '0')}`;
        if (!edit) {
          await table.deleteEntity('chain', rowKey);
          return;
        }
        const entity = await table.getEntity<{ record: string }>('chain', rowKey);
        await table.updateEntity({ partitionKey: 'chain', rowKey, record: edit(entity.record) }, 'Merge');
      },
      request: async () => (await changes.create(newRequest())).id,
    };
  }

  return [
    ['SQLite', sqlite],
    ['Azure Storage', azure],
  ];
}

/** An approval's audit entry, as the tests of the chain append them. */
export const approvalEntry = (detail: string): AuditEntry => ({
  phase: 'event',
  actor: { aadObjectId: 'hana.kim', name: 'Hana Kim' },
  operation: 'change.approve',
  detail,
});
