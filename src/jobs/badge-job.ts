// Runs a store's move to badges: a durable row per worker (planned → creating → issued → delivered, or failed /
// skipped), a few workers at a time at the job's write pace, one write after another per worker. Each worker is
// checked against their live state first, as a single change would be. A create is never sent twice: a row left
// "creating" by a crash is reconciled from Graph and its badge made afresh (new code, PIN reset). Secrets are
// kept sealed until the sheet; after a restart they cannot be opened, so those badges are made afresh too.
import type { Logger } from 'pino';
import type { AccessPolicy } from '../access/access-policy';
import type { RequesterDirectory } from '../access/requester-directory';
import type { RequesterProfile } from '../access/requester-profile';
import { SYSTEM_ACTOR, withAuditContext, type Person } from '../audit/audit-context';
import type { ChangeRequest } from '../changes/change-request';
import type { ChangeStore } from '../changes/change-store';
import type { JobStarter } from '../changes/job-starter';
import { GraphFailure } from '../graph/graph-errors';
import type { GraphGateway } from '../graph/graph-gateway';
import type { ApplyResult, LiveState, TargetedChange } from '../methods/method-contract';
import type { Handover } from '../methods/handover';
import { isActive } from '../methods/qr-code-pin/qr-findings';
import type { IssueBadge, MoveStoreToBadges, NewStarter } from '../methods/qr-code-pin/qr-types';
import { signInSnapshot } from '../methods/read-snapshot';
import { specOf, type MethodsGateway } from '../methods/registry';
import type { Secret } from '../secret/secret';
import type { SecretSeal } from '../secret/secret-seal';
import type { AuditAppender } from '../changes/audit-appender';
import type { Job, JobStore, JobWorker, JobWorkerState } from '../storage/job-store';
import type { JobPace } from './job-pace';

export type JobGateway = MethodsGateway & Pick<GraphGateway, 'readWorker'>;

/** One badge of the sheet, its secrets still wrapped: only the PDF reveals them. */
export interface SheetBadge {
  row: JobWorker;
  rawContent: Secret;
  pin: Secret;
  pass?: Secret;
}

/** How many workers are worked on at once; each one's own writes go one after another. */
export const WORKERS_AT_ONCE = 16;
/** The progress card is updated at most this often. */
const PROGRESS_EVERY_MS = 1500;

/** What the job tells people (the bot's side): its progress card, and at the end the sheet for the requester. */
export interface JobNotices {
  progress(job: Job, workers: readonly JobWorker[]): Promise<void>;
  /** The job ended: the result on its card and the sheet offered to the requester; false if they cannot be reached. */
  ended(job: Job, workers: readonly JobWorker[]): Promise<boolean>;
}

type BadgeChange = TargetedChange<IssueBadge | NewStarter>;
type MoveRequest = ChangeRequest & MoveStoreToBadges;

const plain = (error: unknown): string =>
  error instanceof GraphFailure ? error.userMessage : 'Something went wrong; IT can find the details in the audit log.';

export class BadgeJobRunner implements JobStarter {
  private readonly running = new Map<string, Promise<void>>();
  private notices: JobNotices | undefined;
  /** Set when the process stops: no next worker is started, and the job resumes at the next start. */
  private stopping = false;

