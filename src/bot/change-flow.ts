// From a requested change to its result in chat: save it, show the requester its card, ask the approvers;
// after a decision, run it in the background and update every card when it ends.
import { CardFactory, TurnContext } from 'botbuilder';
import type { Person } from '../audit/audit-context';
import { withAuditContext } from '../audit/audit-context';
import { buildChangeRequestCard } from '../cards/change-request-card';
import { changeSummary } from '../cards/change-summary';
import type { ChangeRequest } from '../changes/change-request';
import { RequestRefused, type Decision, type DecisionResult, type NewRequestInput } from '../changes/change-service';
import { withReportedNumber } from '../changes/lost-numbers';
import { specOf } from '../methods/registry';
import type { SignInSnapshot } from '../snapshot/sign-in-snapshot';
import { withoutDeadline } from '../graph/turn-deadline';
import { maskPhoneNumbers } from '../phone/mask-phone-numbers';
import type { TimeWords } from '../time/text-time';
import type { BotDependencies } from './bot-dependencies';
import { gatherRequestFacts } from './gather-request-facts';
import { rememberCard } from './remember-card';

export async function submitChange(
  deps: BotDependencies,
  context: TurnContext,
  asked: NewRequestInput,
  snapshot: SignInSnapshot | undefined,
): Promise<ChangeRequest | undefined> {
  const input = withReportedNumber(asked, snapshot);
  const refusal = snapshot ? specOf(input).refusalFor?.(snapshot) : undefined;
  if (refusal) {
    await deps.services.audit.append({ phase: 'event', operation: 'change.refused', actor: await deps.services.directory.namedForRecord(input.requester), targetUserId: input.target.userId, detail: refusal });
    await context.sendActivity(refusal);
    return undefined;
  }
  if (!deps.limits.changes.take(input.requester.aadObjectId)) {
    await context.sendActivity("You've asked for a lot of changes in the last hour. Please wait a while, or ask your helpdesk.");
    return undefined;
  }
  const profile = await deps.services.directory.profile(input.requester);
  if (!deps.services.access.mayRequest(profile)) {
    await context.sendActivity('Only store managers and helpdesk staff can ask phonedesk for changes.');
    return undefined;
  }
  const facts = snapshot ? await gatherRequestFacts(deps, input, snapshot, profile) : undefined;
  let request: ChangeRequest;
  try {
    request = await deps.services.changes.request(facts ? { ...input, facts } : input, snapshot);
  } catch (error) {
    // A duplicate, a lost number, a number someone else holds: refused before anyone is asked; the service audited it.
    if (!(error instanceof RequestRefused)) throw error;
    await context.sendActivity(error.message);
    return undefined;
  }
  // One message: the card says what was asked and that the requester will be told. A card alone also keeps its
  // id (some clients, the Agents Playground, split a text + card activity and return no id), for updates later.
  const reply = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(buildChangeRequestCard(request, 'requester'))] });
  if (reply?.id) {
    await rememberCard(deps.cards, { requestId: request.id, activityId: reply.id, audience: 'requester', reference: TurnContext.getConversationReference(context.activity) }, deps.logger);
  }
  // The request exists now: a failure to tell approvers must not make it look as if nothing was asked.
  const { reached, unchecked } = await deps.notifier.announce(request).catch((error: unknown) => {
    deps.logger.warn({ err: error, requestId: request.id }, 'could not announce a request to approvers');
    return { reached: 0, unchecked: 1 };
  });
  if (reached === 0 && unchecked > 0) {
    await context.sendActivity(
      `I couldn't check who may approve it just now, so nobody has been told yet. The request waits: approvers see it when they ask me for "pending requests".`,
    );
  } else if (reached === 0) {
    await context.sendActivity(
      request.tenantWide
        ? 'No tenant admin has phonedesk open in Teams yet, so nobody has been told. Ask one to open phonedesk; the request waits for them.'
        : 'No approver has phonedesk open in Teams yet, so nobody has been told. Ask your helpdesk to open phonedesk; the request waits for them.',
    );
  }
  return request;
}

/** A lost phone's number stays on the account: say so, so that nobody expects it to be gone. */
/** Runs an approved request and tells everyone how it ended. Safe to call twice: only one run happens. */
export async function runApproved(deps: BotDependencies, requestId: string): Promise<ChangeRequest> {
  const { request, ran } = await deps.services.executor.run(requestId);
  // Whoever ran it tells people, once; a second click only sees where it stands.
  if (ran && deps.services.changes.isFinal(request)) await deps.notifier.announceOutcome(request);
  return request;
}

/** What the requester is told of a rejection: who, why (numbers masked: chats get forwarded), and what next. */
export function rejectionNotice(request: ChangeRequest, by: string, note: string | undefined): string {
  const what = `${by} rejected request ${request.number} (${changeSummary(request)})`;
  const why = note ? `${what}. Their reason: "${maskPhoneNumbers(note)}".` : `${what} without giving a reason.`;
  return `${why} If it is still needed, ask again with more detail, or talk to ${by} about it.`;
}

/** Records the decision (exactly once), then, if approved, starts the change without making the clicker wait. */
export async function decide(
  deps: BotDependencies,
  requestId: string,
  actor: Person | undefined,
  decision: Decision,
  note?: string,
  timeWords?: TimeWords,
): Promise<DecisionResult & { running?: Promise<ChangeRequest> }> {
  // The audit log names the clicker as the directory last did, not as the client says; the decision reads afresh.
  const named = actor && deps.services.directory.knownName(actor);
  const result = await withAuditContext({ actor: named ?? { aadObjectId: 'unknown', name: 'unknown' } }, () => deps.services.changes.decide(requestId, named, decision, note, timeWords));
  if (!result.ok) return result;
  if (decision === 'reject') {
    await deps.notifier.tellRequester(result.request, rejectionNotice(result.request, result.request.decidedBy?.name ?? 'an approver', note));
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
  deps: BotDependencies,
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
  const request = ended ?? (await deps.services.changes.get(decided.id)) ?? decided;
  return { request, resultShown: deps.services.changes.isFinal(request) };
}
