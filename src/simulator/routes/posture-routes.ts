// Read-only posture routes: Conditional Access policies (list, get), eligible roles (roleEligibilitySchedules) and
// the authentication methods policy's own settings, in Graph v1.0's shapes (docs/graph-facts.md §19).
import { GraphHttpError } from '../graph-error';
import { json } from '../graph-request';
import type { Route, RouteContext } from '../graph-router';
import { matches, parseFilter, type FilterCapabilities } from '../odata-filter';
import { collectionPage, project, rejectUnsupportedOptions, selectedProperties, type EntityType } from '../odata-query';
import type { SeedConditionalAccessPolicy } from '../seed';

const POLICIES = 'identity/conditionalAccess/policies';
const ELIGIBILITIES = 'roleManagement/directory/roleEligibilitySchedules';

const POLICY_TYPE: EntityType = {
  name: 'microsoft.graph.conditionalAccessPolicy',
  properties: new Set([
    'id',
    'displayName',
    'state',
    'createdDateTime',
    'modifiedDateTime',
    'templateId',
    'conditions',
    'grantControls',
    'sessionControls',
  ]),
};

const ELIGIBILITY_TYPE: EntityType = {
  name: 'microsoft.graph.unifiedRoleEligibilitySchedule',
  properties: new Set([
    'id',
    'principalId',
    'roleDefinitionId',
    'directoryScopeId',
    'appScopeId',
    'memberType',
    'status',
    'createdUsing',
    'createdDateTime',
    'modifiedDateTime',
    'scheduleInfo',
  ]),
};

const ELIGIBILITY_FILTERS: FilterCapabilities = {
  resource: 'unifiedRoleEligibilitySchedule',
  eq: ['principalId', 'roleDefinitionId', 'directoryScopeId', 'id'],
  in: ['principalId', 'roleDefinitionId', 'directoryScopeId', 'id'],
};

/** Every documented field, with Graph's empty values for what the seed leaves out. */
function policyResource(route: RouteContext, policy: SeedConditionalAccessPolicy): Record<string, unknown> {
  const { users, applications, devices } = policy.conditions;
  const grant = policy.grantControls;
  return {
    id: policy.id,
    templateId: null,
    displayName: policy.displayName,
    createdDateTime: policy.createdDateTime ?? '2025-06-01T09:00:00Z',
    modifiedDateTime: policy.modifiedDateTime ?? null,
    state: policy.state,
    sessionControls: null,
    conditions: {
      userRiskLevels: [],
      signInRiskLevels: [],
      clientAppTypes: policy.conditions.clientAppTypes ?? ['all'],
      platforms: null,
      locations: null,
      insiderRiskLevels: null,
      clientApplications: null,
      devices: devices ? { includeDevices: [], excludeDevices: [], deviceFilter: { ...devices.deviceFilter } } : null,
      applications: {
        includeApplications: [...applications.includeApplications],
        excludeApplications: [...(applications.excludeApplications ?? [])],
        includeUserActions: [],
        includeAuthenticationContextClassReferences: [],
        applicationFilter: null,
      },
      users: {
        includeUsers: [...users.includeUsers],
        excludeUsers: [...(users.excludeUsers ?? [])],
        includeGroups: [...(users.includeGroups ?? [])],
        excludeGroups: [...(users.excludeGroups ?? [])],
        includeRoles: [...(users.includeRoles ?? [])],
        excludeRoles: [...(users.excludeRoles ?? [])],
        includeGuestsOrExternalUsers: null,
        excludeGuestsOrExternalUsers: null,
      },
    },
    grantControls: grant
      ? {
          operator: grant.operator,
          builtInControls: [...grant.builtInControls],
          customAuthenticationFactors: [],
          termsOfUse: [],
          'authenticationStrength@odata.context': `${route.request.serviceRoot}/$metadata#${POLICIES}('${policy.id}')/grantControls/authenticationStrength/$entity`,
          authenticationStrength: grant.authenticationStrength
            ? { id: grant.authenticationStrength.id, displayName: grant.authenticationStrength.displayName }
            : null,
        }
      : null,
  };
}

