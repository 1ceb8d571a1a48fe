import { ActivityTypes, CardFactory, type Storage, type TurnContext } from 'botbuilder';
import { Application, AdaptiveCardActionExecuteResponseType, type TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from '../log/logger';
import type { AppTurnState } from './app-turn-state';
import type { BotDependencies } from './bot-dependencies';
import { CARD_VERBS, handleCardAction } from './card-actions';
import { withinDeadline } from '../graph/turn-deadline';
import { failureReply } from './failure-reply';
import { helpCardFor } from './help-reply';
import { handleMessage, rememberPerson } from './message-handler';
import { personOf } from './person-of';
import { isCardActionInvoke, isSubmitWithVerb, refuseUnmatchedCardAction } from './unmatched-card-action';

export type { AppTurnState } from './app-turn-state';

interface ApplicationDependencies {
  adapter: TeamsAdapter;
  storage: Storage;
  logger: Logger;
  bot: BotDependencies;
}

/**
 * Time for Graph while a person waits (src/graph/turn-deadline.ts). Teams gives up on a card click after about
 * 10–15 s; an Approve answer may also wait 2 s for a quick change (QUICK_CHANGE_MS), so Graph gets 7.
 */
const CARD_CLICK_GRAPH_MS = 7000;
/** A message's replies are calls of their own, so Teams does not time out, but a person is still waiting. */
const MESSAGE_GRAPH_MS = 20_000;

/**
 * Runs a turn's work; if it fails, the conversation state goes back to what the turn loaded. No half-begun dialog
 * is kept to swallow the next message, and nothing is left to save: when storage is what failed, saving would
 * fail again and the person would get a second error message.
 */
async function orUndo<T>(state: AppTurnState, work: () => Promise<T>): Promise<T> {
  const loaded = JSON.stringify(state.conversation);
  try {
    return await work();
  } catch (error) {
    state.conversation = JSON.parse(loaded) as AppTurnState['conversation'];
    throw error;
  }
}

/** The only place that builds the teams-ai Application, so a later move to Teams SDK v2 stays in bot/. */
export function createApplication({
  adapter,
  storage,
  logger,
  bot,
}: ApplicationDependencies): Application<AppTurnState> {
  const app = new Application<AppTurnState>({
    adapter,
    storage,
    startTypingTimer: false,
    adaptiveCards: {
      // An Action.Submit fallback carries its verb in its data under this key (cards/adaptive-card.ts).
      actionSubmitFilter: 'verb',
      actionExecuteResponseType: AdaptiveCardActionExecuteResponseType.REPLACE_FOR_INTERACTOR,
    },
  });

  // teams-ai's submit routes read `value.verb` from any value of type object, and would throw on `null`: a message
  // whose value is null is a message without one, as it always was.
  app.turn('beforeTurn', async (context) => {
    if (context.activity.value === null) delete context.activity.value;
    return true;
  });

  /** Action.Submit, from channels without Universal Actions: the same handlers as a click, answered in the chat. */
  const answerSubmit =
    (verb: string) =>
    async (context: TurnContext, state: AppTurnState, data: Record<string, unknown>): Promise<void> => {
      try {
        const result = await orUndo(state, () =>
          withinDeadline(MESSAGE_GRAPH_MS, () => handleCardAction(bot, context, state, verb, data)),
        );
        // An answer already posted (a request's card) is not repeated: one message per action.
        if ('posted' in result) return;
        await context.sendActivity(
          'card' in result ? { attachments: [CardFactory.adaptiveCard(result.card)] } : result.text,
        );
      } catch (error) {
        await context.sendActivity(failureReply(error, logger, verb));
      }
    };

  // Every verb, both ways its button arrives: Action.Execute (an invoke, answered in the invoke response) and the
  // Action.Submit fallback (a message without text whose value names the verb).
  for (const verb of CARD_VERBS) {
    app.adaptiveCards.actionExecute(verb, async (context, state, data) => {
      try {
        const result = await orUndo(state, () =>
          withinDeadline(CARD_CLICK_GRAPH_MS, () =>
            handleCardAction(bot, context, state, verb, (data ?? {}) as Record<string, unknown>),
          ),
        );
        return 'card' in result ? result.card : 'posted' in result ? result.posted : result.text;
      } catch (error) {
        return failureReply(error, logger, verb);
      }
    });
    app.adaptiveCards.actionSubmit<Record<string, unknown>>(verb, answerSubmit(verb));
  }
  // Invoke routes are tried in order: this one only gets the card actions no verb above matched.
  app.addRoute(isCardActionInvoke, async (context) => refuseUnmatchedCardAction(context, logger), true);
  // Likewise a submit whose verb phonedesk does not have (an old card): the handlers say the button is gone.
  app.adaptiveCards.actionSubmit<Record<string, unknown>>(isSubmitWithVerb, async (context, state, data) =>
    answerSubmit(String(data.verb))(context, state, data),
  );
  // The Playground and Teams say hello when the chat opens: remember how to reach the person.
  app.activity(ActivityTypes.ConversationUpdate, async (context) => rememberPerson(bot, context));
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    await rememberPerson(bot, context);
    // The welcome is the help card for who they are: approvers get theirs.
    if (context.activity.action === 'add')
      await context.sendActivity({
        attachments: [CardFactory.adaptiveCard(await helpCardFor(bot, personOf(context.activity)))],
      });
  });

  // Catch-all: must stay the last message route.
  app.activity(ActivityTypes.Message, async (context, state) => {
    try {
      await orUndo(state, () => withinDeadline(MESSAGE_GRAPH_MS, () => handleMessage(bot, context, state)));
    } catch (error) {
      await context.sendActivity(failureReply(error, logger, 'message'));
    }
  });

  return app;
}
