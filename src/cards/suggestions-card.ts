// For a message phonedesk did not understand: the nearest things it can do, as buttons. A button carries only which
// thing; the handler runs it, or asks for the worker or number it needs. No button names a person or a request.
import { adaptiveCard, executeAction, type AdaptiveCard, type CardElement } from './adaptive-card';

export const SUGGEST_VERB = 'request.suggest';
/** The button that shows the help card. */
export const HELP_SUGGESTION = 'help';

interface Suggestion {
  id: string;
  title: string;
}

/** The message's text says what was not understood; the card offers what to do instead. */
export function buildSuggestionsCard(suggestions: ReadonlyArray<Suggestion>): AdaptiveCard {
  const buttons = [...suggestions, { id: HELP_SUGGESTION, title: 'Everything I can do' }];
  const body: CardElement[] = [
    { type: 'TextBlock', text: 'Did you want one of these?', weight: 'Bolder', wrap: true },
    // One button a row: titles stay whole on a phone.
    ...buttons.map(({ id, title }): CardElement => ({
      type: 'ActionSet',
      actions: [executeAction(title, SUGGEST_VERB, { suggestion: id })],
    })),
  ];
  return adaptiveCard(body);
}
