import { auditHash } from '../../src/audit/audit-hash';
import { GENESIS_HASH, type AuditRecord } from '../../src/audit/audit-record';
import { canonicalJson } from '../../src/audit/canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('is the same text whatever order the keys were written in', () => {
    const one = { phase: 'intent', actor: { name: 'Ann', aadObjectId: 'a1' }, operation: 'phoneMethods.create' };
    const two = { operation: 'phoneMethods.create', actor: { aadObjectId: 'a1', name: 'Ann' }, phase: 'intent' };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('drops undefined properties, but keeps null and array positions', () => {
    expect(canonicalJson({ a: undefined, b: null, c: [1, undefined, 2] })).toBe('{"b":null,"c":[1,null,2]}');
  });

  it('sorts keys by UTF-16 code units and escapes strings as JSON does', () => {
    expect(canonicalJson({ é: 1, Z: 2, a: 3, '10': 4, '9': 5 })).toBe('{"10":4,"9":5,"Z":2,"a":3,"é":1}');
    expect(canonicalJson('line\nbreak "quoted" \u2028 ✓')).toBe(JSON.stringify('line\nbreak "quoted" \u2028 ✓'));
  });

  it('refuses what JSON cannot carry faithfully instead of hashing something else', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(/plain objects/);
    expect(() => canonicalJson({ big: BigInt(1) })).toThrow(TypeError);
  });

  it('parses back to the same value', () => {
    const value = {
      text: 'Zoë "O\'Brien"',
      list: [1.5, -2, 0, true, null, 'a,b'],
      nested: { deeper: { deepest: [] } },
    };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});

describe('audit hash', () => {
  const record: AuditRecord = {
    sequence: 1,
    time: '2025-01-31T08:00:00.000Z',
    previousHash: GENESIS_HASH,
    phase: 'event',
    actor: { aadObjectId: 'a1', name: 'Ann' },
    operation: 'change.approve',
    hash: 'to be replaced',
  };

  it("is SHA-256 hex and ignores the record's own hash field", () => {
    const hash = auditHash(record);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash({ ...record, hash: 'anything else' })).toBe(hash);
  });

  it('changes when any hashed field changes, including sequence, time and previous hash', () => {
    const hash = auditHash(record);
    for (const changed of [
      { ...record, sequence: 2 },
      { ...record, time: '2025-01-31T08:00:00.001Z' },
      { ...record, previousHash: 'f'.repeat(64) },
      { ...record, actor: { aadObjectId: 'a1', name: 'Anne' } },
      { ...record, detail: 'approved' },
    ]) {
      expect(auditHash(changed)).not.toBe(hash);
    }
  });

  it('does not depend on key order', () => {
    const reversed = Object.fromEntries(Object.entries(record).reverse()) as unknown as AuditRecord;
    expect(auditHash(reversed)).toBe(auditHash(record));
  });
});
