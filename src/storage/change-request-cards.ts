// Port: where the cards of a change request were posted, so that every copy can be updated when it changes.
import type { ConversationReference } from 'botbuilder';

type CardAudience = 'requester' | 'approver';

export interface PostedCard {
  requestId: string;
  activityId: string;
  audience: CardAudience;
  reference: Partial<ConversationReference>;
}

export interface ChangeRequestCards {
  remember(card: PostedCard): Promise<void>;
  cardsOf(requestId: string): Promise<PostedCard[]>;
}
