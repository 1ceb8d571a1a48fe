import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../audit/audit-record';
import type { ChangeRequest, ChangeStatus, ChangeTransition } from '../../changes/change-request';
import { REQUEST_SCHEMA_VERSION, TransitionRefused, canTransition } from '../../changes/change-request';
import { UnreadableRequest, upgradeStoredRequest } from '../../changes/request-schema';
import {
  transitioned,
  type ChangeListFilter,
  type ChangeStore,
  type NewChangeRequest,
  type TransitionChange,
} from '../../changes/change-store';
import { SqliteAuditLog } from './sqlite-audit-log';
import type { SqliteDatabase } from './sqlite-database';

interface RequestRow {
  id: string;
  status: ChangeStatus;
  version: number;
  body: string;
}

interface TransitionRow {
  request_id: string;
  from_status: ChangeStatus | null;
  to_status: ChangeStatus;
  actor_id: string;
  actor_name: string;
  at: string;
  note: string | null;
}

/**
 * Change requests in SQLite. Transitions are compare-and-set inside IMMEDIATE transactions, so one wins. The audit
 * event of a change goes into the same database's audit log in the same transaction, so a request is never saved,
 * approved or cancelled without its record (nor recorded without being saved) when the disk fills or the
 * database stays locked between the two writes.
 */
export class SqliteChangeStore implements ChangeStore {
  private readonly audit: SqliteAuditLog;

  /**
   * `onUnreadable` hears of a stored request a list had to leave out (written by a newer release, say, after a
   * rollback): one such row must not take "pending" or a sweep down for everyone.
   */
  constructor(
    private readonly db: SqliteDatabase,
    audit?: SqliteAuditLog,
    private readonly onUnreadable: (id: string, error: UnreadableRequest) => void = () => undefined,
  ) {
    this.audit = audit ?? new SqliteAuditLog(db);
  }

  private parse(row: RequestRow): ChangeRequest {
    return { ...upgradeStoredRequest(JSON.parse(row.body)), status: row.status, version: row.version };
  }

  async create(input: NewChangeRequest, event?: (created: ChangeRequest) => AuditEntry): Promise<ChangeRequest> {
    const insert = this.db.transaction((): ChangeRequest => {
      const { next } = this.db.prepare('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM change_requests').get() as {
        next: number;
      };
      const request: ChangeRequest = {
        ...input,
        schemaVersion: REQUEST_SCHEMA_VERSION,
        id: randomUUID(),
        number: next,
        status: 'pending',
        version: 1,
      };
      this.db
        .prepare(
          'INSERT INTO change_requests (id, number, kind, status, requester_id, target_user_id, created_at, expires_at, version, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          request.id,
          request.number,
          request.kind,
          request.status,
          request.requester.aadObjectId,
          request.target.userId,
          request.createdAt,
          request.expiresAt,
          1,
          JSON.stringify(request),
        );
      this.db
        .prepare(
          'INSERT INTO change_transitions (request_id, seq, from_status, to_status, actor_id, actor_name, at, note) VALUES (?, 1, NULL, ?, ?, ?, ?, ?)',
        )
        .run(
          request.id,
          'pending',
          request.requester.aadObjectId,
          request.requester.name,
          request.createdAt,
          request.reason,
        );
      if (event) this.audit.appendWithin(event(request));
      return request;
    });
    return insert.immediate();
  }

  async get(id: string): Promise<ChangeRequest | undefined> {
    const row = this.db.prepare('SELECT id, status, version, body FROM change_requests WHERE id = ?').get(id) as
      RequestRow | undefined;
    return row && this.parse(row);
  }

  async getByNumber(number: number): Promise<ChangeRequest | undefined> {
    const row = this.db
      .prepare('SELECT id, status, version, body FROM change_requests WHERE number = ?')
      .get(number) as RequestRow | undefined;
    return row && this.parse(row);
  }

