// The account's types, whatever method the worker signs in with: its changes, the conversation that asks for it,
// and what its findings are called.

export interface RevokeSessions {
  kind: 'revoke-sessions';
}

/** A leaver: their mobile number (when it can go), QR badge and PIN, and any pass are removed; they are signed out. */
export interface Leaver {
  kind: 'leaver';
}

export type AccountChange = RevokeSessions | Leaver;

/** The conversation that asks for it (account-asks.ts). */
export type AccountAskIntent = 'revoke-sessions';

/** What the account's findings are called. */
export type AccountFindingId =
  'guest-account' | 'account-disabled' | 'no-qualifying-licence' | 'sessions-recently-revoked';
