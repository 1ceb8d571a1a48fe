// Handover cards in an Azure table: a row per request (a reissue replaces it). Clearing is a write conditional on
// the ETag read, so that of two instances (a click and the sweep) exactly one clears it; never the secret itself.
import type { HandoverCard, HandoverCards } from '../handover-cards';
import { isNotFound, isPreconditionFailed, literal, safeKey, type AzureTables } from './azure-tables';

const PARTITION = 'handover';

interface HandoverEntity {
  requestId: string;
  activityId: string;
  reference: string;
  what: string;
  postedAt: string;
  /** Empty while the card still shows the secret: a table cannot filter on a missing property. */
  clearedAt: string;
}

function cardOf(entity: HandoverEntity): HandoverCard {
  return {
    requestId: entity.requestId,
    activityId: entity.activityId,
    reference: JSON.parse(entity.reference) as HandoverCard['reference'],
    what: entity.what,
    postedAt: entity.postedAt,
    ...(entity.clearedAt !== '' && { clearedAt: entity.clearedAt }),
  };
}

export class AzureHandoverCards implements HandoverCards {
  constructor(private readonly tables: AzureTables) {}

  async remember(card: Omit<HandoverCard, 'clearedAt'>): Promise<void> {
    const table = await this.tables.table('HandoverCards');
    // A reissue posts a new card for the same request: the newest is the one to replace.
    await table.upsertEntity<HandoverEntity>(
      {
        partitionKey: PARTITION,
        rowKey: safeKey(card.requestId),
        requestId: card.requestId,
        activityId: card.activityId,
        reference: JSON.stringify(card.reference),
        what: card.what,
        postedAt: card.postedAt,
        clearedAt: '',
      },
      'Replace',
    );
  }

  async get(requestId: string): Promise<HandoverCard | undefined> {
    const table = await this.tables.table('HandoverCards');
    try {
      return cardOf(await table.getEntity<HandoverEntity>(PARTITION, safeKey(requestId)));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async clear(requestId: string, at: string): Promise<boolean> {
    const table = await this.tables.table('HandoverCards');
    let entity;
    try {
      entity = await table.getEntity<HandoverEntity>(PARTITION, safeKey(requestId));
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
    if (entity.clearedAt !== '') return false;
    try {
      await table.updateEntity({ partitionKey: PARTITION, rowKey: safeKey(requestId), clearedAt: at }, 'Merge', {
        etag: entity.etag,
      });
      return true;
    } catch (error) {
      // Another instance wrote it since the read (cleared it, or a reissue): not this one's to clear.
      if (isPreconditionFailed(error) || isNotFound(error)) return false;
      throw error;
    }
  }

  async showingSince(before: string, limit: number): Promise<HandoverCard[]> {
    const table = await this.tables.table('HandoverCards');
    const cards: HandoverCard[] = [];
    for await (const entity of table.listEntities<HandoverEntity>({
      queryOptions: {
        filter: `PartitionKey eq '${PARTITION}' and clearedAt eq '' and postedAt lt ${literal(before)}`,
      },
    }))
      cards.push(cardOf(entity));
    return cards.sort((a, b) => a.postedAt.localeCompare(b.postedAt)).slice(0, limit);
  }
}
