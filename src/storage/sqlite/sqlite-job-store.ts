import type { Person } from '../../audit/audit-context';
import type {
  Job,
  JobKindName,
  JobStatus,
  JobStore,
  JobWorker,
  JobWorkerState,
  NewJob,
  WorkerMove,
} from '../job-store';
import type { SqliteDatabase } from './sqlite-database';

interface JobRow {
  id: string;
  kind: JobKindName;
  request_number: number;
  requester: string;
  approver: string;
  store_id: string;
  store_name: string;
  status: JobStatus;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  progress_card: string | null;
  cancelled_by: string | null;
  sheet_at: string | null;
  sheet_stopped_at: string | null;
}

interface WorkerRow {
  job_id: string;
  position: number;
  user_id: string;
  display_name: string;
  with_pass: number;
  state: JobWorkerState;
  detail: string | null;
  code_id: string | null;
  expire_date_time: string | null;
  pass_id: string | null;
  phone_number: string | null;
  sealed: string | null;
  updated_at: string;
}

const FINAL: readonly JobStatus[] = ['cancelled', 'finished'];

function jobOf(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    requestNumber: row.request_number,
    requester: JSON.parse(row.requester) as Person,
    approver: JSON.parse(row.approver) as Person,
    storeId: row.store_id,
    storeName: row.store_name,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.finished_at !== null && { finishedAt: row.finished_at }),
    ...(row.progress_card !== null && { progressCard: JSON.parse(row.progress_card) as Job['progressCard'] }),
    ...(row.cancelled_by !== null && { cancelledBy: JSON.parse(row.cancelled_by) as Person }),
    ...(row.sheet_at !== null && { sheetAt: row.sheet_at }),
    ...(row.sheet_stopped_at !== null && { sheetStoppedAt: row.sheet_stopped_at }),
  };
}

function workerOf(row: WorkerRow): JobWorker {
  return {
    jobId: row.job_id,
    position: row.position,
    userId: row.user_id,
    displayName: row.display_name,
    withPass: row.with_pass === 1,
    state: row.state,
    ...(row.detail !== null && { detail: row.detail }),
    ...(row.code_id !== null && { codeId: row.code_id }),
    ...(row.expire_date_time !== null && { expireDateTime: row.expire_date_time }),
    ...(row.pass_id !== null && { passId: row.pass_id }),
    ...(row.phone_number !== null && { phoneNumber: row.phone_number }),
    ...(row.sealed !== null && { sealed: row.sealed }),
    updatedAt: row.updated_at,
  };
}

const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

export class SqliteJobStore implements JobStore {
  constructor(private readonly db: SqliteDatabase) {}

