// A click on a question card inside a conversation ("Do you mean …?", "Drop the waiting request?"). The
// conversation that asked reads the answer and checks that it still waits for it, from this person; nothing
// else on the card is used.
import type { TurnContext } from 'botbuilder';
import { askedInstead } from '../../dialogs/answer-prompt';
import type { AppTurnState } from './app-turn-state';
import type { BotDependencies } from './bot-dependencies';
import { dialogSetFor, dispatch } from './message-handler';
import { personOf, WHO_ARE_YOU } from './person-of';
import { parseIntent } from './understanding/parse-intent';

export async function answerQuestion(
  deps: BotDependencies,
  context: TurnContext,
  state: AppTurnState,
): Promise<{ text: string }> {
  const requester = personOf(context.activity);
  if (!requester) return { text: WHO_ARE_YOU };
  const dialogs = dialogSetFor(deps, state);
  const dc = await dialogs.createContext(context);
  if (!dc.activeDialog) return { text: 'That question is no longer open. Please ask again.' };
  const asked = askedInstead(await dc.continueDialog());
  if (asked !== undefined) await dispatch(deps, context, state, requester, parseIntent(asked), dialogs);
  return { text: 'OK.' };
}
