// An adaptiveCard/action invoke that no verb route took: its value is not an object, it has no Action.Execute,
// or it names a verb phonedesk does not have. Teams-ai would answer 501 with an empty body; the Universal
// Actions contract wants a 400 with an error body, so the client shows a sentence and nothing is changed.
// (An Action.Submit with such a verb is a message: it is answered in the chat, see isSubmitWithVerb.)
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { ACTION_INVOKE_NAME } from '@microsoft/teams-ai';
import type { Logger } from '../log/logger';

interface CardActionError {
  statusCode: 400;
  type: 'application/vnd.microsoft.error';
  value: { code: string; message: string };
}

/** Why the invoke cannot be acted on, in plain words for the person who clicked. */
function unmatchedReason(value: unknown): { code: string; message: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { code: 'BadRequest', message: 'That card action could not be read, so nothing was changed.' };
  }
  const action = (value as { action?: unknown }).action;
  if (typeof action !== 'object' || action === null || (action as { type?: unknown }).type !== 'Action.Execute') {
    return { code: 'BadRequest', message: 'That card action has no button in it, so nothing was changed.' };
  }
  // Every verb phonedesk has got its own route, so a verb that reaches here is unknown (or missing).
  return { code: 'BadRequest', message: 'That button is not one phonedesk knows, so nothing was changed.' };
}

/** Every card action invoke; registered after the verb routes, so it only sees what they did not take. */
export async function isCardActionInvoke(context: TurnContext): Promise<boolean> {
  return context.activity.type === ActivityTypes.Invoke && context.activity.name === ACTION_INVOKE_NAME;
}

/**
 * An Action.Submit message naming a verb (no text, an object value with a string `verb`); registered after the verb
 * routes, so it only sees verbs phonedesk does not have.
 */
export async function isSubmitWithVerb(context: TurnContext): Promise<boolean> {
  const { type, text, value } = context.activity;
  return (
    type === ActivityTypes.Message &&
    !text &&
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { verb?: unknown }).verb === 'string'
  );
}

/** Answers HTTP 400 with the Universal Actions error body; changes nothing. */
export async function refuseUnmatchedCardAction(context: TurnContext, logger: Logger): Promise<void> {
  const reason = unmatchedReason(context.activity.value);
  logger.warn({ code: reason.code, activityId: context.activity.id }, 'refused a card action no route handles');
  const body: CardActionError = { statusCode: 400, type: 'application/vnd.microsoft.error', value: reason };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 400, body } });
}
