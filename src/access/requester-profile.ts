// What phonedesk knows about the person asking: their groups and directory roles, read from Graph.
import type { Person } from '../audit/audit-context';

interface RoleAssignmentInfo {
  roleTemplateId: string;
  /** "/" or "/administrativeUnits/{id}". */
  directoryScopeId: string;
}

export interface RequesterProfile {
  person: Person;
  groupIds: string[];
  roles: RoleAssignmentInfo[];
  /** Entra display name, when read (see RequesterData). */
  displayName?: string;
  /** The administrative units (stores) the person belongs to, when read. */
  stores?: Array<{ id: string; displayName: string }>;
}
