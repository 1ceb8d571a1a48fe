// A question the bot waits on inside a conversation ("Do you mean Ali Khan?", "Drop the waiting request?"),
// answered with a button or in words. A button carries its answer and ids only: the conversation that asked
// checks that it is still waiting for this answer, from this person.
import {
  adaptiveCard,
  executeAction,
  type ActionData,
  type AdaptiveCard,
  type CardElement,
  type ExecuteAction,
} from './adaptive-card';

export const ANSWER_VERB = 'dialog.answer';

interface QuestionChoice {
  title: string;
  /** What the button answers, e.g. "yes"; the dialog reads it, never anything else from the card. */
  answer: string;
  style?: ExecuteAction['style'];
}

export function buildQuestionCard(
  question: string,
  detail: string | undefined,
  choices: readonly QuestionChoice[],
  ids: ActionData = {},
): AdaptiveCard {
  const body: CardElement[] = [{ type: 'TextBlock', text: question, weight: 'Bolder', wrap: true }];
  if (detail) body.push({ type: 'TextBlock', text: detail, wrap: true, isSubtle: true, spacing: 'Small' });
  body.push({
    type: 'ActionSet',
    actions: choices.map((choice) =>
      executeAction(choice.title, ANSWER_VERB, { ...ids, answer: choice.answer }, choice.style),
    ),
  });
  return adaptiveCard(body);
}
