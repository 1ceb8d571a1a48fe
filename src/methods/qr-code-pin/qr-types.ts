// The QR code + PIN method's types: its slice of the worker's snapshot (the badge, the policy, the worker's last
// sign-in), the changes it makes, the conversations that ask for them, and what its findings are called. Times are ISO strings as Graph gives them (docs/graph-facts.md §17).

/** A standard or temporary code, as a GET shows it: no image, ever. */
export interface QrCodeSnapshot {
  id: string;
  startDateTime: string;
  expireDateTime: string;
  /** Undefined until the code is first used (Graph's 0001-01-01T00:00:00Z). */
  lastUsedDateTime?: string;
}

export interface QrCodePinSnapshot {
  id: string;
  createdDateTime: string;
  standardQRCode?: QrCodeSnapshot;
  temporaryQRCode?: QrCodeSnapshot;
  /** The worker must change the PIN at their next sign-in (a new or reset PIN). */
  forceChangePinNextSignIn: boolean;
}

export interface QrPolicyTarget {
  id: string;
  targetType: 'group' | 'user';
  displayName?: string;
}

export interface QrPolicySnapshot {
  state: 'enabled' | 'disabled';
  includeTargets: QrPolicyTarget[];
  excludeTargets: QrPolicyTarget[];
  pinLength: number;
  standardQRCodeLifetimeInDays: number;
}

export interface QrSnapshot {
  /** The worker's badge, when they have one. */
  qrCodePin?: QrCodePinSnapshot;
  /** Undefined when it could not be read (a cloud without QR code sign-in, a missing permission). */
  qrPolicy?: QrPolicySnapshot;
  /**
   * When the worker last signed in, by any method (signInActivity): "never" before their first sign-in, when a
   * badge still reads "Incorrect QR code" (docs/graph-facts.md §17.6); undefined when phonedesk may not read it (AuditLog.Read.All).
   */
  lastSignIn?: string | 'never';
}

/** What the QR code + PIN findings are called. */
export type QrFindingId =
  | 'qr-policy-off'
  | 'qr-not-in-policy'
  | 'qr-no-standard-code'
  | 'qr-badge-expired'
  | 'qr-badge-expiring'
  | 'qr-badge-never-used'
  | 'qr-first-sign-in-needed'
  | 'qr-temporary-code';

/** Extends the active badge to a full lifetime from the day it runs, at most 395 days after it was issued. */
export interface ExtendBadge {
  kind: 'extend-badge';
  /** The badge (standard code) it extends: a badge replaced since is not extended. */
  codeId: string;
  /** The policy's standardQRCodeLifetimeInDays when asked. */
  lifetimeDays: number;
}

/** A lost or stolen badge: its codes stop working at once and the worker is signed out everywhere; the PIN stays. */
export interface RevokeBadge {
  kind: 'revoke-badge';
}

/** Removes the worker's QR code + PIN method altogether (a leaver, or no more badges). */
export interface RemoveBadgeMethod {
  kind: 'remove-qr-method';
}

export type QrChange = ExtendBadge | RevokeBadge | RemoveBadgeMethod;

/** The conversations that ask for these changes (qr-asks.ts). */
export type QrAskIntent = 'lost-badge' | 'extend-badge' | 'remove-badge';
