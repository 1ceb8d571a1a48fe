// Who tells that a request expired: each expired, undecided request's notice is claimed in the database by exactly
// one caller, even across two connections (two processes); decided requests and stale ones are never claimed.
import { AccessPolicy } from '../../src/access/access-policy';
import { RequesterDirectory } from '../../src/access/requester-directory';
import { ChangeService } from '../../src/changes/change-service';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteChangeStore } from '../../src/storage/sqlite/sqlite-change-store';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { DEMO_ACCESS, HANA, MemoryAudit, PRIYA, testPipeline, type Pipeline } from '../helpers/pipeline';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

const DAY = 24 * 3600_000;
const harness = new SimulatorHarness();
let pipeline: Pipeline;
let other: { db: SqliteDatabase; service: ChangeService };
let temp: { dir: string; cleanup: () => void };

useSimulator(harness);

beforeEach(async () => {
  await harness.restoreSeed();
  temp = tempDir();
  pipeline = testPipeline(temp.dir, harness.url, DAY);
  // A second process: its own connection to the same database, the same clock.
  const db = openDatabase(temp.dir, MIGRATIONS);
  other = {
    db,
    service: new ChangeService(
      new SqliteChangeStore(db),
      new MemoryAudit(),
      new RequesterDirectory(pipeline.gateway),
      new AccessPolicy(DEMO_ACCESS),
      { approvalTtlMs: DAY },
      () => pipeline.clock.now,
    ),
  };
});

afterEach(() => {
  other.db.close();
  pipeline.db.close();
  temp.cleanup();
});

/** Two open requests must differ (one open request per worker and change): so the worker can be chosen. */
function ask(alias = 'bob.smith', displayName = 'Bob Smith') {
  return pipeline.service.request({
    requester: PRIYA,
    kind: 'enable-sms-sign-in',
    target: { userId: demoUser(alias), displayName },
    reason: 'FIG6',
    tenantWide: false,
  });
}

const later = (ms: number): void => {
  pipeline.clock.now = new Date(pipeline.clock.now.getTime() + ms);
};

it('gives each expired request to exactly one of two racing processes, once', async () => {
  const [first, second] = [await ask(), await ask('chloe.evans', 'Chloe Evans')];
  later(DAY + 60_000);
  expect(await pipeline.service.expireDue()).toBe(2);
  const [here, there] = await Promise.all([pipeline.service.claimExpiryNotices(), other.service.claimExpiryNotices()]);
  expect([...here, ...there].map((request) => request.id).sort()).toEqual([first.id, second.id].sort());
  expect(await pipeline.service.claimExpiryNotices()).toEqual([]);
  expect(await other.service.claimExpiryNotices()).toEqual([]);
  expect((await pipeline.store.get(first.id))?.expiryToldAt).toEqual(pipeline.clock.now.toISOString());
});

it('leaves approved requests that expired before they ran to the executor, which tells them itself', async () => {
  const request = await ask();
  expect((await pipeline.service.decide(request.id, HANA, 'approve')).ok).toBe(true);
  later(DAY + 60_000);
  expect((await pipeline.executor.run(request.id)).request.status).toBe('expired');
  expect(await pipeline.service.claimExpiryNotices()).toEqual([]);
});

it('does not tell stale news: requests older than the approval time and a day stay untold', async () => {
  await ask();
  later(2 * DAY + 60_000);
  expect(await pipeline.service.expireDue()).toBe(1);
  expect(await pipeline.service.claimExpiryNotices()).toEqual([]);
});
