// What a message asks for, as understood without a language model.
import type { ChangeIntentKind } from '../../methods/registry';

export type SymptomHint = 'fig6' | 'number-in-use' | 'cannot-sign-in';

export type Intent =
  | { kind: 'help' }
  /** "status of Jane", "is Bob ready?" */
  | { kind: 'status'; worker: string }
  /** "why can't Bob sign in?", "Bob gets FIG6", "number in use for Ali" */
  | { kind: 'diagnose'; worker: string; symptom?: SymptomHint; number?: string }
  /** "who has 07700 900456?" */
  | { kind: 'who-has'; number: string }
  | ChangeIntent
  /** "how is my store doing?", "overview of Leeds": a store's workers by state; `store` as typed, when named. */
  | { kind: 'overview'; store?: string }
  /** "move my store to QR badges": the plan card for the store; `store` as typed, when named. */
  | { kind: 'move-store'; store?: string }
  /** "finish moving my store": SMS sign-in off beside badges in use; `store` as typed, when named. */
  | { kind: 'finish-store-move'; store?: string }
  /** "turn off SMS sign-in for everyone" / "… for the Frontline workers group": tenant admins, impact first. */
  | { kind: 'sms-off'; group?: string }
  /** A roster pasted in: one worker a line with a mobile number or "badge" (roster-lines.ts); the text as sent. */
  | { kind: 'roster'; text: string }
  /** "history of Bob": the last changes phonedesk asked for the worker. */
  | { kind: 'history'; worker?: string }
  /** "is SMS sign-in set up?" */
  | { kind: 'tenant-check' }
  /** "which admins can sign in by text message?": tenant admins, the role holders with a single-check way in. */
  | { kind: 'weak-admins' }
  /** "are we ready for February?": tenant admins, the readiness card for 2027-02-01. */
  | { kind: 'readiness' }
  /** "pending", "my requests" */
  | { kind: 'pending' }
  /** "cancel 42" */
  | { kind: 'cancel'; requestNumber?: number }
  /** "approve 42", "reject 42 because wrong person" (text channels without cards) */
  | { kind: 'approve'; requestNumber?: number; note?: string }
  | { kind: 'reject'; requestNumber?: number; note?: string }
  /** "instructions for Jane" */
  | { kind: 'instructions'; worker?: string }
  | { kind: 'unknown' };

/**
 * A change asked for in words, as a method module's ask reads it (methods/change-ask.ts): "add +44 7700 900123 for
 * Jane Doe because …", "Ali left", "Ali lost their phone". The conversation asks for the parts still missing.
 */
export interface ChangeIntent {
  kind: ChangeIntentKind;
  worker?: string;
  /** The phone number as typed, when the change takes one. */
  number?: string;
  reason?: string;
  /** Said when the ask reads leavers ("Ali left"). */
  leaver?: boolean;
  /** Said when the ask reads how long ("for 4 hours"). */
  hours?: number;
}
