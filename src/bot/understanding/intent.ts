// What a message asks for, as understood without a language model.

export type SymptomHint = 'fig6' | 'number-in-use' | 'cannot-sign-in';

export type Intent =
  | { kind: 'help' }
  /** "status of Jane", "is Bob ready?" */
  | { kind: 'status'; worker: string }
  /** "why can't Bob sign in?", "Bob gets FIG6", "number in use for Ali" */
  | { kind: 'diagnose'; worker: string; symptom?: SymptomHint; number?: string }
  /** "who has 07700 900456?" */
  | { kind: 'who-has'; number: string }
  /** "add +44 7700 900123 for Jane Doe because …"; missing parts are asked for. */
  | { kind: 'add-number'; worker?: string; number?: string; reason?: string }
  /** "remove Ali's number", "Ali left" */
  | { kind: 'remove-number'; worker?: string; reason?: string; leaver: boolean }
  /** "Ali lost their phone", "SIM swapped for Ali": disable SMS sign-in and revoke sessions, urgent. */
  | { kind: 'lost-phone'; worker?: string; reason?: string }
  /** "sign Ali out everywhere" */
  | { kind: 'revoke-sessions'; worker?: string; reason?: string }
  /** "is SMS sign-in set up?" */
  | { kind: 'tenant-check' }
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
