// Anchors of the audit chain: now and then the newest record's sequence and hash are written where the chain's own
// store cannot rewrite them (an append blob; on a real account, a container with time-based immutability). Whoever
// can rewrite the whole chain consistently, hashes and all, still cannot make it match the anchors.
import type { AuditLog } from './audit-log';

export interface AuditAnchor {
  sequence: number;
  hash: string;
  /** When it was anchored (ISO). */
  at: string;
}

/** Port: anchors kept apart from the log, append-only. */
export interface AuditAnchors {
  anchor(point: AuditAnchor): Promise<void>;
  /** Oldest first. */
  list(): Promise<AuditAnchor[]>;
}

export type AnchorCheck =
  { ok: true; anchors: number } | { ok: false; anchors: number; sequence: number; reason: string };

/** Each anchor against the record the log now holds at its sequence: the first that differs is named. */
export async function checkAnchors(log: AuditLog, anchors: readonly AuditAnchor[]): Promise<AnchorCheck> {
  let checked = 0;
  for (const anchor of anchors) {
    let found: string | undefined;
    for await (const record of log.read({ fromSequence: anchor.sequence, limit: 1 }))
      if (record.sequence === anchor.sequence) found = record.hash;
    if (found !== anchor.hash)
      return {
        ok: false,
        anchors: checked,
        sequence: anchor.sequence,
        reason:
          found === undefined
            ? `record ${anchor.sequence}, anchored at ${anchor.at}, is missing`
            : `record ${anchor.sequence} is not the one anchored at ${anchor.at}: the chain was rewritten`,
      };
    checked += 1;
  }
  return { ok: true, anchors: checked };
}
