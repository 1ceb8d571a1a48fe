// A requested change, from the ask to its card in chat: check it, save it, show the requester its card, ask the
// approvers. Used by the change dialogs and the fix buttons; the decision and the run are in bot/change-flow.ts.
import { CardFactory, TurnContext } from 'botbuilder';
import type { AccessPolicy } from '../access/access-policy';
import type { RateLimiter } from '../access/rate-limiter';
import type { RequesterDirectory } from '../access/requester-directory';
import { buildChangeRequestCard } from '../cards/change-request-card';
import type { ChangeRequest } from '../changes/change-request';
import { RequestRefused, type ChangeService, type NewRequestInput } from '../changes/change-service';
import { withReportedNumber } from '../changes/lost-numbers';
import type { SignInSnapshot } from '../methods/method-types';
import type { ChangeRequestCards } from '../storage/change-request-cards';
import { gatherRequestFacts, type RequestFactsDeps } from './gather-request-facts';
import { rememberCard } from './remember-card';

/** How many places got the approval card, and how many people could not be checked as approvers. */
export interface Announced {
  reached: number;
  unchecked: number;
}

/** Tells the approvers of a new request (bot/notifier.ts). */
export interface ApprovalAnnouncer {
  announce(request: ChangeRequest): Promise<Announced>;
}

export interface SubmitChangeDeps extends RequestFactsDeps {
  changes: Pick<ChangeService, 'list' | 'request' | 'refusalForWorker'>;
  directory: RequesterDirectory;
  access: AccessPolicy;
  limits: { changes: RateLimiter };
  /** Where the requester's card is kept, to be updated later. */
  cards: ChangeRequestCards;
  notifier: ApprovalAnnouncer;
}

export async function submitChange(
  deps: SubmitChangeDeps,
  context: TurnContext,
  asked: NewRequestInput,
  snapshot: SignInSnapshot | undefined,
): Promise<ChangeRequest | undefined> {
  const input = withReportedNumber(asked, snapshot);
  if (!(await deps.limits.changes.take(input.requester.aadObjectId))) {
    await context.sendActivity(
      "You've asked for a lot of changes in the last hour. Please wait a while, or ask your helpdesk.",
    );
    return undefined;
  }
  const profile = await deps.directory.profile(input.requester);
  if (!deps.access.mayRequest(profile)) {
    await context.sendActivity('Only store managers and helpdesk staff can ask phonedesk for changes.');
    return undefined;
  }
  const facts = snapshot ? await gatherRequestFacts(deps, input, snapshot, profile) : undefined;
  let request: ChangeRequest;
  try {
    request = await deps.changes.request(facts ? { ...input, facts } : input, snapshot);
  } catch (error) {
    // A duplicate, a lost number, a number someone else holds: refused before anyone is asked; the service audited it.
    if (!(error instanceof RequestRefused)) throw error;
    await context.sendActivity(error.message);
    return undefined;
  }
  // One message: the card says what was asked and that the requester will be told. A card alone also keeps its
  // id (some clients, the Agents Playground, split a text + card activity and return no id), for updates later.
  const reply = await context.sendActivity({
    attachments: [CardFactory.adaptiveCard(buildChangeRequestCard(request, 'requester'))],
  });
  if (reply?.id) {
    await rememberCard(
      deps.cards,
      {
        requestId: request.id,
        activityId: reply.id,
        audience: 'requester',
        reference: TurnContext.getConversationReference(context.activity),
      },
      deps.logger,
    );
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
