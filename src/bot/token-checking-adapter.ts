import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from '../log/logger';

type AdapterArguments = ConstructorParameters<typeof TeamsAdapter>;

// jsonwebtoken's errors for a bad signature, a missing signature or a token used before its time.
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);
const UNAUTHORIZED = 401;

/**
 * botbuilder answers 401 for most bad tokens but lets jsonwebtoken's own errors (an edited or unsigned token, one
 * not yet valid) escape as 500 with the library's message, and prints every refusal with console.error. A forged
 * request is the caller's fault: 401 with no detail, and one structured log line so operators can see it.
 */
export class TokenCheckingAdapter extends TeamsAdapter {
  constructor(
    private readonly logger: Logger,
    ...args: AdapterArguments
  ) {
    super(...args);
  }

  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    try {
      return typeof auth === 'string'
        ? await super.processActivity(auth, activity, logic)
        : await super.processActivity(auth, activity, logic);
    } catch (error) {
      const tokenError = error instanceof Error && TOKEN_ERRORS.has(error.name);
      if (!tokenError && !(error instanceof AuthenticationError)) throw error;
      if (error instanceof AuthenticationError && error.statusCode >= 500) {
        // The signing keys could not be fetched: phonedesk's problem, not the caller's (botbuilder would say 401).
        this.logger.error({ reason: error.message }, 'could not check a Bot Framework token: signing keys unavailable');
        return { status: error.statusCode, body: 'The bot cannot check tokens right now' };
      }
      this.logger.warn(
        { reason: error.message, channelId: activity.channelId, activityType: activity.type },
        'request refused: no valid Bot Framework token',
      );
      return { status: UNAUTHORIZED, body: 'Unauthorized' };
    }
  }
}
