// What an approver sees to decide a request, gathered once when it is made and stored with it, so that every
// copy of its card shows the same facts and card builders need no I/O. Numbers in here are masked already.
import type { ChangeStatus } from './change-status';

interface EarlierChange {
  number: number;
  /** changeSummary of it, numbers masked. */
  summary: string;
  status: ChangeStatus;
  createdAt: string;
}

type ConflictKind = 'number-reported-lost' | 'number-held-elsewhere' | 'open-request';

export interface Conflict {
  kind: ConflictKind;
  /** The meaning in plain words. */
  text: string;
}

export interface RequestFacts {
  worker: {
    /** Administrative units, by name. */
    stores: string[];
    jobTitle?: string;
    /** Their sign-in now, in one plain line. */
    signInNow: string;
  };
  /** The requester's stores, by name; empty for helpdesk staff without one. */
  requesterStores: string[];
  /** phonedesk changes for the same worker or the same number in the last 30 days, newest first. */
  recent: EarlierChange[];
  conflicts: Conflict[];
}