  constructor(
    private readonly jobs: JobStore,
    private readonly changes: Pick<ChangeStore, 'get'>,
    private readonly gateway: JobGateway,
    private readonly directory: RequesterDirectory,
    private readonly access: AccessPolicy,
    private readonly seal: SecretSeal,
    private readonly pace: JobPace,
    private readonly audit: AuditAppender,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Set once the bot can reach people. */
  tellThrough(notices: JobNotices): void {
    this.notices = notices;
  }

  async start(request: ChangeRequest): Promise<ApplyResult> {
    if (request.kind !== 'move-store-to-badges') return { status: 'failed', outcome: 'That is not a store-wide job.' };
    const { job } = await this.jobs.create({
      id: request.id,
      requestNumber: request.number,
      requester: request.requester,
      approver: request.decidedBy ?? SYSTEM_ACTOR,
      storeId: request.storeId,
      storeName: request.target.displayName,
      createdAt: this.now().toISOString(),
      workers: request.planned,
    });
    this.kick(job.id);
    return {
      status: 'succeeded',
      outcome: `Approved: badges for ${request.planned.length} workers of ${request.target.displayName} are being made now. Progress is on its own card in ${request.requester.name}'s chat.`,
    };
  }

  /** After a start: jobs that were running carry on from where they stopped. */
  async resume(): Promise<number> {
    const unfinished = await this.jobs.unfinished();
    for (const job of unfinished) this.kick(job.id);
    return unfinished.length;
  }

  /** Asks a running job to stop before its next worker; the requester or an approver may. */
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

  /** Runs or carries on a job in the background, once per job in this process. */
  kick(jobId: string): Promise<void> {
    if (this.stopping) return Promise.resolve();
    const current = this.running.get(jobId);
    if (current) return current;
    const run = this.run(jobId)
      .catch((error: unknown) =>
        this.logger.error({ err: error, jobId }, 'a job stopped on an error; it resumes at the next start'),
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

  private async run(jobId: string): Promise<void> {
    const job = await this.jobs.get(jobId);
    const request = (await this.changes.get(jobId)) as MoveRequest | undefined;
    if (!job || !request || request.kind !== 'move-store-to-badges') return;
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
    await progress(true);
    const queue = (await this.jobs.workers(jobId)).filter((row) => row.state === 'planned' || row.state === 'creating');
    const next = async (): Promise<void> => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        if (this.stopping || (await this.jobs.get(jobId))?.status !== 'running') return;
        await this.worker(job, request, row, profile).catch((error: unknown) =>
          this.logger.warn({ err: error, jobId, userId: row!.userId }, 'a worker of a job could not be finished'),
        );
        await progress();
      }
    };
    await Promise.all(Array.from({ length: WORKERS_AT_ONCE }, next));
    // Ended only where someone can be told: a process without the bot leaves the job for one with it.
    if (this.stopping || !this.notices) return;
    await this.reissueUnopened(job, request);
    const at = this.now().toISOString();
    const ended =
      (await this.jobs.setStatus(jobId, ['cancelling'], 'cancelled', at)) ??
      (await this.jobs.setStatus(jobId, ['running'], 'finished', at)) ??
      (await this.jobs.get(jobId));
    if (!ended) return;
    const rows = await this.jobs.workers(jobId);
    const reached = await this.notices.ended(ended, rows);
    if (!reached) await this.withdrawAll(job, request, rows);
  }

  private changeFor(request: MoveRequest, row: JobWorker): BadgeChange {
    const target = { userId: row.userId, displayName: row.displayName };
    return row.withPass
      ? { kind: 'new-starter', lifetimeDays: request.lifetimeDays, passMinutes: request.passMinutes, target }
      : { kind: 'issue-badge', lifetimeDays: request.lifetimeDays, target };
  }

  private within<T>(job: Job, request: ChangeRequest, userId: string, work: () => Promise<T>): Promise<T> {
    const context = { actor: job.approver, requester: job.requester, requestId: request.id, targetUserId: userId };
    return withAuditContext(context, work);
  }

  private move(
    job: Job,
    row: JobWorker,
    from: JobWorkerState[],
    state: JobWorkerState,
    detail?: string,
  ): Promise<boolean> {
    return this.jobs.moveWorker(
      job.id,
      row.userId,
      from,
      { state, ...(detail && { detail }) },
      this.now().toISOString(),
    );
  }

  /** Why the worker must not get a badge now, from their live state. */
  private refusal(row: JobWorker, live: LiveState, profile: RequesterProfile, change: BadgeChange): string | undefined {
    const snapshot = live.snapshot!;
    const scope = {
      userId: snapshot.user.id,
      administrativeUnitIds: snapshot.administrativeUnits.map((unit) => unit.id),
      managerId: snapshot.user.managerId,
    };
    if (!this.access.canActOn(profile, scope))
      return `${row.displayName} is no longer in a store the requester looks after.`;
    const never = specOf(change).refusalFor?.(snapshot);
    if (never) return never;
    if (isActive(snapshot.qrCodePin?.standardQRCode, this.now()))
      return `${row.displayName} got a working badge since the plan was made, so they were left as they are.`;
    const plan = specOf(change).handler.plan(change, live);
    return plan.action === 'apply' ? undefined : plan.outcome;
  }

  private async worker(job: Job, request: MoveRequest, row: JobWorker, profile: RequesterProfile): Promise<void> {
    const change = this.changeFor(request, row);
    const spec = specOf(change);
    await this.within(job, request, row.userId, async () => {
      const resumed = row.state === 'creating';
      if (!resumed && !(await this.move(job, row, ['planned'], 'creating'))) return;
      const startedAt = resumed ? new Date(row.updatedAt) : this.now();
      const readLive = async (): Promise<LiveState> => ({
        snapshot: await signInSnapshot(this.gateway, row.userId),
        executionStartedAt: startedAt,
      });
      let live: LiveState;
      try {
        live = await readLive();
      } catch (error) {
        await this.move(
          job,
          row,
          ['creating'],
          'failed',
          `Could not be read: ${plain(error)} Ask again for this worker alone.`,
        );
        return;
      }
      // A crash mid-create: Graph says whether it was made; if so it is made afresh, never created again.
      if (resumed && spec.handler.reconcile(change, live) !== 'not-applied') {
        await this.issued(job, row, await spec.secrets!.reissue(change, this.gateway, live));
        return;
      }
      const refused = this.refusal(row, live, profile, change);
      if (refused) {
        await this.move(job, row, ['creating'], 'skipped', refused);
        return;
      }
      await this.pace.take(row.withPass ? 2 : 1);
      // Stopped while this worker waited its turn: nothing was written for them, so they are left as planned.
      if (this.stopping || (await this.jobs.get(job.id))?.status !== 'running') {
        await this.move(job, row, ['creating'], 'planned');
        return;
      }
      try {
        await this.issued(job, row, await spec.handler.apply(change, this.gateway, live), change);
      } catch (error) {
        if (!(error instanceof GraphFailure) || !error.mayHaveApplied) {
          await this.move(job, row, ['creating'], 'failed', plain(error));
          return;
        }
        const again = await readLive();
        if (spec.handler.reconcile(change, again) === 'not-applied')
          await this.move(job, row, ['creating'], 'failed', plain(error));
        else await this.issued(job, row, await spec.secrets!.reissue(change, this.gateway, again));
      }
    });
  }

  /** A badge made: its secrets sealed on the row; anything less is a failure, with a half-made pass stopped. */
  private async issued(job: Job, row: JobWorker, result: ApplyResult, change?: BadgeChange): Promise<void> {
    const handover: Handover | undefined = result.handover;
    if (result.status !== 'succeeded' || !handover?.code || !handover.pin) {
      if (handover && change)
        await specOf(change)
          .secrets!.withdraw(change, this.gateway, handover)
          .catch(() => undefined);
      await this.move(job, row, ['creating', 'issued'], 'failed', result.outcome);
      return;
    }
    const sealed = this.seal.seal(
      { rawContent: handover.code.rawContent, pin: handover.pin, ...(handover.pass && { pass: handover.pass.pass }) },
      `${job.id}|${row.userId}`,
    );
    await this.jobs.moveWorker(
      job.id,
      row.userId,
      ['creating', 'issued'],
      {
        state: 'issued',
        codeId: handover.code.codeId,
        expireDateTime: handover.code.expireDateTime,
        ...(handover.pass && { passId: handover.pass.id }),
        sealed,
      },
      this.now().toISOString(),
    );
  }

  /** Issued rows whose secrets this process cannot open (sealed before a restart): made afresh before the sheet. */
  private async reissueUnopened(job: Job, request: MoveRequest): Promise<void> {
    for (const row of await this.jobs.workers(job.id)) {
      if (row.state !== 'issued' || (row.sealed && this.seal.open(row.sealed, `${job.id}|${row.userId}`))) continue;
      const change = this.changeFor(request, row);
      await this.within(job, request, row.userId, async () => {
        try {
          const live: LiveState = {
            snapshot: await signInSnapshot(this.gateway, row.userId),
            executionStartedAt: this.now(),
          };
          await this.pace.take(row.withPass ? 3 : 2);
          await this.issued(job, row, await specOf(change).secrets!.reissue(change, this.gateway, live));
        } catch (error) {
          await this.move(
            job,
            row,
            ['issued'],
            'failed',
            `Its badge was lost in a restart and could not be made again: ${plain(error)}`,
          );
        }
      });
    }
  }

  /** Nobody can receive the sheet: every badge made stops working, so no secret stays usable but unknown. */
  private async withdrawAll(job: Job, request: MoveRequest, rows: readonly JobWorker[]): Promise<void> {
    for (const row of rows.filter((candidate) => candidate.state === 'issued')) {
      await this.within(job, request, row.userId, async () => {
        await this.gateway.deleteQrCode(row.userId, 'standardQRCode').catch(() => undefined);
        if (row.passId) await this.gateway.deleteTemporaryAccessPass(row.userId, row.passId).catch(() => undefined);
      });
      await this.jobs.moveWorker(
        job.id,
        row.userId,
        ['issued'],
        {
          state: 'failed',
          detail: `${job.requester.name} could not be reached, so the badge was stopped.`,
          sealed: null,
        },
        this.now().toISOString(),
      );
    }
  }

  /** The sheet's secrets, opened for its one download; the rows are then marked handed over and the seals dropped. */
  async takeSheet(jobId: string): Promise<SheetBadge[] | undefined> {
    const job = await this.jobs.get(jobId);
    if (!job || job.sheetAt) return undefined;
    const sheet: SheetBadge[] = [];
    for (const row of await this.jobs.workers(jobId)) {
      if (row.state !== 'issued' || !row.sealed) continue;
      const opened = this.seal.open(row.sealed, `${jobId}|${row.userId}`);
      if (opened?.rawContent && opened.pin)
        sheet.push({ row, rawContent: opened.rawContent, pin: opened.pin, ...(opened.pass && { pass: opened.pass }) });
    }
    await this.jobs.sheetHandedOver(jobId, this.now().toISOString());
    await this.audit.append({
      phase: 'event',
      operation: 'secret.handedOver',
      actor: SYSTEM_ACTOR,
      requester: job.requester,
      requestId: job.id,
      detail: `badge sheet of ${sheet.length} badges to ${job.requester.name}: codes ${sheet.map((badge) => badge.row.codeId ?? '?').join(', ')}`,
    });
    return sheet;
  }
}
