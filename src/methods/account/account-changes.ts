// Changes to the account itself, whatever method the worker signs in with.

export interface RevokeSessions {
  kind: 'revoke-sessions';
}

export type AccountChange = RevokeSessions;

/** The conversation that asks for it (account-asks.ts). */
export type AccountAskIntent = 'revoke-sessions';
