// The hash that chains audit records: SHA-256 (hex) over the canonical JSON of the record without its own hash.
// It covers sequence, time and previousHash too, so a record cannot be moved, re-dated or re-linked unnoticed.
import { createHash } from 'node:crypto';
import type { AuditRecord } from './audit-record';
import { canonicalJson } from './canonical-json';

export function auditHash(record: Omit<AuditRecord, 'hash'> | AuditRecord): string {
  const { hash: _ignored, ...content } = record as AuditRecord;
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
