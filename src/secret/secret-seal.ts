// Seals secrets a job keeps between Graph's answer and the badge sheet (a store's move can run for minutes), so that
// the database holds only ciphertext: AES-256-GCM under a key made at start and held in this process's memory alone.
// After a restart the key is gone and every sealed secret with it: those badges are made afresh (docs/security.md).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Secret } from './secret';

const VERSION = 'v1';

/** The secrets of one badge, sealed together. */
export interface SealedSecrets {
  rawContent?: Secret;
  pin?: Secret;
  pass?: Secret;
}

export class SecretSeal {
  readonly #key = randomBytes(32);

  /** Text safe to store: nothing of the secrets can be read from it without this process's key. */
  seal(secrets: SealedSecrets, boundTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: 16 });
    // Bound to its row: a sealed value copied onto another worker's row does not open.
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const plain = JSON.stringify({
      rawContent: secrets.rawContent?.reveal(),
      pin: secrets.pin?.reveal(),
      pass: secrets.pass?.reveal(),
    });
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      VERSION,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join('.');
  }

  /** The secrets, or undefined when this process did not seal them (a restart since) or the text was changed. */
  open(sealed: string, boundTo: string): SealedSecrets | undefined {
    const parts = sealed.split('.');
    const [version, iv, tag, body] = parts;
    if (parts.length !== 4 || version !== VERSION || !iv || !tag || body === undefined) return undefined;
    // Only the canonical form opens: a tag cut short, or a part spelled another way, is a changed text.
    const canonical = (part: string): boolean => Buffer.from(part, 'base64url').toString('base64url') === part;
    if (!canonical(iv) || !canonical(tag) || !canonical(body)) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      const parsed = JSON.parse(plain) as Record<string, unknown>;
      const secret = (value: unknown): Secret | undefined =>
        typeof value === 'string' ? new Secret(value) : undefined;
      return {
        ...(secret(parsed.rawContent) && { rawContent: secret(parsed.rawContent) }),
        ...(secret(parsed.pin) && { pin: secret(parsed.pin) }),
        ...(secret(parsed.pass) && { pass: secret(parsed.pass) }),
      };
    } catch {
      return undefined;
    }
  }
}
