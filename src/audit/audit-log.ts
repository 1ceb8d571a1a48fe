// Port: the append-only, hash-chained audit log. Adapters: SQLite (src/storage/sqlite/sqlite-audit-log.ts).
import type { AuditEntry, AuditRecord } from './audit-record';

export interface AuditReadOptions {
  /** Only records written at or after this time. */
  since?: Date;
  /** Only records with this sequence or a later one. */
  fromSequence?: number;
  /** At most this many records. */
  limit?: number;
}

/** Why a record breaks the chain. */
export type AuditBreak =
  /** The record's stored contents no longer produce its hash: it was edited. */
  | 'hash-mismatch'
  /** The record does not point at the hash of the record before it: one of them was replaced. */
  | 'previous-hash-mismatch'
  /** A record is missing: deleted, or the log was cut short. */
  | 'sequence-gap';

export type VerifyResult =
  | { ok: true; records: number }
  | {
      ok: false;
      /** Records checked and found sound before the first broken one. */
      records: number;
      broken: {
        sequence: number;
        problem: AuditBreak;
        /** One plain clause, e.g. "hash does not match its contents". */
        reason: string;
      };
    };

export interface AuditLog {
  /** Appends the entry as the next record; resolves once the record is durable on disk. */
  append(entry: AuditEntry): Promise<AuditRecord>;
  /** Records in sequence order, streamed page by page so a large log is never held in memory. */
  read(options?: AuditReadOptions): AsyncIterable<AuditRecord>;
  /** Walks the whole chain and names the first broken record. */
  verify(): Promise<VerifyResult>;
  /** The newest record's sequence and hash (what an anchor holds); undefined for an empty log. */
  newest(): Promise<{ sequence: number; hash: string } | undefined>;
}
