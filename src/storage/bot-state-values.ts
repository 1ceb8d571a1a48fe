// What every botbuilder `Storage` adapter (SQLite, Azure Blobs) shares: the eTag conflict error with MemoryStorage's
// message, and the check that a value survives JSON as it is (plain objects only, at most 1 MB), before any write.
import type { StoreItem } from 'botbuilder';

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
export function serialiseStoreItem(key: string, item: unknown): string {
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
