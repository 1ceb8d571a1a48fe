import type { ConversationReference } from 'botbuilder';
import {
  assertUsableReference,
  normaliseAadObjectId,
  normaliseChannelName,
  type ConversationReferences,
} from '../conversation-references';
import type { SqliteDatabase } from './sqlite-database';

interface ReferenceRow {
  reference: string;
}

export class SqliteConversationReferences implements ConversationReferences {
  constructor(private readonly db: SqliteDatabase) {}

  async save(aadObjectId: string, reference: Partial<ConversationReference>): Promise<void> {
    const id = normaliseAadObjectId(aadObjectId);
    assertUsableReference(`person ${id}`, reference);
    this.db
      .prepare(
        `INSERT INTO person_conversation_reference (aad_object_id, reference, saved_at) VALUES (?, ?, ?)
         ON CONFLICT (aad_object_id) DO UPDATE SET reference = excluded.reference, saved_at = excluded.saved_at`,
      )
      .run(id, JSON.stringify(reference), new Date().toISOString());
  }

  async get(aadObjectId: string): Promise<Partial<ConversationReference> | undefined> {
    const row = this.db
      .prepare<[string], ReferenceRow>('SELECT reference FROM person_conversation_reference WHERE aad_object_id = ?')
      .get(normaliseAadObjectId(aadObjectId));
    return row ? (JSON.parse(row.reference) as Partial<ConversationReference>) : undefined;
  }

  async people(): Promise<Array<{ aadObjectId: string; reference: Partial<ConversationReference> }>> {
    const rows = this.db
      .prepare<[], { aad_object_id: string; reference: string }>(
        'SELECT aad_object_id, reference FROM person_conversation_reference ORDER BY saved_at DESC',
      )
      .all();
    return rows.map((row) => ({
      aadObjectId: row.aad_object_id,
      reference: JSON.parse(row.reference) as Partial<ConversationReference>,
    }));
  }

  async delete(aadObjectId: string): Promise<void> {
    this.db
      .prepare('DELETE FROM person_conversation_reference WHERE aad_object_id = ?')
      .run(normaliseAadObjectId(aadObjectId));
  }

  async saveChannel(name: string, reference: Partial<ConversationReference>): Promise<void> {
    const channel = normaliseChannelName(name);
    assertUsableReference(`channel "${channel}"`, reference);
    this.db
      .prepare(
        `INSERT INTO channel_conversation_reference (name, reference, saved_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET reference = excluded.reference, saved_at = excluded.saved_at`,
      )
      .run(channel, JSON.stringify(reference), new Date().toISOString());
  }

  async getChannel(name: string): Promise<Partial<ConversationReference> | undefined> {
    const row = this.db
      .prepare<[string], ReferenceRow>('SELECT reference FROM channel_conversation_reference WHERE name = ?')
      .get(normaliseChannelName(name));
    return row ? (JSON.parse(row.reference) as Partial<ConversationReference>) : undefined;
  }

  async deleteChannel(name: string): Promise<void> {
    this.db.prepare('DELETE FROM channel_conversation_reference WHERE name = ?').run(normaliseChannelName(name));
  }
}
