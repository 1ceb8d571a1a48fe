// Seals a file under a key made for it and handed back, not kept: the key goes into the one link that opens it, so
// what storage holds (AES-256-GCM ciphertext) cannot be read by phonedesk, by another instance or by anyone with the
// storage account until that link is opened. Bound to the link's id, owner and time: a sealed file copied under
// another link, or with its expiry moved, does not open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export interface KeySealed {
  /** The key, base64url: for the link only. */
  key: string;
  /** iv | tag | ciphertext. */
  sealed: Uint8Array;
}

export function sealUnderNewKey(plain: Uint8Array, boundTo: string): KeySealed {
  const key = randomBytes(KEY_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { key: key.toString('base64url'), sealed: Buffer.concat([iv, cipher.getAuthTag(), body]) };
}

/** The file, or undefined for a wrong key, a changed binding or a changed ciphertext. */
export function openWithKey(sealed: Uint8Array, key: string, boundTo: string): Uint8Array | undefined {
  const keyBytes = Buffer.from(key, 'base64url');
  // Only the canonical spelling opens: base64url's last character has spare bits, so two spellings share a key.
  if (keyBytes.length !== KEY_BYTES || keyBytes.toString('base64url') !== key) return undefined;
  if (sealed.length < IV_BYTES + TAG_BYTES) return undefined;
  const bytes = Buffer.from(sealed);
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyBytes, bytes.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}
