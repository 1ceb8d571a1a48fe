// The changes phonedesk can make, each approved by a second person before it reaches Graph.
// Kinds are per frontline sign-in method; SMS sign-in is the first method (QR code + PIN can follow).

export type ChangeKind =
  | 'add-number'
  | 'replace-number'
  | 'remove-number'
  | 'enable-sms-sign-in'
  | 'disable-sms-sign-in'
  | 'revoke-sessions'
  | 'secure-lost-phone'
  | 'set-use-for-sign-in';

/** A change a finding proposes; the dialogs turn it into a request for approval. */
export interface ProposedChange {
  kind: ChangeKind;
  /** Graph form "+44 7700900123", for number changes. */
  phoneNumber?: string;
  /** For set-use-for-sign-in: the SMS policy include target (group id or all_users). */
  policyTargetId?: string;
  useForSignIn?: boolean;
  /** Tenant-wide changes need the tenant-admin approver group. */
  tenantWide: boolean;
  /** The button's words when the kind's usual label does not fit ("Add their new number"). */
  title?: string;
}
