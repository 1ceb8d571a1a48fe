// Where a change request stands, and the moves between standings that are allowed.

export type ChangeStatus =
  | 'pending'
  | 'approved'
  | 'rejected'
  | 'expired'
  | 'cancelled'
  | 'executing'
  | 'succeeded'
  | 'failed'
  | 'partially-succeeded';

export const FINAL_STATUSES: ReadonlySet<ChangeStatus> = new Set([
  'rejected',
  'expired',
  'cancelled',
  'succeeded',
  'failed',
  'partially-succeeded',
]);

const ALLOWED: Readonly<Record<ChangeStatus, readonly ChangeStatus[]>> = {
  pending: ['approved', 'rejected', 'expired', 'cancelled'],
  approved: ['executing', 'expired'],
  executing: ['succeeded', 'failed', 'partially-succeeded'],
  rejected: [],
  expired: [],
  cancelled: [],
  succeeded: [],
  failed: [],
  'partially-succeeded': [],
};

export function canTransition(from: ChangeStatus, to: ChangeStatus): boolean {
  return ALLOWED[from].includes(to);
}
