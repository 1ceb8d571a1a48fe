import { randomUUID } from 'node:crypto';
import { CallerIdConstants, ConfigurationServiceClientCredentialFactory, TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { TokenCheckingAdapter } from './token-checking-adapter';
import type { BotCredentials } from '../config';
import type { Logger } from '../log/logger';

/** The public cloud's settings with only the token key locations replaced (botbuilder then wants all of them). */
function tokenKeySettings(keys: NonNullable<BotCredentials['tokenKeys']>): Record<string, string> {
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: keys.channelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: keys.emulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

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
    ...(bot.tokenKeys ? tokenKeySettings(bot.tokenKeys) : {}),
  };
  const adapter = new TokenCheckingAdapter(logger, settings, new ConfigurationServiceClientCredentialFactory(settings));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // One short sentence and a correlation id for the person; the details only in the log.
    const correlationId = randomUUID().slice(0, 8);
    logger.error(
      {
        err: error,
        correlationId,
        activityType: context.activity.type,
        conversationId: context.activity.conversation?.id,
      },
      'turn failed',
    );
    if (context.activity.type === 'message') {
      await context
        .sendActivity(
          `Sorry, something went wrong on my side and nothing was changed. Please try again in a minute. (Reference ${correlationId})`,
        )
        .catch((sendError: unknown) => logger.warn({ err: sendError }, 'could not tell the user about the failure'));
    }
  };
  return adapter;
}
