// Before a tenant admin turns SMS sign-in off for a whole group, or the whole SMS policy: who signs in by text message
// there now, who would be locked out (no working badge), and in which stores. Their choice of how, by button; two
// tenant admins decide (the one asking and another who approves). Numbers stay either way.
import { describeTarget } from '../methods/policy-target';
import { adaptiveCard, executeAction, type AdaptiveCard, type CardElement } from './adaptive-card';
import { plural, text } from './card-words';
import { cardDateTime } from './card-time';

export const SMS_OFF_VERB = 'smsoff.ask';

export interface SmsOffView {
  targets: ReadonlyArray<{ id: string; targetType: string; displayName?: string; isUsableForSignIn: boolean }>;
  /** One target asked about (unticking it), or the whole policy. */
  oneTarget: boolean;
  readAt: string;
  smsUsers: number;
  lockedOut: number;
  byStore: ReadonlyArray<{ store: string; smsUsers: number; lockedOut: number }>;
}

export function buildSmsOffCard(view: SmsOffView): AdaptiveCard {
  const scope = view.oneTarget
    ? describeTarget(view.targets[0]!)
    : `everyone (${view.targets.map((target) => describeTarget(target)).join(', ') || 'no target lets anyone sign in by SMS'})`;
  const body: CardElement[] = [
    text(`Turning off SMS sign-in for ${scope}`, { weight: 'Bolder', size: 'Medium' }),
    text(`Read live from Microsoft 365 at ${cardDateTime(view.readAt)}.`, { isSubtle: true, size: 'Small' }),
    text(
      view.smsUsers === 0
        ? 'Nobody there signs in by text message now.'
        : `${plural(view.smsUsers, 'worker')} ${view.smsUsers === 1 ? 'signs' : 'sign'} in by text message now; ${view.lockedOut} of them ${view.lockedOut === 1 ? 'has' : 'have'} no working QR badge and would be locked out.`,
      { weight: 'Bolder' },
    ),
  ];
  if (view.byStore.length > 0)
    body.push({
      type: 'FactSet',
      facts: view.byStore.map((line) => ({
        title: line.store,
        value: `${line.smsUsers} by SMS, ${line.lockedOut} would be locked out`,
      })),
    });
  body.push(
    text(
      'Their numbers stay, as they are, for confirming sign-ins where the policy still allows it. A second tenant admin approves; give the locked-out workers badges first ("move my store to QR codes", per store).',
      { isSubtle: true },
    ),
  );
  const actions = [
    ...view.targets
      .filter((target) => target.isUsableForSignIn)
      .slice(0, 4)
      .map((target) =>
        executeAction(`Untick 'Use for sign-in' for ${target.displayName ?? 'that target'}`, SMS_OFF_VERB, {
          mode: 'untick',
          targetId: target.id,
        }),
      ),
    ...(view.oneTarget
      ? []
      : [executeAction('Turn off the SMS policy', SMS_OFF_VERB, { mode: 'policy' }, 'destructive')]),
  ];
  return adaptiveCard(body, actions.length > 0 ? { actions } : {});
}
