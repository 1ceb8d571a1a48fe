// The simulated tenant's directory: users, groups, administrative units and role assignments, loaded from a seed
// (each reference checked) and read the ways Graph's routes need. Tenant adds the SMS policy and phone methods.
import { createHash, randomUUID } from 'node:crypto';
import { ROLE_TEMPLATES } from './role-templates';
import { notFound } from './graph-error';
import type { Seed, SeedGroup, SeedRoleAssignment, SeedUser } from './seed';
import {
  SEED_EPOCH,
  SeedError,
  type AdministrativeUnitRecord,
  type GroupRecord,
  type RoleAssignmentRecord,
  type UserRecord,
} from './tenant-records';

export class TenantDirectory {
  readonly id: string;
  readonly displayName: string;
  readonly domain: string;
  protected readonly users = new Map<string, UserRecord>();
  protected readonly usersByUpn = new Map<string, string>();
  /** Lower-cased mail and employee id → user ids, for the equality filters phonedesk sends most. */
  protected readonly usersByMail = new Map<string, string[]>();
  protected readonly usersByEmployeeId = new Map<string, string[]>();
  protected readonly groups = new Map<string, GroupRecord>();
  protected readonly units = new Map<string, AdministrativeUnitRecord>();
  protected readonly assignments: RoleAssignmentRecord[] = [];
  /** Direct memberships: member object id → group ids. */
  protected readonly memberOf = new Map<string, Set<string>>();
  protected readonly unitsOfMember = new Map<string, Set<string>>();

  constructor(seed: Seed) {
    this.id = seed.tenant.id;
    this.displayName = seed.tenant.displayName;
    this.domain = seed.tenant.domain;
    for (const user of seed.users) this.loadUser(user);
    for (const group of seed.groups) this.loadGroup(group);
    for (const unit of seed.administrativeUnits) {
      if (this.units.has(unit.id)) throw new SeedError(`administrative unit ${unit.id} appears twice`);
      for (const member of unit.members) {
        if (!this.users.has(member) && !seed.groups.some((group) => group.id === member)) {
          throw new SeedError(`administrative unit "${unit.displayName}" lists unknown member ${member}`);
        }
        this.index(this.unitsOfMember, member, unit.id);
      }
      this.units.set(unit.id, {
        id: unit.id,
        displayName: unit.displayName,
        description: unit.description ?? null,
        members: new Set(unit.members),
      });
    }
    const scoped: SeedRoleAssignment[] = seed.administrativeUnits.flatMap((unit) =>
      (unit.scopedRoleMembers ?? []).map((member) => ({
        principalId: member.userId,
        roleTemplateId: member.roleTemplateId,
        directoryScopeId: `/administrativeUnits/${unit.id}`,
      })),
    );
    for (const assignment of [...seed.roleAssignments, ...scoped]) this.loadAssignment(assignment);
    for (const user of seed.users) {
      if (user.manager !== undefined && !this.users.has(user.manager)) {
        throw new SeedError(`user ${user.userPrincipalName} has unknown manager ${user.manager}`);
      }
    }
  }

  // ---- loading ----

  private loadUser(seed: SeedUser): void {
    if (this.users.has(seed.id)) throw new SeedError(`user id ${seed.id} appears twice`);
    const upn = seed.userPrincipalName.toLowerCase();
    if (this.usersByUpn.has(upn)) throw new SeedError(`userPrincipalName ${seed.userPrincipalName} appears twice`);
    this.users.set(seed.id, {
      id: seed.id,
      userPrincipalName: seed.userPrincipalName,
      displayName: seed.displayName,
      givenName: seed.givenName ?? null,
      surname: seed.surname ?? null,
      mail: seed.mail ?? null,
      employeeId: seed.employeeId ?? null,
      jobTitle: seed.jobTitle ?? null,
      officeLocation: seed.officeLocation ?? null,
      accountEnabled: seed.accountEnabled,
      userType: seed.userType,
      licenses: [...seed.licenses],
      manager: seed.manager,
      phoneMethods: new Map(),
      defaultMfaMethod: seed.defaultMfaMethod,
      otherMethodsRegistered: [...(seed.otherMethodsRegistered ?? [])],
      signInSessionsValidFromDateTime: seed.signInSessionsValidFromDateTime ?? SEED_EPOCH,
      lastSignInDateTime:
        seed.lastSignInDateTime === undefined
          ? (seed.phoneMethods ?? []).length > 0
            ? SEED_EPOCH
            : undefined
          : (seed.lastSignInDateTime ?? undefined),
    });
    this.usersByUpn.set(upn, seed.id);
    if (seed.mail)
      this.usersByMail.set(seed.mail.toLowerCase(), [
        ...(this.usersByMail.get(seed.mail.toLowerCase()) ?? []),
        seed.id,
      ]);
    if (seed.employeeId) {
      const key = seed.employeeId.toLowerCase();
      this.usersByEmployeeId.set(key, [...(this.usersByEmployeeId.get(key) ?? []), seed.id]);
    }
  }

