// The tenant's posture around sign-in, read-only as phonedesk sees it: Conditional Access policies, eligible roles
// (Privileged Identity Management) and the authentication methods policy's own settings. Checked against the
// directory when loaded, so a seed cannot point at people or groups that do not exist.
import { randomUUID } from 'node:crypto';
import { ROLE_TEMPLATES } from './role-templates';
import type { Seed, SeedAuthenticationMethodsPolicy, SeedConditionalAccessPolicy, SeedRoleAssignment } from './seed';
import { SeedError, type RoleAssignmentRecord } from './tenant-records';

/** What the posture checks a seed against: who and what exists. */
export interface KnownObjects {
  hasUser(id: string): boolean;
  hasGroup(id: string): boolean;
  isRoleAssignableGroup(id: string): boolean;
  hasUnit(id: string): boolean;
}

const USER_KEYWORDS = new Set(['All', 'None', 'GuestsOrExternalUsers']);

export const DEFAULT_METHODS_POLICY: SeedAuthenticationMethodsPolicy = {
  policyMigrationState: 'migrationComplete',
  registrationCampaign: {
    state: 'default',
    snoozeDurationInDays: 1,
    includeTargets: [{ id: 'all_users', targetType: 'group', targetedAuthenticationMethod: 'microsoftAuthenticator' }],
  },
};

function checkPolicy(policy: SeedConditionalAccessPolicy, known: KnownObjects): void {
  const where = `Conditional Access policy "${policy.displayName}"`;
  const { users } = policy.conditions;
  for (const id of [...users.includeUsers, ...(users.excludeUsers ?? [])])
    if (!USER_KEYWORDS.has(id) && !known.hasUser(id)) throw new SeedError(`${where} names unknown user ${id}`);
  for (const id of [...(users.includeGroups ?? []), ...(users.excludeGroups ?? [])])
    if (!known.hasGroup(id)) throw new SeedError(`${where} names unknown group ${id}`);
  for (const id of [...(users.includeRoles ?? []), ...(users.excludeRoles ?? [])])
    if (!ROLE_TEMPLATES[id]) throw new SeedError(`${where} names unknown role template ${id}`);
  if (policy.conditions.applications.includeApplications.length === 0)
    throw new SeedError(`${where} includes no applications (Graph needs at least "None")`);
}

export class TenantPosture {
  private readonly policies: SeedConditionalAccessPolicy[];
  private readonly eligible: RoleAssignmentRecord[];
  private readonly methods: SeedAuthenticationMethodsPolicy;

  constructor(seed: Seed, known: KnownObjects) {
    this.policies = structuredClone(seed.conditionalAccessPolicies ?? []);
    const ids = new Set<string>();
    for (const policy of this.policies) {
      if (ids.has(policy.id)) throw new SeedError(`Conditional Access policy ${policy.id} appears twice`);
      ids.add(policy.id);
      checkPolicy(policy, known);
    }
    this.eligible = (seed.roleEligibilities ?? []).map((eligibility) => this.eligibility(eligibility, known));
    this.methods = structuredClone(seed.authenticationMethodsPolicy ?? DEFAULT_METHODS_POLICY);
  }

  private eligibility(seed: SeedRoleAssignment, known: KnownObjects): RoleAssignmentRecord {
    if (!ROLE_TEMPLATES[seed.roleTemplateId])
      throw new SeedError(`role eligibility uses unknown role template ${seed.roleTemplateId}`);
    if (!known.hasUser(seed.principalId) && !known.hasGroup(seed.principalId))
      throw new SeedError(`role eligibility names unknown principal ${seed.principalId}`);
    if (known.hasGroup(seed.principalId) && !known.isRoleAssignableGroup(seed.principalId))
      throw new SeedError(`role eligibility names group ${seed.principalId}, which is not role-assignable`);
    const unit = /^\/administrativeUnits\/(.+)$/.exec(seed.directoryScopeId);
    if (seed.directoryScopeId !== '/' && !(unit && known.hasUnit(unit[1]!)))
      throw new SeedError(`role eligibility has unknown scope ${seed.directoryScopeId}`);
    return {
      id: seed.id ?? randomUUID(),
      principalId: seed.principalId,
      roleDefinitionId: seed.roleTemplateId,
      directoryScopeId: seed.directoryScopeId,
    };
  }

  conditionalAccessPolicies(): readonly SeedConditionalAccessPolicy[] {
    return this.policies;
  }

  conditionalAccessPolicy(id: string): SeedConditionalAccessPolicy | undefined {
    return this.policies.find((policy) => policy.id === id);
  }

  roleEligibilities(): readonly RoleAssignmentRecord[] {
    return this.eligible;
  }

  methodsPolicy(): SeedAuthenticationMethodsPolicy {
    return this.methods;
  }

  /** The posture's parts of a seed, as loaded. */
  toSeed(): Pick<Seed, 'conditionalAccessPolicies' | 'roleEligibilities' | 'authenticationMethodsPolicy'> {
    return {
      conditionalAccessPolicies: structuredClone(this.policies),
      roleEligibilities: this.eligible.map((record) => ({
        id: record.id,
        principalId: record.principalId,
        roleTemplateId: record.roleDefinitionId,
        directoryScopeId: record.directoryScopeId,
      })),
      authenticationMethodsPolicy: structuredClone(this.methods),
    };
  }
}
