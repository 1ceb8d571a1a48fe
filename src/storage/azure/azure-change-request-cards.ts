// Where a request's cards were posted, in an Azure table: one partition per request, a row per posted card
// (conversation and activity), so that any instance can update every copy. Remembering a card twice keeps one row.
import type { ChangeRequestCards, PostedCard } from '../change-request-cards';
import { isConflict, literal, safeKey, type AzureTables } from './azure-tables';

interface CardEntity {
  requestId: string;
  activityId: string;
  audience: PostedCard['audience'];
  reference: string;
}

export class AzureChangeRequestCards implements ChangeRequestCards {
  constructor(private readonly tables: AzureTables) {}

  async remember(card: PostedCard): Promise<void> {
    const table = await this.tables.table('RequestCards');
    try {
      await table.createEntity<CardEntity>({
        partitionKey: safeKey(card.requestId),
        rowKey: safeKey(`${card.reference.conversation?.id ?? ''}\n${card.activityId}`),
        requestId: card.requestId,
        activityId: card.activityId,
        audience: card.audience,
        reference: JSON.stringify(card.reference),
      });
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }

  async cardsOf(requestId: string): Promise<PostedCard[]> {
    const table = await this.tables.table('RequestCards');
    const cards: PostedCard[] = [];
    for await (const entity of table.listEntities<CardEntity>({
      queryOptions: { filter: `PartitionKey eq ${literal(safeKey(requestId))}` },
    })) {
      cards.push({
        requestId: entity.requestId,
        activityId: entity.activityId,
        audience: entity.audience,
        reference: JSON.parse(entity.reference) as PostedCard['reference'],
      });
    }
    return cards;
  }
}
