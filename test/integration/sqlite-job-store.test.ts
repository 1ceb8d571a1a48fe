// The job store over a real SQLite file: a store's move resumes after a crash from these rows, so a row moves only
// from the state its mover saw (one winner), secrets go at the sheet, and everything is still there after a reopen.
import type { Person } from '../../src/audit/audit-context';
import type { NewChangeRequest } from '../../src/changes/change-store';
import type { NewJob } from '../../src/storage/job-store';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteChangeStore } from '../../src/storage/sqlite/sqlite-change-store';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { SqliteJobStore } from '../../src/storage/sqlite/sqlite-job-store';
import { tempDir } from '../helpers/temp-dir';

const PRIYA: Person = { aadObjectId: 'priya.shah', name: 'Priya Shah' };
const HANA: Person = { aadObjectId: 'hana.kim', name: 'Hana Kim' };
const CREATED = '2026-11-20T10:00:00.000Z';
const LATER = '2026-11-20T10:05:00.000Z';

// Plan order on purpose not alphabetical: the rows must come back in the plan's order, not the key's.
const PLANNED = [
  { userId: 'zoe', displayName: 'Zoe Park', withPass: false },
  { userId: 'adam', displayName: 'Adam Reed', withPass: true },
  { userId: 'mia', displayName: 'Mia Chen', withPass: false },
];

let temp: { dir: string; cleanup: () => void };
let db: SqliteDatabase;
let changes: SqliteChangeStore;
let jobs: SqliteJobStore;

/** A move-store-to-badges request: jobs.id must name one (a foreign key). */
async function approvedMove(createdAt = CREATED): Promise<string> {
  const request = await changes.create({
    kind: 'move-store-to-badges',
    storeId: 'store-manchester',
    planned: PLANNED,
    skipped: [{ displayName: 'Sam Okafor', why: 'already has a badge' }],
    lifetimeDays: 30,
    passMinutes: 60,
    requester: PRIYA,
    target: { userId: 'store-manchester', displayName: 'Manchester' },
    reason: 'Move the store before SMS sign-in stops',
    urgent: false,
    tenantWide: false,
    createdAt,
    expiresAt: '2026-11-21T10:00:00.000Z',
  } as NewChangeRequest);
  return request.id;
}

function newJob(id: string, fields: Partial<NewJob> = {}): NewJob {
  return {
    id,
    kind: 'move-store-to-badges',
    requestNumber: 1,
    requester: PRIYA,
    approver: HANA,
    storeId: 'store-manchester',
    storeName: 'Manchester',
    createdAt: CREATED,
    workers: PLANNED,
    ...fields,
  };
}

async function stateOf(jobId: string, userId: string) {
  return (await jobs.workers(jobId)).find((worker) => worker.userId === userId);
}

beforeEach(() => {
  temp = tempDir();
  db = openDatabase(temp.dir, MIGRATIONS);
  changes = new SqliteChangeStore(db);
  jobs = new SqliteJobStore(db);
});

afterEach(() => {
  db.close();
  temp.cleanup();
});

