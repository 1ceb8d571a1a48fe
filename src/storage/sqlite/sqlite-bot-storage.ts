// Adapter: botbuilder `Storage` for conversation, user and dialog state in SQLite, with MemoryStorage's eTag rules.
//
// eTag rules (as botbuilder's MemoryStorage): an item with eTag '*', an empty/absent eTag, or a key that is not
// stored yet always writes; otherwise the eTag must equal the stored one or the write fails with
// `Storage: error writing "<key>" due to eTag conflict.`. Every successful write stores a new eTag.
// Unlike MemoryStorage, a write of several keys is all-or-nothing (one IMMEDIATE transaction), and values JSON
// cannot store faithfully (class instances, Maps, functions, BigInt, NaN, cycles, …) or over 1 MB are refused
// before anything is written.
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { ETagConflictError, serialiseStoreItem } from '../bot-state-values';
import type { SqliteDatabase } from './sqlite-database';

export { ETagConflictError, MAX_BOT_STATE_BYTES, UnstorableValueError } from '../bot-state-values';

interface StateRow {
  key: string;
  etag: string;
  value: string;
}

interface PreparedWrite {
  key: string;
  /** The eTag the stored item must have; undefined writes unconditionally. */
  expectedETag: string | undefined;
  json: string;
}

export class SqliteBotStorage implements Storage {
  private readonly selectOne;
  private readonly insert;
  private readonly upsert;
  private readonly conditionalUpdate;
  private readonly remove;

  /** `db` comes from `openDatabase(dataDir, MIGRATIONS)` (migration 3 creates the table). */
  constructor(private readonly db: SqliteDatabase) {
    this.selectOne = db.prepare<[string], StateRow>('SELECT key, etag, value FROM bot_state WHERE key = ?');
    this.insert = db.prepare<[string, string, string, string]>(
      'INSERT INTO bot_state (key, etag, value, updated_at) VALUES (?, ?, ?, ?)',
    );
    this.upsert = db.prepare<[string, string, string, string]>(
      `INSERT INTO bot_state (key, etag, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.conditionalUpdate = db.prepare<[string, string, string, string, string]>(
      'UPDATE bot_state SET etag = ?, value = ?, updated_at = ? WHERE key = ? AND etag = ?',
    );
    this.remove = db.prepare<[string]>('DELETE FROM bot_state WHERE key = ?');
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    // One read transaction: a consistent snapshot of all keys even while another process writes.
    const readAll = this.db.transaction((wanted: readonly string[]) => {
      const items: StoreItems = {};
      for (const key of wanted) {
        const row = this.selectOne.get(key);
        if (!row) continue;
        const item = JSON.parse(row.value) as StoreItem;
        item.eTag = row.etag;
        items[key] = item;
      }
      return items;
    });
    return readAll(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // Serialise everything first: a refused value stops the whole write before the database is touched.
    const writes: PreparedWrite[] = Object.keys(changes).map((key) => {
      const item: unknown = changes[key];
      const json = serialiseStoreItem(key, item);
      const eTag: unknown = (item as StoreItem).eTag;
      return { key, json, expectedETag: eTag === '*' || !eTag ? undefined : String(eTag) };
    });
    if (writes.length === 0) return;
    const apply = this.db.transaction((batch: readonly PreparedWrite[]) => {
      const now = new Date().toISOString();
      for (const { key, json, expectedETag } of batch) {
        const eTag = randomUUID();
        if (expectedETag === undefined) {
          this.upsert.run(key, eTag, json, now);
          continue;
        }
        // Conditional on the eTag inside the write transaction, so two processes cannot both win.
        if (this.conditionalUpdate.run(eTag, json, now, key, expectedETag).changes === 1) continue;
        if (this.selectOne.get(key)) throw new ETagConflictError(key); // rolls back every key of this write
        this.insert.run(key, eTag, json, now); // not stored yet: MemoryStorage writes whatever the eTag
      }
    });
    // IMMEDIATE takes the write lock up front (waiting up to busy_timeout for another process).
    apply.immediate(writes);
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    const removeAll = this.db.transaction((doomed: readonly string[]) => {
      for (const key of doomed) this.remove.run(key);
    });
    removeAll.immediate(keys);
  }
}
