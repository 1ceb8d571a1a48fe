// One line saying what a change does, with the number masked: for cards, chat replies and notifications.
import type { ChangeStatus } from '../changes/change-request';
import type { TargetedChange } from '../methods/method-contract';
import { specOf, type ChangeDetails } from '../methods/registry';

/** What the change does, in the words of the sign-in method that owns it. */
export function changeSummary(change: TargetedChange<ChangeDetails>): string {
  return specOf(change).summary(change);
}

export const STATUS_WORDS: Readonly<Record<ChangeStatus, string>> = {
  pending: 'Waiting for approval',
  approved: 'Approved, starting',
  executing: 'Approved, being made now',
  succeeded: 'Done',
  failed: 'Not done',
  'partially-succeeded': 'Partly done',
  rejected: 'Rejected',
  expired: 'Expired',
  cancelled: 'Cancelled',
};
