// What runs beside the turns: resuming after a start, the minute's sweeps, and taking over from an instance that died.
// Work one instance should do (expiry, clearing cards, stranded approvals, the number index sweep) is done under a
// lease; an execution or a job left by a dead instance is taken up once its own lease runs out.
import type { AuditAnchors } from './audit/audit-anchors';
import type { AuditLog } from './audit/audit-log';
import type { ChangeExecutor } from './changes/change-executor';
import type { ChangeRequest } from './changes/change-request';
import type { ChangeService } from './changes/change-service';
import type { LeasedWork } from './changes/leased-work';
import type { GraphGateway } from './graph/graph-gateway';
import type { JobRunner } from './jobs/job-runner';
import type { Logger } from './log/logger';
import type { NumberIndex } from './number-index/number-index';
import type { LinkFiles } from './storage/link-files';
import { NumberIndexSweep } from './number-index/number-index-sweep';

const MINUTE_MS = 60_000;
/** An approval not started this long after the decision was stranded by a storage fault. */
const STRANDED_AFTER_MS = 60_000;
const SWEEP_EVERY_MS = 24 * 3_600_000;
/** How often the chain's newest record is anchored, when it moved: what a rewrite could go unseen for at most. */
const ANCHOR_EVERY_MS = 5 * 60_000;

export interface BackgroundParts {
  changes: ChangeService;
  executor: ChangeExecutor;
  jobs: JobRunner;
  numberIndex: NumberIndex;
  gateway: GraphGateway;
  claims: LeasedWork;
  logger: Logger;
  audit: AuditLog;
  /** Where the chain's head is anchored out of its store's reach (Azure Storage); none for one SQLite file. */
  anchors: AuditAnchors | undefined;
  /** The sealed files of one-time links: those past their time are deleted (they no longer open anyway). */
  links: Pick<LinkFiles, 'sweep'>;
}

export class BackgroundWork {
  private readonly stopped = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private tellFinished: ((request: ChangeRequest) => Promise<void>) | undefined;
  private clearHandovers: (() => Promise<number>) | undefined;
  /** The sequence this process anchored last: an unchanged chain is not anchored again. */
  private anchored = 0;

  constructor(private readonly parts: BackgroundParts) {}

  /**
   * Starts it: `onChangeFinished` tells people how a resumed or expired change ended; `clearHandovers` takes
   * secrets' cards out of chats a day after they were shown.
   */
  start(onChangeFinished?: (request: ChangeRequest) => Promise<void>, clearHandovers?: () => Promise<number>): void {
    const { executor, jobs, logger } = this.parts;
    this.tellFinished = onChangeFinished;
    this.clearHandovers = clearHandovers;
    this.track(
      'could not resume jobs after start',
      jobs.resume().then((count) => count > 0 && logger.info({ count }, 'unfinished jobs taken up after start')),
    );
    this.track(
      'could not resume change requests after start',
      executor.resumeAfterRestart(onChangeFinished).then((result) => logger.info(result, 'change requests resumed')),
    );
    this.every(MINUTE_MS, () => this.minute());
    // Often enough that another instance's work waits about one lease for a new holder.
    this.every(this.parts.claims.times.ttlMs / 2, () => this.takeOver());
    this.track('number index sweep stopped; it resumes later', this.sweepNumbers());
    if (this.parts.anchors)
      this.every(ANCHOR_EVERY_MS, async () => {
        await this.parts.claims.during('sweep:anchor', () => this.anchorAudit());
      });
  }

  /** Anchors the chain's newest record if it moved since; true when it wrote an anchor. */
  async anchorAudit(): Promise<boolean> {
    const { audit, anchors } = this.parts;
    if (!anchors) return false;
    const newest = await audit.newest();
    if (!newest || newest.sequence === this.anchored) return false;
    await anchors.anchor({ ...newest, at: new Date().toISOString() });
    this.anchored = newest.sequence;
    return true;
  }

