// Who may act on whom (store scope, as My Staff does) and who may approve. Pure rules over profiles.
import type { RequesterProfile } from './requester-profile';

/** Roles that let a manager act on the users of the administrative units they are scoped to. */
export const STORE_MANAGER_ROLES: ReadonlySet<string> = new Set([
  'c4e39bd9-1100-46d3-8c65-fb160da0071f', // Authentication Administrator
  '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', // Privileged Authentication Administrator
]);

/** Whom a store manager may act on (MANAGER_SCOPE): their administrative units' users, their direct reports, or both. */
export const MANAGER_SCOPES = ['administrative-units', 'direct-reports', 'both'] as const;
export type ManagerScope = (typeof MANAGER_SCOPES)[number];

export interface AccessSettings {
  approverGroupIds: readonly string[];
  tenantAdminGroupIds: readonly string[];
  managerScope: ManagerScope;
}

interface TargetScope {
  userId: string;
  administrativeUnitIds: readonly string[];
  managerId: string | undefined;
}

export class AccessPolicy {
  constructor(private readonly settings: AccessSettings) {}

  isApprover(profile: RequesterProfile): boolean {
    return profile.groupIds.some((id) => this.settings.approverGroupIds.includes(id)) || this.isTenantAdmin(profile);
  }

  isTenantAdmin(profile: RequesterProfile): boolean {
    return profile.groupIds.some((id) => this.settings.tenantAdminGroupIds.includes(id));
  }

  /** The store units the person manages. */
  managedUnits(profile: RequesterProfile): string[] {
    return profile.roles
      .filter(
        (role) =>
          STORE_MANAGER_ROLES.has(role.roleTemplateId) && role.directoryScopeId.startsWith('/administrativeUnits/'),
      )
      .map((role) => role.directoryScopeId.slice('/administrativeUnits/'.length));
  }

  /** Helpdesk approvers act tenant-wide; managers on their stores' users and/or their direct reports. */
  canActOn(profile: RequesterProfile, target: TargetScope): boolean {
    if (this.isApprover(profile)) return true;
    const { managerScope } = this.settings;
    if (managerScope !== 'direct-reports') {
      const units = new Set(this.managedUnits(profile));
      if (target.administrativeUnitIds.some((id) => units.has(id))) return true;
    }
    if (managerScope !== 'administrative-units' && target.managerId === profile.person.aadObjectId) return true;
    return false;
  }

  /** Whether the person may ask for changes at all (a manager of some store, or an approver). */
  mayRequest(profile: RequesterProfile): boolean {
    return (
      this.isApprover(profile) ||
      this.managedUnits(profile).length > 0 ||
      this.settings.managerScope !== 'administrative-units'
    );
  }
}
