// Executes approved changes exactly once: claim (approved → executing) so only one process proceeds, re-check
// the worker against live Graph state, make the Graph calls under an audit context, record the outcome.
// On start, requests left executing by a crash are reconciled from Graph instead of being sent again.
import type { Logger } from 'pino';
import type { AccessPolicy } from '../access/access-policy';
import type { RequesterDirectory } from '../access/requester-directory';
import { SYSTEM_ACTOR, withAuditContext } from '../audit/audit-context';
import { GraphFailure } from '../graph/graph-errors';
import type { GraphGateway } from '../graph/graph-gateway';
import type { NumberIndex } from '../number-index/number-index';
import type { ChangeGuard } from './change-safety';
import type { ApplyResult, LiveState, Reconciled } from '../methods/method-contract';
import { specOf, type MethodsGateway } from '../methods/registry';
import { TransitionRefused, type ChangeRequest, type ChangeStatus } from './change-request';
import type { ChangeStore } from './change-store';
import { signInSnapshot } from '../methods/read-snapshot';
import type { JobStarter } from './job-starter';
import { handOver, type HandoverCourier } from './secret-handover';
import { LeasedWork } from './leased-work';
import { MemoryLeases } from './leases';
import { afterRestart, plainError, reconcilingContext } from './run-outcomes';

type ExecutorGateway = MethodsGateway & Pick<GraphGateway, 'readWorker' | 'listPhoneMethods'>;

/** The lease of one request's execution: its holder makes its Graph calls and saves how it ended. */
const executionLease = (requestId: string): string => `execution:${requestId}`;

export class ChangeExecutor {
  constructor(
    private readonly store: ChangeStore,
    private readonly gateway: ExecutorGateway,
    private readonly directory: RequesterDirectory,
    private readonly access: AccessPolicy,
    private readonly index: NumberIndex,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    private readonly guard?: ChangeGuard,
    /** Who runs each execution; several instances share it through their leases. */
    private readonly claims = new LeasedWork(new MemoryLeases()),
  ) {}

  /** Where secrets go (the requester's 1:1 chat); without one, a secret a change makes is stopped at once. */
  private courier: HandoverCourier | undefined;

  /** Set once the bot can reach people: secrets made before then are stopped, never left unknown. */
  handOverThrough(courier: HandoverCourier): void {
    this.courier = courier;
  }

  /** Where job kinds go (src/jobs/): without one, a job kind fails plainly rather than running half. */
  private jobs: JobStarter | undefined;

  runJobsThrough(starter: JobStarter): void {
    this.jobs = starter;
  }

  private startJob(request: ChangeRequest): Promise<ApplyResult> {
    return this.jobs?.start(request) ?? Promise.resolve({ status: 'failed', outcome: 'No store-wide jobs run here.' });
  }

  /** Hands a result's secret to the requester, or stops it; the result returned holds none. */
  private handOver(request: ChangeRequest, result: ApplyResult, live: LiveState): Promise<ApplyResult> {
    const stores = live.snapshot?.administrativeUnits.map((unit) => unit.displayName).filter(Boolean);
    const about = stores && stores.length > 0 ? { store: stores.join(', ') } : {};
    return handOver(request, result, specOf(request).secrets, this.gateway, this.courier, this.logger, about);
  }

  /** A change that made a secret nobody received (a lost answer, a restart): new secrets, handed over or stopped. */
  private async reissue(request: ChangeRequest, live: LiveState): Promise<ApplyResult | undefined> {
    const secrets = specOf(request).secrets;
    if (!secrets) return undefined;
    return this.handOver(request, await secrets.reissue(request, this.gateway, live), live);
  }

  /** Results of runs that storage refused to save (full disk, locked database), by request id; see finishOrKeep. */
  private readonly unsaved = new Map<string, { request: ChangeRequest; result: ApplyResult; endedAt: Date }>();

  private async live(request: ChangeRequest, startedAt: Date): Promise<LiveState> {
    const { reads } = specOf(request);
    if (reads !== 'worker') return { policy: await reads.policy(this.gateway), executionStartedAt: startedAt };
    return { snapshot: await signInSnapshot(this.gateway, request.target.userId), executionStartedAt: startedAt };
  }

