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
import type { SqliteDatabase } from './sqlite-database';

/** The largest stored value, measured as UTF-8 JSON without the eTag. */
export const MAX_BOT_STATE_BYTES = 1024 * 1024;

/** The eTag of the stored item differs from the one written: someone else wrote it since it was read. */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    // The same message as botbuilder's MemoryStorage, so callers that match on it keep working.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/** The value cannot be stored without losing or changing part of it; nothing was written. */
export class UnstorableValueError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`Storage: cannot write "${key}": ${reason}. Nothing was written.`);
    this.name = 'UnstorableValueError';
  }
}

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

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  // Object.prototype of any realm (jest runs tests in their own), or a null-prototype object.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'bigint') return 'a BigInt';
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null) {
    const ctor: unknown = (value as { constructor?: unknown }).constructor;
    const name = typeof ctor === 'function' && ctor.name !== '' ? ctor.name : 'class';
    return `a ${name} object`;
  }
  return typeof value;
}

/**
 * Serialises an item (without its eTag) to JSON, refusing anything JSON would drop, change or choke on, so
 * state read back is the state written. Objects with `toJSON` (Date) are stored as what `toJSON` returns.
 */
function serialiseStoreItem(key: string, item: unknown): string {
  if (typeof item !== 'object' || item === null || Array.isArray(item) || !isPlainObject(item)) {
    throw new UnstorableValueError(
      key,
      `the item must be a plain object, not ${item === null ? 'null' : Array.isArray(item) ? 'an array' : describe(item)}`,
    );
  }
  const { eTag: _eTag, ...value } = item as StoreItem;
  const paths = new WeakMap<object, string>();
  function replacer(this: unknown, name: string, child: unknown): unknown {
    const holder = this as object;
    const base = paths.get(holder);
    const path =
      base === undefined
        ? '(root)'
        : Array.isArray(holder)
          ? `${base}[${name}]`
          : base === ''
            ? name
            : `${base}.${name}`;
    const refuse = (what: string): never => {
      throw new UnstorableValueError(key, `the value at ${path} is ${what}, which JSON cannot store as it is`);
    };
    if (typeof child === 'function' || typeof child === 'symbol' || typeof child === 'bigint') refuse(describe(child));
    if (typeof child === 'number' && !Number.isFinite(child)) refuse(describe(child));
    if (child === undefined && Array.isArray(holder)) refuse('undefined in an array (JSON would store null)');
    if (typeof child === 'object' && child !== null) {
      if (!Array.isArray(child) && !isPlainObject(child)) refuse(describe(child));
      paths.set(child, base === undefined ? '' : path);
    }
    return child;
  }
  let json: string;
  try {
    json = JSON.stringify(value, replacer);
  } catch (error) {
    if (error instanceof UnstorableValueError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UnstorableValueError(key, `the value is not JSON-serialisable (${reason})`);
  }
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_BOT_STATE_BYTES) {
    throw new UnstorableValueError(
      key,
      `its JSON is ${bytes} bytes, more than the ${MAX_BOT_STATE_BYTES}-byte (1 MB) limit`,
    );
  }
  return json;
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
