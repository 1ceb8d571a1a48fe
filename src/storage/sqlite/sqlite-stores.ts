// Every store in one SQLite file in the data directory, for one instance: leases, rate counts and one-time link
// files in its memory, as nobody else can ask for them; no anchors (whoever can rewrite the file can rewrite
// anything beside it).
import { MemoryRateCounters } from '../../access/rate-limiter';
import { MemoryLeases } from '../../changes/leases';
import { MemoryLinkFiles } from '../link-files';
import type { OnUnreadableRequest, Stores } from '../stores';
import { MIGRATIONS } from './migrations';
import { SqliteAuditLog } from './sqlite-audit-log';
import { SqliteBotStorage } from './sqlite-bot-storage';
import { SqliteChangeRequestCards } from './sqlite-change-request-cards';
import { SqliteChangeStore } from './sqlite-change-store';
import { SqliteConversationReferences } from './sqlite-conversation-references';
import { openDatabase, type SqliteDatabase } from './sqlite-database';
import { SqliteHandoverCards } from './sqlite-handover-cards';
import { SqliteJobStore } from './sqlite-job-store';
import { SqliteNumberIndex } from './sqlite-number-index';

export interface SqliteStores extends Stores {
  /** The connection itself, for the storage-fault tests and maintenance (checkpoints). */
  db: SqliteDatabase;
}

export function openSqliteStores(dataDir: string, onUnreadable?: OnUnreadableRequest): SqliteStores {
  const db = openDatabase(dataDir, MIGRATIONS);
  const audit = new SqliteAuditLog(db);
  return {
    db,
    audit,
    changes: new SqliteChangeStore(db, audit, onUnreadable),
    numberIndex: new SqliteNumberIndex(db),
    jobs: new SqliteJobStore(db),
    botState: new SqliteBotStorage(db),
    conversations: new SqliteConversationReferences(db),
    cards: new SqliteChangeRequestCards(db),
    handovers: new SqliteHandoverCards(db),
    counters: new MemoryRateCounters(),
    leases: new MemoryLeases(),
    links: new MemoryLinkFiles(),
    anchors: undefined,
    async close() {
      db.close();
    },
  };
}
