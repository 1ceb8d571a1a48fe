import path from 'node:path';
import Database from 'better-sqlite3';
import { auditHash } from '../../src/audit/audit-hash';
import type { AuditLog } from '../../src/audit/audit-log';
import { GENESIS_HASH, type AuditEntry, type AuditRecord } from '../../src/audit/audit-record';
import { canonicalJson } from '../../src/audit/canonical-json';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteAuditLog } from '../../src/storage/sqlite/sqlite-audit-log';
import { DATABASE_FILE, openDatabase, type SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { tempDir } from '../helpers/temp-dir';

let dir: string;
let cleanup: () => void;
let db: SqliteDatabase;
let log: SqliteAuditLog;

function entry(index: number): AuditEntry {
  return {
    phase: index % 2 === 0 ? 'intent' : 'outcome',
    actor: { aadObjectId: 'approver-1', name: 'Ann Approver' },
    requester: { aadObjectId: 'manager-1', name: 'Mo Manager' },
    requestId: `req-${index}`,
    operation: 'phoneMethods.update',
    targetUserId: 'worker-1',
    graph: {
      method: 'PATCH',
      path: '/users/worker-1/authentication/phoneMethods/m',
      clientRequestId: `c-${index}`,
      attempt: 1,
    },
    ...(index % 2 === 1 && { outcome: { status: 204, graphRequestId: `g-${index}`, durationMs: 5 } }),
  };
}

async function appendMany(target: AuditLog, count: number): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for (let index = 0; index < count; index++) records.push(await target.append(entry(index)));
  return records;
}

async function all(target: AuditLog, options?: Parameters<AuditLog['read']>[0]): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const record of target.read(options)) records.push(record);
  return records;
}

/** What someone with the file and the sqlite3 tool could do: a second connection, triggers dropped. */
function tamper(statements: (raw: Database.Database) => void): void {
  const raw = new Database(path.join(dir, DATABASE_FILE));
  try {
    raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    statements(raw);
  } finally {
    raw.close();
  }
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir('phonedesk-audit-'));
  db = openDatabase(dir, MIGRATIONS);
  log = new SqliteAuditLog(db, { pageSize: 4 });
});

afterEach(() => {
  db.close();
  cleanup();
});

