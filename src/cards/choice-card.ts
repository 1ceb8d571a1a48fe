// "Which one do you mean?": when a name matches several workers, the manager picks one; phonedesk never guesses.
// Each person gets their own row and button (Teams shows at most 6 buttons in one set), and the button carries
// the worker's id and what the choice is for, nothing else: the handler re-checks scope on the chosen id.
import { adaptiveCard, executeAction, type AdaptiveCard, type CardElement } from './adaptive-card';

export const CHOOSE_WORKER_VERB = 'worker.choose';

/** More buttons than this make a card people scroll past; a longer list means the name was too vague. */
export const MAX_CHOICES = 10;

export interface WorkerChoice {
  userId: string;
  displayName: string;
  /** What tells two people with the same name apart: store, job title, the start of their UPN. */
  detail?: string;
}

export function buildWorkerChoiceCard(
  question: string,
  choices: ReadonlyArray<WorkerChoice>,
  purpose: string,
): AdaptiveCard {
  const shown = choices.slice(0, MAX_CHOICES);
  const more = choices.length - shown.length;
  const body: CardElement[] = [
    { type: 'TextBlock', text: 'Which one do you mean?', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: question, wrap: true, isSubtle: true, spacing: 'Small' },
  ];
  if (shown.length === 0) {
    body.push({ type: 'TextBlock', text: 'Nobody matched. Try their full name or their email address.', wrap: true });
  }
  for (const choice of shown) {
    const items: CardElement[] = [
      {
        type: 'ActionSet',
        actions: [executeAction(choice.displayName, CHOOSE_WORKER_VERB, { userId: choice.userId, purpose })],
      },
    ];
    if (choice.detail)
      items.push({
        type: 'TextBlock',
        text: choice.detail,
        wrap: true,
        isSubtle: true,
        size: 'Small',
        spacing: 'Small',
      });
    body.push({ type: 'Container', items, separator: true });
  }
  if (more > 0) {
    body.push({
      type: 'TextBlock',
      text: `${more} more ${more === 1 ? 'person matches' : 'people match'}. If you don't see the right one, ask again with their full name or email address.`,
      wrap: true,
      separator: true,
    });
  }
  return adaptiveCard(body);
}