  async transition(id: string, from: ChangeStatus, change: TransitionChange): Promise<ChangeRequest> {
    const apply = this.db.transaction((): ChangeRequest => {
      const row = this.db.prepare('SELECT id, status, version, body FROM change_requests WHERE id = ?').get(id) as
        RequestRow | undefined;
      if (!row || row.status !== from || !canTransition(from, change.to))
        throw new TransitionRefused(id, row?.status, change.to);
      const current = this.parse(row);
      const at = change.at.toISOString();
      const next = transitioned(current, change);
      const updated = this.db
        .prepare(
          'UPDATE change_requests SET status = ?, version = ?, body = ? WHERE id = ? AND status = ? AND version = ?',
        )
        .run(next.status, next.version, JSON.stringify(next), id, from, current.version);
      if (updated.changes !== 1) throw new TransitionRefused(id, row.status, change.to);
      const { seq } = this.db
        .prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM change_transitions WHERE request_id = ?')
        .get(id) as { seq: number };
      this.db
        .prepare(
          'INSERT INTO change_transitions (request_id, seq, from_status, to_status, actor_id, actor_name, at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, seq, from, change.to, change.actor.aadObjectId, change.actor.name, at, change.note ?? null);
      if (change.event) this.audit.appendWithin(change.event);
      return next;
    });
    return apply.immediate();
  }

  async list(filter: ChangeListFilter): Promise<ChangeRequest[]> {
    const clauses: string[] = [];
    const values: Array<string | number> = [];
    const oneOf = (column: string, wanted: readonly string[] | undefined): void => {
      if (!wanted || wanted.length === 0) return;
      clauses.push(`${column} IN (${wanted.map(() => '?').join(', ')})`);
      values.push(...wanted);
    };
    const equals = (column: string, value: string | undefined): void => {
      if (value === undefined) return;
      clauses.push(`${column} = ?`);
      values.push(value);
    };
    oneOf('status', filter.statuses);
    oneOf('kind', filter.kinds);
    equals('requester_id', filter.requesterId);
    equals('target_user_id', filter.targetUserId);
    // Numbers are stored in Graph's form "+44 7700900123": without the space it is E.164.
    equals("replace(json_extract(body, '$.phoneNumber'), ' ', '')", filter.phoneNumberE164);
    if (filter.createdSince !== undefined) {
      clauses.push('created_at >= ?');
      values.push(filter.createdSince);
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = this.db
      .prepare(`SELECT id, status, version, body FROM change_requests ${where} ORDER BY number DESC LIMIT ?`)
      .all(...values, filter.limit ?? 100) as RequestRow[];
    return rows.flatMap((row) => {
      try {
        return [this.parse(row)];
      } catch (error) {
        if (!(error instanceof UnreadableRequest)) throw error;
        this.onUnreadable(row.id, error);
        return [];
      }
    });
  }

  async claimExpiryNotice(id: string, at: Date): Promise<boolean> {
    // One conditional UPDATE: SQLite runs it atomically, so only one caller sees a changed row. Not a transition,
    // so the version stays as it is.
    const claimed = this.db
      .prepare(
        `UPDATE change_requests SET body = json_set(body, '$.expiryToldAt', ?)
         WHERE id = ? AND status = 'expired' AND json_extract(body, '$.expiryToldAt') IS NULL AND json_extract(body, '$.decidedBy') IS NULL`,
      )
      .run(at.toISOString(), id);
    return claimed.changes === 1;
  }

  async transitions(id: string): Promise<ChangeTransition[]> {
    const rows = this.db
      .prepare('SELECT * FROM change_transitions WHERE request_id = ? ORDER BY seq')
      .all(id) as TransitionRow[];
    return rows.map((row) => ({
      requestId: row.request_id,
      from: row.from_status,
      to: row.to_status,
      actor: { aadObjectId: row.actor_id, name: row.actor_name },
      at: row.at,
      ...(row.note !== null && { note: row.note }),
    }));
  }
}
