// Which directory roles make a worker an admin, in words for the refusals and findings that name them.
import type { SignInSnapshot } from '../method-types';

/** Anyone holding a directory role, tenant-wide or for a store, given directly or through a group, or eligible to
 * turn one on, counts as an admin: an eligible role is one click from active. */
export function isAdmin(snapshot: SignInSnapshot): boolean {
  return snapshot.roles.length > 0;
}

/** "Password Administrator (eligible), User Administrator (through 'Shift leads')": the roles, once each. */
export function adminRoleWords(snapshot: SignInSnapshot): string {
  const words = snapshot.roles.map((role) => {
    const how = [role.eligible && 'eligible', role.throughGroup && `through '${role.throughGroup}'`].filter(Boolean);
    return how.length > 0 ? `${role.displayName} (${how.join(', ')})` : role.displayName;
  });
  return [...new Set(words)].join(', ');
}
