// The account's types, whatever method the worker signs in with: its changes, the conversation that asks for it,
// and what its findings are called.

export interface RevokeSessions {
  kind: 'revoke-sessions';
}

/** A leaver: their mobile number (when it can go), QR badge and PIN, and any pass are removed; they are signed out. */
export interface Leaver {
  kind: 'leaver';
}

/** One line of a roster, as it was approved: a mobile number for SMS sign-in, or a badge (a pass first if new). */
export interface RosterEntry {
  userId: string;
  displayName: string;
  withPass: boolean;
  /** Graph form ("+44 7700900123"); none: a badge. */
  phoneNumber?: string;
}

/** A roster's valid lines under one approval: runs as a job (src/jobs/onboard-job.ts), each worker re-checked. */
export interface OnboardRoster {
  kind: 'onboard-roster';
  planned: RosterEntry[];
  lifetimeDays: number;
  passMinutes: number;
}

export type AccountChange = RevokeSessions | Leaver | OnboardRoster;

/** The conversation that asks for it (account-asks.ts). */
export type AccountAskIntent = 'revoke-sessions';

/** What the account's findings are called. */
export type AccountFindingId =
  'guest-account' | 'account-disabled' | 'no-qualifying-licence' | 'sessions-recently-revoked';
