import { statSync } from 'node:fs';
import path from 'node:path';
import { WorkerChecker } from '../../src/checks/worker-check';
import type { GraphGateway } from '../../src/graph/graph-gateway';
import { NumberHolderFinder } from '../../src/number-index/number-holder-finder';
import { NumberIndexSweep } from '../../src/number-index/number-index-sweep';
import type { LoggedRequest } from '../../src/simulator/request-log';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { DATABASE_FILE, openDatabase, type SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { SqliteNumberIndex } from '../../src/storage/sqlite/sqlite-number-index';
import { testGateway } from '../helpers/gateway';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

const harness = new SimulatorHarness();
let gateway: GraphGateway;
let db: SqliteDatabase;
let index: SqliteNumberIndex;
let checker: WorkerChecker;
let temp: { dir: string; cleanup: () => void };

const everyone = { canSee: async () => true };
const nobody = { canSee: async () => false };

async function roundTrips(): Promise<LoggedRequest[]> {
  const log = (await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
  return log.filter((entry) => entry.batchId === undefined);
}

useSimulator(harness);

beforeEach(async () => {
  await harness.reset();
  temp = tempDir();
  db = openDatabase(temp.dir, MIGRATIONS);
  index = new SqliteNumberIndex(db);
  ({ gateway } = testGateway(harness.url));
  checker = new WorkerChecker(gateway, index, new NumberHolderFinder(index, gateway));
});

afterEach(() => {
  db.close();
  temp.cleanup();
});

describe('status and diagnosis of a worker', () => {
  it('takes two round trips for "status of Bob": resolve, then one $batch', async () => {
    const [bob] = await gateway.findUsersByNamePrefix('Bob');
    const result = await checker.check(bob.id!, everyone);
    expect(result.diagnosis.findings[0].id).toBe('number-not-enabled');
    expect((await roundTrips()).map((entry) => `${entry.method} ${entry.path.split('?')[0]}`)).toEqual([
      'GET /users',
      'POST /$batch',
    ]);
  });

  it('names the holder of a number in use when the requester may see them, confirming with one more read', async () => {
    await new NumberIndexSweep(index, gateway).run();
    await harness.control('DELETE', 'requests');
    const result = await checker.check(demoUser('ali.khan'), everyone);
    const inUse = result.diagnosis.findings.find((finding) => finding.id === 'number-in-use');
    expect(inUse?.summary).toMatch(/already used to sign in by Sam Okafor/);
    expect(await roundTrips()).toHaveLength(2);
  });

  it('says "another account" when the requester may not see the holder', async () => {
    await new NumberIndexSweep(index, gateway).run();
    const result = await checker.check(demoUser('ali.khan'), nobody);
    const inUse = result.diagnosis.findings.find((finding) => finding.id === 'number-in-use');
    expect(inUse?.summary).toMatch(/by another account/);
    expect(inUse?.summary).not.toMatch(/Sam/);
  });

  it('says "another account" without extra reads when the index knows no holder yet', async () => {
    const result = await checker.check(demoUser('ali.khan'), everyone);
    expect(result.diagnosis.findings[0].summary).toMatch(/by another account/);
    expect(await roundTrips()).toHaveLength(1);
  });

  it('learns numbers from every check, so a later lookup finds the holder', async () => {
    await checker.check(demoUser('sam.okafor'), everyone);
    const result = await checker.check(demoUser('ali.khan'), everyone);
    expect(result.diagnosis.findings[0].summary).toMatch(/Sam Okafor/);
  });

  it('drops a stale index entry once Graph says the number moved', async () => {
    await checker.check(demoUser('sam.okafor'), everyone);
    await gateway.deletePhoneMethod(demoUser('sam.okafor'), 'mobile');
    const finder = new NumberHolderFinder(index, gateway);
    const lookup = await finder.find('+447700900456', { excludeUserId: demoUser('ali.khan') });
    expect(lookup.holders).toEqual([]);
    expect(await index.holdersOf('+447700900456')).toEqual([]);
  });
});

describe('number index sweep', () => {
  it('indexes every mobile in the tenant from the registration report and $batch reads', async () => {
    const progress = await new NumberIndexSweep(index, gateway).run();
    expect(progress.finished).toBe(true);
    const holders = await index.holdersOf('+447700900456');
    expect(holders.map((entry) => entry.userId).sort()).toEqual([demoUser('ali.khan'), demoUser('sam.okafor')].sort());
    const trips = await roundTrips();
    expect(trips.filter((entry) => entry.path.startsWith('/$batch')).length).toBe(progress.graphCalls - 1);
  });

  it('follows the registration report across pages', async () => {
    const progress = await new NumberIndexSweep(index, gateway, () => new Date(), 7).run();
    expect(progress.finished).toBe(true);
    const pages = (await roundTrips()).filter((entry) => entry.path.startsWith('/reports/'));
    expect(progress.usersRead).toBe((await gateway.mobileRegistrations()).userIds.length);
    expect(pages.length).toBe(Math.ceil(progress.usersRead / 7));
    expect(await index.holdersOf('+447700900456')).toHaveLength(2);
  });

  it('resumes where it stopped after an interruption, without reading anyone twice', async () => {
    const controller = new AbortController();
    let batches = 0;
    const interrupted = new NumberIndexSweep(index, {
      mobileRegistrations: (link, size) => gateway.mobileRegistrations(link, size),
      phoneMethodsOf: async (ids) => {
        if (++batches === 1) controller.abort();
        return gateway.phoneMethodsOf(ids);
      },
    });
    const first = await interrupted.run(controller.signal);
    expect(first).toMatchObject({ finished: false, usersRead: 20 });
    await harness.control('DELETE', 'requests');
    const second = await new NumberIndexSweep(index, gateway).run();
    expect(second.finished).toBe(true);
    const reads = (await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests.filter(
      (entry) => entry.batchId !== undefined,
    );
    const total = (await gateway.mobileRegistrations()).userIds.length;
    expect(second.usersRead).toBe(total);
    expect(reads).toHaveLength(total - 20);
  });

  it('keeps its database file readable by the owner only', () => {
    expect(statSync(path.join(temp.dir, DATABASE_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(temp.dir).mode & 0o777).toBe(0o700);
  });
});
