// Port: which user holds which phone number. Graph has no reverse lookup, so phonedesk keeps its own index,
// fed by every read and write it makes and by a background sweep.
import type { PhoneMethodSnapshot, PhoneType, SmsSignInState } from '../snapshot/sign-in-snapshot';

export interface NumberIndexEntry {
  e164: string;
  userId: string;
  phoneType: PhoneType;
  smsSignInState: SmsSignInState;
  seenAt: string;
}

/** Where an interrupted sweep resumes. */
export interface SweepState {
  startedAt: string;
  /** The registration report page to read next; undefined once all pages are read. */
  nextLink: string | undefined;
  /** Users of the current page whose phones are not read yet. */
  pendingUserIds: string[];
  finishedAt: string | undefined;
  usersRead: number;
}

export interface NumberIndex {
  /** Replaces everything known about the user's phones with what Graph just said. */
  record(userId: string, methods: readonly PhoneMethodSnapshot[], seenAt: Date): Promise<void>;
  holdersOf(e164: string): Promise<NumberIndexEntry[]>;
  sweepState(): Promise<SweepState | undefined>;
  saveSweepState(state: SweepState): Promise<void>;
}
