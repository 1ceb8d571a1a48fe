// The job store's contract, run against SQLite and Azure Storage (Azurite): a store's move resumes from these rows
// on any instance, so a row moves only from the state its mover saw (one winner of two instances), secrets go at the
// sheet, and a job is a change request's child.
import type { NewJob } from '../../src/storage/job-store';
import { HANA, PRIYA, newRequest, useAdapters } from '../helpers/storage-adapters';

const CREATED = '2026-12-01T10:00:00.000Z';
const LATER = '2026-12-01T10:05:00.000Z';

function newJob(id: string, workers = 3): NewJob {
  return {
    id,
    kind: 'move-store-to-badges',
    requestNumber: 1,
    requester: PRIYA,
    approver: HANA,
    storeId: 'store-manchester',
    storeName: 'Manchester',
    createdAt: CREATED,
    // Plan order on purpose not alphabetical: rows come back in the plan's order, not the key's.
    workers: Array.from({ length: workers }, (_, index) => ({
      userId: `user-${String(workers - index).padStart(3, '0')}`,
      displayName: `Worker ${index}`,
      withPass: index % 2 === 0,
    })),
  };
}

describe.each(useAdapters())('%s', (_name, make) => {
  it('creates a job once, with its rows in plan order, and refuses one with no change request', async () => {
    const { jobs, changes } = make();
    const { id } = await changes.create(newRequest());
    const first = await jobs.create(newJob(id));
    expect(first).toMatchObject({ created: true, job: { id, status: 'running', storeName: 'Manchester' } });
    expect(await jobs.create(newJob(id))).toEqual({ job: first.job, created: false });
    expect((await jobs.workers(id)).map((row) => [row.userId, row.position, row.state])).toEqual([
      ['user-003', 0, 'planned'],
      ['user-002', 1, 'planned'],
      ['user-001', 2, 'planned'],
    ]);
    await expect(jobs.create(newJob('no-such-request'))).rejects.toThrow(/FOREIGN KEY/);
  });

  it('holds a job of more rows than one write takes', async () => {
    const { jobs, changes } = make();
    const { id } = await changes.create(newRequest());
    await jobs.create(newJob(id, 150));
    const rows = await jobs.workers(id);
    expect(rows).toHaveLength(150);
    expect(rows.map((row) => row.position)).toEqual(Array.from({ length: 150 }, (_, index) => index));
  });

  it('moves a row only from the state its mover saw: of two instances, exactly one', async () => {
    const { jobs, anotherJobs, changes } = make();
    const { id } = await changes.create(newRequest());
    await jobs.create(newJob(id));
    const other = anotherJobs();
    const moves = await Promise.all([
      jobs.moveWorker(id, 'user-003', ['planned'], { state: 'creating' }, LATER),
      other.moveWorker(id, 'user-003', ['planned'], { state: 'creating' }, LATER),
    ]);
    expect(moves.filter(Boolean)).toHaveLength(1);
    expect(
      await jobs.moveWorker(
        id,
        'user-003',
        ['creating'],
        { state: 'issued', codeId: 'code-1', sealed: 'sealed-secret' },
        LATER,
      ),
    ).toBe(true);
    expect(await jobs.moveWorker(id, 'user-003', ['planned'], { state: 'failed' }, LATER)).toBe(false);
    expect(await jobs.moveWorker(id, 'nobody', ['planned'], { state: 'failed' }, LATER)).toBe(false);
    const row = (await other.workers(id))[0]!;
    expect(row).toMatchObject({ state: 'issued', codeId: 'code-1', sealed: 'sealed-secret', updatedAt: LATER });
    await jobs.moveWorker(id, 'user-002', ['planned'], { state: 'failed', detail: 'no licence: assign one' }, LATER);
    await jobs.moveWorker(id, 'user-002', ['failed'], { state: 'planned' }, LATER);
    expect((await jobs.workers(id))[1]!.detail).toBeUndefined();
  });

  it('drops every secret at the sheet and marks issued rows delivered', async () => {
    const { jobs, changes } = make();
    const { id } = await changes.create(newRequest());
    await jobs.create(newJob(id));
    await jobs.moveWorker(id, 'user-003', ['planned'], { state: 'issued', sealed: 'one' }, LATER);
    await jobs.moveWorker(id, 'user-002', ['planned'], { state: 'failed', detail: 'refused' }, LATER);
    await jobs.sheetHandedOver(id, LATER);
    const rows = await jobs.workers(id);
    expect(rows.map((row) => [row.state, row.sealed])).toEqual([
      ['delivered', undefined],
      ['failed', undefined],
      ['planned', undefined],
    ]);
    expect((await jobs.get(id))?.sheetAt).toBe(LATER);
  });

  it('lists ended jobs whose sheet was neither taken nor stopped, finished before the time asked, until stopped', async () => {
    const { jobs, changes, anotherJobs } = make();
    const other = anotherJobs();
    const ids: string[] = [];
    for (let made = 0; made < 4; made++) {
      const { id } = await changes.create(newRequest());
      await jobs.create(newJob(id));
      ids.push(id);
    }
    // The third job is still running.
    const [taken, unopened, , late] = ids as [string, string, string, string];
    await jobs.setStatus(taken, ['running'], 'finished', '2026-12-01T10:01:00.000Z');
    await jobs.sheetHandedOver(taken, LATER);
    await jobs.moveWorker(unopened, 'user-003', ['planned'], { state: 'issued', sealed: 'one' }, LATER);
    await jobs.setStatus(unopened, ['running'], 'cancelled', '2026-12-01T10:02:00.000Z');
    await jobs.setStatus(late, ['running'], 'finished', '2026-12-01T11:00:00.000Z');
    // Other tests' jobs share the store: only this test's are looked at.
    const due = async (before: string) =>
      (await other.sheetsDue(before)).map((job) => job.id).filter((id) => ids.includes(id));
    expect(await due('2026-12-01T10:30:00.000Z')).toEqual([unopened]);
    expect(await due('2026-12-01T12:00:00.000Z')).toEqual([unopened, late]);

    await jobs.sheetStopped(unopened, LATER);
    expect(await due('2026-12-01T12:00:00.000Z')).toEqual([late]);
    expect((await other.get(unopened))?.sheetStoppedAt).toBe(LATER);
    expect((await other.workers(unopened)).map((row) => [row.state, row.sealed])).toEqual([
      ['issued', undefined],
      ['planned', undefined],
      ['planned', undefined],
    ]);
  });

  it('moves the job only from the states given, keeps its card, and lists the unfinished oldest first', async () => {
    const { jobs, changes, anotherJobs } = make();
    const older = (await changes.create(newRequest())).id;
    const newer = (await changes.create(newRequest())).id;
    await jobs.create({ ...newJob(newer), createdAt: LATER });
    await jobs.create(newJob(older));
    expect((await jobs.unfinished()).map((job) => job.id)).toEqual([older, newer]);
    const card = {
      activityId: 'act-1',
      reference: { conversation: { id: 'a:1', isGroup: false, conversationType: 'personal', name: '' } },
    };
    await jobs.setProgressCard(older, card);
    const other = anotherJobs();
    const [mine, theirs] = await Promise.all([
      jobs.setStatus(older, ['running'], 'cancelling', LATER, PRIYA),
      other.setStatus(older, ['running'], 'finished', LATER),
    ]);
    expect([mine, theirs].filter(Boolean)).toHaveLength(1);
    const now = await jobs.get(older);
    expect(now?.progressCard).toEqual(card);
    expect(await jobs.setStatus(older, ['running'], 'finished', LATER)).toBeUndefined();
    if (now?.status === 'cancelling') {
      expect(now.cancelledBy).toEqual(PRIYA);
      await jobs.setStatus(older, ['cancelling'], 'cancelled', LATER);
    }
    expect((await jobs.get(older))?.finishedAt).toBe(LATER);
    expect((await jobs.unfinished()).map((job) => job.id)).toEqual([newer]);
  });
});
