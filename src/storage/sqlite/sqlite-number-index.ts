import { fromGraph } from '../../phone/phone-number';
import type { PhoneMethodSnapshot } from '../../snapshot/sign-in-snapshot';
import type { NumberIndex, NumberIndexEntry, SweepState } from '../../number-index/number-index';
import type { SqliteDatabase } from './sqlite-database';

interface EntryRow {
  e164: string;
  user_id: string;
  phone_type: NumberIndexEntry['phoneType'];
  sms_sign_in_state: NumberIndexEntry['smsSignInState'];
  seen_at: string;
}

interface SweepRow {
  started_at: string;
  next_link: string | null;
  pending_user_ids: string;
  finished_at: string | null;
  users_read: number;
}

export class SqliteNumberIndex implements NumberIndex {
  constructor(private readonly db: SqliteDatabase) {}

  async record(userId: string, methods: readonly PhoneMethodSnapshot[], seenAt: Date): Promise<void> {
    const replace = this.db.transaction(() => {
      this.db.prepare('DELETE FROM number_index WHERE user_id = ?').run(userId);
      const insert = this.db.prepare(
        'INSERT INTO number_index (e164, user_id, phone_type, sms_sign_in_state, seen_at) VALUES (?, ?, ?, ?, ?)',
      );
      for (const method of methods) {
        const number = fromGraph(method.phoneNumber);
        if (number) insert.run(number.e164, userId, method.phoneType, method.smsSignInState, seenAt.toISOString());
      }
    });
    replace.immediate();
  }

  async holdersOf(e164: string): Promise<NumberIndexEntry[]> {
    const rows = this.db
      .prepare('SELECT * FROM number_index WHERE e164 = ? ORDER BY seen_at DESC')
      .all(e164) as EntryRow[];
    return rows.map((row) => ({
      e164: row.e164,
      userId: row.user_id,
      phoneType: row.phone_type,
      smsSignInState: row.sms_sign_in_state,
      seenAt: row.seen_at,
    }));
  }

  async sweepState(): Promise<SweepState | undefined> {
    const row = this.db.prepare('SELECT * FROM number_index_sweep WHERE id = 1').get() as SweepRow | undefined;
    if (!row) return undefined;
    return {
      startedAt: row.started_at,
      nextLink: row.next_link ?? undefined,
      pendingUserIds: JSON.parse(row.pending_user_ids) as string[],
      finishedAt: row.finished_at ?? undefined,
      usersRead: row.users_read,
    };
  }

  async saveSweepState(state: SweepState): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO number_index_sweep (id, started_at, next_link, pending_user_ids, finished_at, users_read) VALUES (1, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at, next_link = excluded.next_link,
           pending_user_ids = excluded.pending_user_ids, finished_at = excluded.finished_at, users_read = excluded.users_read`,
      )
      .run(
        state.startedAt,
        state.nextLink ?? null,
        JSON.stringify(state.pendingUserIds),
        state.finishedAt ?? null,
        state.usersRead,
      );
  }
}
