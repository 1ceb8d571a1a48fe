import type { HandoverCard, HandoverCards } from '../handover-cards';
import type { SqliteDatabase } from './sqlite-database';

interface HandoverRow {
  request_id: string;
  activity_id: string;
  reference: string;
  what: string;
  posted_at: string;
  cleared_at: string | null;
}

const COLUMNS = 'request_id, activity_id, reference, what, posted_at, cleared_at';

function cardOf(row: HandoverRow): HandoverCard {
  return {
    requestId: row.request_id,
    activityId: row.activity_id,
    reference: JSON.parse(row.reference) as HandoverCard['reference'],
    what: row.what,
    postedAt: row.posted_at,
    ...(row.cleared_at !== null && { clearedAt: row.cleared_at }),
  };
}

export class SqliteHandoverCards implements HandoverCards {
  constructor(private readonly db: SqliteDatabase) {}

  async remember(card: Omit<HandoverCard, 'clearedAt'>): Promise<void> {
    // A reissue posts a new card for the same request: the newest is the one to replace.
    this.db
      .prepare(
        `INSERT INTO handover_cards (request_id, activity_id, reference, what, posted_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (request_id) DO UPDATE SET activity_id = excluded.activity_id, reference = excluded.reference,
           what = excluded.what, posted_at = excluded.posted_at, cleared_at = NULL`,
      )
      .run(card.requestId, card.activityId, JSON.stringify(card.reference), card.what, card.postedAt);
  }

  async get(requestId: string): Promise<HandoverCard | undefined> {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM handover_cards WHERE request_id = ?`).get(requestId) as
      HandoverRow | undefined;
    return row && cardOf(row);
  }

  async clear(requestId: string, at: string): Promise<boolean> {
    const result = this.db
      .prepare('UPDATE handover_cards SET cleared_at = ? WHERE request_id = ? AND cleared_at IS NULL')
      .run(at, requestId);
    return result.changes > 0;
  }

  async showingSince(before: string, limit: number): Promise<HandoverCard[]> {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM handover_cards WHERE cleared_at IS NULL AND posted_at < ? ORDER BY posted_at LIMIT ?`,
      )
      .all(before, limit) as HandoverRow[];
    return rows.map(cardOf);
  }
}
