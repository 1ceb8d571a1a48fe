// "approve 5" / "reject 5 because …" for approvers whose chat cannot show a card's Approve and Reject buttons.
import type { ConversationReference } from 'botbuilder';
import type { ChangeRequest } from '../changes/change-request';

/** Channels whose cards have working buttons (Universal Actions, Action.Execute); elsewhere people type. */
const UNIVERSAL_ACTION_CHANNELS: ReadonlySet<string> = new Set(['msteams']);

/** Whether a chat, by its stored conversation reference, shows Action.Execute buttons. */
function showsCardButtons(reference: Partial<ConversationReference>): boolean {
  return UNIVERSAL_ACTION_CHANNELS.has(reference.channelId ?? '');
}

/** The hint to add after an approval request, or '' where the card's buttons work. */
export function typedDecisionHint(
  reference: Partial<ConversationReference>,
  request: Pick<ChangeRequest, 'number'>,
): string {
  if (showsCardButtons(reference)) return '';
  return ` (Without buttons, reply "approve ${request.number}" or "reject ${request.number} because …".)`;
}
