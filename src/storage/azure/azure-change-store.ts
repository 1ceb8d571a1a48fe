// Change requests in Azure Tables, shared by every instance. They live in the audit table's chain partition, so that
// filing or moving a request and the audit record of it are one transaction: both are saved, or neither, as in
// SQLite. Every write is conditional on what was read (If-Match): of two instances deciding one request, exactly
// one succeeds and the other is refused like a second click. Rows, by row key:
//   q<inverted number>  the request (newest first in key order), with the columns lists filter on
//   i<id>               the request's number, to find it by id
//   t<id>:<seq>         its transitions, in order
//   counter             the last number handed out
import { randomUUID } from 'node:crypto';
import type { TransactionAction } from '@azure/data-tables';
import type { AuditEntry } from '../../audit/audit-record';
import type { ChangeRequest, ChangeStatus, ChangeTransition } from '../../changes/change-request';
import { REQUEST_SCHEMA_VERSION, TransitionRefused, canTransition } from '../../changes/change-request';
import {
  transitioned,
  type ChangeListFilter,
  type ChangeStore,
  type NewChangeRequest,
  type TransitionChange,
} from '../../changes/change-store';
import { UnreadableRequest, upgradeStoredRequest } from '../../changes/request-schema';
import { AUDIT_TABLE, CHAIN_PARTITION, inChainTransaction, type AzureAuditLog } from './azure-audit-log';
import { isNotFound, isPreconditionFailed, literal, type AzureTables } from './azure-tables';

const TOP = 10 ** 12;
const requestKey = (number: number): string => `q${String(TOP - number).padStart(13, '0')}`;
const idKey = (id: string): string => `i${id}`;
const transitionKey = (id: string, seq: number): string => `t${id}:${String(seq).padStart(6, '0')}`;

interface RequestEntity {
  id: string;
  number: number;
  status: ChangeStatus;
  version: number;
  kind: string;
  requesterId: string;
  targetUserId: string;
  createdAt: string;
  /** The number the change names, in E.164; empty when none. */
  phoneE164: string;
  body: string;
}

interface TransitionEntity {
  requestId: string;
  fromStatus: string;
  toStatus: ChangeStatus;
  actorId: string;
  actorName: string;
  at: string;
  note: string;
}

function requestRow(request: ChangeRequest): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const phone = (request as { phoneNumber?: unknown }).phoneNumber;
  return {
    partitionKey: CHAIN_PARTITION,
    rowKey: requestKey(request.number),
    id: request.id,
    number: request.number,
    status: request.status,
    version: request.version,
    kind: request.kind,
    requesterId: request.requester.aadObjectId,
    targetUserId: request.target.userId,
    createdAt: request.createdAt,
    phoneE164: typeof phone === 'string' ? phone.replace(/ /g, '') : '',
    body: JSON.stringify(request),
  };
}

export class AzureChangeStore implements ChangeStore {
  constructor(
    private readonly tables: AzureTables,
    private readonly audit: AzureAuditLog,
    private readonly onUnreadable: (id: string, error: UnreadableRequest) => void = () => undefined,
  ) {}

  private async table() {
    return this.tables.table(AUDIT_TABLE);
  }

  private parse(entity: RequestEntity): ChangeRequest {
    return { ...upgradeStoredRequest(JSON.parse(entity.body)), status: entity.status, version: entity.version };
  }

