// Runs the jobs of approved requests whose kind is a job (a store's move to badges, finishing it): a durable row per
// worker, a few workers at a time, each worker's turn given to the job's kind (badge-job.ts, finish-job.ts). It
// resumes where it stopped after a crash, stops before the next worker when asked, and reports on one card.
import type { Logger } from 'pino';
import type { AccessPolicy } from '../access/access-policy';
import type { RequesterDirectory } from '../access/requester-directory';
import type { RequesterProfile } from '../access/requester-profile';
import { SYSTEM_ACTOR, withAuditContext, type Person } from '../audit/audit-context';
import type { ChangeRequest } from '../changes/change-request';
import type { ChangeStore } from '../changes/change-store';
import type { JobStarter } from '../changes/job-starter';
import { LeasedWork } from '../changes/leased-work';
import { MemoryLeases } from '../changes/leases';
import { GraphFailure } from '../graph/graph-errors';
import type { GraphGateway } from '../graph/graph-gateway';
import type { ApplyResult, LiveState, TargetedChange } from '../methods/method-contract';
import type { ChangeDetails, SignInSnapshot } from '../methods/method-types';
import { signInSnapshot } from '../methods/read-snapshot';
import { specOf, type MethodsGateway } from '../methods/registry';
import type { Job, JobKindName, JobStore, JobWorker, JobWorkerState, NewJob } from '../storage/job-store';
import type { JobPace } from './job-pace';

export type JobGateway = MethodsGateway & Pick<GraphGateway, 'readWorker'>;

/** How many workers are worked on at once; each one's own writes go one after another. */
export const WORKERS_AT_ONCE = 16;
/** How long a finished job's badge sheet can be opened. */
export const SHEET_OPEN_MS = 24 * 3_600_000;
/** Then, with an hour's margin so that no download is under way, the badges of a sheet nobody opened are stopped. */
const SHEET_STOPPED_AFTER_MS = SHEET_OPEN_MS + 3_600_000;
/** Badges Graph would not stop are tried every minute for a day more, then left (logged) to expire. */
const SHEET_GIVEN_UP_AFTER_MS = SHEET_STOPPED_AFTER_MS + 24 * 3_600_000;
const SHEET_NOT_OPENED = 'The badge sheet was not opened within a day, so the badge was stopped: nobody can use it.';
/** The progress card is updated at most this often. */
const PROGRESS_EVERY_MS = 1500;

/** What the job tells people (the bot's side): its progress card, and at the end the result. */
export interface JobNotices {
  progress(job: Job, workers: readonly JobWorker[]): Promise<void>;
  /** The job ended: the result on its card (and a sheet, for badges); what kept it from the requester, if anything. */
  ended(job: Job, workers: readonly JobWorker[]): Promise<Undelivered | undefined>;
}

/** Why a job's result did not reach its requester: `why` is said of each worker whose badge is stopped for it. */
export interface Undelivered {
  why: string;
  /** The requester's card can still be updated, to say so. */
  canTell: boolean;
}

/** What every kind's turn can use. */
export class JobTools {
  constructor(
    readonly jobs: JobStore,
    readonly gateway: JobGateway,
    readonly access: AccessPolicy,
    readonly pace: JobPace,
    readonly now: () => Date,
  ) {}

  move(job: Job, row: JobWorker, from: JobWorkerState[], state: JobWorkerState, detail?: string): Promise<boolean> {
    return this.jobs.moveWorker(
      job.id,
      row.userId,
      from,
      { state, ...(detail && { detail }) },
      this.now().toISOString(),
    );
  }

  /** The worker's Graph calls are audited as the job's request, by its approver, for its requester. */
  within<T>(job: Job, userId: string, work: () => Promise<T>): Promise<T> {
    const context = { actor: job.approver, requester: job.requester, requestId: job.id, targetUserId: userId };
    return withAuditContext(context, work);
  }

  /** Whether the requester may still act on the worker, by their live state. */
  outOfScope(profile: RequesterProfile, snapshot: SignInSnapshot): boolean {
    const scope = {
      userId: snapshot.user.id,
      administrativeUnitIds: snapshot.administrativeUnits.map((unit) => unit.id),
      managerId: snapshot.user.managerId,
    };
    return !this.access.canActOn(profile, scope);
  }
}

/**
 * One worker's change that makes no secret (SMS off, a number added), as a single request would run it: the row
 * claimed, the worker read live, a crash mid-write settled by Graph's state, the refusals (`refusal`, then the kind's
 * plan), the job's pace, a stop honoured before the write, and a lost answer settled by reading again.
 */