  private async finish(
    request: ChangeRequest,
    to: ChangeStatus,
    outcome: string,
    note?: string,
    handedOver?: string,
  ): Promise<ChangeRequest> {
    return this.store.transition(request.id, 'executing', {
      to,
      actor: SYSTEM_ACTOR,
      at: this.now(),
      outcome,
      ...(note && { note }),
      // A secret handed over is audited with the request's end: what, to whom, never the secret itself.
      ...(handedOver && {
        event: {
          phase: 'event' as const,
          actor: SYSTEM_ACTOR,
          requester: request.requester,
          requestId: request.id,
          operation: 'secret.handedOver',
          targetUserId: request.target.userId,
          detail: handedOver,
        },
      }),
    });
  }

  /** Why this change must not go ahead now, re-checked against live state (scope, admin, guest, lost or held number). */
  private async refusal(request: ChangeRequest, live: LiveState): Promise<string | undefined> {
    if (!live.snapshot) return undefined;
    const profile = await this.directory.profile(request.requester, { fresh: true });
    const scope = {
      userId: live.snapshot.user.id,
      administrativeUnitIds: live.snapshot.administrativeUnits.map((unit) => unit.id),
      managerId: live.snapshot.user.managerId,
    };
    if (!this.access.canActOn(profile, scope))
      return `${request.target.displayName} is no longer someone ${request.requester.name} can make changes for, so nothing was changed.`;
    return specOf(request).refusalFor?.(live.snapshot) ?? (await this.guard?.refusal(request, live.snapshot));
  }

  /** Runs an approved request; a request someone else is running (or ran) is returned as it stands. */
  async execute(requestId: string): Promise<ChangeRequest> {
    return (await this.run(requestId)).request;
  }

  /** As execute, and whether this call is the one that ran it (and so the one to tell people how it ended). */
  async run(requestId: string): Promise<{ request: ChangeRequest; ran: boolean }> {
    await this.saveUnsavedResults();
    const approved = await this.store.get(requestId);
    if (!approved || approved.status !== 'approved') {
      if (!approved) throw new TransitionRefused(requestId, undefined, 'executing');
      return { request: approved, ran: false };
    }
    const asItStands = async (): Promise<{ request: ChangeRequest; ran: boolean }> => ({
      request: (await this.store.get(requestId))!,
      ran: false,
    });
    if (Date.parse(approved.expiresAt) <= this.now().getTime()) {
      // Approved in time but never run before the deadline (bot down): do not act on a stale approval.
      try {
        const outcome = 'Approved, but not carried out before the deadline; ask again if it is still needed.';
        return {
          request: await this.store.transition(requestId, 'approved', {
            to: 'expired',
            actor: SYSTEM_ACTOR,
            at: this.now(),
            outcome,
          }),
          ran: true,
        };
      } catch (error) {
        if (error instanceof TransitionRefused) return asItStands();
        throw error;
      }
    }
    // The lease first, then the claim: a request executing always has a live holder, until that holder dies.
    const ran = await this.claims.during(executionLease(requestId), async () => {
      try {
        const claimed = await this.store.transition(requestId, 'approved', {
          to: 'executing',
          actor: SYSTEM_ACTOR,
          at: this.now(),
        });
        return { request: await this.apply(claimed), ran: true };
      } catch (error) {
        if (error instanceof TransitionRefused) return undefined;
        throw error;
      }
    });
    return ran ?? asItStands();
  }

  /** Makes the Graph calls of a request this instance has claimed, and saves how it ended. */
  private async apply(request: ChangeRequest): Promise<ChangeRequest> {
    const startedAt = this.now();
    const context = {
      actor: request.decidedBy ?? SYSTEM_ACTOR,
      requester: request.requester,
      requestId: request.id,
      targetUserId: request.target.userId,
    };
    return withAuditContext(context, async () => {
      let result: ApplyResult;
      let writing = false;
      try {
        const live = await this.live(request, startedAt);
        const refusal = await this.refusal(request, live);
        const spec = specOf(request);
        const plan = refusal ? { action: 'refuse' as const, outcome: refusal } : spec.handler.plan(request, live);
        if (plan.action === 'refuse') result = { status: 'failed', outcome: plan.outcome };
        else if (plan.action === 'already-done') result = { status: 'succeeded', outcome: plan.outcome };
        else {
          writing = !spec.job;
          result = spec.job
            ? await this.startJob(request)
            : await this.handOver(request, await spec.handler.apply(request, this.gateway, live), live);
        }
        if (spec.changesPhoneMethods && plan.action === 'apply') await this.refreshIndex(request.target.userId);
      } catch (error) {
        this.logger.warn({ err: error, requestId: request.id, kind: request.kind }, 'change failed');
        result = writing
          ? await this.afterFailedWrite(request, error, startedAt)
          : { status: 'failed', outcome: plainError(error) };
      }
      return this.finishOrKeep(request, result);
    });
  }

