// The demo tenant's Conditional Access and methods-policy settings, so that every finding of the tenant check shows:
// one enforced policy that keeps the frontline workers to Teams (where Shifts lives), one report-only policy asking
// for compliant devices, one for admins, and the Redmond badge pilot left uncovered. docs/simulator.md lists them.
import { demoId, DEMO_GROUPS } from './demo-ids';
import { GLOBAL_ADMINISTRATOR } from './role-templates';
import type { SeedConditionalAccessPolicy } from './seed';

/** Microsoft Teams Services, the first-party app Teams (and Shifts in it) signs in to. */
export const TEAMS_APP_ID = 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe';

/** The built-in "Phishing-resistant MFA" authentication strength. */
const PHISHING_RESISTANT = { id: '00000000-0000-0000-0000-000000000004', displayName: 'Phishing-resistant MFA' };

export const DEMO_POLICIES = {
  teamsOnly: demoId('ca:frontline-teams-only'),
  sharedDevices: demoId('ca:frontline-shared-devices'),
  admins: demoId('ca:admins-phishing-resistant'),
} as const;

export function demoConditionalAccess(): SeedConditionalAccessPolicy[] {
  return [
    {
      id: DEMO_POLICIES.teamsOnly,
      displayName: 'Frontline: Teams and Shifts only',
      state: 'enabled',
      conditions: {
        users: { includeUsers: [], includeGroups: [DEMO_GROUPS.frontlineWorkers] },
        applications: { includeApplications: ['All'], excludeApplications: [TEAMS_APP_ID] },
      },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    },
    {
      id: DEMO_POLICIES.sharedDevices,
      displayName: 'Frontline: compliant shared devices',
      state: 'enabledForReportingButNotEnforced',
      conditions: {
        users: { includeUsers: [], includeGroups: [DEMO_GROUPS.frontlineWorkers, DEMO_GROUPS.badgePilot] },
        applications: { includeApplications: ['All'] },
      },
      grantControls: { operator: 'OR', builtInControls: ['compliantDevice', 'domainJoinedDevice'] },
    },
    {
      id: DEMO_POLICIES.admins,
      displayName: 'Admins: phishing-resistant MFA',
      state: 'enabled',
      conditions: {
        users: { includeUsers: [], includeRoles: [GLOBAL_ADMINISTRATOR] },
        applications: { includeApplications: ['All'] },
      },
      grantControls: { operator: 'AND', builtInControls: [], authenticationStrength: PHISHING_RESISTANT },
    },
  ];
}
