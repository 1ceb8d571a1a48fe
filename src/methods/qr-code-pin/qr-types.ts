// The QR code + PIN method's types: its slice of the worker's snapshot (the badge, the policy, the worker's last
// sign-in), the changes it makes, the conversations that ask for them, and what its findings are called. Times are ISO strings as Graph gives them (docs/graph-facts.md §17).

/** A standard or temporary code, as a GET shows it: no image, ever. */
export interface QrCodeSnapshot {
  id: string;
  /** When the code was made (for "was it made by this change?"), when Graph says. */
  createdDateTime?: string;
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
  /** When the PIN was last set (made or reset), when Graph says. */
  pinUpdatedDateTime?: string;
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
  | 'qr-temporary-code'
  | 'qr-sms-still-on'
  | 'qr-admin-badge';

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

/**
 * A working badge and a new temporary PIN, handed to the requester once: a new QR code + PIN method, or for a worker
 * who has one, a new badge in place of the old (which stops working) and a PIN reset.
 */
export interface IssueBadge {
  kind: 'issue-badge';
  /** How long the badge works: the policy's standardQRCodeLifetimeInDays when asked. */
  lifetimeDays: number;
}

/** A new starter (or a worker who never signed in): a one-time Temporary Access Pass for the first sign-in, which a
 * badge needs before it works, and the badge with its PIN, in one request. */
export interface NewStarter {
  kind: 'new-starter';
  lifetimeDays: number;
  passMinutes: number;
}

/** A code for a forgotten badge, 1 to 12 hours, used with the worker's own PIN; it replaces any earlier one. */
export interface TemporaryCode {
  kind: 'temporary-code';
  hours: number;
}

/** A new temporary PIN, made by Entra; the worker changes it at their next sign-in. */
export interface ResetPin {
  kind: 'reset-pin';
}

/** One worker of a store's move, as the plan was approved: a badge, with a pass first when they never signed in. */
export interface PlannedBadge {
  userId: string;
  displayName: string;
  withPass: boolean;
}

/** A worker the plan leaves out, and why, in plain words. */
export interface SkippedWorker {
  displayName: string;
  why: string;
}

/**
 * A whole store moved to badges under one approval: runs as a job (src/jobs/), a badge per planned worker, each
 * checked again when its turn comes, the badges printed on one sheet for the requester at the end.
 */
export interface MoveStoreToBadges {
  kind: 'move-store-to-badges';
  storeId: string;
  planned: PlannedBadge[];
  skipped: SkippedWorker[];
  lifetimeDays: number;
  passMinutes: number;
}

export type QrChange =
  | IssueBadge
  | NewStarter
  | TemporaryCode
  | ResetPin
  | ExtendBadge
  | RevokeBadge
  | RemoveBadgeMethod
  | MoveStoreToBadges;

/** The conversations that ask for these changes (qr-asks.ts). */
export type QrAskIntent =
  | 'issue-badge'
  | 'new-starter'
  | 'move-to-badge'
  | 'temporary-code'
  | 'reset-pin'
  | 'lost-badge'
  | 'extend-badge'
  | 'remove-badge';
