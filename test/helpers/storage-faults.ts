// Real SQLite storage faults on the bot's own database connection, for tests: a full disk (SQLITE_FULL) and a
// database another connection keeps locked (SQLITE_BUSY).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, type SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { storageFaultOf } from '../../src/storage/storage-fault';

/**
 * Creates the database file with 512-byte pages before phonedesk opens it. SQLite reports a full disk only when
 * a write needs a page it cannot get; with 4096-byte pages a few small rows still fit into the pages a table
 * already has, so which write fails first would depend on what came before. Every audit record and change
 * request is larger than a 512-byte page, so each one needs a new page, and the first one after `fill` fails.
 */
export function createDatabaseWithSmallPages(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    db.pragma('page_size = 512');
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

function isFull(error: unknown): boolean {
  return storageFaultOf(error) === 'full';
}

/** The disk under the bot's database, filled and freed through the bot's own connection. */
export class DiskSpace {
  private readonly normalLimit: number;
  private spares = 0;

  constructor(private readonly db: SqliteDatabase) {
    this.normalLimit = Number(db.pragma('max_page_count', { simple: true }));
  }

  /**
   * No more pages: the database may not grow (max_page_count, the limit SQLite checks for a full disk too) and
   * the pages on its free list are used up, so any write that needs a page fails with SQLITE_FULL
   * "database or disk is full".
   */
  fill(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS storage_fault_filler (bytes BLOB NOT NULL)');
    const pages = Number(this.db.pragma('page_count', { simple: true }));
    this.db.pragma(`max_page_count = ${pages}`);
    const insert = this.db.prepare('INSERT INTO storage_fault_filler (bytes) VALUES (zeroblob(?))');
    // Large rows take the free pages; smaller ones then fill what is left of the filler's own pages.
    for (const size of [4000, 400, 100, 20, 1]) {
      for (;;) {
        try {
          insert.run(size);
        } catch (error) {
          if (isFull(error)) break;
          throw error;
        }
      }
    }
    // A free page no row fits on (a b-tree split needs two at once) is taken as the root of a table of its own.
    for (let spare = 0; Number(this.db.pragma('freelist_count', { simple: true })) > 0; spare++) {
      try {
        this.db.exec(`CREATE TABLE storage_fault_filler_${spare} (bytes BLOB)`);
        this.spares++;
      } catch (error) {
        if (isFull(error)) break;
        throw error;
      }
    }
    const free = Number(this.db.pragma('freelist_count', { simple: true }));
    if (free !== 0) throw new Error(`the disk is not full: ${free} free pages left`);
  }

  /** Space is back: the database may grow again and the filler is gone. */
  free(): void {
    this.db.pragma(`max_page_count = ${this.normalLimit}`);
    this.db.exec('DROP TABLE IF EXISTS storage_fault_filler');
    for (; this.spares > 0; this.spares--) this.db.exec(`DROP TABLE IF EXISTS storage_fault_filler_${this.spares - 1}`);
  }
}

/**
 * The database's write lock, held by another connection in this process. While the bot waits for it, its thread
 * sleeps in SQLite's busy handler; the holder needs no JavaScript to keep the lock, so the bot's wait always runs
 * out (SQLITE_BUSY "database is locked"), as it would against another process that keeps the lock too long.
 */
export class DatabaseLock {
  private readonly other: SqliteDatabase;

  constructor(dataDir: string) {
    this.other = new Database(path.join(dataDir, DATABASE_FILE));
  }

  hold(): void {
    this.other.exec('BEGIN EXCLUSIVE');
  }

  release(): void {
    if (this.other.inTransaction) this.other.exec('ROLLBACK');
  }

  close(): void {
    this.release();
    this.other.close();
  }
}
