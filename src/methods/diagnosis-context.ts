import type { PhoneNumber } from '../phone/phone-number';

/** A number phonedesk turned off (or was asked to) because the phone was reported lost or its SIM swapped. */
export interface LostNumberReport {
  /** E.164, "+447700900123". */
  e164: string;
  requestNumber: number;
  reportedBy: string;
  /** ISO time of the report. */
  reportedAt: string;
  /** ISO time phonedesk turned it off; undefined while the request has not run. */
  turnedOffAt?: string;
}

/** What the diagnosis knows beyond the snapshot. */
export interface DiagnosisContext {
  now: Date;
  /** A number the manager mentioned ("Frank's number is 07700 900151"), already parsed. */
  mentionedNumber?: PhoneNumber;
  /**
   * For a number in use: who holds it. `hidden` when the requester may not see that person,
   * `unknown` when phonedesk could not find out.
   */
  holder?: { displayName: string } | 'hidden' | 'unknown';
  /** The worker's numbers reported lost through phonedesk (from its own change store, not Graph). */
  lostNumbers?: readonly LostNumberReport[];
}
