import type { Logger } from '../log/logger';
import type { ChangeRequestCards, PostedCard } from '../storage/change-request-cards';

/**
 * Keeps a posted card's id so the card can be updated later. The card has reached the person whether or not
 * this works (a full disk, a locked database), so a failure only means that copy will not be updated: it must
 * not turn a delivered request into "nothing was changed" or an approver into "not reached".
 */
export async function rememberCard(cards: ChangeRequestCards, card: PostedCard, logger: Logger): Promise<void> {
  try {
    await cards.remember(card);
  } catch (error) {
    logger.warn(
      { err: error, requestId: card.requestId, audience: card.audience },
      'a card was posted but its id could not be saved; it will not be updated later',
    );
  }
}
