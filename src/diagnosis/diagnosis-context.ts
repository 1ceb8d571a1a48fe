import type { PhoneNumber } from '../phone/phone-number';

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
}
