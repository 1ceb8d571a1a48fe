// Requests and decisions: a change is saved pending, decided exactly once by an approver who is not the
// requester, and every decision and refusal is audited. Card payloads are never trusted: callers pass the
// request id and the acting person only; everything else is reloaded here.
import { SYSTEM_ACTOR, type Person } from '../audit/audit-context';
import type { AccessPolicy } from '../access/access-policy';
import type { RequesterDirectory } from '../access/requester-directory';
import type { RequesterProfile } from '../access/requester-profile';
import type { SignInSnapshot } from '../methods/method-types';
import type { AuditAppender } from './audit-appender';
import { specOf, type ChangeDetails } from '../methods/registry';
import { FINAL_STATUSES, TransitionRefused, type ChangeRequest, type ChangeTarget } from './change-request';
import type { ChangeGuard } from './change-safety';
import type { ChangeListFilter, ChangeStore } from './change-store';
import { UTC_TIME_WORDS, type TimeWords } from '../time/text-time';
import type { RequestFacts } from './request-facts';
import { alreadyAsked, openDuplicate } from './open-duplicate';

interface ChangeServiceSettings {
  approvalTtlMs: number;
  /** A lost phone is urgent: its request expires sooner (never later than approvalTtlMs). */
  lostPhoneTtlMs?: number;
}

/** A request that must not be filed (a duplicate, a lost or held number); the reason is in plain words. */
export class RequestRefused extends Error {
  override name = 'RequestRefused';
}

export type NewRequestInput = ChangeDetails & {
  requester: Person;
  target: ChangeTarget;
  reason: string;
  urgent?: boolean;
  tenantWide: boolean;
  facts?: RequestFacts;
};

export type Decision = 'approve' | 'reject';

/** How long after its deadline an expired request is still told (the bot may have been stopped meanwhile). */
const EXPIRY_NOTICE_WINDOW_MS = 24 * 3_600_000;

export type DecisionResult =
  { ok: true; request: ChangeRequest } | { ok: false; reason: string; request?: ChangeRequest };

/** Why a request that is no longer pending cannot be decided, in plain words; times in the reader's zone. */
export function alreadyDecided(request: ChangeRequest, timeWords: TimeWords = UTC_TIME_WORDS): string {
  const by = request.decidedBy ? ` by ${request.decidedBy.name}` : '';
  const at = request.decidedAt ? ` on ${timeWords(request.decidedAt)}` : '';
  switch (request.status) {
    case 'approved':
    case 'executing':
    case 'succeeded':
    case 'failed':
    case 'partially-succeeded':
      return `Request ${request.number} was already approved${by}${at}.`;
    case 'rejected':
      return `Request ${request.number} was already rejected${by}${at}.`;
    case 'expired':
      return `Request ${request.number} expired without a decision; ask for it again if it is still needed.`;
    case 'cancelled':
      return `Request ${request.number} was cancelled by ${request.requester.name}.`;
    case 'pending':
      return `Request ${request.number} is still waiting for a decision.`;
  }
}

export class ChangeService {
  constructor(
    private readonly store: ChangeStore,
    private readonly audit: AuditAppender,
    private readonly directory: RequesterDirectory,
    private readonly access: AccessPolicy,
    private readonly settings: ChangeServiceSettings,
    private readonly now: () => Date = () => new Date(),
    private readonly guard?: ChangeGuard,
  ) {}

  /** Why this request must not be filed, or undefined; `request` asks it itself. */
  async check(input: NewRequestInput, snapshot?: SignInSnapshot): Promise<string | undefined> {
    // A change this worker must never get (weak sign-in for an admin or a guest), whoever asks and however.
    const never = snapshot && specOf(input).refusalFor?.(snapshot);
    if (never) return never;
    const open = await openDuplicate(this.store, input);
    if (open) return alreadyAsked(open);
    return input.tenantWide ? undefined : this.guard?.refusal(input, snapshot);
  }

  /**
   * Why this worker must never have a change of this kind (an admin, a guest), audited as a refused request: a
   * conversation asks it as soon as it knows the worker, before it asks for a reason.
   */
  async refusalForWorker(
    input: Pick<NewRequestInput, 'kind' | 'requester' | 'target'>,
    snapshot: SignInSnapshot,
  ): Promise<string | undefined> {
    const never = specOf(input).refusalFor?.(snapshot);
    if (never) await this.auditRefusal(input, never);
    return never;
  }

  private async auditRefusal(input: Pick<NewRequestInput, 'requester' | 'target'>, refusal: string): Promise<void> {
    const actor = await this.directory.namedForRecord(input.requester);
    await this.audit.append({
      phase: 'event',
      operation: 'change.refused',
      actor,
      targetUserId: input.target.userId,
      detail: refusal,
    });
  }