export async function runPlainChange<C extends ChangeDetails>(
  tools: JobTools,
  job: Job,
  row: JobWorker,
  change: TargetedChange<C>,
  refusal: (live: LiveState) => string | undefined,
  stopped: () => Promise<boolean>,
  writes = 1,
): Promise<void> {
  const spec = specOf(change);
  await tools.within(job, row.userId, async () => {
    const resumed = row.state === 'creating';
    if (!resumed && !(await tools.move(job, row, ['planned'], 'creating'))) return;
    const readLive = async (): Promise<LiveState> => ({
      snapshot: await signInSnapshot(tools.gateway, row.userId),
      executionStartedAt: resumed ? new Date(row.updatedAt) : tools.now(),
    });
    try {
      const live = await readLive();
      if (resumed && spec.handler.reconcile(change, live) === 'applied') {
        await tools.move(job, row, ['creating'], 'delivered');
        return;
      }
      const refused = refusal(live);
      const plan = refused ? { action: 'refuse' as const, outcome: refused } : spec.handler.plan(change, live);
      if (plan.action !== 'apply') {
        const state = plan.action === 'already-done' ? 'delivered' : 'skipped';
        await tools.move(job, row, ['creating'], state, plan.outcome);
        return;
      }
      await tools.pace.take(writes);
      if (await stopped()) {
        await tools.move(job, row, ['creating'], 'planned');
        return;
      }
      const result = await spec.handler.apply(change, tools.gateway, live);
      const ok = result.status === 'succeeded';
      await tools.move(job, row, ['creating'], ok ? 'delivered' : 'failed', ok ? undefined : result.outcome);
    } catch (error) {
      // A lost answer is settled by what Graph holds now (the write is never sent twice blindly).
      const verdict = await readLive()
        .then((live) => spec.handler.reconcile(change, live))
        .catch(() => 'not-applied' as const);
      const made = verdict === 'applied';
      await tools.move(job, row, ['creating'], made ? 'delivered' : 'failed', made ? undefined : plainFailure(error));
    }
  });
}

export const plainFailure = (error: unknown): string =>
  error instanceof GraphFailure ? error.userMessage : 'Something went wrong; IT can find the details in the audit log.';

/** One kind of job: its rows, one worker's turn, and what happens around the end. */
export interface JobKind {
  readonly kind: JobKindName;
  /** The job's rows, from its approved request. */
  rows(request: ChangeRequest): NewJob['workers'];
  started(request: ChangeRequest): string;
  /** One worker's turn; `stopped` says whether the job was asked to stop (checked right before a write). */
  turn(
    job: Job,
    request: ChangeRequest,
    row: JobWorker,
    profile: RequesterProfile,
    stopped: () => Promise<boolean>,
  ): Promise<void>;
  /** After the last worker, before the result: badges whose secrets a restart lost are made afresh. */
  beforeEnd?(job: Job, request: ChangeRequest): Promise<void>;
  /** The result did not reach the requester: what was made that nobody can use is stopped, `why` said of each. */
  undelivered?(job: Job, request: ChangeRequest, rows: readonly JobWorker[], why: string): Promise<void>;
}

export class JobRunner implements JobStarter {
  private readonly running = new Map<string, Promise<void>>();
  private readonly kinds: ReadonlyMap<string, JobKind>;
  private notices: JobNotices | undefined;
  /** Set when the process stops: no next worker is started, and the job resumes at the next start. */
  private stopping = false;

  constructor(
    private readonly jobs: JobStore,
    private readonly changes: Pick<ChangeStore, 'get'>,
    private readonly directory: RequesterDirectory,
    private readonly access: AccessPolicy,
    kinds: readonly JobKind[],
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    /** Which instance runs each job's rows: one at a time, another once it dies. */
    private readonly claims = new LeasedWork(new MemoryLeases()),
  ) {
    this.kinds = new Map(kinds.map((kind) => [kind.kind, kind]));
  }

  /** Set once the bot can reach people. */
  tellThrough(notices: JobNotices): void {
    this.notices = notices;
  }

  /** Badges on sheets nobody opened in time work but are known to nobody: they are stopped, and the card says so. */
  async stopUnopenedSheets(): Promise<number> {
    const now = this.now().getTime();
    const givenUpBefore = new Date(now - SHEET_GIVEN_UP_AFTER_MS).toISOString();
    const issued = async (jobId: string): Promise<number> =>
      (await this.jobs.workers(jobId)).filter((row) => row.state === 'issued').length;
    let stopped = 0;
    for (const job of await this.jobs.sheetsDue(new Date(now - SHEET_STOPPED_AFTER_MS).toISOString())) {
      const kind = this.kinds.get(job.kind);
      const request = await this.changes.get(job.id);
      const before = await issued(job.id);
      if (before > 0 && kind?.undelivered && request)
        await kind.undelivered(job, request, await this.jobs.workers(job.id), SHEET_NOT_OPENED);
      const left = await issued(job.id);
      if (left > 0)
        this.logger.warn({ jobId: job.id, count: left }, 'badges of an unopened sheet could not be stopped');
      if (left === 0 || (job.finishedAt ?? '') < givenUpBefore)
        await this.jobs.sheetStopped(job.id, this.now().toISOString());
      if (before === left) continue;
      stopped += before - left;
      this.logger.info({ jobId: job.id, count: before - left }, 'badges of an unopened sheet stopped');
      const ended = await this.jobs.get(job.id);
      if (ended) await this.notices?.progress(ended, await this.jobs.workers(job.id));
    }
    return stopped;
  }

