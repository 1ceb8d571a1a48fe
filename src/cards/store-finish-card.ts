// Finishing a store's move, on a card: who gets SMS sign-in turned off (they sign in with their badge now), who has
// a badge they have not used (their sign-in steps, to send them, instead), who still has SMS only. One approval.
import { adaptiveCard, executeAction, type AdaptiveCard, type CardElement } from './adaptive-card';
import { plural, text } from './card-words';
import { MOVE_VERBS, durationWords } from './store-move-card';

/** Reminder buttons on one card; the rest are counted. */
const REMINDERS = 10;

export interface FinishPlanView {
  store: { id: string; displayName: string };
  planned: ReadonlyArray<{ userId: string; displayName: string }>;
  notYet: ReadonlyArray<{ userId: string; displayName: string }>;
  smsOnly: number;
  seconds: number;
}

export function buildFinishPlanCard(plan: FinishPlanView): AdaptiveCard {
  const body: CardElement[] = [
    text(`Finish moving ${plan.store.displayName} to badges`, { weight: 'Bolder', size: 'Medium' }),
    {
      type: 'FactSet',
      facts: [
        {
          title: 'SMS sign-in off for',
          value: `${plural(plan.planned.length, 'worker')} who sign in with their badge`,
        },
        { title: 'Badge not used yet', value: `${plan.notYet.length} (SMS stays on for them)` },
        {
          title: 'Still SMS only',
          value: `${plan.smsOnly}${plan.smsOnly > 0 ? ' (move them first: "move my store to QR codes")' : ''}`,
        },
        { title: 'Takes', value: durationWords(plan.seconds) },
      ],
    },
  ];
  if (plan.planned.length > 0) {
    body.push(text('SMS sign-in off', { weight: 'Bolder', separator: true }));
    body.push(
      ...plan.planned.slice(0, 15).map((worker) => text(`• ${worker.displayName}`, { spacing: 'None', size: 'Small' })),
    );
    if (plan.planned.length > 15)
      body.push(text(`…and ${plan.planned.length - 15} more.`, { spacing: 'None', size: 'Small', isSubtle: true }));
  }
  if (plan.notYet.length > 0) {
    body.push(
      text('Not used their badge yet: send them their sign-in steps', { weight: 'Bolder', separator: true }),
      ...plan.notYet.slice(0, REMINDERS).map((worker): CardElement => ({
        type: 'ColumnSet',
        spacing: 'Small',
        columns: [
          { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [text(worker.displayName)] },
          {
            type: 'Column',
            width: 'auto',
            items: [
              {
                type: 'ActionSet',
                actions: [executeAction('Sign-in steps', MOVE_VERBS.remind, { userId: worker.userId })],
              },
            ],
          },
        ],
      })),
    );
    if (plan.notYet.length > REMINDERS)
      body.push(
        text(`…and ${plan.notYet.length - REMINDERS} more: ask "instructions for" and their name.`, { isSubtle: true }),
      );
  }
  if (plan.planned.length === 0)
    body.push(text('Nobody here signs in with a badge and by text message both.', { separator: true }));
  return adaptiveCard(body, {
    ...(plan.planned.length > 0 && {
      actions: [
        executeAction('Ask for approval', MOVE_VERBS.finish, { storeId: plan.store.id, remove: false }, 'positive'),
        executeAction('Ask, and remove their numbers too', MOVE_VERBS.finish, { storeId: plan.store.id, remove: true }),
      ],
    }),
  });
}