  /** Saves a new pending request; throws RequestRefused (audited) when `check` refuses it. */
  async request(input: NewRequestInput, snapshot?: SignInSnapshot): Promise<ChangeRequest> {
    const refusal = await this.check(input, snapshot);
    if (refusal) {
      await this.auditRefusal(input, refusal);
      throw new RequestRefused(refusal);
    }
    // The request names its requester as the directory does (read with the same batch as the worker, so cached).
    const requester = await this.directory.named(input.requester);
    const created = this.now();
    // Urgent, so never longer than any other request.
    const { approvalTtlMs, lostPhoneTtlMs = approvalTtlMs } = this.settings;
    const ttlMs = specOf(input).urgent ? Math.min(lostPhoneTtlMs, approvalTtlMs) : approvalTtlMs;
    const { urgent, facts, ...asked } = input;
    return this.store.create(
      {
        ...asked,
        requester,
        urgent: urgent ?? false,
        ...(facts && { facts }),
        createdAt: created.toISOString(),
        expiresAt: new Date(created.getTime() + ttlMs).toISOString(),
      },
      (request) => ({
        phase: 'event',
        operation: 'change.requested',
        actor: requester,
        requester,
        requestId: request.id,
        targetUserId: input.target.userId,
        detail: `${input.kind} requested: ${input.reason}`,
      }),
    );
  }

  private async refuse(
    actor: Person,
    request: ChangeRequest | undefined,
    requestId: string,
    reason: string,
  ): Promise<DecisionResult> {
    await this.audit.append({
      phase: 'event',
      operation: 'change.decision.refused',
      actor,
      ...(request && { requester: request.requester, targetUserId: request.target.userId }),
      requestId,
      detail: `refused: ${reason}`,
    });
    return { ok: false, reason, ...(request && { request }) };
  }

  /** Marks a pending request past its expiry as expired; returns it as it now stands. */
  private async expireIfDue(request: ChangeRequest): Promise<ChangeRequest> {
    if (request.status !== 'pending' || Date.parse(request.expiresAt) > this.now().getTime()) return request;
    try {
      return await this.store.transition(request.id, 'pending', {
        to: 'expired',
        actor: SYSTEM_ACTOR,
        at: this.now(),
        note: 'no decision before the approval deadline',
        outcome: 'It expired: no approver decided it in time, so nothing was changed. Ask again if it is still needed.',
      });
    } catch (error) {
      if (error instanceof TransitionRefused) return (await this.store.get(request.id)) ?? request;
      throw error;
    }
  }

  /**
   * Approves or rejects. Exactly one decision wins under concurrency (double clicks, two approvers, two
   * processes); every other caller is told what happened instead, with times in `timeWords` (the reader's zone).
   */
  async decide(
    requestId: string,
    actor: Person | undefined,
    decision: Decision,
    note?: string,
    timeWords?: TimeWords,
  ): Promise<DecisionResult> {
    const nobody: Person = { aadObjectId: 'unknown', name: 'unknown' };
    if (!actor || !actor.aadObjectId)
      return this.refuse(
        nobody,
        undefined,
        requestId,
        'phonedesk could not tell who you are, so it cannot accept a decision from you.',
      );
    // One fresh read names the clicker and says whether they may decide; refusals that need no role are still
    // given (and recorded by the name last read) when Graph cannot be read just now.
    let fresh: RequesterProfile | undefined;
    let unread: unknown;
    try {
      fresh = await this.directory.profile(actor, { fresh: true });
    } catch (error) {
      unread = error;
    }
    actor = fresh?.person ?? this.directory.knownName(actor);
    const stored = await this.store.get(requestId);
    if (!stored) return this.refuse(actor, undefined, requestId, 'That request does not exist (any more).');
    const request = await this.expireIfDue(stored);
    if (request.status !== 'pending') return this.refuse(actor, request, requestId, alreadyDecided(request, timeWords));
    if (actor.aadObjectId === request.requester.aadObjectId) {
      return this.refuse(
        actor,
        request,
        requestId,
        'You asked for this change, so someone else has to approve or reject it.',
      );
    }
    if (!fresh) throw unread;
    const profile = fresh;
    if (request.tenantWide ? !this.access.isTenantAdmin(profile) : !this.access.isApprover(profile)) {
      return this.refuse(
        actor,
        request,
        requestId,
        request.tenantWide
          ? 'This change affects the whole organisation, so only a tenant admin can decide it.'
          : 'Only phonedesk approvers can decide change requests.',
      );
    }
    try {
      const decided = await this.store.transition(request.id, 'pending', {
        to: decision === 'approve' ? 'approved' : 'rejected',
        actor,
        at: this.now(),
        ...(note && { note }),
        decision: { by: actor, ...(note && { note }) },
        ...(decision === 'reject' && { outcome: `Rejected by ${actor.name}${note ? `: ${note}` : '.'}` }),
        event: {
          phase: 'event',
          operation: decision === 'approve' ? 'change.approved' : 'change.rejected',
          actor,
          requester: request.requester,
          requestId: request.id,
          targetUserId: request.target.userId,
          ...(note && { detail: note }),
        },
      });
      return { ok: true, request: decided };
    } catch (error) {
      if (!(error instanceof TransitionRefused)) throw error;
      const current = (await this.store.get(request.id)) ?? request;
      return this.refuse(actor, current, requestId, alreadyDecided(current, timeWords));
    }
  }

