// The Temporary Access Pass method's types: its slice of the worker's snapshot, their pass and the tenant's policy
// (docs/graph-facts.md §18). The pass itself is never read: Graph shows it only once.

export type TapUsability = 'EnabledByPolicy' | 'DisabledByPolicy' | 'Expired' | 'NotYetValid' | 'OneTimeUsed';

export interface TemporaryAccessPassSnapshot {
  id: string;
  startDateTime: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  isUsable: boolean;
  methodUsabilityReason: TapUsability;
}

export interface TapPolicySnapshot {
  state: 'enabled' | 'disabled';
  defaultLifetimeInMinutes: number;
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  isUsableOnce: boolean;
}

export interface TapSnapshot {
  /** Undefined when phonedesk could not read them. */
  temporaryAccessPasses?: TemporaryAccessPassSnapshot[];
  tapPolicy?: TapPolicySnapshot;
}

/** A pass for the worker's first sign-in (a new starter, or before a badge's first use), handed to the requester once. */
export interface IssuePass {
  kind: 'issue-pass';
  lifetimeMinutes: number;
}

export type TapChange = IssuePass;

/** The conversations that ask for these changes (tap-asks.ts). */
export type TapAskIntent = 'issue-pass';
