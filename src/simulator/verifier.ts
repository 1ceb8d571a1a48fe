// What the simulated tenant keeps of a secret it issued (a QR code's content, a PIN, a pass): a hash to check a
// sign-in against, never the secret itself, as a real identity provider keeps a verifier.
import { createHash, timingSafeEqual } from 'node:crypto';

export function verifierOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether the secret presented is the one issued; false when nothing was issued to check against (a seeded one). */
export function matches(verifier: string | undefined, presented: string): boolean {
  if (verifier === undefined) return false;
  return timingSafeEqual(Buffer.from(verifier, 'hex'), Buffer.from(verifierOf(presented), 'hex'));
}
