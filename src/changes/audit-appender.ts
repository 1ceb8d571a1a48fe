import type { AuditEntry } from '../audit/audit-record';

/** The part of the audit log the change pipeline needs: decisions and refusals are recorded as events. */
export interface AuditAppender {
  append(entry: AuditEntry): Promise<unknown>;
}
