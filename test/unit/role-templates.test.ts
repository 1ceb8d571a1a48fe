// Production and the simulator each keep a table of Entra role templates (neither imports the other); this keeps
// them from drifting apart, so a role the simulated tenant assigns is named in chat as a real tenant's would be.
import { STORE_MANAGER_ROLES } from '../../src/access/access-policy';
import { ROLE_TEMPLATES as PRODUCTION } from '../../src/graph/directory-roles';
import { ROLE_TEMPLATES as SIMULATOR } from '../../src/simulator/role-templates';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('role templates in production and in the simulator', () => {
  const shared = Object.keys(PRODUCTION).filter((id) => id in SIMULATOR);

  it('give every role both know the same display name', () => {
    expect(shared.length).toBeGreaterThan(0);
    for (const id of shared)
      expect({ id, name: SIMULATOR[id]?.displayName }).toEqual({ id, name: PRODUCTION[id]?.displayName });
  });

  it('both know the roles that make someone a store manager', () => {
    for (const id of STORE_MANAGER_ROLES) expect(shared).toContain(id);
  });

  it('are keyed by template ids, lower-case GUIDs as Graph returns them', () => {
    for (const id of [...Object.keys(PRODUCTION), ...Object.keys(SIMULATOR)]) expect(id).toMatch(GUID);
  });
});
