// Whether a worker was signed out everywhere since a change began: how sign-outs are checked after a lost answer.
import type { LiveState } from '../method-contract';

/** Whether the worker's sessions were revoked since this execution started (Graph keeps whole seconds). */
export function sessionsRevokedSince(live: LiveState): boolean {
  const since = live.snapshot?.user.signInSessionsValidFromDateTime;
  return (
    since !== undefined &&
    live.executionStartedAt !== undefined &&
    Date.parse(since) >= Math.floor(live.executionStartedAt.getTime() / 1000) * 1000
  );
}
