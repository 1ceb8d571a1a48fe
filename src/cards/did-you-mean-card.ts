// "Did you mean: status of Jane Doe?": a message that was only a name, or close to one. Each button is a pick on the
// worker choice (CHOOSE_WORKER_VERB) carrying the worker's id and the purpose only; the handler re-checks scope.
import { adaptiveCard, executeAction, type AdaptiveCard, type CardElement } from './adaptive-card';
import { CHOOSE_WORKER_VERB, type WorkerChoice } from './choice-card';

export function buildDidYouMeanCard(choices: ReadonlyArray<WorkerChoice>): AdaptiveCard {
  const [nearest] = choices;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: nearest ? `Did you mean: status of ${nearest.displayName}?` : 'Did you mean someone?',
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
    },
  ];
  for (const choice of choices) {
    const items: CardElement[] = [
      {
        type: 'ActionSet',
        actions: [
          executeAction(`Status of ${choice.displayName}`, CHOOSE_WORKER_VERB, {
            userId: choice.userId,
            purpose: 'status',
          }),
        ],
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
  body.push({
    type: 'TextBlock',
    text: 'Something else? Say "help" to see what I can do.',
    wrap: true,
    isSubtle: true,
    separator: true,
  });
  return adaptiveCard(body);
}
