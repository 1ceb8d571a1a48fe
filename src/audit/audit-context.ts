// Who is behind the Graph calls made in the current async flow: set by dialogs and the change executor,
// read by the audit observer, so that every Graph call is recorded with its actor and request.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Person {
  aadObjectId: string;
  name: string;
}

export interface AuditContext {
  /** The person (or "phonedesk" for background work) on whose behalf phonedesk acts. */
  actor: Person;
  /** Who asked for the change, when it is a change. */
  requester?: Person;
  /** The change request, when there is one. */
  requestId?: string;
  /** The worker the calls are about. */
  targetUserId?: string;
}

export const SYSTEM_ACTOR: Person = { aadObjectId: 'phonedesk', name: 'phonedesk' };

const storage = new AsyncLocalStorage<AuditContext>();

/** Runs `work` with `context` as the audit context of every Graph call it makes. */
export function withAuditContext<T>(context: AuditContext, work: () => Promise<T>): Promise<T> {
  return storage.run(context, work);
}

/** The current audit context; background work without one is attributed to phonedesk itself. */
export function currentAuditContext(): AuditContext {
  return storage.getStore() ?? { actor: SYSTEM_ACTOR };
}