  private async entity(rowKey: string): Promise<(RequestEntity & { etag: string }) | undefined> {
    try {
      const found = await (await this.table()).getEntity<RequestEntity>(CHAIN_PARTITION, rowKey);
      return found as RequestEntity & { etag: string };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async numberOf(id: string): Promise<number | undefined> {
    try {
      return (await (await this.table()).getEntity<{ number: number }>(CHAIN_PARTITION, idKey(id))).number;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async auditActions(entry: AuditEntry | undefined): Promise<TransactionAction[]> {
    return entry ? (await this.audit.prepare(entry)).actions : [];
  }

  async create(input: NewChangeRequest, event?: (created: ChangeRequest) => AuditEntry): Promise<ChangeRequest> {
    const id = randomUUID();
    return inChainTransaction(this.tables, async () => {
      const counter = await (
        await this.table()
      )
        .getEntity<{ last: number }>(CHAIN_PARTITION, 'counter')
        .catch((error: unknown) => {
          if (isNotFound(error)) return undefined;
          throw error;
        });
      const number = (counter?.last ?? 0) + 1;
      const request: ChangeRequest = {
        ...input,
        schemaVersion: REQUEST_SCHEMA_VERSION,
        id,
        number,
        status: 'pending',
        version: 1,
      };
      const counterRow = { partitionKey: CHAIN_PARTITION, rowKey: 'counter', last: number };
      const first: TransitionEntity = {
        requestId: id,
        fromStatus: '',
        toStatus: 'pending',
        actorId: request.requester.aadObjectId,
        actorName: request.requester.name,
        at: request.createdAt,
        note: request.reason ?? '',
      };
      const actions: TransactionAction[] = [
        counter ? ['update', counterRow, 'Replace', { etag: counter.etag }] : ['create', counterRow],
        ['create', requestRow(request)],
        ['create', { partitionKey: CHAIN_PARTITION, rowKey: idKey(id), number }],
        ['create', { partitionKey: CHAIN_PARTITION, rowKey: transitionKey(id, 1), ...first }],
        ...(await this.auditActions(event?.(request))),
      ];
      return { actions, result: request };
    });
  }

  /**
   * Writes a request moved from another store as it stands, with its transitions (its audit records come with the
   * chain); importCounter then sets the numbering. Refused if the request is there already.
   */
  async importRequest(request: ChangeRequest, transitions: readonly ChangeTransition[]): Promise<void> {
    const table = await this.table();
    await table.submitTransaction([
      ['create', requestRow(request)],
      ['create', { partitionKey: CHAIN_PARTITION, rowKey: idKey(request.id), number: request.number }],
      ...transitions.map((transition, index): TransactionAction => {
        const row: TransitionEntity = {
          requestId: request.id,
          fromStatus: transition.from ?? '',
          toStatus: transition.to,
          actorId: transition.actor.aadObjectId,
          actorName: transition.actor.name,
          at: transition.at,
          note: transition.note ?? '',
        };
        return ['create', { partitionKey: CHAIN_PARTITION, rowKey: transitionKey(request.id, index + 1), ...row }];
      }),
    ]);
  }

  /** After an import: the next request filed gets the number after `last`. */
  async importCounter(last: number): Promise<void> {
    await (await this.table()).upsertEntity({ partitionKey: CHAIN_PARTITION, rowKey: 'counter', last }, 'Replace');
  }

  async get(id: string): Promise<ChangeRequest | undefined> {
    const number = await this.numberOf(id);
    return number === undefined ? undefined : this.getByNumber(number);
  }

  async getByNumber(number: number): Promise<ChangeRequest | undefined> {
    const entity = await this.entity(requestKey(number));
    return entity && this.parse(entity);
  }

  async transition(id: string, from: ChangeStatus, change: TransitionChange): Promise<ChangeRequest> {
    const number = await this.numberOf(id);
    if (number === undefined) throw new TransitionRefused(id, undefined, change.to);
    return inChainTransaction(this.tables, async () => {
      const entity = await this.entity(requestKey(number));
      // Read afresh on every attempt: a request another instance moved meanwhile is refused, not overwritten.
      if (!entity || entity.status !== from || !canTransition(from, change.to))
        throw new TransitionRefused(id, entity?.status, change.to);
      const current = this.parse(entity);
      const at = change.at.toISOString();
      const next = transitioned(current, change);
      const seq = (await this.transitions(id)).length + 1;
      const row: TransitionEntity = {
        requestId: id,
        fromStatus: from,
        toStatus: change.to,
        actorId: change.actor.aadObjectId,
        actorName: change.actor.name,
        at,
        note: change.note ?? '',
      };
      const actions: TransactionAction[] = [
        ['update', requestRow(next), 'Replace', { etag: entity.etag }],
        ['create', { partitionKey: CHAIN_PARTITION, rowKey: transitionKey(id, seq), ...row }],
        ...(await this.auditActions(change.event)),
      ];
      return { actions, result: next };
    });
  }

  async list(filter: ChangeListFilter): Promise<ChangeRequest[]> {
    const clauses = [`PartitionKey eq '${CHAIN_PARTITION}'`, `RowKey gt 'q'`, `RowKey lt 'r'`];
    const oneOf = (column: string, wanted: readonly string[] | undefined): void => {
      if (wanted && wanted.length > 0)
        clauses.push(`(${wanted.map((value) => `${column} eq ${literal(value)}`).join(' or ')})`);
    };
    const equals = (column: string, value: string | undefined): void => {
      if (value !== undefined) clauses.push(`${column} eq ${literal(value)}`);
    };
    oneOf('status', filter.statuses);
    oneOf('kind', filter.kinds);
    equals('requesterId', filter.requesterId);
    equals('targetUserId', filter.targetUserId);
    equals('phoneE164', filter.phoneNumberE164);
    if (filter.createdSince !== undefined) clauses.push(`createdAt ge ${literal(filter.createdSince)}`);
    const limit = filter.limit ?? 100;
    const found: ChangeRequest[] = [];
    const rows = (await this.table()).listEntities<RequestEntity>({ queryOptions: { filter: clauses.join(' and ') } });
    for await (const entity of rows) {
      if (found.length >= limit) break;
      try {
        found.push(this.parse(entity));
      } catch (error) {
        if (!(error instanceof UnreadableRequest)) throw error;
        this.onUnreadable(entity.id, error);
      }
    }
    return found;
  }

  async claimExpiryNotice(id: string, at: Date): Promise<boolean> {
    const number = await this.numberOf(id);
    if (number === undefined) return false;
    const entity = await this.entity(requestKey(number));
    if (!entity || entity.status !== 'expired') return false;
    const request = this.parse(entity);
    if (request.expiryToldAt !== undefined || request.decidedBy !== undefined) return false;
    try {
      // Not a transition: the version stays. Conditional on the row read, so one caller of several wins.
      await (
        await this.table()
      ).updateEntity(requestRow({ ...request, expiryToldAt: at.toISOString() }), 'Replace', { etag: entity.etag });
      return true;
    } catch (error) {
      if (isPreconditionFailed(error)) return false;
      throw error;
    }
  }

  async transitions(id: string): Promise<ChangeTransition[]> {
    const rows = (await this.table()).listEntities<TransitionEntity>({
      queryOptions: {
        filter: `PartitionKey eq '${CHAIN_PARTITION}' and RowKey gt ${literal(`t${id}:`)} and RowKey lt ${literal(`t${id};`)}`,
      },
    });
    const transitions: ChangeTransition[] = [];
    for await (const row of rows)
      transitions.push({
        requestId: row.requestId,
        from: row.fromStatus === '' ? null : (row.fromStatus as ChangeStatus),
        to: row.toStatus,
        actor: { aadObjectId: row.actorId, name: row.actorName },
        at: row.at,
        ...(row.note !== '' && { note: row.note }),
      });
    return transitions;
  }
}
