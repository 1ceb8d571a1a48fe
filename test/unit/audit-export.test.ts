import { Writable } from 'node:stream';
import { CSV_COLUMNS, csvCell, csvRecordLine, exportAudit, jsonLine } from '../../src/audit/audit-export';
import { auditHash } from '../../src/audit/audit-hash';
import type { AuditLog, AuditReadOptions } from '../../src/audit/audit-log';
import { GENESIS_HASH, type AuditRecord } from '../../src/audit/audit-record';
import { parseCsv } from '../helpers/csv';

const outcome: AuditRecord = {
  sequence: 7,
  time: '2025-01-31T08:00:00.000Z',
  phase: 'outcome',
  actor: { aadObjectId: 'a1', name: 'Ann Approver' },
  requester: { aadObjectId: 'm1', name: 'Mo, Manager' },
  requestId: 'req-1',
  operation: 'phoneMethods.create',
  targetUserId: 'u1',
  graph: { method: 'POST', path: '/users/u1/authentication/phoneMethods', clientRequestId: 'c1', attempt: 2 },
  outcome: { status: 409, graphCode: 'phoneNumberNotUnique', graphRequestId: 'g1', durationMs: 12 },
  previousHash: GENESIS_HASH,
  hash: 'h'.repeat(64),
};

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('')).toBe('');
  });

  it.each([['=HYPERLINK("http://evil")'], ['+1+1'], ['-2+3'], ['@SUM(A1)'], ['\tcmd'], ['\r=1']])(
    'defuses %j so a spreadsheet does not run it',
    (value) => {
      const cell = csvCell(value);
      const read = parseCsv(`${cell}\r\n`)[0][0];
      expect(read).toBe(`'${value}`);
    },
  );
});

describe('CSV rows', () => {
  it("has one column per header name, in order, and reads back to the record's values", () => {
    const [row] = parseCsv(csvRecordLine(outcome));
    expect(row).toHaveLength(CSV_COLUMNS.length);
    const byColumn = Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, row[index]]));
    expect(byColumn).toMatchObject({
      sequence: '7',
      phase: 'outcome',
      actor_name: 'Ann Approver',
      requester_name: 'Mo, Manager',
      request_id: 'req-1',
      target_user_id: 'u1',
      method: 'POST',
      client_request_id: 'c1',
      attempt: '2',
      status: '409',
      graph_code: 'phoneNumberNotUnique',
      graph_request_id: 'g1',
      previous_hash: GENESIS_HASH,
    });
  });

  it('puts a failure and the inner requests of a $batch into detail', () => {
    const failed = { ...outcome, outcome: { status: 0, failure: 'socket hang up' } };
    const batch = {
      ...outcome,
      phase: 'read' as const,
      outcome: undefined,
      graph: {
        ...outcome.graph!,
        path: '/$batch',
        batch: [
          { id: '1', method: 'GET', url: '/users/u1' },
          { id: '2', method: 'GET', url: '/users/u1/authentication/phoneMethods' },
        ],
      },
    };
    const detail = CSV_COLUMNS.indexOf('detail');
    expect(parseCsv(csvRecordLine(failed))[0][detail]).toBe('no answer: socket hang up');
    expect(parseCsv(csvRecordLine(batch))[0][detail]).toBe(
      'batch: GET /users/u1, GET /users/u1/authentication/phoneMethods',
    );
  });
});

describe('export', () => {
  const second: AuditRecord = {
    ...outcome,
    sequence: 8,
    phase: 'event',
    operation: 'change.approve',
    detail: '=cmd|"/c calc"',
    graph: undefined,
    outcome: undefined,
  };
  const fakeLog = (records: AuditRecord[]): AuditLog & { asked: AuditReadOptions[] } => {
    const asked: AuditReadOptions[] = [];
    return {
      asked,
      append: () => Promise.reject(new Error('read only')),
      verify: () => Promise.resolve({ ok: true, records: records.length }),
      newest: () => Promise.resolve(records.at(-1)),
      async *read(options: AuditReadOptions = {}) {
        asked.push(options);
        yield* records;
      },
    };
  };
  const sink = (): { stream: Writable; text: () => string } => {
    let text = '';
    const stream = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _encoding, callback) {
        text += chunk.toString();
        setImmediate(callback);
      },
    });
    return { stream, text: () => text };
  };

  it("writes JSON Lines whose every line still hashes to the record's hash", async () => {
    const first = { ...outcome, hash: '' };
    first.hash = auditHash(first);
    const out = sink();
    expect(await exportAudit(fakeLog([first]), 'jsonl', out.stream)).toBe(1);
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toEqual([jsonLine(first).trimEnd()]);
    const parsed = JSON.parse(lines[0]) as AuditRecord;
    expect(auditHash(parsed)).toBe(first.hash);
  });

  it('writes a header and one row per record, with a formula in a name defused, and passes since on', async () => {
    const log = fakeLog([outcome, second]);
    const out = sink();
    const since = new Date('2025-01-01T00:00:00Z');
    expect(await exportAudit(log, 'csv', out.stream, { since })).toBe(2);
    const rows = parseCsv(out.text());
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.map((row) => row[0])).toEqual(['sequence', '7', '8']);
    expect(rows[2][CSV_COLUMNS.indexOf('detail')]).toBe('\'=cmd|"/c calc"');
    expect(log.asked).toEqual([{ since }]);
  });
});
