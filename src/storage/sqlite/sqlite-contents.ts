// Everything a SQLite data directory holds that another store must keep, read for a move (phonedesk storage
// migrate): the audit chain row for row, hashes and all; each request with its transitions; jobs and their rows;
// how to reach people and channels; cards; conversation state. The number index is left: its sweep rebuilds it.
import type { StoreItem } from 'botbuilder';
import type { ConversationReference } from 'botbuilder';
import type { StoredAuditRecord } from '../../audit/audit-chain';
import type { ChangeRequest, ChangeTransition } from '../../changes/change-request';
import type { PostedCard } from '../change-request-cards';
import type { HandoverCard } from '../handover-cards';
import type { Job, JobWorker } from '../job-store';
import type { SqliteDatabase } from './sqlite-database';
import { SqliteChangeRequestCards } from './sqlite-change-request-cards';
import { SqliteChangeStore } from './sqlite-change-store';
import { SqliteConversationReferences } from './sqlite-conversation-references';
import { SqliteHandoverCards } from './sqlite-handover-cards';
import { SqliteJobStore } from './sqlite-job-store';

const PAGE = 500;

export class SqliteContents {
  private readonly changes: SqliteChangeStore;
  private readonly jobStore: SqliteJobStore;

  constructor(private readonly db: SqliteDatabase) {
    this.changes = new SqliteChangeStore(db);
    this.jobStore = new SqliteJobStore(db);
  }

  /** The audit rows as stored, in sequence order, a page at a time. */
  *auditRecords(): Iterable<StoredAuditRecord> {
    const page = this.db.prepare(
      'SELECT sequence, time, record AS json, previous_hash AS previousHash, hash FROM audit_log WHERE sequence > ? ORDER BY sequence LIMIT ?',
    );
    for (let after = 0; ;) {
      const rows = page.all(after, PAGE) as StoredAuditRecord[];
      yield* rows;
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.sequence;
    }
  }

  /** The highest sequence ever handed out: records cut off the end still count (AUTOINCREMENT keeps it). */
  highestAuditSequence(): number {
    const row = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as
      { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  private ids(sql: string): string[] {
    return (this.db.prepare(sql).all() as Array<{ id: string }>).map((row) => row.id);
  }

  async *requests(): AsyncIterable<{ request: ChangeRequest; transitions: ChangeTransition[] }> {
    for (const id of this.ids('SELECT id FROM change_requests ORDER BY number')) {
      const request = await this.changes.get(id);
      if (request) yield { request, transitions: await this.changes.transitions(id) };
    }
  }

  async *jobs(): AsyncIterable<{ job: Job; workers: JobWorker[] }> {
    for (const id of this.ids('SELECT id FROM jobs ORDER BY created_at')) {
      const job = await this.jobStore.get(id);
      if (job) yield { job, workers: await this.jobStore.workers(id) };
    }
  }

  async people(): Promise<Array<{ aadObjectId: string; reference: Partial<ConversationReference> }>> {
    return new SqliteConversationReferences(this.db).people();
  }

  async channels(): Promise<Array<{ name: string; reference: Partial<ConversationReference> }>> {
    const references = new SqliteConversationReferences(this.db);
    const names = (
      this.db.prepare('SELECT name FROM channel_conversation_reference').all() as Array<{ name: string }>
    ).map((row) => row.name);
    const found: Array<{ name: string; reference: Partial<ConversationReference> }> = [];
    for (const name of names) {
      const reference = await references.getChannel(name);
      if (reference) found.push({ name, reference });
    }
    return found;
  }

  async *cards(): AsyncIterable<PostedCard> {
    const cards = new SqliteChangeRequestCards(this.db);
    for (const id of this.ids('SELECT DISTINCT request_id AS id FROM change_request_cards'))
      yield* await cards.cardsOf(id);
  }

  async *handovers(): AsyncIterable<HandoverCard> {
    const handovers = new SqliteHandoverCards(this.db);
    for (const id of this.ids('SELECT request_id AS id FROM handover_cards')) {
      const card = await handovers.get(id);
      if (card) yield card;
    }
  }

  /** Conversation, user and dialog state, each item as botbuilder wrote it (its eTag is the new store's to give). */
  *botState(): Iterable<{ key: string; item: StoreItem }> {
    for (const row of this.db.prepare('SELECT key, value FROM bot_state ORDER BY key').iterate() as Iterable<{
      key: string;
      value: string;
    }>)
      yield { key: row.key, item: JSON.parse(row.value) as StoreItem };
  }
}
