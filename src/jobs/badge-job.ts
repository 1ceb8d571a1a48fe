// A store's move to badges, as a job kind: each worker's badge through the issue-badge or new-starter kind's own spec
// (refusals, plan, apply, reconcile, reissue), checked against their live state first. A create is never sent
// twice: a row left "creating" by a crash is reconciled from Graph and its badge made afresh (new code, PIN reset).
// Secrets are kept sealed until the sheet; after a restart they cannot be opened, so those badges are made afresh.
import type { RequesterProfile } from '../access/requester-profile';
import { SYSTEM_ACTOR } from '../audit/audit-context';
import type { AuditAppender } from '../changes/audit-appender';
import type { ChangeRequest } from '../changes/change-request';
import { GraphFailure } from '../graph/graph-errors';
import type { Handover } from '../methods/handover';
import type { ApplyResult, LiveState, TargetedChange } from '../methods/method-contract';
import { isActive } from '../methods/qr-code-pin/qr-findings';
import type { IssueBadge, MoveStoreToBadges, NewStarter } from '../methods/qr-code-pin/qr-types';
import { signInSnapshot } from '../methods/read-snapshot';
import { specOf } from '../methods/registry';
import type { Secret } from '../secret/secret';
import type { SecretSeal } from '../secret/secret-seal';
import type { Job, JobWorker } from '../storage/job-store';
import { plainFailure as plain, type JobKind, type JobTools } from './job-runner';

/** One badge of the sheet, its secrets still wrapped: only the PDF reveals them. */
export interface SheetBadge {
  row: JobWorker;
  rawContent: Secret;
  pin: Secret;
  pass?: Secret;
}

type BadgeChange = TargetedChange<IssueBadge | NewStarter>;
type MoveRequest = ChangeRequest & MoveStoreToBadges;

export class BadgeJob implements JobKind {
  readonly kind = 'move-store-to-badges';

  constructor(
    private readonly tools: JobTools,
    private readonly seal: SecretSeal,
    private readonly audit: AuditAppender,
  ) {}

  rows(request: ChangeRequest) {
    return (request as MoveRequest).planned;
  }

  started(request: ChangeRequest): string {
    const move = request as MoveRequest;
    return `Approved: badges for ${move.planned.length} workers of ${request.target.displayName} are being made now. Progress is on its own card in ${request.requester.name}'s chat.`;
  }

  private changeFor(request: ChangeRequest, row: JobWorker): BadgeChange {
    const move = request as MoveRequest;
    const target = { userId: row.userId, displayName: row.displayName };
    return row.withPass
      ? { kind: 'new-starter', lifetimeDays: move.lifetimeDays, passMinutes: move.passMinutes, target }
      : { kind: 'issue-badge', lifetimeDays: move.lifetimeDays, target };
  }

  /** Why the worker must not get a badge now, from their live state. */
  private refusal(row: JobWorker, live: LiveState, profile: RequesterProfile, change: BadgeChange): string | undefined {
    const snapshot = live.snapshot!;
    if (this.tools.outOfScope(profile, snapshot))
      return `${row.displayName} is no longer in a store the requester looks after.`;
    const never = specOf(change).refusalFor?.(snapshot);
    if (never) return never;
    if (isActive(snapshot.qrCodePin?.standardQRCode, this.tools.now()))
      return `${row.displayName} got a working badge since the plan was made, so they were left as they are.`;
    const plan = specOf(change).handler.plan(change, live);
    return plan.action === 'apply' ? undefined : plan.outcome;
  }

