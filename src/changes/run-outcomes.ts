// How a run ended, in the requester's words: after a restart (found in Microsoft 365), or on an error.
import { SYSTEM_ACTOR, type AuditContext } from '../audit/audit-context';
import { GraphFailure } from '../graph/graph-errors';
import type { ApplyResult, Reconciled } from '../methods/method-contract';
import type { ChangeRequest } from './change-request';

/** How a change left running by a crash ended, as found in Microsoft 365 after a restart or by another instance. */
export function afterRestart(verdict: Reconciled, name: string): ApplyResult {
  if (verdict === 'applied')
    return { status: 'succeeded', outcome: 'The change was made (confirmed after phonedesk was interrupted).' };
  if (verdict === 'partly-applied')
    return {
      status: 'partially-succeeded',
      outcome: `The change was only partly made (found after phonedesk was interrupted); ask "why can't ${name} sign in?" for what is left.`,
    };
  return {
    status: 'failed',
    outcome:
      'phonedesk stopped before the change was made, and it was not made. Ask for it again if it is still needed.',
  };
}

export function plainError(error: unknown): string {
  if (error instanceof GraphFailure) return error.userMessage;
  return 'Something went wrong while making the change. IT can find the details in the audit log.';
}

/** Reconciling is phonedesk's own act, audited as the system's on the request's behalf. */
export function reconcilingContext(request: ChangeRequest): AuditContext {
  return {
    actor: SYSTEM_ACTOR,
    requester: request.requester,
    requestId: request.id,
    targetUserId: request.target.userId,
  };
}
