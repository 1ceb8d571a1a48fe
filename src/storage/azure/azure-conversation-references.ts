// Conversation references in an Azure table shared by every instance: a person by their object id, a named channel
// by its name, each a last-write-wins row (a later save replaces the earlier one, as in SQLite).
import type { ConversationReference } from 'botbuilder';
import {
  assertUsableReference,
  normaliseAadObjectId,
  normaliseChannelName,
  type ConversationReferences,
} from '../conversation-references';
import { isNotFound, safeKey, unsafeKey, type AzureTables } from './azure-tables';

const PERSON = 'person';
const CHANNEL = 'channel';

interface ReferenceEntity {
  reference: string;
  savedAt: string;
}

export class AzureConversationReferences implements ConversationReferences {
  constructor(private readonly tables: AzureTables) {}

  private async put(partitionKey: string, key: string, reference: Partial<ConversationReference>): Promise<void> {
    const table = await this.tables.table('References');
    await table.upsertEntity<ReferenceEntity>(
      { partitionKey, rowKey: safeKey(key), reference: JSON.stringify(reference), savedAt: new Date().toISOString() },
      'Replace',
    );
  }

  private async read(partitionKey: string, key: string): Promise<Partial<ConversationReference> | undefined> {
    const table = await this.tables.table('References');
    try {
      const entity = await table.getEntity<ReferenceEntity>(partitionKey, safeKey(key));
      return JSON.parse(entity.reference) as Partial<ConversationReference>;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async remove(partitionKey: string, key: string): Promise<void> {
    const table = await this.tables.table('References');
    try {
      await table.deleteEntity(partitionKey, safeKey(key));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async save(aadObjectId: string, reference: Partial<ConversationReference>): Promise<void> {
    const id = normaliseAadObjectId(aadObjectId);
    assertUsableReference(`person ${id}`, reference);
    await this.put(PERSON, id, reference);
  }

  get(aadObjectId: string): Promise<Partial<ConversationReference> | undefined> {
    return this.read(PERSON, normaliseAadObjectId(aadObjectId));
  }

  async people(): Promise<Array<{ aadObjectId: string; reference: Partial<ConversationReference> }>> {
    const table = await this.tables.table('References');
    const rows: Array<{ aadObjectId: string; reference: Partial<ConversationReference>; savedAt: string }> = [];
    for await (const entity of table.listEntities<ReferenceEntity>({
      queryOptions: { filter: `PartitionKey eq '${PERSON}'` },
    })) {
      rows.push({
        aadObjectId: unsafeKey(entity.rowKey ?? ''),
        reference: JSON.parse(entity.reference) as Partial<ConversationReference>,
        savedAt: entity.savedAt,
      });
    }
    rows.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    return rows.map(({ aadObjectId, reference }) => ({ aadObjectId, reference }));
  }

  delete(aadObjectId: string): Promise<void> {
    return this.remove(PERSON, normaliseAadObjectId(aadObjectId));
  }

  async saveChannel(name: string, reference: Partial<ConversationReference>): Promise<void> {
    const channel = normaliseChannelName(name);
    assertUsableReference(`channel "${channel}"`, reference);
    await this.put(CHANNEL, channel, reference);
  }

  getChannel(name: string): Promise<Partial<ConversationReference> | undefined> {
    return this.read(CHANNEL, normaliseChannelName(name));
  }

  deleteChannel(name: string): Promise<void> {
    return this.remove(CHANNEL, normaliseChannelName(name));
  }
}
