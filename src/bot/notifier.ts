// Proactive messages: approvers are told of new requests, requesters of decisions and results, and every copy of
// a request's card is updated when the request changes.
import { CardFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { AccessPolicy } from '../access/access-policy';
import type { ApproverRoster } from '../access/approver-roster';
import type { RequesterDirectory } from '../access/requester-directory';
import { buildChangeRequestCard, type ChangeCardView } from '../cards/change-request-card';
import { changeSummary } from '../cards/change-summary';
import type { ChangeRequest } from '../changes/change-request';
import type { Announced, ApprovalAnnouncer } from '../conversation/submit-change';
import { rememberCard } from '../conversation/remember-card';
import type { Logger } from '../log/logger';
import { meansGoneFromTeams } from './gone-from-teams';
import { KeyedQueue } from './keyed-queue';
import { typedDecisionHint } from './typed-decision-hint';
import type { ChangeRequestCards, PostedCard } from '../storage/change-request-cards';
import type { ConversationReferences } from '../storage/conversation-references';

/** The channel an approver chose with "use this channel for approvals". */
export const APPROVALS_CHANNEL = 'approvals';

export interface Approver {
  aadObjectId: string;
  /** Teams user id (MRI) for refresh.userIds. */
  teamsUserId: string | undefined;
  reference: Partial<ConversationReference>;
}

export class Notifier implements ApprovalAnnouncer {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly references: ConversationReferences,
    private readonly cards: ChangeRequestCards,
    private readonly directory: RequesterDirectory,
    private readonly access: AccessPolicy,
    private readonly logger: Logger,
    private readonly requests: { get(id: string): Promise<ChangeRequest | undefined> },
    /** The approver groups' members; without it each reachable person's profile is read (bench/announce's "before"). */
    private readonly roster?: ApproverRoster,
  ) {}

  /** Card writes of one request, one at a time: see refreshCards. */
  private readonly cardWrites = new KeyedQueue();

  /** `person`: whose 1:1 chat this is; if Teams says they are gone from it (403/404), they are no longer tried. */
  private async send(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
    person?: string,
  ): Promise<boolean> {
    // The adapter's onTurnError would swallow a failure inside the turn, so catch it here to see it.
    let failure: { error: unknown } | undefined;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        await logic(context).catch((error: unknown) => {
          failure = { error };
        });
      });
      if (failure) throw failure.error;
      return true;
    } catch (error) {
      this.logger.warn({ err: error, conversationId: reference.conversation?.id }, 'proactive message failed');
      if (person && meansGoneFromTeams(error)) await this.forget(person);
      return false;
    }
  }

  private async forget(aadObjectId: string): Promise<void> {
    try {
      await this.references.delete(aadObjectId);
      this.logger.info({ aadObjectId }, 'stopped messaging a person Teams says has removed phonedesk');
    } catch (error) {
      this.logger.warn({ err: error, aadObjectId }, 'could not forget a person who removed phonedesk');
    }
  }

  /** People phonedesk can reach who may decide the request (never its requester). */
  async approversFor(request: ChangeRequest): Promise<Approver[]> {
    return (await this.checkApprovers(request)).approvers;
  }

  /** The approvers, and how many people could not be checked (Graph or the audit log failing). */
  private async checkApprovers(request: ChangeRequest): Promise<{ approvers: Approver[]; unchecked: number }> {
    if (this.roster) return this.approversInRoster(this.roster, request);
    const approvers: Approver[] = [];
    let unchecked = 0;
    for (const { aadObjectId, reference } of await this.references.people()) {
      if (aadObjectId === request.requester.aadObjectId.toLowerCase()) continue;
      try {
        const profile = await this.directory.profile({ aadObjectId, name: reference.user?.name ?? 'approver' });
        const may = request.tenantWide ? this.access.isTenantAdmin(profile) : this.access.isApprover(profile);
        if (may) approvers.push({ aadObjectId, teamsUserId: reference.user?.id, reference });
      } catch (error) {
        unchecked++;
        this.logger.warn({ err: error }, 'could not check whether a person is an approver');
      }
    }
    return { approvers, unchecked };
  }

  /** The approver groups' members (cached) that phonedesk can reach; if Graph fails, nobody could be checked. */
  private async approversInRoster(
    roster: ApproverRoster,
    request: ChangeRequest,
  ): Promise<{ approvers: Approver[]; unchecked: number }> {
    const people = await this.references.people();
    let members: ReadonlySet<string>;
    try {
      const current = await roster.current();
      members = request.tenantWide ? current.tenantAdmins : current.approvers;
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read the approver groups');
      return { approvers: [], unchecked: people.length };
    }
    const requester = request.requester.aadObjectId.toLowerCase();
    const approvers = people
      .filter(({ aadObjectId }) => aadObjectId !== requester && members.has(aadObjectId.toLowerCase()))
      .map(({ aadObjectId, reference }) => ({ aadObjectId, teamsUserId: reference.user?.id, reference }));
    return { approvers, unchecked: 0 };
  }

  private cardFor(request: ChangeRequest, view: ChangeCardView, approvers: readonly Approver[]) {
    const ids = approvers.map((approver) => approver.teamsUserId).filter((id): id is string => Boolean(id));
    return buildChangeRequestCard(request, view, ids);
  }

  /** Sends the approval card to the approvals channel, if one is set, and to every approver phonedesk can reach 1:1. */
  async announce(request: ChangeRequest): Promise<Announced> {
    const { approvers, unchecked } = await this.checkApprovers(request);
    let reached = 0;
    const channel = await this.references.getChannel(APPROVALS_CHANNEL);
    if (channel) {
      // Everyone in the channel sees the request; only approvers get the buttons (refresh.userIds).
      const sent = await this.send(channel, async (context) => {
        await context.sendActivity(
          `${request.urgent ? 'Urgent: ' : ''}${request.requester.name} asks for approval of request ${request.number}: ${changeSummary(request)}.`,
        );
        const reply = await context.sendActivity({
          attachments: [CardFactory.adaptiveCard(this.cardFor(request, 'everyone', approvers))],
        });
        if (reply?.id)
          await rememberCard(
            this.cards,
            { requestId: request.id, activityId: reply.id, audience: 'approver', reference: channel },
            this.logger,
          );
      });
      if (sent) reached++;
    }
    for (const approver of approvers) {
      const sent = await this.send(
        approver.reference,
        async (context) => {
          // Text and card separately, so that the card has its own id to update (see conversation/submit-change.ts).
          await context.sendActivity(
            `${request.urgent ? 'Urgent: ' : ''}${request.requester.name} asks you to approve request ${request.number}: ${changeSummary(request)}.${typedDecisionHint(approver.reference, request)}`,
          );
          const reply = await context.sendActivity({
            attachments: [CardFactory.adaptiveCard(this.cardFor(request, 'approver', approvers))],
          });
          if (reply?.id)
            await rememberCard(
              this.cards,
              { requestId: request.id, activityId: reply.id, audience: 'approver', reference: approver.reference },
              this.logger,
            );
        },
        approver.aadObjectId,
      );
      if (sent) reached++;
    }
    return { reached, unchecked };
  }

  /** Updates every posted copy of the request's card to its current state. */
  /**
   * Updates every posted copy of the request's card. Writes for one request run one at a time, each showing the
   * request as stored when it runs (not as the caller saw it): a slow refresh from a click can then never land
   * over the result the change wrote after it. `except` skips the card a click is answering itself.
   */
  async refreshCards(request: ChangeRequest, except?: { activityId: string | undefined }): Promise<void> {
    await this.cardWrites.run(request.id, async () => {
      const latest = (await this.requests.get(request.id)) ?? request;
      const approvers = latest.status === 'pending' ? await this.approversFor(latest) : [];
      for (const card of await this.cards.cardsOf(latest.id)) {
        if (except?.activityId && card.activityId === except.activityId) continue;
        await this.update(card, latest, approvers);
      }
    });
  }

  private async update(card: PostedCard, request: ChangeRequest, approvers: readonly Approver[]): Promise<void> {
    const view: ChangeCardView =
      request.status !== 'pending' ? 'everyone' : card.audience === 'approver' ? 'approver' : 'requester';
    await this.send(card.reference, async (context) => {
      await context.updateActivity({
        id: card.activityId,
        type: 'message',
        attachments: [CardFactory.adaptiveCard(this.cardFor(request, view, approvers))],
      });
    });
  }

  /** A change ended: every card shows it, and the requester is told. */
  async announceOutcome(request: ChangeRequest): Promise<void> {
    await this.refreshCards(request);
    await this.tellRequester(
      request,
      `Request ${request.number} (${changeSummary(request)}): ${request.outcome ?? request.status}`,
    );
  }

  /** Tells the requester (1:1) what became of their request. */
  async tellRequester(request: ChangeRequest, text: string): Promise<void> {
    const reference = await this.references.get(request.requester.aadObjectId);
    if (!reference) return;
    await this.send(
      reference,
      async (context) => {
        await context.sendActivity(text);
      },
      request.requester.aadObjectId,
    );
  }
}
