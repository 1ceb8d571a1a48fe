import type { AuditEntry } from '../audit/audit-record';

/**
 * The part of the audit log the change pipeline needs: refusals are recorded as events. (Requests, decisions and
 * cancellations are recorded by the change store, together with the change itself.)
 */
export interface AuditAppender {
  append(entry: AuditEntry): Promise<unknown>;
}
