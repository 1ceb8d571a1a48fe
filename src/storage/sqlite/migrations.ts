// The schema, one versioned step at a time. Never edit a released step: add a new one.
import type { Migration } from './sqlite-database';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'number index',
    sql: `
      CREATE TABLE number_index (
        e164 TEXT NOT NULL,
        user_id TEXT NOT NULL,
        phone_type TEXT NOT NULL,
        sms_sign_in_state TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (user_id, phone_type)
      );
      CREATE INDEX number_index_by_number ON number_index (e164);
      CREATE TABLE number_index_sweep (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        started_at TEXT NOT NULL,
        next_link TEXT,
        pending_user_ids TEXT NOT NULL,
        finished_at TEXT,
        users_read INTEGER NOT NULL DEFAULT 0
      );
    `,
  },
];