  /** Expires due requests and tells people once; the minute's sweep runs it, and tests call it directly. */
  async sweepExpired(): Promise<void> {
    const { changes, logger } = this.parts;
    const count = await changes.expireDue();
    if (count > 0) logger.info({ count }, 'change requests expired');
    // Without a way to tell people (no bot in this process), the notices are left for a process that has one.
    // Each is claimed before it is told: at most once, so a message Teams refuses is logged, not retried.
    if (!this.tellFinished) return;
    for (const request of await changes.claimExpiryNotices()) {
      await this.tellFinished(request).catch((error: unknown) =>
        logger.warn({ err: error, requestId: request.id }, 'could not tell people that a request expired'),
      );
    }
  }

  /** Stops the timers and waits (up to `graceMs`) for work in hand. */
  async stop(graceMs: number): Promise<void> {
    this.stopped.abort();
    this.timers.forEach((timer) => clearInterval(timer));
    // The last records this instance wrote are anchored on the way out (a deploy, a scale-in).
    if (this.parts.anchors) this.track('could not anchor the audit log on stopping', this.anchorAudit());
    await Promise.race([
      Promise.allSettled([...this.pending]),
      new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
    ]);
  }

  private async minute(): Promise<void> {
    const { executor, claims, logger } = this.parts;
    // How changes ended that storage refused to save (full disk, locked database) are this process's own to save.
    await executor.saveUnsavedResults();
    await claims.during('sweep:minute', async () => {
      await Promise.all([
        this.sweepExpired().catch((error: unknown) => logger.warn({ err: error }, 'expiry sweep failed')),
        // A secret's card leaves the chat a day after it was handed over, marked or not.
        this.clearHandovers?.().then(
          (count) => count > 0 && logger.info({ count }, 'handover cards cleared'),
          (error: unknown) => logger.warn({ err: error }, 'clearing handover cards failed'),
        ),
        // A sheet nobody opened: its badges work but nobody holds them.
        this.parts.jobs.stopUnopenedSheets().then(
          (count) => count > 0 && logger.info({ count }, 'badges of unopened sheets stopped'),
          (error: unknown) => logger.warn({ err: error }, 'stopping the badges of unopened sheets failed'),
        ),
        this.parts.links
          .sweep(Date.now())
          .catch((error: unknown) => logger.warn({ err: error }, 'deleting expired one-time links failed')),
        // Approvals whose run never started because storage failed in between.
        executor.runStranded(STRANDED_AFTER_MS, this.tellFinished).then(
          (count) => count > 0 && logger.info({ count }, 'stranded approvals run'),
          (error: unknown) => logger.warn({ err: error }, 'running stranded approvals failed'),
        ),
      ]);
    });
  }

  /** Executions and jobs whose instance stopped renewing their lease; an unfinished or day-old number index. */
  private async takeOver(): Promise<void> {
    const { executor, jobs, logger } = this.parts;
    const orphans = await executor.reconcileOrphans(this.tellFinished);
    if (orphans.reconciled > 0) logger.info(orphans, 'changes left running by a stopped instance reconciled');
    await jobs.resume();
    await this.sweepNumbers();
  }

  /** The sweep resumes an unfinished one, or refreshes an index older than a day; one instance runs it. */
  private async sweepNumbers(): Promise<void> {
    const { numberIndex, gateway, claims, logger } = this.parts;
    if (claims.runs('sweep:number-index')) return;
    const state = await numberIndex.sweepState();
    if (state?.finishedAt !== undefined && Date.now() - Date.parse(state.finishedAt) < SWEEP_EVERY_MS) return;
    await claims.during('sweep:number-index', async (lost) => {
      const progress = await new NumberIndexSweep(numberIndex, gateway).run(
        AbortSignal.any([this.stopped.signal, lost]),
      );
      logger.info(progress, 'number index sweep');
    });
  }

  private every(ms: number, work: () => Promise<void>): void {
    let busy = false;
    const timer = setInterval(() => {
      // One round at a time: a slow round is not stacked under the next.
      if (busy || this.stopped.signal.aborted) return;
      busy = true;
      this.track(
        'background work failed',
        work().finally(() => (busy = false)),
      );
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private track(failure: string, work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => this.parts.logger.warn({ err: error }, failure));
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }
}
