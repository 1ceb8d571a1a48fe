// "Are we ready for 1 February 2027?" for tenant admins: days left, who still signs in by text message and who holds
// a used badge, per store; then the telecom provider, the registration campaign and the policy migration. Every line
// says what to do next (docs/graph-facts.md §19).
import type { Readiness, StoreReadiness } from '../diagnosis/readiness';
import { daysUntilSmsEnds } from '../methods/sms-sign-in/sms-retirement';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './adaptive-card';
import { cardDateTime } from './card-time';
import { plural, text } from './card-words';
import { describeTelecomProvider } from './tenant-check-card';

function daysLine(now: Date): string {
  const left = daysUntilSmsEnds(now);
  return left > 0
    ? `${plural(left, 'day')} left: Microsoft stops sending SMS codes itself on 1 February 2027, and sign-in by text message ends with it.`
    : 'Sign-in by text message ended on 1 February 2027.';
}

function storeNext(store: StoreReadiness): string {
  if (store.onSmsOnly > 0) return `move ${store.onSmsOnly} to badges ("move ${store.store} to QR badges")`;
  if (store.onSms > 0) return `everyone on SMS has used a badge: "finish moving ${store.store}"`;
  return 'nothing left to do';
}

function storeFacts(stores: readonly StoreReadiness[]): CardElement {
  return {
    type: 'FactSet',
    facts: stores.map((store) => ({
      title: store.store,
      value: `${store.onSms} of ${store.workers} on SMS, ${store.usedBadge} with a used badge; ${storeNext(store)}`,
    })),
  };
}

function campaignLine(state: string | undefined): string {
  switch (state) {
    case 'default':
      return 'Registration campaign: Microsoft-managed. Since 1 September 2026 Microsoft nudges people who use SMS toward passkeys at sign-in; frontline workers moving to badges can skip the nudge.';
    case 'enabled':
      return 'Registration campaign: on. People are nudged at sign-in to set up a stronger method; keep it on for office staff.';
    case 'disabled':
      return 'Registration campaign: off. Nobody is nudged away from SMS: turn it on, or set it back to Microsoft-managed, for staff who are not moving to badges.';
    default:
      return 'Registration campaign: not shown by Microsoft 365.';
  }
}

function migrationLine(state: string | undefined): string {
  if (state === 'migrationComplete')
    return 'Policy migration: complete. The legacy MFA and password-reset settings no longer turn SMS on; nothing to do.';
  return `Policy migration: ${state ?? 'not shown'}. Until it is complete the legacy MFA and password-reset settings may still turn SMS on: finish the migration in the Entra admin center (Authentication methods, Manage migration).`;
}

export function buildReadinessCard(readiness: Readiness, now: Date): AdaptiveCard {
  const { total, outsideStores, settings } = readiness;
  const body: CardElement[] = [
    text('Ready for 1 February 2027?', { weight: 'Bolder', size: 'Medium' }),
    text(`Read live from Microsoft 365 at ${cardDateTime(readiness.readAt)}.`, { isSubtle: true, size: 'Small' }),
    text(daysLine(now), { weight: 'Bolder' }),
    text(
      total.onSms === 0
        ? `Nobody signs in by text message any more; ${plural(total.usedBadge, 'worker')} ${total.usedBadge === 1 ? 'holds' : 'hold'} a badge they have used.`
        : `${plural(total.onSms, 'worker')} still ${total.onSms === 1 ? 'signs' : 'sign'} in by text message; ${total.onSmsOnly} of them ${total.onSmsOnly === 1 ? 'has' : 'have'} no used badge and would be locked out. ${plural(total.usedBadge, 'worker')} ${total.usedBadge === 1 ? 'holds' : 'hold'} a badge they have used.`,
    ),
  ];
  if (readiness.stores.length > 0) body.push(storeFacts(readiness.stores));
  if (outsideStores.onSms > 0)
    body.push(
      text(
        `Outside any store: ${outsideStores.onSms} on SMS, ${outsideStores.usedBadge} with a used badge. Give them badges one by one ("give … a badge"), or another method.`,
      ),
    );
  if (readiness.unread > 0)
    body.push(
      text(`${plural(readiness.unread, 'worker')} could not be read just now; ask again in a minute.`, {
        isSubtle: true,
      }),
    );
  body.push(
    text(
      `${describeTelecomProvider(readiness.policy.telecomProviderSettings)} A provider keeps text messages for MFA and password reset only, not for signing in: it does not keep SMS sign-in going. Move sign-in to badges either way.`,
      { separator: true },
    ),
  );
  if ('unreadable' in settings) body.push(text(settings.unreadable, { isSubtle: true }));
  else body.push(text(campaignLine(settings.campaignState)), text(migrationLine(settings.policyMigrationState)));
  return adaptiveCard(body);
}