function listPolicies(route: RouteContext) {
  rejectUnsupportedOptions(route.request, ['$select', '$top', '$skiptoken']);
  const items = route.tenant.posture.conditionalAccessPolicies().map((policy) => policyResource(route, policy));
  return json(200, collectionPage(route.request, POLICIES, items, selectedProperties(route.request, POLICY_TYPE)));
}

function getPolicy(route: RouteContext) {
  rejectUnsupportedOptions(route.request, ['$select']);
  const policy = route.tenant.posture.conditionalAccessPolicy(route.params.policy!);
  if (!policy)
    throw new GraphHttpError(404, 'ResourceNotFound', `Conditional Access policy '${route.params.policy}' not found.`);
  return json(200, {
    '@odata.context': `${route.request.serviceRoot}/$metadata#${POLICIES}/$entity`,
    ...project(policyResource(route, policy), selectedProperties(route.request, POLICY_TYPE)),
  });
}

function listEligibilities(route: RouteContext) {
  rejectUnsupportedOptions(route.request, ['$select', '$top', '$skiptoken', '$filter']);
  let items = route.tenant.posture.roleEligibilities().map((record) => ({
    id: record.id,
    principalId: record.principalId,
    roleDefinitionId: record.roleDefinitionId,
    directoryScopeId: record.directoryScopeId,
    appScopeId: null,
    memberType: 'Direct',
    status: 'Provisioned',
    createdUsing: record.id,
    createdDateTime: '2025-06-01T09:00:00Z',
    modifiedDateTime: null,
    scheduleInfo: {
      startDateTime: '2025-06-01T09:00:00Z',
      recurrence: null,
      expiration: { type: 'noExpiration', endDateTime: null, duration: null },
    },
  }));
  const filter = route.request.query.get('$filter');
  if (filter !== null) {
    const node = parseFilter(filter, ELIGIBILITY_FILTERS);
    items = items.filter((item) => matches(node, (property) => (item as Record<string, unknown>)[property]));
  }
  return json(
    200,
    collectionPage(route.request, ELIGIBILITIES, items, selectedProperties(route.request, ELIGIBILITY_TYPE)),
  );
}

/** The policy root: its own settings, not its method configurations (read one by one at their own paths). */
function getMethodsPolicy(route: RouteContext) {
  const settings = route.tenant.posture.methodsPolicy();
  const campaign = settings.registrationCampaign;
  return json(200, {
    '@odata.context': `${route.request.serviceRoot}/$metadata#policies/authenticationMethodsPolicy/$entity`,
    id: 'authenticationMethodsPolicy',
    displayName: 'Authentication Methods Policy',
    description: 'The tenant-wide policy that controls which authentication methods are allowed in the tenant.',
    lastModifiedDateTime: '2025-06-01T09:00:00Z',
    policyVersion: '1.5',
    reconfirmationInDays: null,
    policyMigrationState: settings.policyMigrationState,
    registrationEnforcement: {
      authenticationMethodsRegistrationCampaign: {
        snoozeDurationInDays: campaign.snoozeDurationInDays,
        enforceRegistrationAfterAllowedSnoozes: true,
        state: campaign.state,
        excludeTargets: [],
        includeTargets: campaign.includeTargets.map((target) => ({ ...target })),
      },
    },
  });
}

export const postureRoutes: Route[] = [
  { pattern: POLICIES, methods: { GET: listPolicies } },
  { pattern: `${POLICIES}/:policy`, methods: { GET: getPolicy } },
  { pattern: ELIGIBILITIES, methods: { GET: listEligibilities } },
  { pattern: 'policies/authenticationMethodsPolicy', methods: { GET: getMethodsPolicy } },
];
