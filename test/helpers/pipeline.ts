import pino from 'pino';
import { AccessPolicy } from '../../src/access/access-policy';
import { RequesterDirectory } from '../../src/access/requester-directory';
import type { Person } from '../../src/audit/audit-context';
import type { AuditEntry } from '../../src/audit/audit-record';
import { ChangeExecutor } from '../../src/changes/change-executor';
import { ChangeSafety } from '../../src/changes/change-safety';
import { ChangeService } from '../../src/changes/change-service';
import { LostNumbers } from '../../src/changes/lost-numbers';
import { NumberHolderFinder } from '../../src/number-index/number-holder-finder';
import type { GraphGateway } from '../../src/graph/graph-gateway';
import { DEMO_GROUPS, demoUserId } from '../../src/simulator/demo-tenant';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteChangeStore } from '../../src/storage/sqlite/sqlite-change-store';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { SqliteNumberIndex } from '../../src/storage/sqlite/sqlite-number-index';
import { testGateway, type RecordingObserver } from './gateway';
import type { SimulatorHarness } from './simulator';
import { tempDir } from './temp-dir';

export const person = (alias: string, name: string): Person => ({ aadObjectId: demoUserId(alias), name });
export const PRIYA = person('priya.shah', 'Priya Shah'); // Manchester manager
export const MARCUS = person('marcus.lee', 'Marcus Lee'); // Leeds manager
export const HANA = person('hana.kim', 'Hana Kim'); // helpdesk approver
export const VICTOR = person('victor.osei', 'Victor Osei'); // helpdesk approver
export const TOMASZ = person('tomasz.nowak', 'Tomasz Nowak'); // tenant admin

export const DEMO_ACCESS = {
  approverGroupIds: [DEMO_GROUPS.approvers],
  tenantAdminGroupIds: [DEMO_GROUPS.tenantAdmins],
  managerScope: 'administrative-units' as const,
};

export class MemoryAudit {
  readonly entries: AuditEntry[] = [];
  async append(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
}

export interface Pipeline {
  db: SqliteDatabase;
  store: SqliteChangeStore;
  service: ChangeService;
  executor: ChangeExecutor;
  gateway: GraphGateway;
  observer: RecordingObserver;
  audit: MemoryAudit;
  clock: { now: Date };
}

/** The change pipeline over SQLite in `dataDir` and the simulator at `graphUrl`, with a clock tests can move. */
export function testPipeline(
  dataDir: string,
  graphUrl: string,
  approvalTtlMs = 24 * 3600_000,
  lostPhoneTtlMs = 4 * 3600_000,
): Pipeline {
  const db = openDatabase(dataDir, MIGRATIONS);
  const store = new SqliteChangeStore(db);
  const { gateway, observer } = testGateway(graphUrl);
  const clock = { now: new Date() };
  const now = () => clock.now;
  const access = new AccessPolicy(DEMO_ACCESS);
  const directory = new RequesterDirectory(gateway);
  const audit = new MemoryAudit();
  const index = new SqliteNumberIndex(db);
  const safety = new ChangeSafety(
    new LostNumbers(store),
    new NumberHolderFinder(index, gateway, now),
    gateway,
    directory,
    access,
  );
  const service = new ChangeService(store, audit, directory, access, { approvalTtlMs, lostPhoneTtlMs }, now, safety);
  const executor = new ChangeExecutor(store, gateway, directory, access, index, pino({ level: 'silent' }), now, safety);
  return { db, store, service, executor, gateway, observer, audit, clock };
}

interface PipelineEachTest {
  approvalTtlMs?: number;
  lostPhoneTtlMs?: number;
  /** Puts files in the fresh data folder before the pipeline opens it (a database from a release). */
  prepare?(dataDir: string): void;
}

/**
 * Before each test: the harness's own seed back, a fresh data folder and a pipeline over both; closed and removed
 * after. Returns the current test's pipeline.
 */
export function usePipeline(harness: SimulatorHarness, options: PipelineEachTest = {}): () => Pipeline {
  let current: { pipeline: Pipeline; temp: { cleanup: () => void } } | undefined;
  beforeEach(async () => {
    await harness.restoreSeed();
    const temp = tempDir();
    options.prepare?.(temp.dir);
    current = { pipeline: testPipeline(temp.dir, harness.url, options.approvalTtlMs, options.lostPhoneTtlMs), temp };
  });
  afterEach(() => {
    current?.pipeline.db.close();
    current?.temp.cleanup();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('the pipeline exists only inside a test');
    return current.pipeline;
  };
}
