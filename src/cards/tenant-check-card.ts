// "Is SMS sign-in set up?": the organisation's SMS policy in plain words. Tenant admins also get a button per
// group where "Use for sign-in" is unticked, and the retirement notice: Microsoft-provided SMS ends on
// 2027-02-01, a customer-managed telecom provider keeps SMS for MFA only, and QR code + PIN is the successor
// for frontline workers (docs/graph-facts.md §14).
import type { AccessCheck } from '../diagnosis/access-coverage';
import type { SmsPolicySnapshot, SmsPolicyTarget } from '../snapshot/sign-in-snapshot';
import { accessLine, accessSection } from './access-lines';
import { adaptiveCard, executeAction, type AdaptiveCard, type CardElement } from './adaptive-card';
import { PROPOSE_VERB } from './diagnosis-card';

/** The tenant check's buttons to the tenant-wide views: admins with weak sign-in, readiness for 2027-02-01. */
export const POSTURE_VERB = 'posture.show';

interface TenantCheckInput {
  policy: SmsPolicySnapshot;
  isTenantAdmin: boolean;
  /** The day of the check, for the retirement countdown. */
  today: Date;
  /** What Conditional Access asks of the groups that sign in by SMS or badge; undefined: not read. */
  access?: AccessCheck;
}

/** 2027-02-01: Microsoft-provided SMS and voice retire for all users except Global Administrators and external users. */
const RETIREMENT_UTC = Date.UTC(2027, 1, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

type Target = Pick<SmsPolicyTarget, 'id' | 'targetType' | 'displayName'>;

/** 'Frontline workers' (quoted) / all users / one person / a group (id …), for sentences. */
function targetName(target: Target): string {
  if (target.id === 'all_users') return 'all users';
  if (target.displayName) return `'${target.displayName}'`;
  return target.targetType === 'user' ? `one person (id ${target.id})` : `a group (id ${target.id})`;
}

function joined(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Whole UTC days from `today` to the retirement date: positive before it, 0 on the day, negative after. */
export function daysUntilRetirement(today: Date): number {
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((RETIREMENT_UTC - day) / DAY_MS);
}

/** What telecomProviderSettings say, in words (docs/graph-facts.md §3.4: no value suggests no provider). */
export function describeTelecomProvider(settings: SmsPolicySnapshot['telecomProviderSettings']): string {
  if (!settings || (!settings.url && !settings.appId)) {
    return 'No customer-managed telecom provider is configured.';
  }
  const parts = [
    settings.url ? 'a routing URL is set' : 'no routing URL is set',
    settings.appId ? 'an app id is set' : 'no app id is set',
  ];
  if (settings.isEvaluationModeEnabled === true)
    parts.push('evaluation mode is on (requests reach the provider, but no text messages are delivered to users)');
  else if (settings.isEvaluationModeEnabled === false) parts.push('evaluation mode is off');
  else parts.push('evaluation mode is not reported');
  if (typeof settings.migrationPercentage === 'number')
    parts.push(`${settings.migrationPercentage}% of text messages are sent through it`);
  else parts.push('no migration percentage is set');
  return `A customer-managed telecom provider is configured: ${parts.join(', ')}.`;
}

function retirementNotice(input: TenantCheckInput): CardElement {
  const days = daysUntilRetirement(input.today);
  const when =
    days > 1
      ? `on 1 February 2027, in ${days} days`
      : days === 1
        ? 'on 1 February 2027, tomorrow'
        : days === 0
          ? 'today, 1 February 2027'
          : undefined;
  const happened = when === undefined;
  const text: string[] = happened
    ? [
        `Microsoft stopped sending SMS and voice codes itself on 1 February 2027, ${-days} ${days === -1 ? 'day' : 'days'} ago (for Global Administrators and external users: 1 July 2027).`,
        describeTelecomProvider(input.policy.telecomProviderSettings),
        'SMS sign-in as a primary method (the phone number as the username) ended with it: a customer-managed telecom provider keeps text messages for MFA and password reset only, not for signing in.',
        "QR code + PIN is Microsoft's successor for frontline workers: workers who signed in with their phone number need it, or another method such as a passkey.",
      ]
    : [
        `Microsoft stops sending SMS and voice codes itself ${when} (for Global Administrators and external users: 1 July 2027).`,
        describeTelecomProvider(input.policy.telecomProviderSettings),
        'SMS sign-in as a primary method (the phone number as the username) does not survive the retirement, even with a customer-managed telecom provider: a provider keeps text messages for MFA and password reset only.',
        "QR code + PIN is Microsoft's successor for frontline workers: plan to move them to it before then.",
      ];
  return {
    type: 'Container',
    style: 'warning',
    separator: true,
    items: [
      {
        type: 'TextBlock',
        text: happened ? 'SMS retirement has happened' : 'SMS retirement is coming',
        weight: 'Bolder',
        wrap: true,
      },
      ...text.map((line): CardElement => ({ type: 'TextBlock', text: line, wrap: true, spacing: 'Small' })),
    ],
  };
}

/** The policy, each fact once, as sentences in the default colour (no table repeating them). */
function verdict(policy: SmsPolicySnapshot): CardElement[] {
  const lines: CardElement[] = [];
  if (policy.state !== 'enabled') {
    lines.push({
      type: 'TextBlock',
      text: 'SMS sign-in is off for the whole organisation: nobody can sign in with their phone number.',
      wrap: true,
    });
    return lines;
  }
  const ticked = policy.includeTargets.filter((target) => target.isUsableForSignIn).map((target) => targetName(target));
  const unticked = policy.includeTargets
    .filter((target) => !target.isUsableForSignIn)
    .map((target) => targetName(target));
  if (policy.includeTargets.length === 0) {
    lines.push({
      type: 'TextBlock',
      text: 'SMS sign-in is on, but nobody is included in it, so nobody can sign in with their phone number.',
      wrap: true,
    });
  }
  if (ticked.length > 0)
    lines.push({ type: 'TextBlock', text: `SMS sign-in is on for ${joined(ticked)}.`, wrap: true });
  if (unticked.length > 0) {
    lines.push({
      type: 'TextBlock',
      text: `"Use for sign-in" is unticked for ${joined(unticked)}: workers there can only use text messages as a second check, not to sign in.`,
      wrap: true,
    });
    if (ticked.length === 0)
      lines.push({ type: 'TextBlock', text: 'Nobody can sign in with their phone number yet.', wrap: true });
  }
  if (policy.excludeTargets.length > 0) {
    lines.push({
      type: 'TextBlock',
      text: `People in ${joined(policy.excludeTargets.map((target) => targetName(target)))} can't sign in by text message, even when they are in an included group.`,
      wrap: true,
    });
  }
  return lines;
}

export function buildTenantCheckCard(input: TenantCheckInput): AdaptiveCard {
  const { policy, isTenantAdmin } = input;
  const enabled = policy.state === 'enabled';
  const body: CardElement[] = [
    { type: 'TextBlock', text: 'Is SMS sign-in set up?', weight: 'Bolder', size: 'Medium', wrap: true },
    ...verdict(policy),
  ];
  const unticked = policy.includeTargets.filter((target) => !target.isUsableForSignIn);
  if (isTenantAdmin && unticked.length > 0) {
    for (const target of unticked) {
      const group =
        target.id === 'all_users'
          ? 'all users'
          : (target.displayName ?? (target.targetType === 'user' ? 'this person' : 'this group'));
      body.push({
        type: 'ActionSet',
        actions: [executeAction(`Tick "Use for sign-in" for ${group}`, PROPOSE_VERB, { policyTargetId: target.id })],
      });
    }
  } else if (!isTenantAdmin && (unticked.length > 0 || !enabled || policy.includeTargets.length === 0)) {
    body.push({
      type: 'TextBlock',
      text: 'Only a tenant admin can change these settings; ask your IT team.',
      wrap: true,
      isSubtle: true,
    });
  }
  if (input.access) body.push(isTenantAdmin ? accessSection(input.access) : accessLine(input.access));
  if (isTenantAdmin) {
    body.push(retirementNotice(input), {
      type: 'ActionSet',
      actions: [
        executeAction('Admins with weak sign-in', POSTURE_VERB, { view: 'weak-admins' }),
        executeAction('Ready for 1 February 2027?', POSTURE_VERB, { view: 'readiness' }),
      ],
    });
  }
  return adaptiveCard(body);
}
