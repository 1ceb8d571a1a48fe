// What a change that makes a secret hands to the person who asked for it, once, in their 1:1 chat: a QR badge or a
// temporary code, a PIN, a Temporary Access Pass. It lives in memory from Graph's answer to the delivery card and is
// never stored (docs/security.md, "One-time secrets").
import type { Secret } from '../secret/secret';

export interface HandedOverCode {
  /** Base64 of the text the QR symbol encodes (docs/graph-facts.md §17.2). */
  rawContent: Secret;
  codeId: string;
  expireDateTime: string;
  /** A temporary code for a forgotten badge (hours), not the badge itself. */
  temporary: boolean;
}

export interface HandedOverPass {
  /** The pass's method id, to remove it if it cannot be handed over. */
  id: string;
  pass: Secret;
  startDateTime: string;
  /** When the pass stops working. */
  expireDateTime: string;
  usableOnce: boolean;
}

export interface Handover {
  code?: HandedOverCode;
  /** The worker's new temporary PIN: changed at their first sign-in with it. */
  pin?: Secret;
  pass?: HandedOverPass;
}