  /** The requester withdraws a request that is still pending. */
  async cancel(requestId: string, asked: Person, timeWords?: TimeWords): Promise<DecisionResult> {
    // A request past its deadline expired, whoever clicks Cancel on its card before the sweep gets to it.
    const stored = await this.store.get(requestId);
    const request = stored && (await this.expireIfDue(stored));
    if (!request)
      return this.refuse(
        await this.directory.namedForRecord(asked),
        undefined,
        requestId,
        'That request does not exist (any more).',
      );
    if (request.requester.aadObjectId !== asked.aadObjectId)
      return this.refuse(
        await this.directory.namedForRecord(asked),
        request,
        requestId,
        'Only the person who asked for a change can cancel it.',
      );
    // The canceller is the requester, named as the directory named them when they asked.
    const actor = request.requester;
    try {
      const cancelled = await this.store.transition(requestId, 'pending', {
        to: 'cancelled',
        actor,
        at: this.now(),
        outcome: `Cancelled by ${actor.name}.`,
        event: {
          phase: 'event',
          operation: 'change.cancelled',
          actor,
          requester: request.requester,
          requestId,
          targetUserId: request.target.userId,
        },
      });
      return { ok: true, request: cancelled };
    } catch (error) {
      if (!(error instanceof TransitionRefused)) throw error;
      const current = (await this.store.get(requestId)) ?? request;
      return this.refuse(actor, current, requestId, alreadyDecided(current, timeWords));
    }
  }

  /** Expires every pending request past its deadline; returns how many. */
  async expireDue(): Promise<number> {
    let expired = 0;
    for (const request of await this.store.list({ statuses: ['pending'], limit: 1000 })) {
      if ((await this.expireIfDue(request)).status === 'expired') expired++;
    }
    return expired;
  }

  /**
   * Expired, undecided requests nobody has told people about yet, each claimed for the caller. Whoever wins the
   * pending → expired transition (this sweep, a click, a card refresh through `get`) only changes the status;
   * telling is left to the sweep, which claims each notice in the store first: so a request is told exactly once
   * however it expired and however many sweeps or processes race. Requests made before the window (older than the
   * approval time plus a day) are left alone: a long-stopped bot does not tell stale news.
   */
  async claimExpiryNotices(): Promise<ChangeRequest[]> {
    const now = this.now();
    const since = new Date(now.getTime() - this.settings.approvalTtlMs - EXPIRY_NOTICE_WINDOW_MS).toISOString();
    const claimed: ChangeRequest[] = [];
    for (const request of await this.store.list({ statuses: ['expired'], createdSince: since, limit: 1000 })) {
      if (request.expiryToldAt || request.decidedBy) continue;
      if (await this.store.claimExpiryNotice(request.id, now))
        claimed.push({ ...request, expiryToldAt: now.toISOString() });
    }
    return claimed;
  }

  /** Reads go through here, not the store: a pending request past its deadline reads as expired. */
  async get(requestId: string): Promise<ChangeRequest | undefined> {
    const request = await this.store.get(requestId);
    return request && this.expireIfDue(request);
  }

  /** As `get`, by the number people see and type ("cancel 42"). */
  async getByNumber(number: number): Promise<ChangeRequest | undefined> {
    const request = await this.store.getByNumber(number);
    return request && this.expireIfDue(request);
  }

  /** As the store lists them (newest first), each as it stands: the `statuses` filter applies before expiry. */
  async list(filter: ChangeListFilter): Promise<ChangeRequest[]> {
    const current: ChangeRequest[] = [];
    for (const request of await this.store.list(filter)) current.push(await this.expireIfDue(request));
    return current;
  }

  isFinal(request: ChangeRequest): boolean {
    return FINAL_STATUSES.has(request.status);
  }
}