  async turn(
    job: Job,
    request: ChangeRequest,
    row: JobWorker,
    profile: RequesterProfile,
    stopped: () => Promise<boolean>,
  ): Promise<void> {
    const change = this.changeFor(request, row);
    const spec = specOf(change);
    await this.tools.within(job, row.userId, async () => {
      const resumed = row.state === 'creating';
      if (!resumed && !(await this.tools.move(job, row, ['planned'], 'creating'))) return;
      const startedAt = resumed ? new Date(row.updatedAt) : this.tools.now();
      const readLive = async (): Promise<LiveState> => ({
        snapshot: await signInSnapshot(this.tools.gateway, row.userId),
        executionStartedAt: startedAt,
      });
      let live: LiveState;
      try {
        live = await readLive();
      } catch (error) {
        await this.tools.move(
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
        await this.issued(job, row, await spec.secrets!.reissue(change, this.tools.gateway, live));
        return;
      }
      const refused = this.refusal(row, live, profile, change);
      if (refused) {
        await this.tools.move(job, row, ['creating'], 'skipped', refused);
        return;
      }
      await this.tools.pace.take(row.withPass ? 2 : 1);
      // Stopped while this worker waited its turn: nothing was written for them, so they are left as planned.
      if (await stopped()) {
        await this.tools.move(job, row, ['creating'], 'planned');
        return;
      }
      try {
        await this.issued(job, row, await spec.handler.apply(change, this.tools.gateway, live), change);
      } catch (error) {
        if (!(error instanceof GraphFailure) || !error.mayHaveApplied) {
          await this.tools.move(job, row, ['creating'], 'failed', plain(error));
          return;
        }
        const again = await readLive();
        if (spec.handler.reconcile(change, again) === 'not-applied')
          await this.tools.move(job, row, ['creating'], 'failed', plain(error));
        else await this.issued(job, row, await spec.secrets!.reissue(change, this.tools.gateway, again));
      }
    });
  }

  /** A badge made: its secrets sealed on the row; anything less is a failure, with a half-made pass stopped. */
  private async issued(job: Job, row: JobWorker, result: ApplyResult, change?: BadgeChange): Promise<void> {
    const handover: Handover | undefined = result.handover;
    if (result.status !== 'succeeded' || !handover?.code || !handover.pin) {
      if (handover && change)
        await specOf(change)
          .secrets!.withdraw(change, this.tools.gateway, handover)
          .catch(() => undefined);
      await this.tools.move(job, row, ['creating', 'issued'], 'failed', result.outcome);
      return;
    }
    const sealed = this.seal.seal(
      { rawContent: handover.code.rawContent, pin: handover.pin, ...(handover.pass && { pass: handover.pass.pass }) },
      `${job.id}|${row.userId}`,
    );
    await this.tools.jobs.moveWorker(
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
      this.tools.now().toISOString(),
    );
  }

  /** Issued rows whose secrets this process cannot open (sealed before a restart): made afresh before the sheet. */
  async beforeEnd(job: Job, request: ChangeRequest): Promise<void> {
    for (const row of await this.tools.jobs.workers(job.id)) {
      if (row.state !== 'issued' || (row.sealed && this.seal.open(row.sealed, `${job.id}|${row.userId}`))) continue;
      const change = this.changeFor(request, row);
      await this.tools.within(job, row.userId, async () => {
        try {
          const live: LiveState = {
            snapshot: await signInSnapshot(this.tools.gateway, row.userId),
            executionStartedAt: this.tools.now(),
          };
          await this.tools.pace.take(row.withPass ? 3 : 2);
          await this.issued(job, row, await specOf(change).secrets!.reissue(change, this.tools.gateway, live));
        } catch (error) {
          await this.tools.move(
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

  /**
   * Nobody can receive the sheet: every badge made stops working, so no secret stays usable but unknown. A badge
   * Graph would not stop stays issued, its secret dropped, for the unopened-sheet sweep to stop later.
   */
  async undelivered(job: Job, _request: ChangeRequest, rows: readonly JobWorker[], why: string): Promise<void> {
    for (const row of rows.filter((candidate) => candidate.state === 'issued')) {
      const stopped = await this.tools.within(job, row.userId, async () => {
        try {
          await this.tools.gateway.deleteQrCode(row.userId, 'standardQRCode');
          if (row.passId) await this.tools.gateway.deleteTemporaryAccessPass(row.userId, row.passId);
          return true;
        } catch {
          return false;
        }
      });
      await this.tools.jobs.moveWorker(
        job.id,
        row.userId,
        ['issued'],
        stopped ? { state: 'failed', detail: why, sealed: null } : { state: 'issued', sealed: null },
        this.tools.now().toISOString(),
      );
    }
  }

  /** The sheet's secrets, opened to make the sheet when the job ends; the rows keep their seals until it is taken. */
  async openSheet(jobId: string): Promise<SheetBadge[] | undefined> {
    const job = await this.tools.jobs.get(jobId);
    if (!job || job.sheetAt) return undefined;
    const sheet: SheetBadge[] = [];
    for (const row of await this.tools.jobs.workers(jobId)) {
      if (row.state !== 'issued' || !row.sealed) continue;
      const opened = this.seal.open(row.sealed, `${jobId}|${row.userId}`);
      if (opened?.rawContent && opened.pin)
        sheet.push({ row, rawContent: opened.rawContent, pin: opened.pin, ...(opened.pass && { pass: opened.pass }) });
    }
    return sheet;
  }

  /** The sheet was downloaded (on any instance): its rows are handed over and their seals dropped, once. */
  async sheetTaken(jobId: string): Promise<void> {
    const job = await this.tools.jobs.get(jobId);
    if (!job || job.sheetAt) return;
    const issued = (await this.tools.jobs.workers(jobId)).filter((row) => row.state === 'issued');
    await this.tools.jobs.sheetHandedOver(jobId, this.tools.now().toISOString());
    await this.audit.append({
      phase: 'event',
      operation: 'secret.handedOver',
      actor: SYSTEM_ACTOR,
      requester: job.requester,
      requestId: job.id,
      detail: `badge sheet of ${issued.length} badges to ${job.requester.name}: codes ${issued.map((row) => row.codeId ?? '?').join(', ')}`,
    });
  }
}
