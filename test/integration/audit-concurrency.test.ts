import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AuditRecord } from '../../src/audit/audit-record';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteAuditLog } from '../../src/storage/sqlite/sqlite-audit-log';
import { openDatabase } from '../../src/storage/sqlite/sqlite-database';
import { runNode } from '../helpers/processes';
import { tempDir } from '../helpers/temp-dir';

const PER_WRITER = 200;
const WRITERS = ['a', 'b'];

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('phonedesk-audit-race-'));
});

afterEach(() => cleanup());

it('keeps one unbroken chain when two processes append to the same data directory at once', async () => {
  const dataDir = path.join(dir, 'data');
  const barrier = path.join(dir, 'barrier');
  mkdirSync(barrier);
  const runs = await Promise.all(
    WRITERS.map((writer) =>
      runNode(
        'test/fixtures/append-audit-records.js',
        [dataDir, writer, String(PER_WRITER), barrier, String(WRITERS.length)],
        {},
        60000,
      ),
    ),
  );
  for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });

  const db = openDatabase(dataDir, MIGRATIONS);
  try {
    const log = new SqliteAuditLog(db);
    expect(await log.verify()).toEqual({ ok: true, records: WRITERS.length * PER_WRITER });
    const records: AuditRecord[] = [];
    for await (const record of log.read()) records.push(record);
    // Every writer's records are all there, in the order it wrote them.
    for (const writer of WRITERS) {
      const mine = records
        .filter((record) => record.actor.aadObjectId === writer)
        .map((record) => Number(record.detail));
      expect(mine).toEqual(Array.from({ length: PER_WRITER }, (_, index) => index));
    }
    // The appends really overlapped: otherwise this test would prove nothing about concurrency.
    const switches = records.filter(
      (record, index) => index > 0 && record.actor.aadObjectId !== records[index - 1].actor.aadObjectId,
    ).length;
    expect(switches).toBeGreaterThan(1);
  } finally {
    db.close();
  }
});
