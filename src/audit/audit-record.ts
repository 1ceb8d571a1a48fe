// One entry of the append-only, hash-chained audit log.
import type { Person } from './audit-context';

/**
 * intent: a Graph write is about to be sent; read: a Graph read is about to be sent (it may reveal phone numbers);
 * outcome: what Graph answered; event: a decision or refusal inside phonedesk (approve, reject, refused action).
 */
export type AuditPhase = 'intent' | 'read' | 'outcome' | 'event';

export interface AuditEntry {
  phase: AuditPhase;
  actor: Person;
  requester?: Person;
  requestId?: string;
  /** e.g. "phoneMethods.create", "change.approve", "card.refused". */
  operation: string;
  targetUserId?: string;
  graph?: {
    method: string;
    path: string;
    clientRequestId: string;
    attempt: number;
    /** Inner requests of a $batch. */
    batch?: Array<{ id: string; method: string; url: string }>;
  };
  outcome?: {
    status: number;
    graphCode?: string;
    graphRequestId?: string;
    failure?: string;
    durationMs?: number;
  };
  /** Plain words for events ("approved", "refused: approver is the requester"). */
  detail?: string;
}

export interface AuditRecord extends AuditEntry {
  sequence: number;
  time: string;
  previousHash: string;
  /** SHA-256 (hex) over the canonical JSON of the record without this field. */
  hash: string;
}

/** The hash before the first record. */
export const GENESIS_HASH = '0'.repeat(64);
