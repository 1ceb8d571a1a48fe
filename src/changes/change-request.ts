// A change request and its lifecycle: pending → approved → executing → succeeded | failed | partially-succeeded;
// pending → rejected | expired | cancelled. Every transition is stored with its actor and time.
import type { Person } from '../audit/audit-context';
import type { ChangeTarget } from '../methods/method-contract';
import type { ChangeDetails } from '../methods/registry';
import type { ChangeStatus } from './change-status';
import type { RequestFacts } from './request-facts';

export type { ChangeTarget } from '../methods/method-contract';

/**
 * The shape of a stored request body. 1: release 0.1.0 (no version field; the same flat payload fields). 2: the
 * payload typed per kind (ChangeDetails) and this field. Readers upgrade older bodies (request-schema.ts).
 */
export const REQUEST_SCHEMA_VERSION = 2;

export { FINAL_STATUSES, canTransition, type ChangeStatus } from './change-status';

/** What every request has, whatever its kind. */
export interface RequestRecord {
  schemaVersion: typeof REQUEST_SCHEMA_VERSION;
  id: string;
  /** Short number people can type in text channels: "approve 42". */
  number: number;
  status: ChangeStatus;
  requester: Person;
  target: ChangeTarget;
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

/** A request: the common record and the typed payload of its kind. */
export type ChangeRequest = RequestRecord & ChangeDetails;

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
  constructor(
    readonly requestId: string,
    readonly current: ChangeStatus | undefined,
    readonly wanted: ChangeStatus,
  ) {
    super(
      current === undefined
        ? `change request ${requestId} does not exist`
        : `change request ${requestId} is ${current}; it cannot become ${wanted}`,
    );
  }
}
