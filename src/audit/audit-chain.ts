// The chain rules, shared by every audit log adapter: how the next record is made from an entry, and how a
// stored sequence of records is checked, one record at a time so that a large log streams through.
import type { AuditBreak, VerifyResult } from './audit-log';
import { auditHash } from './audit-hash';
import { GENESIS_HASH, type AuditEntry, type AuditRecord } from './audit-record';
import { canonicalJson } from './canonical-json';

/** A record as an adapter keeps it: the canonical JSON plus the columns it is indexed and chained by. */
export interface StoredAuditRecord {
  sequence: number;
  time: string;
  /** Canonical JSON of the whole record, hash included. */
  json: string;
  previousHash: string;
  hash: string;
}

type ChainBreak = Extract<VerifyResult, { ok: false }>['broken'];

/** The record that follows the one whose hash is `previousHash`. */
export function chainRecord(entry: AuditEntry, sequence: number, previousHash: string, time: Date): AuditRecord {
  const unsigned = { ...entry, sequence, time: time.toISOString(), previousHash };
  // Round-trip through canonical JSON so the caller gets exactly what a later read returns (undefined dropped,
  // no shared references to the caller's objects).
  const record = JSON.parse(canonicalJson({ ...unsigned, hash: auditHash(unsigned) })) as AuditRecord;
  return record;
}

/** The stored form of a record made by chainRecord. */
export function storedRecord(record: AuditRecord): StoredAuditRecord {
  return {
    sequence: record.sequence,
    time: record.time,
    json: canonicalJson(record),
    previousHash: record.previousHash,
    hash: record.hash,
  };
}

/** The record in a stored row, or undefined when the row does not hold a JSON object. */
export function parseStored(row: StoredAuditRecord): AuditRecord | undefined {
  try {
    const value: unknown = JSON.parse(row.json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as AuditRecord) : undefined;
  } catch {
    return undefined;
  }
}

function broken(sequence: number, problem: AuditBreak, reason: string): ChainBreak {
  return { sequence, problem, reason };
}

/** Checks records fed in sequence order; the first problem found is the one reported. */
export class ChainVerifier {
  private expected = 1;
  private previousHash = GENESIS_HASH;

  /** Records found sound so far. */
  get records(): number {
    return this.expected - 1;
  }

  check(row: StoredAuditRecord): ChainBreak | undefined {
    if (row.sequence !== this.expected) {
      const after = this.expected === 1 ? 'the log starts at' : `the log goes from record ${this.expected - 1} to`;
      return broken(this.expected, 'sequence-gap', `it is missing (${after} record ${row.sequence})`);
    }
    const record = parseStored(row);
    if (!record) return broken(row.sequence, 'hash-mismatch', 'its stored contents are not a readable record');
    // The indexed columns must say what the hashed JSON says, or a reader filtering by them would be misled.
    const consistent =
      record.sequence === row.sequence &&
      record.time === row.time &&
      record.previousHash === row.previousHash &&
      record.hash === row.hash;
    if (!consistent || auditHash(record) !== row.hash)
      return broken(row.sequence, 'hash-mismatch', 'hash does not match its contents');
    if (row.previousHash !== this.previousHash) {
      const reason =
        row.sequence === 1
          ? 'it does not start the chain from the genesis hash'
          : `its previous hash does not match the hash of record ${row.sequence - 1}`;
      return broken(row.sequence, 'previous-hash-mismatch', reason);
    }
    this.expected = row.sequence + 1;
    this.previousHash = row.hash;
    return undefined;
  }

  /**
   * Called after the last stored record with the highest sequence the store ever handed out: records cut off
   * the end leave no hole in the chain, only this count tells.
   */
  finish(highestIssued: number): ChainBreak | undefined {
    if (highestIssued < this.expected) return undefined;
    const last = this.expected === 1 ? 'the log is empty' : `the log ends at record ${this.expected - 1}`;
    return broken(
      this.expected,
      'sequence-gap',
      `it is missing (${last}, but records up to ${highestIssued} were written)`,
    );
  }
}
