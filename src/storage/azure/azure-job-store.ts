// Jobs and their per-worker rows in an Azure table: a partition per job (its row "job", and a row per worker), so a
// job's rows are written together, up to a hundred to a transaction. Every move of the job or of a row is conditional
// on the row read (If-Match): of two instances moving one row, exactly one does, as in SQLite.
import type { TransactionAction } from '@azure/data-tables';
import type { Person } from '../../audit/audit-context';
import type { Job, JobStatus, JobStore, JobWorker, JobWorkerState, NewJob, WorkerMove } from '../job-store';
import { isConflict, isNotFound, isPreconditionFailed, safeKey, type AzureTables } from './azure-tables';

const JOB = 'job';
const workerKey = (userId: string): string => `w${safeKey(userId)}`;
const FINAL: readonly JobStatus[] = ['cancelled', 'finished'];
/** Table transactions hold at most 100 actions. */
const PER_TRANSACTION = 100;

interface JobEntity {
  status: JobStatus;
  createdAt: string;
  /** When it finished, while its sheet is neither taken nor stopped: what `sheetsDue` filters on. */
  sheetDue?: string;
  body: string;
}

function jobEntityOf(job: Job): JobEntity & { partitionKey: string; rowKey: string } {
  const due = FINAL.includes(job.status) && !job.sheetAt && !job.sheetStoppedAt ? job.finishedAt : undefined;
  return {
    partitionKey: safeKey(job.id),
    rowKey: JOB,
    status: job.status,
    createdAt: job.createdAt,
    ...(due && { sheetDue: due }),
    body: JSON.stringify(job),
  };
}

interface WorkerEntity {
  position: number;
  state: JobWorkerState;
  body: string;
}

export class AzureJobStore implements JobStore {
  constructor(
    private readonly tables: AzureTables,
    /** A job is a change request's child: the request must exist (the foreign key SQLite has). */
    private readonly requests: { get(id: string): Promise<unknown> },
  ) {}

  private table() {
    return this.tables.table('Jobs');
  }

