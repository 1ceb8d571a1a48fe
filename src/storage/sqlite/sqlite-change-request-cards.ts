import type { ChangeRequestCards, PostedCard } from '../change-request-cards';
import type { SqliteDatabase } from './sqlite-database';

interface CardRow {
  request_id: string;
  activity_id: string;
  audience: PostedCard['audience'];
  reference: string;
}

export class SqliteChangeRequestCards implements ChangeRequestCards {
  constructor(private readonly db: SqliteDatabase) {}

  async remember(card: PostedCard): Promise<void> {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO change_request_cards (request_id, conversation_id, activity_id, audience, reference) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        card.requestId,
        card.reference.conversation?.id ?? '',
        card.activityId,
        card.audience,
        JSON.stringify(card.reference),
      );
  }

  async cardsOf(requestId: string): Promise<PostedCard[]> {
    const rows = this.db
      .prepare('SELECT request_id, activity_id, audience, reference FROM change_request_cards WHERE request_id = ?')
      .all(requestId) as CardRow[];
    return rows.map((row) => ({
      requestId: row.request_id,
      activityId: row.activity_id,
      audience: row.audience,
      reference: JSON.parse(row.reference) as PostedCard['reference'],
    }));
  }
}
