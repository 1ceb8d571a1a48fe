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
  {
    version: 4,
    name: 'change requests',
    sql: `
      CREATE TABLE change_requests (
        id TEXT PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        requester_id TEXT NOT NULL,
        target_user_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX change_requests_by_status ON change_requests (status);
      CREATE INDEX change_requests_by_requester ON change_requests (requester_id);
      CREATE TABLE change_transitions (
        request_id TEXT NOT NULL REFERENCES change_requests (id),
        seq INTEGER NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        at TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (request_id, seq)
      );
    `,
  },
  {
    version: 2,
    name: 'audit log',
    // AUTOINCREMENT keeps the highest sequence ever issued in sqlite_sequence, so records cut off the end of
    // the log are noticed by verify. The triggers make the table append-only for anything using the database
    // through SQLite; they are a guard against mistakes, the hash chain is what detects tampering.
    sql: `
      CREATE TABLE audit_log (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
        time TEXT NOT NULL,
        record TEXT NOT NULL,
        previous_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_log_by_time ON audit_log (time);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  {
    version: 3,
    name: 'bot state',
    // bot_state: botbuilder Storage (conversation, user and dialog state); value is the item's JSON without its
    // eTag, which lives in its own column so a write can be conditional on it. The conversation reference
    // tables say where to send proactive messages: a person's 1:1 chat (by Entra object id) or a named channel.
    sql: `
      CREATE TABLE bot_state (
        key TEXT PRIMARY KEY,
        etag TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE person_conversation_reference (
        aad_object_id TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
      CREATE TABLE channel_conversation_reference (
        name TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'change request cards',
    sql: `
      CREATE TABLE change_request_cards (
        request_id TEXT NOT NULL REFERENCES change_requests (id),
        conversation_id TEXT NOT NULL,
        activity_id TEXT NOT NULL,
        audience TEXT NOT NULL,
        reference TEXT NOT NULL,
        PRIMARY KEY (request_id, conversation_id, activity_id)
      );
    `,
  },
  {
    version: 6,
    name: 'change requests by worker',
    sql: `
      CREATE INDEX change_requests_by_target ON change_requests (target_user_id, created_at);
    `,
  },
  {
    version: 7,
    name: 'handover cards',
    // Where a one-time secret's card was posted, so it can be replaced; never the secret itself.
    sql: `
      CREATE TABLE handover_cards (
        request_id TEXT PRIMARY KEY REFERENCES change_requests (id),
        activity_id TEXT NOT NULL,
        reference TEXT NOT NULL,
        what TEXT NOT NULL,
        posted_at TEXT NOT NULL,
        cleared_at TEXT
      );
      CREATE INDEX handover_cards_showing ON handover_cards (cleared_at, posted_at);
    `,
  },
  {
    version: 8,
    name: 'jobs',
    // A store's move to badges and its row per worker. `sealed` holds a secret only encrypted, under a key that
    // lives in memory alone, and only until the badge sheet is handed over.
    sql: `
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY REFERENCES change_requests (id),
        kind TEXT NOT NULL,
        request_number INTEGER NOT NULL,
        requester TEXT NOT NULL,
        approver TEXT NOT NULL,
        store_id TEXT NOT NULL,
        store_name TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT,
        progress_card TEXT,
        cancelled_by TEXT,
        sheet_at TEXT
      );
      CREATE INDEX jobs_unfinished ON jobs (status, created_at);
      CREATE TABLE job_workers (
        job_id TEXT NOT NULL REFERENCES jobs (id),
        position INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        with_pass INTEGER NOT NULL,
        state TEXT NOT NULL,
        detail TEXT,
        code_id TEXT,
        expire_date_time TEXT,
        pass_id TEXT,
        phone_number TEXT,
        sealed TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (job_id, user_id)
      );
    `,
  },
  {
    version: 9,
    name: 'unopened sheets',
    // A sheet nobody opened in time has its badges stopped once (jobs/job-runner.ts, stopUnopenedSheets).
    sql: `ALTER TABLE jobs ADD COLUMN sheet_stopped_at TEXT;`,
  },
];