  async create(job: NewJob): Promise<{ job: Job; created: boolean }> {
    const insert = this.db.transaction((): boolean => {
      const exists = this.db.prepare('SELECT 1 FROM jobs WHERE id = ?').get(job.id);
      if (exists) return false;
      // A job is a request's child: said here in words, beside the foreign key.
      if (!this.db.prepare('SELECT 1 FROM change_requests WHERE id = ?').get(job.id))
        throw new Error(`no change request ${job.id} for this job (FOREIGN KEY)`);
      this.db
        .prepare(
          `INSERT INTO jobs (id, kind, request_number, requester, approver, store_id, store_name, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
        )
        .run(
          job.id,
          job.kind,
          job.requestNumber,
          JSON.stringify(job.requester),
          JSON.stringify(job.approver),
          job.storeId,
          job.storeName,
          job.createdAt,
          job.createdAt,
        );
      const row = this.db.prepare(
        `INSERT INTO job_workers (job_id, position, user_id, display_name, with_pass, phone_number, state, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'planned', ?)`,
      );
      job.workers.forEach((worker, position) =>
        row.run(
          job.id,
          position,
          worker.userId,
          worker.displayName,
          worker.withPass ? 1 : 0,
          worker.phoneNumber ?? null,
          job.createdAt,
        ),
      );
      return true;
    });
    const created = insert.immediate();
    return { job: (await this.get(job.id))!, created };
  }

  async get(id: string): Promise<Job | undefined> {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row && jobOf(row);
  }

  async workers(jobId: string): Promise<JobWorker[]> {
    const rows = this.db
      .prepare('SELECT * FROM job_workers WHERE job_id = ? ORDER BY position')
      .all(jobId) as WorkerRow[];
    return rows.map(workerOf);
  }

  async moveWorker(
    jobId: string,
    userId: string,
    from: readonly JobWorkerState[],
    move: WorkerMove,
    at: string,
  ): Promise<boolean> {
    const sets = ['state = ?', 'updated_at = ?', 'detail = ?'];
    const values: Array<string | null> = [move.state, at, move.detail ?? null];
    const optional: Array<[string, string | null | undefined]> = [
      ['code_id', move.codeId],
      ['expire_date_time', move.expireDateTime],
      ['pass_id', move.passId],
      ['sealed', move.sealed],
    ];
    for (const [column, value] of optional) {
      if (value === undefined) continue;
      sets.push(`${column} = ?`);
      values.push(value);
    }
    const result = this.db
      .prepare(
        `UPDATE job_workers SET ${sets.join(', ')} WHERE job_id = ? AND user_id = ? AND state IN (${placeholders(from.length)})`,
      )
      .run(...values, jobId, userId, ...from);
    return result.changes > 0;
  }

  async setStatus(
    jobId: string,
    from: readonly JobStatus[],
    to: JobStatus,
    at: string,
    cancelledBy?: Person,
  ): Promise<Job | undefined> {
    const result = this.db
      .prepare(
        `UPDATE jobs SET status = ?, updated_at = ?, finished_at = CASE WHEN ? THEN ? ELSE finished_at END,
           cancelled_by = COALESCE(?, cancelled_by)
         WHERE id = ? AND status IN (${placeholders(from.length)})`,
      )
      .run(to, at, FINAL.includes(to) ? 1 : 0, at, cancelledBy ? JSON.stringify(cancelledBy) : null, jobId, ...from);
    return result.changes > 0 ? this.get(jobId) : undefined;
  }

  async setProgressCard(jobId: string, card: NonNullable<Job['progressCard']>): Promise<void> {
    this.db.prepare('UPDATE jobs SET progress_card = ? WHERE id = ?').run(JSON.stringify(card), jobId);
  }

  async sheetHandedOver(jobId: string, at: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('UPDATE jobs SET sheet_at = ?, updated_at = ? WHERE id = ?').run(at, at, jobId);
      this.db
        .prepare(
          `UPDATE job_workers SET sealed = NULL, updated_at = ?,
             state = CASE WHEN state = 'issued' THEN 'delivered' ELSE state END
           WHERE job_id = ?`,
        )
        .run(at, jobId);
    })();
  }

  async sheetStopped(jobId: string, at: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('UPDATE jobs SET sheet_stopped_at = ?, updated_at = ? WHERE id = ?').run(at, at, jobId);
      this.db
        .prepare('UPDATE job_workers SET sealed = NULL, updated_at = ? WHERE job_id = ? AND sealed IS NOT NULL')
        .run(at, jobId);
    })();
  }

  async sheetsDue(finishedBefore: string): Promise<Job[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM jobs WHERE status IN ('finished', 'cancelled') AND sheet_at IS NULL
           AND sheet_stopped_at IS NULL AND finished_at < ? ORDER BY finished_at`,
      )
      .all(finishedBefore) as JobRow[];
    return rows.map(jobOf);
  }

  async unfinished(): Promise<Job[]> {
    const rows = this.db
      .prepare(`SELECT * FROM jobs WHERE status IN ('running', 'cancelling') ORDER BY created_at`)
      .all() as JobRow[];
    return rows.map(jobOf);
  }
}
