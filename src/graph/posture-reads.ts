// Reads of the tenant's posture around sign-in: Conditional Access policies, who holds a directory role (active and
// eligible), and the methods policy's own settings (docs/graph-facts.md §19). Read-only: phonedesk never writes them.
import type {
  AuthenticationMethodsPolicy,
  ConditionalAccessPolicy,
  UnifiedRoleAssignment,
  UnifiedRoleEligibilitySchedule,
  User,
} from '@microsoft/microsoft-graph-types';
import type { ConditionalAccessSnapshot } from '../snapshot/conditional-access-snapshot';
import { toGraphFailure, type GraphFailure } from './graph-errors';
import type { Collection } from './graph-wire';
import { odataString, queryValue } from './odata';
import { StoreReads, type StoreMember } from './store-reads';

/** One directory role held by a principal (a user, or a role-assignable group whose members hold it). */
export interface RoleHolding {
  principalId: string;
  roleTemplateId: string;
  /** "/" tenant-wide, or "/administrativeUnits/{id}". */
  directoryScopeId: string;
  eligible: boolean;
}

export interface RoleHoldings {
  holdings: RoleHolding[];
  /** Why eligible roles could not be read (no Entra ID P2, a missing permission); active ones still count. */
  eligibleUnreadable?: GraphFailure;
}

export interface MethodsPolicySettings {
  policyMigrationState: string | undefined;
  campaignState: string | undefined;
}

function accessPolicy(graph: ConditionalAccessPolicy): ConditionalAccessSnapshot {
  const users = graph.conditions?.users;
  const apps = graph.conditions?.applications;
  const grant = graph.grantControls;
  const filter = graph.conditions?.devices?.deviceFilter;
  const strings = (values: ReadonlyArray<string | null> | null | undefined): string[] =>
    (values ?? []).filter((value): value is string => typeof value === 'string');
  return {
    id: graph.id ?? '',
    displayName: graph.displayName ?? 'an unnamed policy',
    state: graph.state === 'enabled' ? 'enabled' : graph.state === 'disabled' ? 'disabled' : 'reportOnly',
    users: {
      includeUsers: strings(users?.includeUsers),
      excludeUsers: strings(users?.excludeUsers),
      includeGroups: strings(users?.includeGroups),
      excludeGroups: strings(users?.excludeGroups),
    },
    apps: { include: strings(apps?.includeApplications), exclude: strings(apps?.excludeApplications) },
    controls: strings(grant?.builtInControls),
    operator: grant?.operator === 'AND' ? 'AND' : 'OR',
    ...(grant?.authenticationStrength?.displayName && {
      authenticationStrength: grant.authenticationStrength.displayName,
    }),
    ...(filter?.rule &&
      (filter.mode === 'include' || filter.mode === 'exclude') && {
        deviceFilter: { mode: filter.mode, rule: filter.rule },
      }),
  };
}

function holding(graph: UnifiedRoleAssignment | UnifiedRoleEligibilitySchedule, eligible: boolean): RoleHolding[] {
  if (!graph.principalId || !graph.roleDefinitionId) return [];
  return [
    {
      principalId: graph.principalId,
      roleTemplateId: graph.roleDefinitionId,
      directoryScopeId: graph.directoryScopeId ?? '/',
      eligible,
    },
  ];
}

export class PostureReads extends StoreReads {
  /** Every Conditional Access policy (Policy.Read.All), every page. */
  async conditionalAccessPolicies(): Promise<ConditionalAccessSnapshot[]> {
    const policies = await this.allPages<ConditionalAccessPolicy>(
      'conditionalAccess.list',
      '/identity/conditionalAccess/policies',
      '$top=999',
    );
    return policies.filter((policy) => policy.id).map(accessPolicy);
  }

  /** Every directory role assignment, and every eligibility where Graph shows them. */
  async roleHoldings(): Promise<RoleHoldings> {
    const active = await this.allPages<UnifiedRoleAssignment>(
      'roles.assignments',
      '/roleManagement/directory/roleAssignments',
      '$select=principalId,roleDefinitionId,directoryScopeId&$top=999',
    );
    const holdings = active.flatMap((assignment) => holding(assignment, false));
    try {
      const eligible = await this.allPages<UnifiedRoleEligibilitySchedule>(
        'roles.eligibilities',
        '/roleManagement/directory/roleEligibilitySchedules',
        '$select=principalId,roleDefinitionId,directoryScopeId&$top=999',
      );
      return { holdings: [...holdings, ...eligible.flatMap((schedule) => holding(schedule, true))] };
    } catch (error) {
      return { holdings, eligibleUnreadable: toGraphFailure(error) };
    }
  }

  /** These users' names and kinds, 15 ids a request (the `in` limit); ids that are not users are left out. */
  async usersByIds(ids: readonly string[]): Promise<StoreMember[]> {
    const users: StoreMember[] = [];
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += 15) {
      const list = unique
        .slice(start, start + 15)
        .map(odataString)
        .join(',');
      const page = await this.call<Collection<User>>('users.byIds', '/users', (request) =>
        request
          .filter(queryValue(`id in (${list})`))
          .select('id,displayName,userPrincipalName,userType,accountEnabled')
          .get(),
      );
      for (const user of page.value)
        if (user.id)
          users.push({
            id: user.id,
            displayName: user.displayName ?? user.userPrincipalName ?? user.id,
            userPrincipalName: user.userPrincipalName ?? '',
            userType: user.userType === 'Guest' ? 'Guest' : 'Member',
            accountEnabled: user.accountEnabled !== false,
          });
    }
    return users;
  }

  /** policyMigrationState and the registration campaign's state (Policy.Read.All). */
  async methodsPolicySettings(): Promise<MethodsPolicySettings> {
    const policy = await this.call<AuthenticationMethodsPolicy>(
      'policy.methods.get',
      '/policies/authenticationMethodsPolicy',
      (request) => request.get(),
    );
    return {
      policyMigrationState: policy.policyMigrationState ?? undefined,
      campaignState: policy.registrationEnforcement?.authenticationMethodsRegistrationCampaign?.state ?? undefined,
    };
  }
}
