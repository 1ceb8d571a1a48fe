// A change request and its lifecycle: pending → approved → executing → succeeded | failed | partially-succeeded;
// pending → rejected | expired | cancelled. Every transition is stored with its actor and time.
import type { Person } from '../audit/audit-context';
import type { ChangeKind } from './change-kind';
import type { RequestFacts } from './request-facts';

export type ChangeStatus =
  | 'pending'
  | 'approved'
  | 'rejected'
  | 'expired'
  | 'cancelled'
  | 'executing'
  | 'succeeded'
  | 'failed'
  | 'partially-succeeded';

export const FINAL_STATUSES: ReadonlySet<ChangeStatus> = new Set(['rejected', 'expired', 'cancelled', 'succeeded', 'failed', 'partially-succeeded']);

const ALLOWED: Readonly<Record<ChangeStatus, readonly ChangeStatus[]>> = {
  pending: ['approved', 'rejected', 'expired', 'cancelled'],
  approved: ['executing', 'expired'],
  executing: ['succeeded', 'failed', 'partially-succeeded'],
  rejected: [],
  expired: [],
  cancelled: [],
  succeeded: [],
  failed: [],
  'partially-succeeded': [],
};

export function canTransition(from: ChangeStatus, to: ChangeStatus): boolean {
  return ALLOWED[from].includes(to);
}

export interface ChangeTarget {
  /** Entra object id of the worker, or "tenant" for tenant-wide changes. */
  userId: string;
  displayName: string;
}

export interface ChangeRequest {
  id: string;
  /** Short number people can type in text channels: "approve 42". */
  number: number;
  kind: ChangeKind;
  status: ChangeStatus;
  requester: Person;
  target: ChangeTarget;
  /** Graph form "+44 7700900123" for number changes. */
  phoneNumber?: string;
  /** For set-use-for-sign-in. */
  policyTargetId?: string;
  useForSignIn?: boolean;
  reason: string;
  urgent: boolean;
  tenantWide: boolean;
  /** What the approver needs to decide, as it stood when the request was made (absent on older requests). */
  facts?: RequestFacts;
  createdAt: string;
  expiresAt: string;
  decidedBy?: Person;
  decidedAt?: string;
  decisionNote?: string;
  /** Plain-words result once final. */
  outcome?: string;
  /** When the requester and the cards were told that it expired undecided: set once, by whoever claimed it. */
  expiryToldAt?: string;
  /** Increases with every transition; conditional updates compare it. */
  version: number;
}

export interface ChangeTransition {
  requestId: string;
  from: ChangeStatus | null;
  to: ChangeStatus;
  actor: Person;
  at: string;
  note?: string;
}

/** A transition that was not allowed or lost a race; nothing was changed. */
export class TransitionRefused extends Error {
  override name = 'TransitionRefused';
  constructor(readonly requestId: string, readonly current: ChangeStatus | undefined, readonly wanted: ChangeStatus) {
    super(current === undefined ? `change request ${requestId} does not exist` : `change request ${requestId} is ${current}; it cannot become ${wanted}`);
  }
}