  async start(request: ChangeRequest): Promise<ApplyResult> {
    const kind = this.kinds.get(request.kind);
    if (!kind) return { status: 'failed', outcome: 'That is not a store-wide job.' };
    const { job } = await this.jobs.create({
      id: request.id,
      kind: kind.kind,
      requestNumber: request.number,
      requester: request.requester,
      approver: request.decidedBy ?? SYSTEM_ACTOR,
      // A roster spans stores: its job names the roster instead.
      storeId: 'storeId' in request ? request.storeId : '',
      storeName: request.target.displayName,
      createdAt: this.now().toISOString(),
      workers: kind.rows(request),
    });
    void this.kick(job.id);
    return { status: 'succeeded', outcome: kind.started(request) };
  }

  /**
   * After a start, and now and then: jobs nobody runs (this process before a restart, or an instance that died)
   * carry on from where they stopped; how many this instance took up.
   */
  async resume(): Promise<number> {
    const unfinished = (await this.jobs.unfinished()).filter((job) => !this.running.has(job.id));
    for (const job of unfinished) void this.kick(job.id);
    return unfinished.length;
  }

  /** Asks a running job to stop before its next write; the requester or an approver may. */
  async cancel(jobId: string, person: Person): Promise<{ ok: true; job: Job } | { ok: false; message: string }> {
    const job = await this.jobs.get(jobId);
    if (!job) return { ok: false, message: 'That job no longer exists.' };
    const profile = await this.directory.profile(person, { fresh: true });
    const mine = job.requester.aadObjectId.toLowerCase() === person.aadObjectId.toLowerCase();
    if (!mine && !this.access.isApprover(profile))
      return { ok: false, message: `Only ${job.requester.name}, who asked for it, or an approver can stop this job.` };
    const stopped = await this.jobs.setStatus(jobId, ['running'], 'cancelling', this.now().toISOString(), person);
    if (!stopped) return { ok: false, message: 'This job has already ended or is stopping.' };
    return { ok: true, job: stopped };
  }

  /** Runs or carries on a job in the background, once per job in this process, and only where no other runs it. */
  kick(jobId: string): Promise<void> {
    if (this.stopping) return Promise.resolve();
    const current = this.running.get(jobId);
    if (current) return current;
    const run = this.claims
      .during(`job:${jobId}`, (lost) => this.run(jobId, lost))
      .catch((error: unknown) =>
        this.logger.error(
          { err: error, jobId },
          'a job stopped on an error; it is taken up again at the next start or takeover round',
        ),
      )
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, run);
    return run;
  }

  /** Resolves when every job this process runs has stopped (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /** Stops starting workers (the process is stopping); the workers in hand finish, the jobs resume at next start. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.idle();
  }

  /** `lost` aborts when this instance no longer holds the job: it stops before the next worker. */
  private async run(jobId: string, lost: AbortSignal): Promise<void> {
    const job = await this.jobs.get(jobId);
    const request = await this.changes.get(jobId);
    const kind = request && this.kinds.get(request.kind);
    if (!job || !request || !kind) return;
    const profile = await this.directory.profile(job.requester, { fresh: true });
    let lastProgress = 0;
    const progress = async (force = false): Promise<void> => {
      if (!force && this.now().getTime() - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = this.now().getTime();
      const [current, rows] = await Promise.all([this.jobs.get(jobId), this.jobs.workers(jobId)]);
      if (current)
        await this.notices
          ?.progress(current, rows)
          .catch((error: unknown) => this.logger.warn({ err: error, jobId }, 'progress card not updated'));
    };
    const stopped = async (): Promise<boolean> =>
      this.stopping || lost.aborted || (await this.jobs.get(jobId))?.status !== 'running';
    await progress(true);
    const queue = (await this.jobs.workers(jobId)).filter((row) => row.state === 'planned' || row.state === 'creating');
    const next = async (): Promise<void> => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        if (await stopped()) return;
        await kind
          .turn(job, request, row, profile, stopped)
          .catch((error: unknown) =>
            this.logger.warn({ err: error, jobId, userId: row!.userId }, 'a worker of a job could not be finished'),
          );
        await progress();
      }
    };
    await Promise.all(Array.from({ length: WORKERS_AT_ONCE }, next));
    // Ended only where someone can be told: a process without the bot leaves the job for one with it.
    if (this.stopping || lost.aborted || !this.notices) return;
    await kind.beforeEnd?.(job, request);
    const at = this.now().toISOString();
    const ended =
      (await this.jobs.setStatus(jobId, ['cancelling'], 'cancelled', at)) ??
      (await this.jobs.setStatus(jobId, ['running'], 'finished', at)) ??
      (await this.jobs.get(jobId));
    if (!ended) return;
    const rows = await this.jobs.workers(jobId);
    const undelivered = await this.notices.ended(ended, rows);
    if (!undelivered) return;
    await kind.undelivered?.(job, request, rows, undelivered.why);
    if (undelivered.canTell) await this.notices.progress(ended, await this.jobs.workers(jobId));
  }
}
