// A badge's secrets sit in the database only sealed: unreadable there, bound to their row, gone with the process's
// key after a restart, and refused when the text was tampered with.
import { Secret } from '../../src/secret/secret';
import { SecretSeal, type SealedSecrets } from '../../src/secret/secret-seal';

const RAW = 'qr-raw-content-9f3a1c77b2e04d58';
const PIN = '48213907';
const PASS = 'TAP-Kx7!mQ2#zR9v';
const ROW = 'job-42/worker-jane';

const all = (): SealedSecrets => ({ rawContent: new Secret(RAW), pin: new Secret(PIN), pass: new Secret(PASS) });

/** What the sealed secrets reveal, field by field (a missing field stays missing). */
function revealed(secrets: SealedSecrets | undefined) {
  if (!secrets) return undefined;
  return Object.fromEntries(Object.entries(secrets).map(([field, secret]) => [field, (secret as Secret).reveal()]));
}

// The base64url alphabet in order: index ^ 32 flips the top bit of a character's six, which is always a data bit
// (a segment's last character may carry padding bits only at the bottom).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function changedAt(text: string, index: number): string {
  const at = ALPHABET.indexOf(text[index]!);
  const replacement = at >= 0 ? ALPHABET[at ^ 32]! : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('SecretSeal', () => {
  it('opens what it sealed to the same secrets', () => {
    const seal = new SecretSeal();
    expect(revealed(seal.open(seal.seal(all(), ROW), ROW))).toEqual({ rawContent: RAW, pin: PIN, pass: PASS });
  });

  it('seals the same secrets differently each time (a fresh IV)', () => {
    const seal = new SecretSeal();
    expect(seal.seal(all(), ROW)).not.toBe(seal.seal(all(), ROW));
  });

  it('keeps nothing of the secrets readable in the sealed text, not even in base64', () => {
    const sealed = new SecretSeal().seal(all(), ROW);
    for (const value of [RAW, PIN, PASS]) {
      const forms = [
        value,
        Buffer.from(value).toString('base64'),
        Buffer.from(value).toString('base64').replace(/=+$/, ''),
        Buffer.from(value).toString('base64url'),
        Buffer.from(value).toString('hex'),
      ];
      for (const form of forms) expect(sealed).not.toContain(form);
    }
  });

  it('does not open after a restart (another instance has another key)', () => {
    const sealed = new SecretSeal().seal(all(), ROW);
    expect(new SecretSeal().open(sealed, ROW)).toBeUndefined();
  });

  it('does not open on another row (bound to the row it was sealed for)', () => {
    const seal = new SecretSeal();
    const sealed = seal.seal(all(), ROW);
    expect(seal.open(sealed, 'job-42/worker-sam')).toBeUndefined();
    expect(seal.open(sealed, `${ROW} `)).toBeUndefined();
    expect(seal.open(sealed, '')).toBeUndefined();
    // Still opens where it belongs: the refusals above were about the row alone.
    expect(revealed(seal.open(sealed, ROW))).toEqual({ rawContent: RAW, pin: PIN, pass: PASS });
  });

  it('does not open when any one character of the sealed text is changed', () => {
    const seal = new SecretSeal();
    const sealed = seal.seal(all(), ROW);
    const opened: number[] = [];
    for (let index = 0; index < sealed.length; index++) {
      const tampered = changedAt(sealed, index);
      expect(tampered).not.toBe(sealed);
      if (seal.open(tampered, ROW) !== undefined) opened.push(index);
    }
    expect(opened).toEqual([]);
  });

  it('does not open with a shortened authentication tag', () => {
    // AES-GCM's tag is 16 bytes; a shorter one accepted makes a forgery 2^96 times easier at 4 bytes. Cutting the
    // tag's text short (or putting "=" into it, where decoding stops) must be a change like any other.
    const seal = new SecretSeal();
    const sealed = seal.seal(all(), ROW);
    const [version, iv, tag, body] = sealed.split('.') as [string, string, string, string];
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
    for (const short of [tag.slice(0, 6), tag.slice(0, 16), tag.slice(0, 20)]) {
      expect(seal.open([version, iv, short, body].join('.'), ROW)).toBeUndefined();
    }
    expect(seal.open([version, iv, `${tag.slice(0, 6)}=${tag.slice(7)}`, body].join('.'), ROW)).toBeUndefined();
  });

  it('does not open garbage', () => {
    const seal = new SecretSeal();
    const sealed = seal.seal(all(), ROW);
    const garbage = [
      '',
      'garbage',
      'v1',
      'v1...',
      'v1.a.b.c',
      'v2' + sealed.slice(2),
      sealed.replace(/\./g, ''),
      sealed.split('.').slice(0, 3).join('.'),
      Buffer.from(JSON.stringify({ rawContent: RAW, pin: PIN, pass: PASS })).toString('base64url'),
    ];
    for (const text of garbage) expect(seal.open(text, ROW)).toBeUndefined();
  });

  it('opens a seal of only the content and PIN without a pass', () => {
    const seal = new SecretSeal();
    const opened = seal.open(seal.seal({ rawContent: new Secret(RAW), pin: new Secret(PIN) }, ROW), ROW);
    expect(revealed(opened)).toEqual({ rawContent: RAW, pin: PIN });
    expect(opened).not.toHaveProperty('pass');
  });

  it('gives secrets that print as "[secret]" in JSON', () => {
    const seal = new SecretSeal();
    const opened = seal.open(seal.seal(all(), ROW), ROW);
    const json = JSON.stringify(opened);
    expect(json).toBe('{"rawContent":"[secret]","pin":"[secret]","pass":"[secret]"}');
    for (const value of [RAW, PIN, PASS]) expect(json).not.toContain(value);
    expect(opened?.pin).toBeInstanceOf(Secret);
  });
});