describe('create', () => {
  it('saves the job as running with one planned row per worker, in plan order', async () => {
    const id = await approvedMove();
    const { job, created } = await jobs.create(newJob(id));
    expect(created).toBe(true);
    expect(job).toEqual({
      id,
      kind: 'move-store-to-badges',
      requestNumber: 1,
      requester: PRIYA,
      approver: HANA,
      storeId: 'store-manchester',
      storeName: 'Manchester',
      status: 'running',
      createdAt: CREATED,
      updatedAt: CREATED,
    });
    expect(await jobs.get(id)).toEqual(job);
    expect(await jobs.workers(id)).toEqual(
      PLANNED.map((worker, position) => ({ jobId: id, position, ...worker, state: 'planned', updatedAt: CREATED })),
    );
  });

  it('returns the job as it stands for a second create with the same id, without new rows', async () => {
    const id = await approvedMove();
    await jobs.create(newJob(id));
    await jobs.moveWorker(id, 'zoe', ['planned'], { state: 'creating' }, LATER);
    const again = await jobs.create(
      newJob(id, {
        storeName: 'Elsewhere',
        workers: [...PLANNED, { userId: 'new', displayName: 'New', withPass: false }],
      }),
    );
    expect(again.created).toBe(false);
    expect(again.job.storeName).toBe('Manchester');
    const rows = await jobs.workers(id);
    expect(rows.map((row) => [row.userId, row.state])).toEqual([
      ['zoe', 'creating'],
      ['adam', 'planned'],
      ['mia', 'planned'],
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM job_workers WHERE job_id = ?').get(id)).toEqual({ n: 3 });
  });

  it('refuses a job for a request that does not exist', async () => {
    await expect(jobs.create(newJob('no-such-request'))).rejects.toThrow(/FOREIGN KEY/);
    expect(await jobs.get('no-such-request')).toBeUndefined();
  });
});

describe('moveWorker', () => {
  let id: string;
  beforeEach(async () => {
    id = await approvedMove();
    await jobs.create(newJob(id));
  });

  it('moves a row only from a state it is in', async () => {
    const before = await jobs.workers(id);
    expect(await jobs.moveWorker(id, 'adam', ['creating', 'issued'], { state: 'failed', detail: 'x' }, LATER)).toBe(
      false,
    );
    expect(await jobs.moveWorker(id, 'nobody', ['planned'], { state: 'creating' }, LATER)).toBe(false);
    expect(await jobs.moveWorker('other-job', 'adam', ['planned'], { state: 'creating' }, LATER)).toBe(false);
    expect(await jobs.workers(id)).toEqual(before);

    expect(await jobs.moveWorker(id, 'adam', ['planned'], { state: 'creating' }, LATER)).toBe(true);
    expect(await stateOf(id, 'adam')).toMatchObject({ state: 'creating', updatedAt: LATER });
    // Only that row moved.
    expect((await jobs.workers(id)).map((row) => row.state)).toEqual(['planned', 'creating', 'planned']);
  });

  it('lets exactly one of two concurrent movers win, on two connections to the file', async () => {
    const second = openDatabase(temp.dir, MIGRATIONS);
    try {
      const other = new SqliteJobStore(second);
      const results = await Promise.all([
        jobs.moveWorker(id, 'mia', ['planned'], { state: 'creating', detail: 'first' }, LATER),
        other.moveWorker(id, 'mia', ['planned'], { state: 'creating', detail: 'second' }, LATER),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results[0] ? 'first' : 'second';
      expect(await stateOf(id, 'mia')).toMatchObject({ state: 'creating', detail: winner });
    } finally {
      second.close();
    }
  });

  it('saves the code id, expiry, pass id and sealed secret, and null drops the sealed secret', async () => {
    const issued = {
      state: 'issued' as const,
      codeId: 'code-1',
      expireDateTime: '2026-12-20T10:00:00.000Z',
      passId: 'pass-1',
      sealed: 'v1.iv.tag.body',
    };
    expect(await jobs.moveWorker(id, 'adam', ['planned'], { state: 'creating' }, LATER)).toBe(true);
    expect(await jobs.moveWorker(id, 'adam', ['creating'], issued, LATER)).toBe(true);
    expect(await stateOf(id, 'adam')).toEqual({
      jobId: id,
      position: 1,
      userId: 'adam',
      displayName: 'Adam Reed',
      withPass: true,
      updatedAt: LATER,
      ...issued,
    });

    // Fields left out of a move stay as they were; a null sealed drops only the secret.
    const at = '2026-11-20T10:06:00.000Z';
    expect(await jobs.moveWorker(id, 'adam', ['issued'], { state: 'issued', sealed: null }, at)).toBe(true);
    const row = await stateOf(id, 'adam');
    expect(row).not.toHaveProperty('sealed');
    expect(row).toMatchObject({ codeId: 'code-1', expireDateTime: issued.expireDateTime, passId: 'pass-1' });
    expect(row?.updatedAt).toBe(at);
  });

  it('saves why a row failed', async () => {
    const detail = 'Graph refused the badge: ask the helpdesk to check the QR code policy.';
    expect(await jobs.moveWorker(id, 'zoe', ['planned', 'creating'], { state: 'failed', detail }, LATER)).toBe(true);
    expect(await stateOf(id, 'zoe')).toMatchObject({ state: 'failed', detail });
  });
});

describe('setStatus', () => {
  let id: string;
  beforeEach(async () => {
    id = await approvedMove();
    await jobs.create(newJob(id));
  });

  it('moves the job only from the given states', async () => {
    expect(await jobs.setStatus(id, ['cancelling'], 'cancelled', LATER)).toBeUndefined();
    expect(await jobs.setStatus('no-such-job', ['running'], 'finished', LATER)).toBeUndefined();
    expect(await jobs.get(id)).toMatchObject({ status: 'running', updatedAt: CREATED });
    expect(await jobs.get(id)).not.toHaveProperty('finishedAt');
  });

  it('sets finishedAt when it finishes', async () => {
    const job = await jobs.setStatus(id, ['running', 'cancelling'], 'finished', LATER);
    expect(job).toMatchObject({ status: 'finished', updatedAt: LATER, finishedAt: LATER });
    expect(job).not.toHaveProperty('cancelledBy');
    expect(await jobs.get(id)).toEqual(job);
    // Final: not from running any more.
    expect(await jobs.setStatus(id, ['running'], 'cancelling', LATER, PRIYA)).toBeUndefined();
  });

  it('keeps who cancelled from cancelling to cancelled, and sets finishedAt only when cancelled', async () => {
    const cancelling = await jobs.setStatus(id, ['running'], 'cancelling', LATER, PRIYA);
    expect(cancelling).toMatchObject({ status: 'cancelling', cancelledBy: PRIYA });
    expect(cancelling).not.toHaveProperty('finishedAt');

    const at = '2026-11-20T10:07:00.000Z';
    const cancelled = await jobs.setStatus(id, ['cancelling'], 'cancelled', at);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: PRIYA, finishedAt: at, updatedAt: at });
  });
});

describe('sheetHandedOver', () => {
  it('drops every sealed secret, turns issued rows into delivered, leaves the rest, and sets sheetAt', async () => {
    const id = await approvedMove();
    await jobs.create(newJob(id));
    // zoe issued with a secret; adam failed but still holding one (a pass made before the badge failed); mia skipped.
    await jobs.moveWorker(id, 'zoe', ['planned'], { state: 'issued', codeId: 'code-z', sealed: 'v1.z' }, LATER);
    await jobs.moveWorker(id, 'adam', ['planned'], { state: 'failed', detail: 'no phone', sealed: 'v1.a' }, LATER);
    await jobs.moveWorker(id, 'mia', ['planned'], { state: 'skipped', detail: 'left the store' }, LATER);

    const other = await approvedMove();
    await jobs.create(newJob(other));
    await jobs.moveWorker(other, 'zoe', ['planned'], { state: 'issued', sealed: 'v1.other' }, LATER);

    const at = '2026-11-20T10:09:00.000Z';
    await jobs.sheetHandedOver(id, at);
    const rows = await jobs.workers(id);
    expect(rows.map((row) => [row.userId, row.state])).toEqual([
      ['zoe', 'delivered'],
      ['adam', 'failed'],
      ['mia', 'skipped'],
    ]);
    for (const row of rows) expect(row).not.toHaveProperty('sealed');
    expect(rows[0]).toMatchObject({ codeId: 'code-z' });
    expect(rows[1]).toMatchObject({ detail: 'no phone' });
    expect(await jobs.get(id)).toMatchObject({ sheetAt: at });
    expect(db.prepare('SELECT COUNT(*) AS n FROM job_workers WHERE job_id = ? AND sealed IS NOT NULL').get(id)).toEqual(
      { n: 0 },
    );

    // Another job's rows are not touched.
    expect(await stateOf(other, 'zoe')).toMatchObject({ state: 'issued', sealed: 'v1.other' });
    expect(await jobs.get(other)).not.toHaveProperty('sheetAt');
  });
});

describe('unfinished', () => {
  it('lists running and cancelling jobs, oldest first, and not finished or cancelled ones', async () => {
    // Made in an order unlike their times, so the list's order comes from createdAt.
    const times = {
      newest: '2026-11-20T12:00:00.000Z',
      oldest: '2026-11-20T08:00:00.000Z',
      middle: '2026-11-20T10:00:00.000Z',
      finished: '2026-11-20T07:00:00.000Z',
      cancelled: '2026-11-20T07:30:00.000Z',
    };
    const ids: Record<string, string> = {};
    for (const [name, createdAt] of Object.entries(times)) {
      ids[name] = await approvedMove(createdAt);
      await jobs.create(newJob(ids[name]!, { createdAt }));
    }
    await jobs.setStatus(ids.middle!, ['running'], 'cancelling', LATER, PRIYA);
    await jobs.setStatus(ids.finished!, ['running'], 'finished', LATER);
    await jobs.setStatus(ids.cancelled!, ['running'], 'cancelling', LATER, PRIYA);
    await jobs.setStatus(ids.cancelled!, ['cancelling'], 'cancelled', LATER);

    const unfinished = await jobs.unfinished();
    expect(unfinished.map((job) => job.id)).toEqual([ids.oldest, ids.middle, ids.newest]);
    expect(unfinished.map((job) => job.status)).toEqual(['running', 'cancelling', 'running']);
  });
});

it('keeps jobs and rows across closing and reopening the database file', async () => {
  const id = await approvedMove();
  await jobs.create(newJob(id));
  await jobs.moveWorker(id, 'adam', ['planned'], { state: 'issued', codeId: 'code-a', sealed: 'v1.a' }, LATER);
  await jobs.setStatus(id, ['running'], 'cancelling', LATER, HANA);
  await jobs.setProgressCard(id, { activityId: 'activity-1', reference: { channelId: 'msteams' } });
  const job = await jobs.get(id);
  const rows = await jobs.workers(id);
  db.close();

  db = openDatabase(temp.dir, MIGRATIONS);
  const reopened = new SqliteJobStore(db);
  expect(await reopened.get(id)).toEqual(job);
  expect(job).toMatchObject({ cancelledBy: HANA, progressCard: { activityId: 'activity-1' } });
  expect(await reopened.workers(id)).toEqual(rows);
  expect(await reopened.unfinished()).toEqual([job]);
  // And it still refuses a second create after the reopen.
  expect((await reopened.create(newJob(id))).created).toBe(false);
  expect(await reopened.workers(id)).toHaveLength(PLANNED.length);
});
