// Port: where change requests and their transitions live.
import type { Person } from '../audit/audit-context';
import type { AuditEntry } from '../audit/audit-record';
import type { ChangeDetails, ChangeKind } from '../methods/registry';
import type { ChangeRequest, ChangeStatus, ChangeTransition, RequestRecord } from './change-request';

/** A request as filed, before the store numbers it. */
export type NewChangeRequest = Omit<
  RequestRecord,
  | 'schemaVersion'
  | 'id'
  | 'number'
  | 'status'
  | 'version'
  | 'decidedBy'
  | 'decidedAt'
  | 'decisionNote'
  | 'outcome'
  | 'expiryToldAt'
> &
  ChangeDetails;

export interface TransitionChange {
  to: ChangeStatus;
  actor: Person;
  at: Date;
  note?: string;
  /** Set on approve/reject. */
  decision?: { by: Person; note?: string };
  outcome?: string;
  /** Written to the audit log with the transition: both are saved, or neither (a full disk, a locked database). */
  event?: AuditEntry;
}

/** The request after a transition: the new status and version, the decision and the outcome when given. */
export function transitioned(current: ChangeRequest, change: TransitionChange): ChangeRequest {
  const at = change.at.toISOString();
  return {
    ...current,
    status: change.to,
    version: current.version + 1,
    ...(change.decision && {
      decidedBy: change.decision.by,
      decidedAt: at,
      ...(change.decision.note && { decisionNote: change.decision.note }),
    }),
    ...(change.outcome !== undefined && { outcome: change.outcome }),
  };
}

export interface ChangeListFilter {
  statuses?: ChangeStatus[];
  kinds?: ChangeKind[];
  requesterId?: string;
  /** The worker a change is for (or "tenant"). */
  targetUserId?: string;
  /** The number a change names, in E.164 ("+447700900123"), whatever form it was stored in. */
  phoneNumberE164?: string;
  /** Only requests made at or after this ISO time. */
  createdSince?: string;
  limit?: number;
}

export interface ChangeStore {
  /** Saves a new pending request; `event` (made from the saved request) is written to the audit log with it, or neither. */
  create(request: NewChangeRequest, event?: (created: ChangeRequest) => AuditEntry): Promise<ChangeRequest>;
  get(id: string): Promise<ChangeRequest | undefined>;
  getByNumber(number: number): Promise<ChangeRequest | undefined>;
  /**
   * Moves the request from `from` to `change.to` only if it is still in `from`: exactly one of several
   * concurrent callers (threads or processes) succeeds. Throws TransitionRefused otherwise.
   */
  transition(id: string, from: ChangeStatus, change: TransitionChange): Promise<ChangeRequest>;
  /** Newest first. */
  list(filter: ChangeListFilter): Promise<ChangeRequest[]>;
  /**
   * Marks an expired, undecided request as told (expiryToldAt = at) only if nobody has: true for exactly one of
   * several concurrent callers (threads or processes), which is then the one to tell people.
   */
  claimExpiryNotice(id: string, at: Date): Promise<boolean>;
  transitions(id: string): Promise<ChangeTransition[]>;
}
