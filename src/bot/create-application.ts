import { ActivityTypes, type Storage } from 'botbuilder';
import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { Logger } from '../log/logger';
import { HELP_PATTERN, sendHelp } from './help-handler';

export type AppTurnState = TurnState;

export interface ApplicationDependencies {
  adapter: TeamsAdapter;
  storage: Storage;
  logger: Logger;
}

/** The only place that builds the teams-ai Application, so a later move to Teams SDK v2 stays in bot/. */
export function createApplication({ adapter, storage, logger }: ApplicationDependencies): Application<AppTurnState> {
  const app = new Application<AppTurnState>({ adapter, storage, startTypingTimer: false });

  app.message(HELP_PATTERN, async (context) => {
    await sendHelp(context);
  });

  // Catch-all: must stay the last message route.
  app.activity(ActivityTypes.Message, async (context) => {
    const text = (context.activity.text ?? '').trim();
    if (text === '') return;
    logger.debug({ conversationId: context.activity.conversation.id }, 'message not understood');
    await context.sendActivity('I did not understand that. Say "help" to see what I can do.');
  });

  return app;
}
