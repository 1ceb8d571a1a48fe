// A target of an authentication method policy (SMS, QR code): whether it names a worker, and in a store manager's
// words.
import type { WorkerSnapshot } from '../snapshot/sign-in-snapshot';

/** "the group Frontline workers" / "all users" / "the user themselves". */
export function describeTarget(target: { id: string; targetType: string; displayName?: string }): string {
  if (target.id === 'all_users') return 'all users';
  if (target.targetType === 'user') return 'them directly';
  return target.displayName ? `the group "${target.displayName}"` : `a group (id ${target.id})`;
}

/** Whether a target names the worker: them directly, a group they are in (transitively), or all users. */
export function targetsWorker(worker: WorkerSnapshot): (target: { id: string; targetType: string }) => boolean {
  const groups = new Set(worker.groups.map((group) => group.id));
  return (target) =>
    target.targetType === 'user' ? target.id === worker.user.id : target.id === 'all_users' || groups.has(target.id);
}
