import path from 'node:path';
import Database from 'better-sqlite3';
import { CSV_COLUMNS } from '../../src/audit/audit-export';
import { auditHash } from '../../src/audit/audit-hash';
import type { AuditRecord } from '../../src/audit/audit-record';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteAuditLog } from '../../src/storage/sqlite/sqlite-audit-log';
import { DATABASE_FILE, openDatabase } from '../../src/storage/sqlite/sqlite-database';
import { parseCsv } from '../helpers/csv';
import { runNode, type Finished } from '../helpers/processes';
import { tempDir } from '../helpers/temp-dir';

const CLI = 'dist/src/cli/main.js';
const START = Date.parse('2025-01-31T08:00:00.000Z');

let dir: string;
let cleanup: () => void;
let written: AuditRecord[];

function phonedesk(...args: string[]): Promise<Finished> {
  return runNode(CLI, args, {});
}

/** Six records a minute apart, the third from a person whose name is a spreadsheet formula. */
async function writeLog(): Promise<AuditRecord[]> {
  const db = openDatabase(dir, MIGRATIONS);
  let minute = 0;
  const log = new SqliteAuditLog(db, { now: () => new Date(START + 60_000 * minute++) });
  const records: AuditRecord[] = [];
  try {
    for (let index = 0; index < 6; index++) {
      const actor =
        index === 2
          ? { aadObjectId: 'evil', name: '=HYPERLINK("http://evil.example","click")' }
          : { aadObjectId: 'approver-1', name: 'Ann Approver' };
      records.push(
        await log.append({
          phase: 'event',
          actor,
          operation: 'change.approve',
          requestId: `req-${index}`,
          detail: `approved, step ${index}`,
        }),
      );
    }
  } finally {
    db.close();
  }
  return records;
}

function tamper(sql: string): void {
  const raw = new Database(path.join(dir, DATABASE_FILE));
  try {
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    raw.exec(sql);
  } finally {
    raw.close();
  }
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('phonedesk-audit-cli-'));
  written = await writeLog();
});

afterEach(() => cleanup());

describe('phonedesk audit verify', () => {
  it('exits 0 when the chain holds', async () => {
    const result = await phonedesk('audit', 'verify', '--data-dir', dir);
    expect(result).toMatchObject({ code: 0, stdout: 'audit log OK: 6 records, chain intact\n', stderr: '' });
  });

  it('reads the data directory from DATA_DIR when --data-dir is not given', async () => {
    const result = await runNode(CLI, ['audit', 'verify'], { DATA_DIR: dir });
    expect(result).toMatchObject({ code: 0, stdout: 'audit log OK: 6 records, chain intact\n' });
  });

  it('exits 1 naming a record whose stored contents were edited', async () => {
    tamper(`UPDATE audit_log SET record = replace(record, 'approved, step 3', 'rejected, step 3') WHERE sequence = 4`);
    const result = await phonedesk('audit', 'verify', '--data-dir', dir);
    expect(result).toMatchObject({ code: 1, stdout: 'audit record 4 is broken: hash does not match its contents\n' });
  });

  it('exits 1 naming a deleted record', async () => {
    tamper('DELETE FROM audit_log WHERE sequence = 3');
    const result = await phonedesk('audit', 'verify', `--data-dir=${dir}`);
    expect(result).toMatchObject({
      code: 1,
      stdout: 'audit record 3 is broken: it is missing (the log goes from record 2 to record 4)\n',
    });
  });

  it('exits 2 with a plain line when there is no database, rather than creating an empty one', async () => {
    const missing = path.join(dir, 'nowhere');
    const result = await phonedesk('audit', 'verify', '--data-dir', missing);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      `phonedesk: there is no phonedesk database in ${missing} (give --data-dir or set DATA_DIR)\n`,
    );
  });
});

describe('phonedesk audit export', () => {
  it('writes JSON Lines that are the stored records, each still matching its hash', async () => {
    const result = await phonedesk('audit', 'export', '--format', 'jsonl', '--data-dir', dir);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const records = lines.map((line) => JSON.parse(line) as AuditRecord);
    expect(records).toEqual(written);
    for (const record of records) expect(auditHash(record)).toBe(record.hash);
  });

  it('writes CSV with a header, one row per record, and the formula in a name defused', async () => {
    const result = await phonedesk('audit', 'export', '--format', 'csv', '--data-dir', dir);
    expect(result.code).toBe(0);
    const rows = parseCsv(result.stdout);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    const column = (name: (typeof CSV_COLUMNS)[number]): number => CSV_COLUMNS.indexOf(name);
    expect(rows[3][column('actor_name')]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(rows[1][column('detail')]).toBe('approved, step 0');
    expect(rows[6][column('hash')]).toBe(written[5].hash);
  });

  it('exports only what was written since the given time', async () => {
    const jsonl = await phonedesk(
      'audit',
      'export',
      '--format',
      'jsonl',
      '--since',
      '2025-01-31T08:04:00Z',
      '--data-dir',
      dir,
    );
    expect(
      jsonl.stdout
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as AuditRecord).sequence),
    ).toEqual([5, 6]);
    const csv = await phonedesk(
      'audit',
      'export',
      '--format=csv',
      '--since=2025-01-31T09:03:30+01:00',
      '--data-dir',
      dir,
    );
    expect(
      parseCsv(csv.stdout)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['5', '6']);
    const none = await phonedesk('audit', 'export', '--format', 'jsonl', '--since', '2025-02-01', '--data-dir', dir);
    expect(none).toMatchObject({ code: 0, stdout: '' });
  });

  it.each([
    [['audit', 'export'], 'phonedesk: audit export needs --format jsonl or --format csv'],
    [['audit', 'export', '--format', 'xml'], 'phonedesk: --format must be jsonl or csv (got "xml")'],
    [
      ['audit', 'export', '--format', 'csv', '--since', 'yesterday'],
      'phonedesk: --since must be an ISO 8601 time with its zone, such as 2025-01-31T08:00:00Z or 2025-01-31 (got "yesterday")',
    ],
    [
      ['audit', 'export', '--format', 'csv', '--since', '2025-01-31T08:00'],
      'phonedesk: --since must be an ISO 8601 time with its zone, such as 2025-01-31T08:00:00Z or 2025-01-31 (got "2025-01-31T08:00")',
    ],
    [['audit', 'export', '--format', 'csv', '--verbose'], 'phonedesk: unknown option "--verbose"'],
    [['audit', 'verify', '--data-dir'], 'phonedesk: --data-dir needs a value'],
    [['audit', 'shred'], 'phonedesk: unknown command "audit shred"; use audit verify or audit export'],
  ])('refuses %j with exit 2 and one plain line', async (args, line) => {
    const result = await runNode(CLI, args, { DATA_DIR: dir });
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: `${line}\n` });
  });
});

it('lists the audit commands in its usage text', async () => {
  const result = await phonedesk('help');
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/audit verify \[--data-dir D\]/);
  expect(result.stdout).toMatch(/audit export --format jsonl\|csv \[--since ISO-TIME\] \[--data-dir D\]/);
});
