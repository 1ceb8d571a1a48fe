// The audit log in phonedesk's SQLite database (migration 2). Appends are serialised across processes by an
// IMMEDIATE transaction: the tail of the chain is read only after the write lock is held, so two processes (or two
// bot instances on one data directory) can never both chain to the same record.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ChainVerifier, chainRecord, parseStored, storedRecord, type StoredAuditRecord } from '../../audit/audit-chain';
import type { AuditLog, AuditReadOptions, VerifyResult } from '../../audit/audit-log';
import { GENESIS_HASH, type AuditEntry, type AuditRecord } from '../../audit/audit-record';
import type { SqliteDatabase } from './sqlite-database';

interface Row {
  sequence: number;
  time: string;
  record: string;
  previous_hash: string;
  hash: string;
}

interface SqliteAuditLogOptions {
  /** The clock that dates records (tests set it). */
  now?: () => Date;
  /** Records read per query when streaming. */
  pageSize?: number;
}

/** SQLite's synchronous=FULL: a commit is fsynced before it returns. */
const SYNCHRONOUS_FULL = 2;

function stored(row: Row): StoredAuditRecord {
  return { sequence: row.sequence, time: row.time, json: row.record, previousHash: row.previous_hash, hash: row.hash };
}

export class SqliteAuditLog implements AuditLog {
  private readonly now: () => Date;
  private readonly pageSize: number;

  constructor(
    private readonly db: SqliteDatabase,
    options: SqliteAuditLogOptions = {},
  ) {
    // "Durable before the Graph call" rests on this; refuse a connection that would not give it.
    if (Number(db.pragma('synchronous', { simple: true })) < SYNCHRONOUS_FULL) {
      throw new Error('the audit log needs its database opened with synchronous=FULL (use openDatabase)');
    }
    this.now = options.now ?? (() => new Date());
    this.pageSize = options.pageSize ?? 500;
  }

  async append(entry: AuditEntry): Promise<AuditRecord> {
    // Committed with synchronous=FULL: on disk when this returns.
    return this.db.transaction(() => this.appendWithin(entry)).immediate();
  }

  /**
   * Appends inside the caller's IMMEDIATE transaction on the same connection, so that the record is committed
   * (or rolled back) together with the caller's own writes: a change and the event that records it.
   */
  appendWithin(entry: AuditEntry): AuditRecord {
    // Outside a transaction the tail would be read without the write lock, and two processes could chain to it.
    if (!this.db.inTransaction) throw new Error("appendWithin needs a transaction on the audit log's connection");
    const tail = this.db.prepare('SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1').get() as
      Pick<Row, 'sequence' | 'hash'> | undefined;
    // Never reuse a sequence, even one whose record is gone: verify must see the hole, not a smooth chain.
    const sequence = Math.max(tail?.sequence ?? 0, this.highestIssued()) + 1;
    const record = chainRecord(entry, sequence, tail?.hash ?? GENESIS_HASH, this.now());
    const row = storedRecord(record);
    this.db
      .prepare('INSERT INTO audit_log (sequence, time, record, previous_hash, hash) VALUES (?, ?, ?, ?, ?)')
      .run(row.sequence, row.time, row.json, row.previousHash, row.hash);
    return record;
  }

  async *read(options: AuditReadOptions = {}): AsyncIterable<AuditRecord> {
    const since = options.since?.toISOString();
    let after = (options.fromSequence ?? 1) - 1;
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    // Keyset pages rather than one open cursor: the connection stays free for appends between pages.
    while (remaining > 0) {
      const size = Math.min(this.pageSize, remaining);
      const rows = this.page(after, size, since);
      for (const row of rows) {
        const record = parseStored(stored(row));
        if (!record) throw new Error(`audit record ${row.sequence} cannot be read; run "phonedesk audit verify"`);
        yield record;
      }
      remaining -= rows.length;
      if (rows.length < size) return;
      after = rows[rows.length - 1].sequence;
    }
  }

  async newest(): Promise<{ sequence: number; hash: string } | undefined> {
    return this.db.prepare('SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1').get() as
      { sequence: number; hash: string } | undefined;
  }

  async verify(): Promise<VerifyResult> {
    // Read before the records: anything appended while verify runs is above this and cannot look "missing".
    const highest = this.highestIssued();
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const rows = this.page(after, this.pageSize);
      for (const row of rows) {
        const broken = verifier.check(stored(row));
        if (broken) return { ok: false, records: verifier.records, broken };
      }
      if (rows.length < this.pageSize) break;
      after = rows[rows.length - 1].sequence;
      await nextTurn();
    }
    const broken = verifier.finish(highest);
    return broken ? { ok: false, records: verifier.records, broken } : { ok: true, records: verifier.records };
  }

  private page(after: number, size: number, since?: string): Row[] {
    if (since === undefined) {
      return this.db
        .prepare('SELECT * FROM audit_log WHERE sequence > ? ORDER BY sequence LIMIT ?')
        .all(after, size) as Row[];
    }
    return this.db
      .prepare('SELECT * FROM audit_log WHERE sequence > ? AND time >= ? ORDER BY sequence LIMIT ?')
      .all(after, since, size) as Row[];
  }

  /** The highest sequence SQLite ever handed out for the table (AUTOINCREMENT keeps it in sqlite_sequence). */
  private highestIssued(): number {
    const row = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as
      { seq: number } | undefined;
    return row?.seq ?? 0;
  }
}
