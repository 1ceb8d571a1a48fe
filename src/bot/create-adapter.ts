import { randomUUID } from 'node:crypto';
import { ConfigurationServiceClientCredentialFactory, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotCredentials } from '../config';
import type { Logger } from '../log/logger';

/**
 * The Bot Framework adapter. With an empty app id it accepts anonymous requests (Agents Playground,
 * local tests); with an app id it validates the Bot Framework JWT on every request.
 */
export function createAdapter(bot: BotCredentials, logger: Logger): TeamsAdapter {
  const settings = {
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.appPassword,
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
  };
  const adapter = new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // One short sentence and a correlation id for the person; the details only in the log.
    const correlationId = randomUUID().slice(0, 8);
    logger.error({ err: error, correlationId, activityType: context.activity.type, conversationId: context.activity.conversation?.id }, 'turn failed');
    if (context.activity.type === 'message') {
      await context
        .sendActivity(`Sorry, something went wrong on my side and nothing was changed. Please try again in a minute. (Reference ${correlationId})`)
        .catch((sendError: unknown) => logger.warn({ err: sendError }, 'could not tell the user about the failure'));
    }
  };
  return adapter;
}
