// Opens phonedesk's SQLite database under DATA_DIR: WAL, synchronous=FULL (the audit log must be on disk before
// a Graph call), a busy timeout for a second process, versioned migrations, files readable by the owner only.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const DATABASE_FILE = 'phonedesk.db';

function restrict(file: string): void {
  if (existsSync(file)) chmodSync(file, 0o600);
}

/** Opens (creating if needed) the database and applies pending migrations, one transaction each. */
export function openDatabase(dataDir: string, migrations: readonly Migration[], file = DATABASE_FILE): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const location = path.join(dataDir, file);
  // Create the file with owner-only permissions before SQLite does with the umask's.
  closeSync(openSync(location, 'a', 0o600));
  const db = new Database(location);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  for (const suffix of ['', '-wal', '-shm']) restrict(`${location}${suffix}`);
  return db;
}

function migrate(db: SqliteDatabase, migrations: readonly Migration[]): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (const migration of sorted) {
    // IMMEDIATE takes the write lock first, so two processes starting together migrate once.
    const apply = db.transaction(() => {
      const done = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version);
      if (done) return;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    });
    apply.immediate();
  }
}
