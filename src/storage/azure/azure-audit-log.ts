// The audit log in an Azure table, one chain across instances: the records and a head row (the last sequence and
// hash) share one partition, and each append is one transaction that creates the record and moves the head only if
// the head is still the one read (If-Match). Two instances appending at once: one wins, the other reads the new
// head and chains to it. Sequences are never reused; a deleted record leaves a gap that verify names.
import { ChainVerifier, chainRecord, parseStored, storedRecord, type StoredAuditRecord } from '../../audit/audit-chain';
import type { AuditLog, AuditReadOptions, VerifyResult } from '../../audit/audit-log';
import { GENESIS_HASH, type AuditEntry, type AuditRecord } from '../../audit/audit-record';
import type { TransactionAction } from '@azure/data-tables';
import { isConflict, isPreconditionFailed, literal, isNotFound, type AzureTables } from './azure-tables';

const CHAIN = 'chain';
const HEAD = 'head';
/** Record rows sort after the head and in sequence order: "r" and the sequence, zero-padded. */
const rowKey = (sequence: number): string => `r${String(sequence).padStart(15, '0')}`;
/** A transaction holds at most 100 actions: the records of a group, and the head. */
const GROUP_MOST = 99;
/** Appends that lose the race this many times in a row fail rather than spin (a very busy log, or a fault). */
const ATTEMPTS = 50;

interface HeadEntity {
  sequence: number;
  hash: string;
}

interface RecordEntity {
  sequence: number;
  time: string;
  record: string;
  previousHash: string;
  hash: string;
}

function stored(entity: RecordEntity): StoredAuditRecord {
  return {
    sequence: entity.sequence,
    time: entity.time,
    json: entity.record,
    previousHash: entity.previousHash,
    hash: entity.hash,
  };
}

function recordEntity(row: StoredAuditRecord) {
  return {
    partitionKey: CHAIN,
    rowKey: rowKey(row.sequence),
    sequence: row.sequence,
    time: row.time,
    record: row.json,
    previousHash: row.previousHash,
    hash: row.hash,
  };
}

/** A transaction refused because another write came first: the head moved, or appeared, since it was read. */
function lostRace(error: unknown): boolean {
  if (isConflict(error) || isPreconditionFailed(error)) return true;
  // A refused transaction reports its first failed action's status on the error's response.
  const status = (error as { response?: { status?: number } } | undefined)?.response?.status;
  return status === 409 || status === 412;
}

/** The audit table, whose chain partition also holds the change requests (azure-change-store.ts). */
export const AUDIT_TABLE = 'Audit';
export const CHAIN_PARTITION = CHAIN;

/**
 * Builds and submits one transaction in the chain partition, building it afresh after a lost race (the head or a
 * row moved since read). `build` may throw to stop (a refused transition); nothing is written then.
 */
export async function inChainTransaction<T>(
  tables: AzureTables,
  build: () => Promise<{ actions: TransactionAction[]; result: T }>,
): Promise<T> {
  const table = await tables.table(AUDIT_TABLE);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { actions, result } = await build();
    try {
      await table.submitTransaction(actions);
      return result;
    } catch (error) {
      if (!lostRace(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * Math.min(attempt + 1, 5)));
    }
  }
  throw new Error('the audit log is too busy to write to just now (the chain head kept moving); nothing was written');
}

export class AzureAuditLog implements AuditLog {
  private readonly now: () => Date;
  private readonly pageSize: number;

  constructor(
    private readonly tables: AzureTables,
    options: { now?: () => Date; pageSize?: number } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.pageSize = options.pageSize ?? 500;
  }

  async newest(): Promise<{ sequence: number; hash: string } | undefined> {
    const { sequence, hash } = await this.head();
    return sequence === 0 ? undefined : { sequence, hash };
  }

  private async head(): Promise<{ sequence: number; hash: string; etag: string | undefined }> {
    const table = await this.tables.table(AUDIT_TABLE);
    try {
      const head = await table.getEntity<HeadEntity>(CHAIN, HEAD);
      return { sequence: head.sequence, hash: head.hash, etag: head.etag };
    } catch (error) {
      if (isNotFound(error)) return { sequence: 0, hash: GENESIS_HASH, etag: undefined };
      throw error;
    }
  }

  /**
   * The record that would come next and the two actions that append it (the record, the head moved If-Match), for
   * a transaction in this table's chain partition: the change store puts a request's own rows in the same one.
   */
  async prepare(entry: AuditEntry): Promise<{ record: AuditRecord; actions: TransactionAction[] }> {
    const { records, actions } = await this.prepareAll([entry]);
    return { record: records[0]!, actions };
  }

