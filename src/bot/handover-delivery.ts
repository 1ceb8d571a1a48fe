// Hands one-time secrets to the requester: the delivery card in their 1:1 chat (and nowhere else), its id kept so
// that the card is replaced by "handed over" when they say so or after a day. Failures are logged by name only:
// an error from the Bot Connector can quote the activity it failed to send.
import { CardFactory, type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { inConversation } from './in-conversation';
import type { Person } from '../audit/audit-context';
import { buildHandoverCard, buildHandoverDoneCard, handoverWhat, type HandoverView } from '../cards/handover-card';
import type { BadgePrints } from './badge-prints';
import { meansGoneFromTeams } from './gone-from-teams';
import { qrPngDataUri } from '../cards/qr-png';
import type { ChangeRequest } from '../changes/change-request';
import type { HandoverAbout, HandoverCourier } from '../changes/secret-handover';
import type { Logger } from '../log/logger';
import type { Handover } from '../methods/handover';
import type { ConversationReferences } from '../storage/conversation-references';
import type { HandoverCards } from '../storage/handover-cards';
import type { AdaptiveCard } from '../cards/adaptive-card';

/** A card that still shows a secret after this long is cleared. */
export const HANDOVER_SHOWN_MS = 24 * 3_600_000;

const isPersonal = (reference: Partial<ConversationReference>): boolean =>
  (reference.conversation?.conversationType ?? 'personal') === 'personal';

/** Only what says why a send failed, never what it sent. */
function failureOf(error: unknown): { error: string; statusCode?: number } {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return {
    error: error instanceof Error ? error.name : 'unknown',
    ...(typeof statusCode === 'number' && { statusCode }),
  };
}

export type HandedOverAnswer = { ok: true; card: AdaptiveCard } | { ok: false; message: string };

export class HandoverDelivery implements HandoverCourier {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly references: ConversationReferences,
    private readonly cards: HandoverCards,
    private readonly requests: { get(id: string): Promise<ChangeRequest | undefined> },
    private readonly prints: BadgePrints,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Sends the card to the requester's 1:1 chat; true once Teams has it. */
  async deliver(request: ChangeRequest, handover: Handover, about: HandoverAbout): Promise<boolean> {
    const reference = await this.references.get(request.requester.aadObjectId);
    if (!reference || !isPersonal(reference)) return false;
    const worker = request.target.displayName;
    const view: HandoverView = {
      requestId: request.id,
      worker,
      ...(about.store && { store: about.store }),
      handover,
      ...(handover.code && { qrPng: await qrPngDataUri(handover.code.rawContent) }),
    };
    const printUrl = await this.prints.mint(request.id, request.requester, view).catch((error: unknown) => {
      // The card still hands the badge over; it can be printed from Teams.
      this.logger.warn({ requestId: request.id, ...failureOf(error) }, 'the badge PDF could not be made');
      return undefined;
    });
    const card = buildHandoverCard({ ...view, ...(printUrl && { printUrl }) });
    let activityId: string | undefined;
    try {
      await inConversation(this.adapter, this.botAppId, reference, async (context) => {
        activityId = (await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] }))?.id;
      });
    } catch (error) {
      this.logger.warn({ requestId: request.id, ...failureOf(error) }, 'a secret could not be handed over');
      if (printUrl) await this.prints.forget(request.id).catch(() => undefined);
      return false;
    }
    if (activityId) {
      await this.cards
        .remember({
          requestId: request.id,
          activityId,
          reference,
          what: handoverWhat(worker, handover),
          postedAt: this.now().toISOString(),
        })
        .catch((error: unknown) =>
          // Handed over all the same; the card then stays until the requester marks it.
          this.logger.warn({ err: error, requestId: request.id }, 'could not remember a handover card'),
        );
    }
    return true;
  }

  /** "Mark handed over": only the requester, on the card phonedesk posted; the answer card replaces it. */
  async markHandedOver(requestId: unknown, actor: Person | undefined): Promise<HandedOverAnswer> {
    const card = typeof requestId === 'string' ? await this.cards.get(requestId) : undefined;
    const request = card && (await this.requests.get(card.requestId));
    if (!card || !request) return { ok: false, message: 'phonedesk does not know that card.' };
    if (!actor || actor.aadObjectId.toLowerCase() !== request.requester.aadObjectId.toLowerCase())
      return { ok: false, message: `Only ${request.requester.name}, who asked for it, can mark it handed over.` };
    await this.cards.clear(card.requestId, this.now().toISOString());
    // Left in place, the PDF link still ends within its 15 minutes.
    await this.prints
      .forget(card.requestId)
      .catch((error: unknown) =>
        this.logger.warn({ requestId: card.requestId, ...failureOf(error) }, 'a badge PDF link could not be withdrawn'),
      );
    return { ok: true, card: buildHandoverDoneCard(card.what, 'handed-over') };
  }

  /** Replaces every card that has shown a secret for a day; returns how many. */
  async clearShownTooLong(): Promise<number> {
    const before = new Date(this.now().getTime() - HANDOVER_SHOWN_MS).toISOString();
    let cleared = 0;
    for (const card of await this.cards.showingSince(before, 100)) {
      try {
        await inConversation(this.adapter, this.botAppId, card.reference, async (context) => {
          await context.updateActivity({
            id: card.activityId,
            type: 'message',
            attachments: [CardFactory.adaptiveCard(buildHandoverDoneCard(card.what, 'a-day-passed'))],
          });
        });
        if (await this.cards.clear(card.requestId, this.now().toISOString())) cleared++;
      } catch (error) {
        this.logger.warn({ requestId: card.requestId, ...failureOf(error) }, 'could not clear a handover card');
        // A chat Teams says is gone shows nothing any more: stop trying.
        if (meansGoneFromTeams(error)) await this.cards.clear(card.requestId, this.now().toISOString());
      }
    }
    return cleared;
  }
}
