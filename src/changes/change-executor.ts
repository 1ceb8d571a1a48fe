// Executes approved changes exactly once: claim (approved → executing) so only one process proceeds, re-check
// the worker against live Graph state, make the Graph calls under an audit context, record the outcome.
// On start, requests left executing by a crash are reconciled from Graph instead of being sent again.
import type { Logger } from 'pino';
import { guardChange, type AccessPolicy } from '../access/access-policy';
import type { RequesterDirectory } from '../access/requester-directory';
import { withAuditContext, type Person } from '../audit/audit-context';
import type { GraphGateway } from '../graph/graph-gateway';
import type { NumberIndex } from '../storage/number-index';
import { CHANGE_HANDLERS, type ApplyResult, type Gateway as HandlerGateway, type LiveState } from './change-handlers';
import { TransitionRefused, type ChangeRequest, type ChangeStatus } from './change-request';
import type { ChangeStore } from './change-store';

export const EXECUTOR: Person = { aadObjectId: 'phonedesk', name: 'phonedesk' };

type ExecutorGateway = HandlerGateway & Pick<GraphGateway, 'signInSnapshot' | 'smsPolicy'>;

function plainError(error: unknown): string {
  if (error && typeof error === 'object' && 'userMessage' in error) return String((error as { userMessage: unknown }).userMessage);
  return 'Something went wrong while making the change. IT can find the details in the audit log.';
}

export class ChangeExecutor {
  constructor(
    private readonly store: ChangeStore,
    private readonly gateway: ExecutorGateway,
    private readonly directory: RequesterDirectory,
    private readonly access: AccessPolicy,
    private readonly index: NumberIndex,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async live(request: ChangeRequest, startedAt: Date): Promise<LiveState> {
    const handler = CHANGE_HANDLERS[request.kind];
    if (handler.scope === 'tenant') return { policy: await this.gateway.smsPolicy({ fresh: true }), executionStartedAt: startedAt };
    return { snapshot: await this.gateway.signInSnapshot(request.target.userId), executionStartedAt: startedAt };
  }

  private async finish(request: ChangeRequest, to: ChangeStatus, outcome: string, note?: string): Promise<ChangeRequest> {
    return this.store.transition(request.id, 'executing', { to, actor: EXECUTOR, at: this.now(), outcome, ...(note && { note }) });
  }

  /** Why this change must not go ahead now, re-checked against live state (scope, admin, guest). */
  private async refusal(request: ChangeRequest, live: LiveState): Promise<string | undefined> {
    if (!live.snapshot) return undefined;
    const profile = await this.directory.profile(request.requester, { fresh: true });
    const scope = { userId: live.snapshot.user.id, administrativeUnitIds: live.snapshot.administrativeUnits.map((unit) => unit.id), managerId: live.snapshot.user.managerId };
    if (!this.access.canActOn(profile, scope)) return `${request.target.displayName} is no longer someone ${request.requester.name} can make changes for, so nothing was changed.`;
    return guardChange(request.kind, live.snapshot);
  }

  /** Runs an approved request; a request someone else is running (or ran) is returned as it stands. */
  async execute(requestId: string): Promise<ChangeRequest> {
    const approved = await this.store.get(requestId);
    if (!approved || approved.status !== 'approved') {
      if (!approved) throw new TransitionRefused(requestId, undefined, 'executing');
      return approved;
    }
    if (Date.parse(approved.expiresAt) <= this.now().getTime()) {
      // Approved in time but never run before the deadline (bot down): do not act on a stale approval.
      try {
        return await this.store.transition(requestId, 'approved', { to: 'expired', actor: EXECUTOR, at: this.now(), outcome: 'Approved, but not carried out before the deadline; ask again if it is still needed.' });
      } catch (error) {
        if (error instanceof TransitionRefused) return (await this.store.get(requestId))!;
        throw error;
      }
    }
    let request: ChangeRequest;
    try {
      request = await this.store.transition(requestId, 'approved', { to: 'executing', actor: EXECUTOR, at: this.now() });
    } catch (error) {
      if (error instanceof TransitionRefused) return (await this.store.get(requestId))!;
      throw error;
    }
    const startedAt = this.now();
    const context = { actor: request.decidedBy ?? EXECUTOR, requester: request.requester, requestId: request.id, targetUserId: request.target.userId };
    return withAuditContext(context, async () => {
      let result: ApplyResult;
      try {
        const live = await this.live(request, startedAt);
        const refusal = await this.refusal(request, live);
        const handler = CHANGE_HANDLERS[request.kind];
        const plan = refusal ? { action: 'refuse' as const, outcome: refusal } : handler.plan(request, live);
        if (plan.action === 'refuse') result = { status: 'failed', outcome: plan.outcome };
        else if (plan.action === 'already-done') result = { status: 'succeeded', outcome: plan.outcome };
        else result = await handler.apply(request, this.gateway, live);
        if (handler.scope === 'user' && plan.action === 'apply') await this.refreshIndex(request.target.userId);
      } catch (error) {
        this.logger.warn({ err: error, requestId: request.id, kind: request.kind }, 'change failed');
        result = { status: 'failed', outcome: plainError(error) };
      }
      return this.finish(request, result.status, result.outcome);
    });
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
   * After a restart: requests left executing are decided from live Graph state (never sent again), and
   * approved requests that never started are executed.
   */
  async resumeAfterRestart(onFinished: (request: ChangeRequest) => Promise<void> = async () => undefined): Promise<{ reconciled: number; executed: number; stillUnknown: number }> {
    let reconciled = 0;
    let stillUnknown = 0;
    for (const request of await this.store.list({ statuses: ['executing'], limit: 1000 })) {
      try {
        await withAuditContext({ actor: EXECUTOR, requester: request.requester, requestId: request.id, targetUserId: request.target.userId }, async () => {
          const transitions = await this.store.transitions(request.id);
          const started = transitions.filter((transition) => transition.to === 'executing').pop();
          const live = await this.live(request, new Date(started?.at ?? request.createdAt));
          const verdict = CHANGE_HANDLERS[request.kind].reconcile(request, live);
          const note = 'reconciled after a restart from the state in Microsoft 365';
          let final: ChangeRequest;
          if (verdict === 'applied') final = await this.finish(request, 'succeeded', `The change was made (confirmed after phonedesk restarted).`, note);
          else if (verdict === 'partly-applied') final = await this.finish(request, 'partially-succeeded', `The change was only partly made (found after phonedesk restarted); ask "why can't ${request.target.displayName} sign in?" for what is left.`, note);
          else final = await this.finish(request, 'failed', 'phonedesk stopped before the change was made, and it was not made. Ask for it again if it is still needed.', note);
          if (CHANGE_HANDLERS[request.kind].scope === 'user') await this.refreshIndex(request.target.userId);
          await onFinished(final);
        });
        reconciled++;
      } catch (error) {
        if (error instanceof TransitionRefused) continue;
        stillUnknown++;
        this.logger.warn({ err: error, requestId: request.id }, 'could not reconcile a change left running; will try again');
      }
    }
    let executed = 0;
    for (const request of await this.store.list({ statuses: ['approved'], limit: 1000 })) {
      await onFinished(await this.execute(request.id));
      executed++;
    }
    return { reconciled, executed, stillUnknown };
  }
}
