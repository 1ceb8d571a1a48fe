// After a decision on a requested change: record it exactly once, run an approved change in the background and
// tell everyone how it ended. (Asking for a change is conversation/submit-change.ts.)
import type { Person } from '../audit/audit-context';
import { withAuditContext } from '../audit/audit-context';
import type { RequesterDirectory } from '../access/requester-directory';
import { changeSummary } from '../cards/change-summary';
import type { ChangeExecutor } from '../changes/change-executor';
import type { ChangeRequest } from '../changes/change-request';
import type { ChangeService, Decision, DecisionResult } from '../changes/change-service';
import { withoutDeadline } from '../graph/turn-deadline';
import type { Logger } from '../log/logger';
import { maskPhoneNumbers } from '../phone/mask-phone-numbers';
import type { TimeWords } from '../time/text-time';
import type { Notifier } from './notifier';

export interface DecisionDeps {
  directory: RequesterDirectory;
  changes: Pick<ChangeService, 'decide' | 'get' | 'isFinal'>;
  executor: Pick<ChangeExecutor, 'run'>;
  notifier: Pick<Notifier, 'tellRequester' | 'announceOutcome'>;
  logger: Logger;
}

/** Runs an approved request and tells everyone how it ended. Safe to call twice: only one run happens. */
async function runApproved(deps: DecisionDeps, requestId: string): Promise<ChangeRequest> {
  const { request, ran } = await deps.executor.run(requestId);
  // Whoever ran it tells people, once; a second click only sees where it stands.
  if (ran && deps.changes.isFinal(request)) await deps.notifier.announceOutcome(request);
  return request;
}

/** What the requester is told of a rejection: who, why (numbers masked: chats get forwarded), and what next. */
function rejectionNotice(request: ChangeRequest, by: string, note: string | undefined): string {
  const what = `${by} rejected request ${request.number} (${changeSummary(request)})`;
  const why = note ? `${what}. Their reason: "${maskPhoneNumbers(note)}".` : `${what} without giving a reason.`;
  return `${why} If it is still needed, ask again with more detail, or talk to ${by} about it.`;
}

/** Records the decision (exactly once), then, if approved, starts the change without making the clicker wait. */
export async function decide(
  deps: DecisionDeps,
  requestId: string,
  actor: Person | undefined,
  decision: Decision,
  note?: string,
  timeWords?: TimeWords,
): Promise<DecisionResult & { running?: Promise<ChangeRequest> }> {
  // The audit log names the clicker as the directory last did, not as the client says; the decision reads afresh.
  const named = actor && deps.directory.knownName(actor);
  const result = await withAuditContext({ actor: named ?? { aadObjectId: 'unknown', name: 'unknown' } }, () =>
    deps.changes.decide(requestId, named, decision, note, timeWords),
  );
  if (!result.ok) return result;
  if (decision === 'reject') {
    await deps.notifier.tellRequester(
      result.request,
      rejectionNotice(result.request, result.request.decidedBy?.name ?? 'an approver', note),
    );
    return result;
  }
  // The change runs on after the answer, so it is not bound by the time the clicker is given.
  const running = withoutDeadline(() => runApproved(deps, requestId)).catch((error: unknown) => {
    deps.logger.error({ err: error, requestId }, 'running an approved change failed');
    throw error;
  });
  running.catch(() => undefined);
  return { ...result, running };
}

/** How long an approval's answer waits for the change itself, so that a change that ends at once is shown ended. */
export const QUICK_CHANGE_MS = 2000;

/**
 * The request as the answer to a decision should show it. The answer is written to the cards after the change
 * has started, and the executor writes the result to every copy of the card when it ends: a change that ends
 * at once (Graph refusing straight away) would have its result overwritten by an "Approved, starting" card for
 * good. So wait briefly for the change, and say whether its result has already been shown (no refresh needed).
 */
export async function whereItStands(
  deps: DecisionDeps,
  decided: ChangeRequest,
  running: Promise<ChangeRequest> | undefined,
): Promise<{ request: ChangeRequest; resultShown: boolean }> {
  if (!running) return { request: decided, resultShown: false };
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), QUICK_CHANGE_MS);
  });
  const ended = await Promise.race([running.catch(() => undefined), waited]);
  clearTimeout(timer);
  const request = ended ?? (await deps.changes.get(decided.id)) ?? decided;
  return { request, resultShown: deps.changes.isFinal(request) };
}
