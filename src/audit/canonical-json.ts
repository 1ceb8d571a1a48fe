// Canonical JSON: one byte-exact text per value, so that a hash computed today can be recomputed by anyone later
// (another process, another language, the `audit verify` command) from the stored record.
// Object keys are sorted by UTF-16 code units (as RFC 8785 does), there is no whitespace, and properties whose
// value is undefined are left out, exactly as JSON.stringify leaves them out.

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The canonical JSON text of `value`; throws a TypeError for anything JSON cannot carry faithfully. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // JSON.stringify would silently turn these into null, and the hash would no longer describe the data.
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold the number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        // As in JSON.stringify, an array keeps its length: a missing element is null.
        return `[${value.map((item: unknown) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      }
      // Dates, Maps, class instances… would serialise in ways that depend on their code, not their data.
      if (!isPlainObject(value))
        throw new TypeError(`canonical JSON holds plain objects only, not ${value.constructor?.name ?? 'this object'}`);
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}
