// Pure rules: for each group that signs in with a single-factor frontline method (SMS sign-in, a QR badge), which
// Conditional Access policies keep it to named apps, require a compliant or shared device, or ask for an
// authentication strength. Only enforced policies count; report-only ones are named as not enough
// (docs/graph-facts.md §19.1).

import type { ConditionalAccessSnapshot } from '../snapshot/conditional-access-snapshot';

export type { ConditionalAccessSnapshot } from '../snapshot/conditional-access-snapshot';

export type SignInMethod = 'sms' | 'qr';

/** A target of the SMS policy ("Use for sign-in" ticked) or of the QR code policy. */
export interface SignInGroup {
  /** A group id, a user id, or "all_users". */
  id: string;
  targetType: 'group' | 'user';
  name: string;
  methods: SignInMethod[];
}

export interface PolicyRef {
  id: string;
  displayName: string;
}

/** One of the three things Microsoft advises for these methods, and which enforced policies do it. */
export interface Cover {
  by: Array<PolicyRef & { detail: string }>;
  /** Report-only policies that would do it if turned on. */
  reportOnly: Array<PolicyRef & { detail: string }>;
}

export interface GroupCoverage {
  group: SignInGroup;
  apps: Cover;
  device: Cover;
  strength: Cover;
}

/** The tenant check's Conditional Access part: each group's coverage, or why it could not be read. */
export type AccessCheck = { kind: 'read'; coverage: GroupCoverage[] } | { kind: 'unreadable'; message: string };

const DEVICE_CONTROLS = ['compliantDevice', 'domainJoinedDevice'];

/** App ids and keywords named in words; others as "an app (id …)". Microsoft's first-party ids. */
const KNOWN_APPS: Readonly<Record<string, string>> = {
  All: 'every app',
  Office365: 'Office 365',
  MicrosoftAdminPortals: 'the Microsoft admin portals',
  'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe': 'Microsoft Teams Services',
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264': 'Microsoft Teams',
  '00000002-0000-0ff1-ce00-000000000000': 'Exchange Online',
  '00000003-0000-0ff1-ce00-000000000000': 'SharePoint Online',
  '797f4846-ba00-4fd7-ba43-dac1f8f63013': 'Windows Azure Service Management API',
};

export function appName(id: string): string {
  return KNOWN_APPS[id] ?? `an app (id ${id.slice(0, 8)}…)`;
}

function names(ids: readonly string[]): string {
  const words = ids.map(appName);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Whether the policy's users include the whole group (or the one person) and do not exclude it. */
export function appliesTo(policy: ConditionalAccessSnapshot, group: SignInGroup): boolean {
  const { users } = policy;
  if (users.excludeUsers.includes('All')) return false;
  const everyone = users.includeUsers.includes('All');
  if (group.id === 'all_users') return everyone && users.excludeGroups.length === 0 && users.excludeUsers.length === 0;
  if (group.targetType === 'user')
    return (everyone || users.includeUsers.includes(group.id)) && !users.excludeUsers.includes(group.id);
  return (everyone || users.includeGroups.includes(group.id)) && !users.excludeGroups.includes(group.id);
}

/** What the policy does to keep workers to named apps, in words; undefined if it does not. */
function appLimit(policy: ConditionalAccessSnapshot): string | undefined {
  if (!policy.controls.includes('block')) return undefined;
  const { include, exclude } = policy.apps;
  if (include.includes('All')) return exclude.length > 0 ? `lets them open only ${names(exclude)}` : 'blocks every app';
  if (include.length === 0 || include.includes('None')) return undefined;
  return `blocks ${names(include)}`;
}

/** Only the apps named when the policy is scoped to some: "for Exchange Online". */
function forApps(policy: ConditionalAccessSnapshot): string {
  return policy.apps.include.includes('All') ? '' : ` for ${names(policy.apps.include)}`;
}

/** Every grant control is needed (AND), or the device ones are the only way through (OR). */
function requiresAll(policy: ConditionalAccessSnapshot, wanted: (control: string) => boolean): boolean {
  const granted = policy.controls.filter((control) => control !== 'block');
  if (granted.length === 0) return false;
  return policy.operator === 'AND' ? granted.some(wanted) : granted.every(wanted);
}

function deviceRule(policy: ConditionalAccessSnapshot): string | undefined {
  const filter = policy.deviceFilter;
  if (policy.controls.includes('block') && filter?.mode === 'exclude')
    return `blocks every device but those matching ${filter.rule}${forApps(policy)}`;
  if (requiresAll(policy, (control) => DEVICE_CONTROLS.includes(control)))
    return `requires a compliant or hybrid-joined device${forApps(policy)}`;
  return undefined;
}

function strengthRule(policy: ConditionalAccessSnapshot): string | undefined {
  if (!policy.authenticationStrength || policy.controls.includes('block')) return undefined;
  return `requires the authentication strength "${policy.authenticationStrength}"${forApps(policy)}`;
}

function cover(
  policies: readonly ConditionalAccessSnapshot[],
  rule: (policy: ConditionalAccessSnapshot) => string | undefined,
): Cover {
  const result: Cover = { by: [], reportOnly: [] };
  for (const policy of policies) {
    const detail = rule(policy);
    if (detail === undefined) continue;
    const ref = { id: policy.id, displayName: policy.displayName, detail };
    if (policy.state === 'enabled') result.by.push(ref);
    else if (policy.state === 'reportOnly') result.reportOnly.push(ref);
  }
  return result;
}

export function accessCoverage(
  groups: readonly SignInGroup[],
  policies: readonly ConditionalAccessSnapshot[],
): GroupCoverage[] {
  return groups.map((group) => {
    const applying = policies.filter((policy) => appliesTo(policy, group));
    return {
      group,
      apps: cover(applying, appLimit),
      device: cover(applying, deviceRule),
      strength: cover(applying, strengthRule),
    };
  });
}

/** The groups a gap leaves open to every app: no enforced policy keeps them to named apps. */
export function openToEveryApp(coverage: readonly GroupCoverage[]): GroupCoverage[] {
  return coverage.filter((line) => line.apps.by.length === 0);
}