  private async jobEntity(id: string): Promise<(JobEntity & { etag: string }) | undefined> {
    try {
      return (await (await this.table()).getEntity<JobEntity>(safeKey(id), JOB)) as JobEntity & { etag: string };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Rewrites a worker's row if unchanged since read (412 otherwise). */
  private async writeWorker(row: JobWorker, etag: string): Promise<void> {
    await (
      await this.table()
    ).updateEntity(
      {
        partitionKey: safeKey(row.jobId),
        rowKey: workerKey(row.userId),
        position: row.position,
        state: row.state,
        body: JSON.stringify(row),
      },
      'Replace',
      { etag },
    );
  }

  /** Rewrites the job's row if unchanged since read (412 otherwise). */
  private async writeJob(job: Job, etag: string): Promise<void> {
    await (await this.table()).updateEntity(jobEntityOf(job), 'Replace', { etag });
  }

  async create(job: NewJob): Promise<{ job: Job; created: boolean }> {
    const existing = await this.get(job.id);
    if (existing) return { job: existing, created: false };
    if (!(await this.requests.get(job.id))) throw new Error(`no change request ${job.id} for this job (FOREIGN KEY)`);
    const table = await this.table();
    const partitionKey = safeKey(job.id);
    // The rows first (idempotent), the job row last: a job is seen only once all its rows are there.
    const rows: TransactionAction[] = job.workers.map((worker, position) => {
      const row: JobWorker = {
        jobId: job.id,
        position,
        userId: worker.userId,
        displayName: worker.displayName,
        withPass: worker.withPass,
        state: 'planned',
        ...(worker.phoneNumber !== undefined && { phoneNumber: worker.phoneNumber }),
        updatedAt: job.createdAt,
      };
      return [
        'upsert',
        { partitionKey, rowKey: workerKey(worker.userId), position, state: row.state, body: JSON.stringify(row) },
        'Replace',
      ];
    });
    for (let start = 0; start < rows.length; start += PER_TRANSACTION)
      await table.submitTransaction(rows.slice(start, start + PER_TRANSACTION));
    const created: Job = {
      id: job.id,
      kind: job.kind,
      requestNumber: job.requestNumber,
      requester: job.requester,
      approver: job.approver,
      storeId: job.storeId,
      storeName: job.storeName,
      status: 'running',
      createdAt: job.createdAt,
      updatedAt: job.createdAt,
    };
    try {
      await table.createEntity(jobEntityOf(created));
      return { job: created, created: true };
    } catch (error) {
      // Another instance created it meanwhile: theirs stands.
      if (!isConflict(error)) throw error;
      return { job: (await this.get(job.id))!, created: false };
    }
  }

  /** Writes a job moved from another store as it stands, its rows first (the job row last, as create does). */
  async importJob(job: Job, workers: readonly JobWorker[]): Promise<void> {
    const table = await this.table();
    const partitionKey = safeKey(job.id);
    const rows = workers.map((row): TransactionAction => [
      'create',
      {
        partitionKey,
        rowKey: workerKey(row.userId),
        position: row.position,
        state: row.state,
        body: JSON.stringify(row),
      },
    ]);
    for (let start = 0; start < rows.length; start += PER_TRANSACTION)
      await table.submitTransaction(rows.slice(start, start + PER_TRANSACTION));
    await table.createEntity(jobEntityOf(job));
  }

  async get(id: string): Promise<Job | undefined> {
    const entity = await this.jobEntity(id);
    return entity && (JSON.parse(entity.body) as Job);
  }

  async workers(jobId: string): Promise<JobWorker[]> {
    const table = await this.table();
    const rows: Array<WorkerEntity> = [];
    for await (const entity of table.listEntities<WorkerEntity>({
      queryOptions: { filter: `PartitionKey eq '${safeKey(jobId)}' and RowKey gt 'w' and RowKey lt 'x'` },
    }))
      rows.push(entity);
    return rows.sort((a, b) => a.position - b.position).map((row) => JSON.parse(row.body) as JobWorker);
  }

  async moveWorker(
    jobId: string,
    userId: string,
    from: readonly JobWorkerState[],
    move: WorkerMove,
    at: string,
  ): Promise<boolean> {
    const table = await this.table();
    let entity;
    try {
      entity = await table.getEntity<WorkerEntity>(safeKey(jobId), workerKey(userId));
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
    if (!from.includes(entity.state)) return false;
    // Detail and secret are what the move says: detail cleared unless given, the secret kept unless replaced or dropped.
    const { sealed: kept, detail: _detail, ...current } = JSON.parse(entity.body) as JobWorker;
    const sealed = move.sealed === undefined ? kept : (move.sealed ?? undefined);
    const next: JobWorker = {
      ...current,
      state: move.state,
      updatedAt: at,
      ...(move.detail !== undefined && { detail: move.detail }),
      ...(move.codeId !== undefined && { codeId: move.codeId }),
      ...(move.expireDateTime !== undefined && { expireDateTime: move.expireDateTime }),
      ...(move.passId !== undefined && { passId: move.passId }),
      ...(sealed !== undefined && { sealed }),
    };
    try {
      await this.writeWorker(next, entity.etag);
      return true;
    } catch (error) {
      if (isPreconditionFailed(error)) return false;
      throw error;
    }
  }

  async setStatus(
    jobId: string,
    from: readonly JobStatus[],
    to: JobStatus,
    at: string,
    cancelledBy?: Person,
  ): Promise<Job | undefined> {
    const entity = await this.jobEntity(jobId);
    if (!entity || !from.includes(entity.status)) return undefined;
    const current = JSON.parse(entity.body) as Job;
    const next: Job = {
      ...current,
      status: to,
      updatedAt: at,
      ...(FINAL.includes(to) && { finishedAt: at }),
      ...(cancelledBy && { cancelledBy }),
    };
    try {
      await this.writeJob(next, entity.etag);
      return next;
    } catch (error) {
      if (isPreconditionFailed(error)) return undefined;
      throw error;
    }
  }

  /** Rewrites the job row from a fresh read until it lands (a status move in between is kept). */
  private async updateJob(jobId: string, change: (job: Job) => Job): Promise<void> {
    for (;;) {
      const entity = await this.jobEntity(jobId);
      if (!entity) return;
      const next = change(JSON.parse(entity.body) as Job);
      try {
        await this.writeJob(next, entity.etag);
        return;
      } catch (error) {
        if (!isPreconditionFailed(error)) throw error;
      }
    }
  }

  async setProgressCard(jobId: string, card: NonNullable<Job['progressCard']>): Promise<void> {
    await this.updateJob(jobId, (job) => ({ ...job, progressCard: card }));
  }

  async sheetHandedOver(jobId: string, at: string): Promise<void> {
    await this.updateJob(jobId, (job) => ({ ...job, sheetAt: at, updatedAt: at }));
    await this.dropSecrets(jobId, at, (state) => (state === 'issued' ? 'delivered' : state));
  }

  async sheetStopped(jobId: string, at: string): Promise<void> {
    await this.updateJob(jobId, (job) => ({ ...job, sheetStoppedAt: at, updatedAt: at }));
    await this.dropSecrets(jobId, at, (state) => state);
  }

  async sheetsDue(finishedBefore: string): Promise<Job[]> {
    const table = await this.table();
    const jobs: Array<{ due: string; job: Job }> = [];
    // An ISO time holds no quote, so it needs no escaping; anything else is refused before the query.
    if (!/^[\d:.TZ+-]+$/.test(finishedBefore)) throw new Error('finishedBefore is not an ISO time');
    for await (const entity of table.listEntities<JobEntity>({
      queryOptions: { filter: `RowKey eq '${JOB}' and sheetDue lt '${finishedBefore}'` },
    }))
      jobs.push({ due: entity.sheetDue ?? '', job: JSON.parse(entity.body) as Job });
    return jobs.sort((a, b) => a.due.localeCompare(b.due)).map(({ job }) => job);
  }

  /** Every row loses its sealed secret, its state moved by `next`. */
  private async dropSecrets(jobId: string, at: string, next: (state: JobWorkerState) => JobWorkerState): Promise<void> {
    for (const worker of await this.workers(jobId)) {
      // Each row from a fresh read, so a row another instance just moved keeps its move and loses only the secret.
      for (;;) {
        const table = await this.table();
        const entity = await table.getEntity<WorkerEntity>(safeKey(jobId), workerKey(worker.userId));
        const { sealed: _sealed, ...row } = JSON.parse(entity.body) as JobWorker;
        const moved: JobWorker = { ...row, state: next(row.state), updatedAt: at };
        try {
          await this.writeWorker(moved, entity.etag);
          break;
        } catch (error) {
          if (!isPreconditionFailed(error)) throw error;
        }
      }
    }
  }

  async unfinished(): Promise<Job[]> {
    const table = await this.table();
    const jobs: Array<{ createdAt: string; job: Job }> = [];
    for await (const entity of table.listEntities<JobEntity>({
      queryOptions: { filter: `RowKey eq '${JOB}' and (status eq 'running' or status eq 'cancelling')` },
    }))
      jobs.push({ createdAt: entity.createdAt, job: JSON.parse(entity.body) as Job });
    return jobs.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(({ job }) => job);
  }
}