describe('building the chain', () => {
  it('numbers records from 1 and links each to the hash of the one before', async () => {
    const records = await appendMany(log, 5);
    expect(records.map((record) => record.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(records[0].previousHash).toBe(GENESIS_HASH);
    for (let index = 1; index < records.length; index++)
      expect(records[index].previousHash).toBe(records[index - 1].hash);
    for (const record of records) expect(record.hash).toBe(auditHash(record));
  });

  it('returns from append exactly what a later read gives back, and keeps every field of the entry', async () => {
    const appended = await appendMany(log, 3);
    expect(await all(log)).toEqual(appended);
    expect(appended[1]).toMatchObject(entry(1));
    expect(appended[1]).not.toHaveProperty('detail');
  });

  it('stores the canonical JSON of the record beside its hash', async () => {
    const [record] = await appendMany(log, 1);
    const row = db.prepare('SELECT * FROM audit_log WHERE sequence = 1').get() as {
      record: string;
      hash: string;
      previous_hash: string;
      time: string;
    };
    expect(row).toEqual({
      sequence: 1,
      record: canonicalJson(record),
      hash: record.hash,
      previous_hash: GENESIS_HASH,
      time: record.time,
    });
  });

  it('continues the chain after the database is closed and opened again', async () => {
    await appendMany(log, 2);
    db.close();
    db = openDatabase(dir, MIGRATIONS);
    log = new SqliteAuditLog(db);
    const third = await log.append(entry(2));
    expect(third.sequence).toBe(3);
    expect(await log.verify()).toEqual({ ok: true, records: 3 });
  });

  it('refuses to run on a connection that does not sync each commit to disk', () => {
    const loose = new Database(path.join(dir, DATABASE_FILE));
    loose.pragma('synchronous = NORMAL');
    try {
      expect(() => new SqliteAuditLog(loose)).toThrow(/synchronous=FULL/);
    } finally {
      loose.close();
    }
  });

  it('refuses updates and deletes through SQLite', async () => {
    await appendMany(log, 2);
    expect(() => db.prepare("UPDATE audit_log SET record = '{}' WHERE sequence = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE sequence = 2').run()).toThrow(/append-only/);
    expect(await log.verify()).toEqual({ ok: true, records: 2 });
  });
});

describe('reading', () => {
  it('streams every record in order across pages', async () => {
    await appendMany(log, 10);
    expect((await all(log)).map((record) => record.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('honours fromSequence and limit', async () => {
    await appendMany(log, 10);
    expect((await all(log, { fromSequence: 4, limit: 5 })).map((record) => record.sequence)).toEqual([4, 5, 6, 7, 8]);
    expect(await all(log, { fromSequence: 11 })).toEqual([]);
  });

  it('returns only records written at or after since', async () => {
    let clock = Date.parse('2025-01-31T08:00:00.000Z');
    log = new SqliteAuditLog(db, { pageSize: 2, now: () => new Date((clock += 60_000)) });
    await appendMany(log, 6);
    const since = await all(log, { since: new Date('2025-01-31T08:03:00.000Z') });
    expect(since.map((record) => record.time)).toEqual([
      '2025-01-31T08:03:00.000Z',
      '2025-01-31T08:04:00.000Z',
      '2025-01-31T08:05:00.000Z',
      '2025-01-31T08:06:00.000Z',
    ]);
  });
});

describe('verify', () => {
  it('passes an empty log and an intact one', async () => {
    expect(await log.verify()).toEqual({ ok: true, records: 0 });
    await appendMany(log, 9);
    expect(await log.verify()).toEqual({ ok: true, records: 9 });
  });

  it('names a record whose stored JSON was edited', async () => {
    await appendMany(log, 20);
    tamper((raw) => {
      const row = raw.prepare('SELECT record FROM audit_log WHERE sequence = 17').get() as { record: string };
      raw
        .prepare('UPDATE audit_log SET record = ? WHERE sequence = 17')
        .run(row.record.replace('Ann Approver', 'Someone Else'));
    });
    expect(await log.verify()).toEqual({
      ok: false,
      records: 16,
      broken: { sequence: 17, problem: 'hash-mismatch', reason: 'hash does not match its contents' },
    });
  });

  it('names the next record when an edited record was given a fresh hash', async () => {
    await appendMany(log, 10);
    tamper((raw) => {
      const row = raw.prepare('SELECT record FROM audit_log WHERE sequence = 4').get() as { record: string };
      const forged = { ...(JSON.parse(row.record) as AuditRecord), operation: 'phoneMethods.list' };
      forged.hash = auditHash(forged);
      raw
        .prepare('UPDATE audit_log SET record = ?, hash = ? WHERE sequence = 4')
        .run(canonicalJson(forged), forged.hash);
    });
    const result = await log.verify();
    expect(result).toEqual({
      ok: false,
      records: 4,
      broken: {
        sequence: 5,
        problem: 'previous-hash-mismatch',
        reason: 'its previous hash does not match the hash of record 4',
      },
    });
  });

  it('names a record whose indexed time no longer matches its contents', async () => {
    await appendMany(log, 3);
    tamper((raw) => raw.prepare("UPDATE audit_log SET time = '2000-01-01T00:00:00.000Z' WHERE sequence = 2").run());
    expect(await log.verify()).toMatchObject({ ok: false, broken: { sequence: 2, problem: 'hash-mismatch' } });
  });

  it('names a record that is no longer readable', async () => {
    await appendMany(log, 3);
    tamper((raw) => raw.prepare("UPDATE audit_log SET record = 'not json' WHERE sequence = 3").run());
    expect(await log.verify()).toMatchObject({
      ok: false,
      records: 2,
      broken: { sequence: 3, problem: 'hash-mismatch' },
    });
  });

  it('names a deleted record as a gap', async () => {
    await appendMany(log, 10);
    tamper((raw) => raw.prepare('DELETE FROM audit_log WHERE sequence = 6').run());
    expect(await log.verify()).toEqual({
      ok: false,
      records: 5,
      broken: {
        sequence: 6,
        problem: 'sequence-gap',
        reason: 'it is missing (the log goes from record 5 to record 7)',
      },
    });
  });

  it('names records cut off the end of the log, and keeps the hole visible after later appends', async () => {
    await appendMany(log, 10);
    tamper((raw) => raw.prepare('DELETE FROM audit_log WHERE sequence > 8').run());
    expect(await log.verify()).toEqual({
      ok: false,
      records: 8,
      broken: {
        sequence: 9,
        problem: 'sequence-gap',
        reason: 'it is missing (the log ends at record 8, but records up to 10 were written)',
      },
    });
    const next = await log.append(entry(10));
    expect(next.sequence).toBe(11);
    expect(await log.verify()).toMatchObject({ ok: false, broken: { sequence: 9, problem: 'sequence-gap' } });
  });

  it('names the first record when the log does not start at 1', async () => {
    await appendMany(log, 3);
    tamper((raw) => raw.prepare('DELETE FROM audit_log WHERE sequence = 1').run());
    expect(await log.verify()).toMatchObject({
      ok: false,
      records: 0,
      broken: { sequence: 1, problem: 'sequence-gap', reason: 'it is missing (the log starts at record 2)' },
    });
  });
});