  /** As prepare, for several entries chained one after another and the head moved once. */
  private async prepareAll(
    entries: readonly AuditEntry[],
  ): Promise<{ records: AuditRecord[]; actions: TransactionAction[] }> {
    const head = await this.head();
    const records: AuditRecord[] = [];
    const actions: TransactionAction[] = [];
    let previous = { sequence: head.sequence, hash: head.hash };
    for (const entry of entries) {
      const record = chainRecord(entry, previous.sequence + 1, previous.hash, this.now());
      const row = storedRecord(record);
      records.push(record);
      actions.push(['create', recordEntity(row)]);
      previous = { sequence: row.sequence, hash: row.hash };
    }
    const next = { partitionKey: CHAIN, rowKey: HEAD, ...previous };
    actions.push(head.etag === undefined ? ['create', next] : ['update', next, 'Replace', { etag: head.etag }]);
    return { records, actions };
  }

  /**
   * Resolves once the storage service has acknowledged the record: it is durable then. Entries that arrive while a
   * write is under way go together in the next transaction (a group commit): the instance's own appends never race
   * each other for the head, only other instances' do.
   */
  append(entry: AuditEntry): Promise<AuditRecord> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      void this.writeWaiting();
    });
  }

  private readonly waiting: Array<{
    entry: AuditEntry;
    resolve: (record: AuditRecord) => void;
    reject: (error: unknown) => void;
  }> = [];
  private writing = false;

  private async writeWaiting(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, GROUP_MOST);
        try {
          const records = await inChainTransaction(this.tables, async () => {
            const { records, actions } = await this.prepareAll(group.map((waiting) => waiting.entry));
            return { actions, result: records };
          });
          group.forEach((waiting, index) => waiting.resolve(records[index]!));
        } catch (error) {
          group.forEach((waiting) => waiting.reject(error));
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /**
   * Writes a chain moved from another store row for row, hashes and all, into an empty log (the move to Azure
   * Storage): a group of records and the head per transaction. Returns how many were written.
   */
  async importChain(records: Iterable<StoredAuditRecord>): Promise<number> {
    if ((await this.head()).sequence !== 0) throw new Error('this audit log is not empty; a chain is never merged');
    const table = await this.tables.table(AUDIT_TABLE);
    let etag: string | undefined;
    let count = 0;
    const write = async (group: StoredAuditRecord[]): Promise<void> => {
      const last = group[group.length - 1]!;
      const head = { partitionKey: CHAIN, rowKey: HEAD, sequence: last.sequence, hash: last.hash };
      await table.submitTransaction([
        ...group.map((row): TransactionAction => ['create', recordEntity(row)]),
        etag === undefined ? ['create', head] : ['update', head, 'Replace', { etag }],
      ]);
      etag = (await table.getEntity<HeadEntity>(CHAIN, HEAD)).etag;
      count += group.length;
    };
    let group: StoredAuditRecord[] = [];
    for (const row of records) {
      group.push(row);
      if (group.length === GROUP_MOST) {
        await write(group);
        group = [];
      }
    }
    if (group.length > 0) await write(group);
    return count;
  }

  async *read(options: AuditReadOptions = {}): AsyncIterable<AuditRecord> {
    const since = options.since?.toISOString();
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    for await (const entity of this.records((options.fromSequence ?? 1) - 1, since)) {
      if (remaining <= 0) return;
      const record = parseStored(stored(entity));
      if (!record) throw new Error(`audit record ${entity.sequence} cannot be read; run "phonedesk audit verify"`);
      yield record;
      remaining -= 1;
    }
  }

  async verify(): Promise<VerifyResult> {
    // The head first: anything appended while verify runs is above it and cannot look "missing".
    const highest = (await this.head()).sequence;
    const verifier = new ChainVerifier();
    for await (const entity of this.records(0)) {
      if (entity.sequence > highest) break;
      const broken = verifier.check(stored(entity));
      if (broken) return { ok: false, records: verifier.records, broken };
    }
    const broken = verifier.finish(highest);
    return broken ? { ok: false, records: verifier.records, broken } : { ok: true, records: verifier.records };
  }

  /** The record rows after a sequence, in order, page by page (the service returns a partition in row-key order). */
  private async *records(after: number, since?: string): AsyncIterable<RecordEntity> {
    const table = await this.tables.table(AUDIT_TABLE);
    const filter = [
      `PartitionKey eq '${CHAIN}'`,
      `RowKey gt ${literal(rowKey(after))}`,
      `RowKey lt 's'`,
      ...(since === undefined ? [] : [`time ge ${literal(since)}`]),
    ].join(' and ');
    const pages = table.listEntities<RecordEntity>({ queryOptions: { filter } }).byPage({ maxPageSize: this.pageSize });
    for await (const page of pages) for (const entity of page) yield entity;
  }
}
