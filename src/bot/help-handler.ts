import { CardFactory, type TurnContext } from 'botbuilder';
import { buildHelpCard } from '../cards/help-card';

export const HELP_PATTERN = /^\s*(help|\?|what can you do\??|commands)\s*[.!]?\s*$/i;

export async function sendHelp(context: TurnContext): Promise<void> {
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(buildHelpCard())] });
}