  private loadGroup(seed: SeedGroup): void {
    if (this.groups.has(seed.id) || this.users.has(seed.id)) throw new SeedError(`group id ${seed.id} appears twice`);
    this.groups.set(seed.id, {
      id: seed.id,
      displayName: seed.displayName,
      description: seed.description ?? null,
      members: new Set(seed.members),
      isAssignableToRole: seed.isAssignableToRole === true,
    });
    for (const member of seed.members) this.index(this.memberOf, member, seed.id);
  }

  private loadAssignment(seed: SeedRoleAssignment): void {
    if (!ROLE_TEMPLATES[seed.roleTemplateId])
      throw new SeedError(`role assignment uses unknown role template ${seed.roleTemplateId}`);
    if (!this.users.has(seed.principalId) && !this.groups.has(seed.principalId)) {
      throw new SeedError(`role assignment names unknown principal ${seed.principalId}`);
    }
    if (this.groups.get(seed.principalId)?.isAssignableToRole === false)
      throw new SeedError(`role assignment names group ${seed.principalId}, which is not role-assignable`);
    const unit = /^\/administrativeUnits\/(.+)$/.exec(seed.directoryScopeId);
    if (seed.directoryScopeId !== '/' && !(unit && this.units.has(unit[1]))) {
      throw new SeedError(`role assignment has unknown scope ${seed.directoryScopeId}`);
    }
    this.assignments.push({
      id: seed.id ?? randomUUID(),
      principalId: seed.principalId,
      roleDefinitionId: seed.roleTemplateId,
      directoryScopeId: seed.directoryScopeId,
    });
  }

  protected index(map: Map<string, Set<string>>, key: string, value: string): void {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(value);
  }

  // ---- directory reads ----

  get userCount(): number {
    return this.users.size;
  }

  allUsers(): IterableIterator<UserRecord> {
    return this.users.values();
  }

  /** By object id or userPrincipalName (case-insensitive), as /users/{id | userPrincipalName}. */
  findUser(idOrUpn: string): UserRecord | undefined {
    return this.users.get(idOrUpn) ?? this.users.get(this.usersByUpn.get(idOrUpn.toLowerCase()) ?? '');
  }

  /** Users whose indexed property equals the value (case-insensitive); undefined if the property has no index. */
  usersWithIndexed(property: string, value: string): UserRecord[] | undefined {
    const ids = (() => {
      switch (property) {
        case 'id':
          return this.users.has(value) ? [value] : [];
        case 'userPrincipalName': {
          const id = this.usersByUpn.get(value.toLowerCase());
          return id === undefined ? [] : [id];
        }
        case 'mail':
          return this.usersByMail.get(value.toLowerCase()) ?? [];
        case 'employeeId':
          return this.usersByEmployeeId.get(value.toLowerCase()) ?? [];
        default:
          return undefined;
      }
    })();
    return ids?.map((id) => this.users.get(id)!);
  }

  user(idOrUpn: string): UserRecord {
    const user = this.findUser(idOrUpn);
    if (!user) throw notFound(idOrUpn);
    return user;
  }

  group(id: string): GroupRecord | undefined {
    return this.groups.get(id);
  }

  allGroups(): IterableIterator<GroupRecord> {
    return this.groups.values();
  }

  administrativeUnit(id: string): AdministrativeUnitRecord {
    const unit = this.units.get(id);
    if (!unit) throw notFound(id);
    return unit;
  }

  allAdministrativeUnits(): IterableIterator<AdministrativeUnitRecord> {
    return this.units.values();
  }

  directReports(userId: string): UserRecord[] {
    return [...this.users.values()].filter((user) => user.manager === userId);
  }

  /** Groups the object belongs to, directly or through nested groups. */
  transitiveGroups(objectId: string): GroupRecord[] {
    const seen = new Set<string>();
    const queue = [...(this.memberOf.get(objectId) ?? [])];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(...(this.memberOf.get(id) ?? []));
    }
    return [...seen].map((id) => this.groups.get(id)!);
  }

  /** Administrative units with the user as a direct member (unit membership is not inherited through groups). */
  administrativeUnitsOf(userId: string): AdministrativeUnitRecord[] {
    return [...(this.unitsOfMember.get(userId) ?? [])].map((id) => this.units.get(id)!);
  }

  /** A directoryRole object's id differs from its template id in Graph; derive a stable one per tenant. */
  directoryRoleId(roleTemplateId: string): string {
    const hex = createHash('sha256').update(`${this.id}:${roleTemplateId}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  roleAssignments(): readonly RoleAssignmentRecord[] {
    return this.assignments;
  }

  /**
   * Tenant-wide roles held directly or through a role-assignable group. AU-scoped assignments are not
   * directoryRole memberships (docs/graph-facts.md §5.1; see docs/simulator.md).
   */
  tenantWideRoleTemplates(userId: string): string[] {
    const principals = new Set([userId, ...this.transitiveGroups(userId).map((group) => group.id)]);
    const templates = this.assignments
      .filter((assignment) => assignment.directoryScopeId === '/' && principals.has(assignment.principalId))
      .map((assignment) => assignment.roleDefinitionId);
    return [...new Set(templates)];
  }
}