  /**
   * Saves how a run ended. If storage refuses (full disk, locked database), what happened in Microsoft 365 still
   * happened: the result is kept and saved later (saveUnsavedResults), and returned as it is so that people are
   * told now. If phonedesk stops before then, the request is reconciled from Microsoft 365 at the next start.
   */
  private async finishOrKeep(request: ChangeRequest, result: ApplyResult): Promise<ChangeRequest> {
    try {
      return await this.finish(request, result.status, result.outcome, undefined, result.handedOver);
    } catch (error) {
      if (error instanceof TransitionRefused) throw error;
      this.unsaved.set(request.id, { request, result, endedAt: this.now() });
      this.logger.error(
        { err: error, requestId: request.id, status: result.status },
        'how a change ended could not be saved; it is kept and saved later',
      );
      return { ...request, status: result.status, outcome: result.outcome };
    }
  }

  /** Saves the results storage refused before, oldest first; returns how many still wait. */
  async saveUnsavedResults(): Promise<number> {
    for (const [id, { request, result, endedAt }] of this.unsaved) {
      try {
        await this.finish(
          request,
          result.status,
          result.outcome,
          `saved late: storage refused it when the change ended at ${endedAt.toISOString()}`,
          result.handedOver,
        );
      } catch (error) {
        if (!(error instanceof TransitionRefused)) {
          this.logger.warn({ err: error, requestId: id }, 'how a change ended still cannot be saved');
          break;
        }
        // No longer executing: something else (a restart of another instance) reconciled it meanwhile.
      }
      this.unsaved.delete(id);
    }
    return this.unsaved.size;
  }

  /**
   * A write failed without Graph saying it was not made (GraphFailure.mayHaveApplied): look at Graph again, as after a
   * crash, before telling anyone "nothing was changed" about a change that may have been made.
   */
  private async afterFailedWrite(request: ChangeRequest, error: unknown, startedAt: Date): Promise<ApplyResult> {
    const failed: ApplyResult = { status: 'failed', outcome: plainError(error) };
    // A plain refusal (4xx, or only 429s) means Graph did not make it; no answer or a 5xx, on any attempt, may not.
    if (!(error instanceof GraphFailure) || !error.mayHaveApplied) return failed;
    const spec = specOf(request);
    let verdict: Reconciled;
    let live: LiveState;
    try {
      live = await this.live(request, startedAt);
      verdict = spec.handler.reconcile(request, live);
    } catch (readError) {
      this.logger.warn({ err: readError, requestId: request.id }, 'could not check whether a failed change was made');
      const ask = spec.reads === 'worker' ? `"status of ${request.target.displayName}"` : `"${spec.reads.askToSee}"`;
      return {
        status: 'failed',
        outcome: `Microsoft 365 did not answer properly, so phonedesk cannot tell whether the change was made. Ask ${ask} before asking for it again.`,
      };
    }
    if (verdict === 'not-applied') return failed;
    if (spec.changesPhoneMethods) await this.refreshIndex(request.target.userId);
    // Made, but its secret never came back: new ones on the same approval, never a second create.
    const reissued = await this.reissue(request, live).catch((reissueError: unknown) => {
      this.logger.warn(
        { err: reissueError, requestId: request.id },
        'could not reissue a secret whose answer was lost',
      );
      return {
        status: 'failed' as const,
        outcome: `It was made, but Microsoft 365's answer got lost and making it afresh failed: ${plainError(reissueError)} Ask "status of ${request.target.displayName}" before asking again.`,
      };
    });
    if (reissued) return reissued;
    if (verdict === 'applied')
      return {
        status: 'succeeded',
        outcome: "The change was made: Microsoft 365's answer got lost, so phonedesk checked.",
      };
    return {
      status: 'partially-succeeded',
      outcome: `The change was only partly made (Microsoft 365's answer got lost, so phonedesk checked); ask "why can't ${request.target.displayName} sign in?" for what is left.`,
    };
  }

