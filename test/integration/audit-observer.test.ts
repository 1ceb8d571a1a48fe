import path from 'node:path';
import Database from 'better-sqlite3';
import { SYSTEM_ACTOR, withAuditContext, type AuditContext } from '../../src/audit/audit-context';
import type { AuditLog, AuditReadOptions, VerifyResult } from '../../src/audit/audit-log';
import { AuditObserver } from '../../src/audit/audit-observer';
import type { AuditEntry, AuditRecord } from '../../src/audit/audit-record';
import { GraphFailure } from '../../src/graph/graph-errors';
import type { GraphGateway } from '../../src/graph/graph-gateway';
import { createLogger } from '../../src/log/logger';
import type { LoggedRequest } from '../../src/simulator/request-log';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteAuditLog } from '../../src/storage/sqlite/sqlite-audit-log';
import { DATABASE_FILE, openDatabase, type SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { testGateway } from '../helpers/gateway';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';
import { signInSnapshot } from '../../src/methods/read-snapshot';

const PLAIN_MESSAGE = 'The audit log could not be written, so nothing was sent to Microsoft 365.';

/** The real log, with the power to refuse chosen entries, as a full disk or a locked database would. */
class RefusingAuditLog implements AuditLog {
  refuse: (entry: AuditEntry) => boolean = () => false;
  /** What the simulator had received, and what another connection could read, when each entry was appended. */
  readonly seen: Array<{ phase: string; requestsAtSimulator: number; rowsOnDisk: number }> = [];

  constructor(private readonly inner: SqliteAuditLog) {}

  async append(entry: AuditEntry): Promise<AuditRecord> {
    if (this.refuse(entry)) throw new Error('SQLITE_FULL: database or disk is full');
    const record = await this.inner.append(entry);
    this.seen.push({
      phase: entry.phase,
      requestsAtSimulator: (await requestLog()).length,
      rowsOnDisk: rowsFromAnotherConnection(),
    });
    return record;
  }

  read(options?: AuditReadOptions): AsyncIterable<AuditRecord> {
    return this.inner.read(options);
  }

  newest(): Promise<{ sequence: number; hash: string } | undefined> {
    return this.inner.newest();
  }

  verify(): Promise<VerifyResult> {
    return this.inner.verify();
  }
}

const harness = new SimulatorHarness();
let dir: string;
let cleanup: () => void;
let db: SqliteDatabase;
let auditLog: RefusingAuditLog;
let observer: AuditObserver;
let gateway: GraphGateway;
let logLines: string[];

async function requestLog(): Promise<LoggedRequest[]> {
  return (await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
}

function rowsFromAnotherConnection(): number {
  const other = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    return (other.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  } finally {
    other.close();
  }
}

async function records(): Promise<AuditRecord[]> {
  const all: AuditRecord[] = [];
  for await (const record of auditLog.read()) all.push(record);
  return all;
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

useSimulator(harness);

beforeEach(async () => {
  await harness.reset();
  ({ dir, cleanup } = tempDir('phonedesk-audit-observer-'));
  db = openDatabase(dir, MIGRATIONS);
  auditLog = new RefusingAuditLog(new SqliteAuditLog(db));
  logLines = [];
  observer = new AuditObserver(auditLog, createLogger('error', { write: (line: string) => logLines.push(line) }));
  ({ gateway } = testGateway(harness.url, { observer }));
});

afterEach(() => {
  db.close();
  cleanup();
});

describe('a write', () => {
  it("is recorded as an intent, on disk before Graph sees it, then as an outcome with Graph's ids", async () => {
    const jane = demoUser('jane.doe');
    await gateway.addPhoneMethod(jane, 'mobile', '+44 7700900123');
    const [sent] = await requestLog();
    const [intent, outcome, ...rest] = await records();
    expect(rest).toEqual([]);
    expect(intent).toMatchObject({
      sequence: 1,
      phase: 'intent',
      operation: 'phoneMethods.create',
      graph: {
        method: 'POST',
        path: `/users/${jane}/authentication/phoneMethods`,
        clientRequestId: sent.clientRequestId,
        attempt: 1,
      },
    });
    expect(intent).not.toHaveProperty('outcome');
    expect(outcome).toMatchObject({
      sequence: 2,
      phase: 'outcome',
      operation: 'phoneMethods.create',
      graph: { clientRequestId: sent.clientRequestId, attempt: 1 },
      outcome: { status: 201, graphRequestId: sent.requestId },
    });
    expect(auditLog.seen).toEqual([
      { phase: 'intent', requestsAtSimulator: 0, rowsOnDisk: 1 },
      { phase: 'outcome', requestsAtSimulator: 1, rowsOnDisk: 2 },
    ]);
    expect(await auditLog.verify()).toEqual({ ok: true, records: 2 });
  });

  it("records Graph's error code when Graph refuses", async () => {
    await gateway.addPhoneMethod(demoUser('jane.doe'), 'mobile', '+44 7700900101');
    const outcome = (await records()).find(
      (record) => record.operation === 'phoneMethods.create' && record.phase === 'outcome',
    );
    expect(outcome?.outcome).toMatchObject({ status: 409, graphCode: 'phoneNumberNotUnique' });
  });

  it('records every attempt of a retried call', async () => {
    await harness.control('POST', 'faults', { path: '/phoneMethods', status: 503, count: 1 });
    await gateway.listPhoneMethods(demoUser('bob.smith'));
    const log = await requestLog();
    expect(
      (await records()).map((record) => [
        record.phase,
        record.graph?.attempt,
        record.outcome?.status,
        record.outcome?.graphRequestId,
      ]),
    ).toEqual([
      ['read', 1, undefined, undefined],
      ['outcome', 1, 503, log[0].requestId],
      ['read', 2, undefined, undefined],
      ['outcome', 2, 200, log[1].requestId],
    ]);
  });
});

describe('a read', () => {
  it('is recorded as a read, since it can reveal a phone number', async () => {
    await gateway.listPhoneMethods(demoUser('bob.smith'));
    expect((await records()).map((record) => record.phase)).toEqual(['read', 'outcome']);
  });

  it('counts a $batch of GETs as a read and lists what it asked for', async () => {
    const bob = demoUser('bob.smith');
    await signInSnapshot(gateway, bob);
    const [read] = await records();
    expect(read).toMatchObject({
      phase: 'read',
      operation: 'users.signInSnapshot',
      graph: { method: 'POST', path: '/$batch' },
    });
    expect(read.graph?.batch?.map((item) => item.url)).toContain(`/users/${bob}/authentication/phoneMethods`);
  });
});

describe('who is behind a call', () => {
  it('records the actor, requester, request and worker of the audit context', async () => {
    const jane = demoUser('jane.doe');
    const context: AuditContext = {
      actor: { aadObjectId: 'approver-1', name: 'Ann Approver' },
      requester: { aadObjectId: 'manager-1', name: 'Mo Manager' },
      requestId: 'req-42',
      targetUserId: jane,
    };
    await withAuditContext(context, () => gateway.addPhoneMethod(jane, 'mobile', '+44 7700900123'));
    const all = await records();
    expect(all).toHaveLength(2);
    for (const record of all) expect(record).toMatchObject(context);
  });

  it('attributes work without a context to phonedesk itself', async () => {
    await gateway.listPhoneMethods(demoUser('bob.smith'));
    for (const record of await records()) {
      expect(record.actor).toEqual(SYSTEM_ACTOR);
      expect(record).not.toHaveProperty('requestId');
    }
  });
});

describe('when the audit log cannot be written', () => {
  it('does not send a write, and says so plainly', async () => {
    auditLog.refuse = () => true;
    const failure = await failureOf(gateway.addPhoneMethod(demoUser('jane.doe'), 'mobile', '+44 7700900123'));
    expect(failure.message).toContain(PLAIN_MESSAGE);
    expect(failure).toBeInstanceOf(GraphFailure);
    expect(failure).toMatchObject({ kind: 'audit-unavailable', userMessage: PLAIN_MESSAGE });
    expect(await requestLog()).toEqual([]);
    expect(logLines.join('')).toMatch(/audit log could not be written: Graph call not sent/);
  });

  it('does not send a read either, and does not retry what the audit log refused', async () => {
    auditLog.refuse = () => true;
    const started = Date.now();
    const failure = await failureOf(gateway.listPhoneMethods(demoUser('bob.smith')));
    expect(failure).toMatchObject({ kind: 'audit-unavailable' });
    expect(Date.now() - started).toBeLessThan(500);
    expect(await requestLog()).toEqual([]);
  });

  it("gives the caller Graph's true answer when only the outcome is lost, and writes it before anything else", async () => {
    auditLog.refuse = (entry) => entry.phase === 'outcome';
    const jane = demoUser('jane.doe');
    const result = await gateway.addPhoneMethod(jane, 'mobile', '+44 7700900123');
    expect(result.method.smsSignInState).toBe('ready');
    expect((await requestLog()).map((entry) => entry.method)).toEqual(['POST']);
    expect(observer.unrecordedOutcomes).toHaveLength(1);
    expect(logLines.join('')).toMatch(/could not record what Graph answered/);

    auditLog.refuse = () => false;
    await gateway.listPhoneMethods(jane);
    const all = await records();
    expect(all.map((record) => `${record.phase} ${record.operation}`)).toEqual([
      'intent phoneMethods.create',
      'outcome phoneMethods.create',
      'read phoneMethods.list',
      'outcome phoneMethods.list',
    ]);
    expect(all[1].outcome).toMatchObject({ status: 201, graphRequestId: (await requestLog())[0].requestId });
    expect(all[1].detail).toMatch(/^recorded late/);
    expect(observer.unrecordedOutcomes).toEqual([]);
    expect(await auditLog.verify()).toEqual({ ok: true, records: 4 });
  });

  it('makes no further Graph call while a lost outcome still cannot be written', async () => {
    auditLog.refuse = (entry) => entry.phase === 'outcome';
    await gateway.addPhoneMethod(demoUser('jane.doe'), 'mobile', '+44 7700900123');
    const failure = await failureOf(gateway.listPhoneMethods(demoUser('jane.doe')));
    expect(failure).toMatchObject({ kind: 'audit-unavailable' });
    expect((await requestLog()).map((entry) => entry.method)).toEqual(['POST']);
    expect(observer.unrecordedOutcomes).toHaveLength(1);
  });
});
