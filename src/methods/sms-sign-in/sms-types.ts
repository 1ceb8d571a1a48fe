// The SMS sign-in method's types: the changes it makes, each with the payload it needs and nothing else (numbers in
// Graph form, "+44 7700900123"), the conversations that ask for them, and what its findings are called.

export interface AddNumber {
  kind: 'add-number';
  phoneNumber: string;
}

export interface ReplaceNumber {
  kind: 'replace-number';
  phoneNumber: string;
}

export interface RemoveNumber {
  kind: 'remove-number';
}

export interface EnableSmsSignIn {
  kind: 'enable-sms-sign-in';
}

export interface DisableSmsSignIn {
  kind: 'disable-sms-sign-in';
}

/** Lost phone or SIM swap. The number it turns off is recorded when known (requests before 0.1.0 lack it). */
export interface SecureLostPhone {
  kind: 'secure-lost-phone';
  phoneNumber?: string;
}

/** Ticks or unticks "Use for sign-in" for one include target of the SMS policy (tenant-wide). */
export interface SetUseForSignIn {
  kind: 'set-use-for-sign-in';
  /** A group id, or "all_users". */
  policyTargetId: string;
  useForSignIn: boolean;
}

/** Turns the whole SMS policy off: nobody signs in (or confirms sign-ins) by text message; numbers stay. */
export interface DisableSmsPolicy {
  kind: 'disable-sms-policy';
}

/**
 * Finishing a store's move to badges, approved once: SMS sign-in turned off (and, if asked, the number removed) for
 * each worker who signs in with their badge now. Runs as a job (src/jobs/finish-job.ts), each worker re-checked.
 */
export interface FinishStoreMove {
  kind: 'finish-store-move';
  storeId: string;
  planned: Array<{ userId: string; displayName: string }>;
  removeNumbers: boolean;
}

export type SmsChange =
  | AddNumber
  | ReplaceNumber
  | RemoveNumber
  | EnableSmsSignIn
  | DisableSmsSignIn
  | SecureLostPhone
  | SetUseForSignIn
  | DisableSmsPolicy
  | FinishStoreMove;

/** The conversations that ask for these changes (sms-asks.ts). */
export type SmsAskIntent = 'add-number' | 'sms-sign-in-on' | 'sms-sign-in-off' | 'remove-number' | 'lost-phone';

/** What the SMS sign-in findings are called (a fix button names its finding by id). */
export type SmsFindingId =
  | 'sms-policy-disabled'
  | 'not-in-policy'
  | 'use-for-sign-in-unchecked'
  | 'excluded-from-policy'
  | 'no-mobile-number'
  | 'number-on-wrong-phone-type'
  | 'number-not-enabled'
  | 'lost-number'
  | 'number-in-use'
  | 'admin-with-sms-sign-in'
  | 'sms-retiring';
