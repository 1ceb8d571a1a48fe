// The demo tenant's stable ids, apart so that its parts (people, badges, posture) can share them.
import { createHash } from 'node:crypto';

/** Stable GUIDs from names, so that playground users and tests can refer to the same people. */
export function demoId(name: string): string {
  const hex = createHash('sha256').update(`contoso-retail:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-9${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const DEMO_TENANT_ID = demoId('tenant');

export const DEMO_GROUPS = {
  frontlineWorkers: demoId('group:frontline-workers'),
  smsExclusions: demoId('group:sms-exclusions'),
  smsMfaOnly: demoId('group:sms-mfa-only'),
  approvers: demoId('group:phonedesk-approvers'),
  tenantAdmins: demoId('group:phonedesk-tenant-admins'),
  badgePilot: demoId('group:redmond-badge-pilot'),
} as const;
