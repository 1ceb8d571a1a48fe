// The account's types, whatever method the worker signs in with: its change, the conversation that asks for it,
// and what its findings are called.

export interface RevokeSessions {
  kind: 'revoke-sessions';
}

export type AccountChange = RevokeSessions;

/** The conversation that asks for it (account-asks.ts). */
export type AccountAskIntent = 'revoke-sessions';

/** What the account's findings are called. */
export type AccountFindingId =
  'guest-account' | 'account-disabled' | 'no-qualifying-licence' | 'sessions-recently-revoked';