  private async refreshIndex(userId: string): Promise<void> {
    try {
      await this.index.record(userId, await this.gateway.listPhoneMethods(userId), this.now());
    } catch (error) {
      // The index is a cache of Graph; a miss here is repaired by the next read or sweep.
      this.logger.warn({ err: error, userId }, 'number index not updated after a change');
    }
  }

  /**
   * Requests left executing by a process that stopped (this one before a restart, or another instance that died):
   * decided from live Graph state, never sent again. One whose execution lease is held runs on, elsewhere or here.
   */
  async reconcileOrphans(
    onFinished: (request: ChangeRequest) => Promise<void> = async () => undefined,
  ): Promise<{ reconciled: number; stillUnknown: number }> {
    let reconciled = 0;
    let stillUnknown = 0;
    for (const request of await this.store.list({ statuses: ['executing'], limit: 1000 })) {
      if (this.unsaved.has(request.id)) continue;
      try {
        const done = await this.claims.during(executionLease(request.id), () =>
          withAuditContext(reconcilingContext(request), async () => {
            const transitions = await this.store.transitions(request.id);
            const started = transitions.filter((transition) => transition.to === 'executing').pop();
            const spec = specOf(request);
            if (spec.job) {
              // Its job is durable: started now if the crash came first, else found and left to its runner.
              const job = await this.startJob(request);
              await onFinished(await this.finish(request, job.status, job.outcome, 'job found after a restart'));
              return true;
            }
            const live = await this.live(request, new Date(started?.at ?? request.createdAt));
            const verdict = spec.handler.reconcile(request, live);
            const note = 'reconciled after a restart from the state in Microsoft 365';
            // A secret made before the restart reached nobody: made afresh and handed over now, or stopped.
            const reissued = verdict === 'not-applied' ? undefined : await this.reissue(request, live);
            const ended = reissued ?? afterRestart(verdict, request.target.displayName);
            const final = await this.finish(request, ended.status, ended.outcome, note, ended.handedOver);
            if (spec.changesPhoneMethods) await this.refreshIndex(request.target.userId);
            await onFinished(final);
            return true;
          }),
        );
        if (done) reconciled++;
      } catch (error) {
        if (error instanceof TransitionRefused) continue;
        stillUnknown++;
        this.logger.warn(
          { err: error, requestId: request.id },
          'could not reconcile a change left running; will try again',
        );
      }
    }
    return { reconciled, stillUnknown };
  }

  /** After a restart: orphans reconciled, and approved requests that never started executed. */
  async resumeAfterRestart(
    onFinished: (request: ChangeRequest) => Promise<void> = async () => undefined,
  ): Promise<{ reconciled: number; executed: number; stillUnknown: number }> {
    const { reconciled, stillUnknown } = await this.reconcileOrphans(onFinished);
    let executed = 0;
    for (const request of await this.store.list({ statuses: ['approved'], limit: 1000 })) {
      const { request: ended, ran } = await this.run(request.id);
      if (!ran) continue;
      await onFinished(ended);
      executed++;
    }
    return { reconciled, executed, stillUnknown };
  }

  /**
   * Runs approvals nobody started: the run begins right after the decision is saved, so an approval still waiting
   * a while later was stranded (storage failed in between). The claim makes a second run impossible.
   */
  async runStranded(
    waitingMs: number,
    onFinished: (request: ChangeRequest) => Promise<void> = async () => undefined,
  ): Promise<number> {
    const cutoff = this.now().getTime() - waitingMs;
    let started = 0;
    for (const request of await this.store.list({ statuses: ['approved'], limit: 1000 })) {
      if (Date.parse(request.decidedAt ?? request.createdAt) > cutoff) continue;
      const { request: ended, ran } = await this.run(request.id);
      if (!ran) continue;
      await onFinished(ended);
      started++;
    }
    return started;
  }
}
