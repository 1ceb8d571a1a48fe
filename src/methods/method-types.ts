// The types gathered from the method modules: every change kind's payload, every ask, and the sign-in snapshot
// (the worker's core facts and each method's slice). Types only, so that findings and the contract can name them
// without importing the modules themselves.
import type { AccountAskIntent, AccountChange, AccountFindingId } from './account/account-types';
import type { WorkerSnapshot } from '../snapshot/sign-in-snapshot';
import type { SmsAskIntent, SmsChange, SmsFindingId } from './sms-sign-in/sms-types';
import type { SmsSnapshot } from './sms-sign-in/sms-snapshot';
import type { QrAskIntent, QrChange, QrFindingId, QrSnapshot } from './qr-code-pin/qr-types';
import type { TapAskIntent, TapChange, TapSnapshot } from './temporary-access-pass/tap-types';

/** Everything phonedesk reads about one worker: the core facts and each method's slice (registry, SNAPSHOT_SLICES). */
export type SignInSnapshot = WorkerSnapshot & SmsSnapshot & QrSnapshot & TapSnapshot;

/** Every change phonedesk can make, as a typed payload per kind. */
export type ChangeDetails = AccountChange | SmsChange | QrChange | TapChange;

export type ChangeKind = ChangeDetails['kind'];

/** Every conversation that asks for a change in words ("add-number"), gathered from the method modules. */
export type ChangeIntentKind = AccountAskIntent | SmsAskIntent | QrAskIntent | TapAskIntent;

/** A payload as far as it is known: the kind, and any of its fields. */
type Partly<C> = C extends { kind: string } ? Pick<C, 'kind'> & Partial<Omit<C, 'kind'>> : never;

/** A change a finding proposes, with what the finding knows; the dialogs ask for the rest (a new number). */
export type ProposedChange = Partly<ChangeDetails> & {
  /** Tenant-wide changes need the tenant-admin approver group. */
  tenantWide: boolean;
  /** The button's words when the kind's usual label does not fit ("Add their new number"). */
  title?: string;
};

/** Every finding a method can report, and "ready" (a method's readyWay, as the diagnosis words it). */
export type FindingId = AccountFindingId | SmsFindingId | QrFindingId | 'ready';
