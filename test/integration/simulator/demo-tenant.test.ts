// Contract tests for the "Contoso Retail" demo tenant, read over real HTTP: every person's documented
// smsSignInState, the store structure (administrative units with AU-scoped managers), approvers and the tenant admin.
// Expectations are stated per alias below and checked against each person's published scenario text, so that a
// seed change that moves a person to another case fails here instead of silently changing the demo.
import { DEMO_SCENARIOS } from '../../../src/simulator/demo-tenant';
import {
  ALTERNATE_MOBILE,
  MOBILE,
  OFFICE,
  SimulatorHarness,
  demoUser,
  type GraphReply,
  useSimulator,
} from '../../helpers/simulator';

type SmsSignInState =
  'notSupported' | 'notAllowedByPolicy' | 'notConfigured' | 'phoneNumberNotUnique' | 'ready' | 'notEnabled';

interface PhoneMethod {
  id: string;
  phoneNumber: string;
  phoneType: string;
  smsSignInState: SmsSignInState;
}

interface Collection<T> {
  '@odata.nextLink'?: string;
  value: T[];
}

interface DirectoryObject {
  '@odata.type'?: string;
  id: string;
  displayName: string;
}

interface RoleAssignment {
  id: string;
  principalId: string;
  roleDefinitionId: string;
  directoryScopeId: string;
}

interface ScopedRoleMember {
  id: string;
  roleId: string;
  administrativeUnitId: string;
  roleMemberInfo: { id: string; displayName: string | null };
}

/** Role template ids (docs/graph-facts.md §5.2). */
const AUTHENTICATION_ADMINISTRATOR = 'c4e39bd9-1100-46d3-8c65-fb160da0071f';
const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
const SMS_TYPE = '#microsoft.graph.smsAuthenticationMethodConfiguration';
const POLICY = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/sms';

/**
 * The mobile's smsSignInState for every demo person with a mobile, with the words of their scenario that justify it
 * (docs/graph-facts.md §1.3 smsSignInState values, §3.3 policy, §12 FIG6, §13.2 B2B).
 */
const MOBILE_STATES: Record<string, { state: SmsSignInState; scenario: RegExp }> = {
  // "ready" people.
  'chloe.evans': { state: 'ready', scenario: /^ready/ },
  'daniel.wright': { state: 'ready', scenario: /^ready/ },
  'julia.young': { state: 'ready', scenario: /^ready/ },
  'sam.okafor': { state: 'ready', scenario: /^ready/ },
  'liam.scott': { state: 'ready', scenario: /^ready/ },
  'mia.turner': { state: 'ready', scenario: /^ready/ },
  'quinn.baker': { state: 'ready', scenario: /^ready/ },
  'zara.ahmed': { state: 'ready', scenario: /^ready/ },
  'uma.reid': { state: 'ready', scenario: /^ready/ },
  'vikram.singh': { state: 'ready', scenario: /^ready/ },
  'yasmin.cole': { state: 'ready', scenario: /^ready/ },
  'adam.fox': { state: 'ready', scenario: /^ready/ },
  'carlos.diaz': { state: 'ready', scenario: /^ready/ },
  'gabe.ortiz': { state: 'ready', scenario: /^ready/ },
  'holly.reed': { state: 'ready', scenario: /^ready/ },
  'kyle.adams': { state: 'ready', scenario: /^ready/ },
  // FIG6: attached, never enabled for sign-in (docs/graph-facts.md §12).
  'bob.smith': { state: 'notConfigured', scenario: /^FIG6/ },
  'olivia.harris': { state: 'notConfigured', scenario: /^FIG6/ },
  'wendy.price': { state: 'notConfigured', scenario: /^FIG6/ },
  'dana.lee': { state: 'notConfigured', scenario: /^FIG6/ },
  // Another account holds the number (docs/graph-facts.md §2.4).
  'ali.khan': { state: 'phoneNumberNotUnique', scenario: /^number in use/ },
  'tom.baker': { state: 'phoneNumberNotUnique', scenario: /^number in use/ },
  // Outside the policy (docs/graph-facts.md §3.3).
  'hannah.lewis': { state: 'notAllowedByPolicy', scenario: /excluded from the SMS policy/ },
  'fiona.chen': { state: 'notAllowedByPolicy', scenario: /excluded from the SMS policy/ },
  'george.hall': { state: 'notAllowedByPolicy', scenario: /not in the SMS policy targets/ },
  'ivan.petrov': { state: 'notAllowedByPolicy', scenario: /not in the SMS policy targets/ },
  'xavier.ward': { state: 'notAllowedByPolicy', scenario: /"Use for sign-in" unchecked/ },
  'priya.shah': { state: 'notAllowedByPolicy', scenario: /store manager/ },
  'marcus.lee': { state: 'notAllowedByPolicy', scenario: /store manager/ },
  'ewan.jones': { state: 'notAllowedByPolicy', scenario: /store manager/ },
  'ava.martinez': { state: 'notAllowedByPolicy', scenario: /store manager/ },
  // B2B guest (docs/graph-facts.md §13.2 "isn't supported for B2B accounts").
  'lena.fischer': { state: 'notSupported', scenario: /^guest/ },
  // SMS sign-in turned off by an admin (docs/graph-facts.md §2.5 disableSmsSignIn).
  'nina.patel': { state: 'notEnabled', scenario: /SMS sign-in turned off/ },
  'lucy.hughes': { state: 'notEnabled', scenario: /SMS sign-in turned off/ },
  // Frontline workers whose scenario is about something other than the sign-in state. smsSignInState describes the
  // method and the policy; no page ties it to licences (docs/graph-facts.md §13.1: policy users must be licensed)
  // nor to accountEnabled, so the simulator shows them ready and phonedesk must diagnose those cases itself.
  'frank.green': { state: 'ready', scenario: /mobile holds an old number/ },
  'isaac.walker': { state: 'ready', scenario: /^no licence/ },
  'jade.kim': { state: 'ready', scenario: /^no licence/ },
  'noah.white': { state: 'ready', scenario: /licence that does not cover SMS sign-in/ },
  'oliver.brown': { state: 'ready', scenario: /^account disabled/ },
  'bella.king': { state: 'ready', scenario: /^account disabled/ },
  'rachel.green': { state: 'ready', scenario: /with SMS sign-in: a security finding/ },
};

const harness = new SimulatorHarness();

const scenarioOf = (alias: string): string => {
  const entry = DEMO_SCENARIOS.find((person) => person.alias === alias);
  if (!entry) throw new Error(`no demo person ${alias}`);
  return entry.scenario;
};

/** Follows @odata.nextLink until the collection is complete. */
async function all<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = path;
  while (next !== undefined) {
    const reply: GraphReply<Collection<T>> = await harness.graph<Collection<T>>('GET', next);
    expect(reply.status).toBe(200);
    items.push(...reply.body.value);
    const link: string | undefined = reply.body['@odata.nextLink'];
    next = link === undefined ? undefined : link.slice(link.indexOf('/v1.0') + '/v1.0'.length);
  }
  return items;
}

async function phoneMethods(alias: string): Promise<PhoneMethod[]> {
  const reply = await harness.graph<Collection<PhoneMethod>>(
    'GET',
    `/users/${demoUser(alias)}/authentication/phoneMethods`,
  );
  expect(reply.status).toBe(200);
  return reply.body.value;
}

async function mobileState(alias: string): Promise<SmsSignInState | undefined> {
  return (await phoneMethods(alias)).find((method) => method.id === MOBILE)?.smsSignInState;
}

async function roleAssignmentsOf(principalId: string): Promise<RoleAssignment[]> {
  return all<RoleAssignment>(
    `/roleManagement/directory/roleAssignments?$filter=${encodeURIComponent(`principalId eq '${principalId}'`)}`,
  );
}

async function groupByName(displayName: string): Promise<DirectoryObject> {
  const groups = await all<DirectoryObject>(`/groups?$filter=${encodeURIComponent(`displayName eq '${displayName}'`)}`);
  expect(groups).toHaveLength(1);
  return groups[0];
}

useSimulator(harness, { resetBeforeEach: true });

describe('demo people and their smsSignInState', () => {
  it('states an expectation for every demo person with a mobile, and only for them (docs/graph-facts.md §1.3 smsSignInState)', async () => {
    const withMobile: string[] = [];
    for (const { alias } of DEMO_SCENARIOS) {
      if ((await phoneMethods(alias)).some((method) => method.phoneType === 'mobile')) withMobile.push(alias);
    }
    expect(withMobile.sort()).toEqual(Object.keys(MOBILE_STATES).sort());
  });

  it("states expectations that agree with each person's scenario text", () => {
    for (const [alias, { scenario }] of Object.entries(MOBILE_STATES)) {
      expect({ alias, scenario: scenarioOf(alias) }).toEqual({ alias, scenario: expect.stringMatching(scenario) });
    }
  });

  it.each(Object.entries(MOBILE_STATES).map(([alias, { state }]) => [alias, state]))(
    '%s: mobile smsSignInState is %s (docs/graph-facts.md §1.3 smsSignInState values, §3.3 policy, §12 FIG6, §13.2 B2B)',
    async (alias, state) => {
      expect(await mobileState(alias)).toBe(state);
    },
  );

  it('gives the conflicting pair the same number, with the holder named in the scenario ready (docs/graph-facts.md §2.4 "number in use")', async () => {
    for (const alias of Object.keys(MOBILE_STATES).filter(
      (name) => MOBILE_STATES[name].state === 'phoneNumberNotUnique',
    )) {
      // e.g. "number in use: Sam Okafor in Leeds holds …" or "number in use by Zara Ahmed in the same store".
      const holderName = /number in use(?::| by) ([A-Z][a-z]+ [A-Z][a-z]+)/.exec(scenarioOf(alias))?.[1];
      const holder = DEMO_SCENARIOS.find((person) => person.name === holderName);
      expect(holder).toBeDefined();
      const [mine, theirs] = await Promise.all([phoneMethods(alias), phoneMethods(holder!.alias)]);
      const number = (methods: PhoneMethod[]) => methods.find((method) => method.id === MOBILE)?.phoneNumber;
      expect(number(mine)).toBeDefined();
      expect(number(mine)).toBe(number(theirs));
      expect(await mobileState(holder!.alias)).toBe('ready');
    }
  });

  it('has no phone at all for the people whose scenario says so (demo "no phone at all")', async () => {
    const phoneless = DEMO_SCENARIOS.filter((person) => /no phone at all/.test(person.scenario));
    expect(phoneless.length).toBeGreaterThanOrEqual(3);
    for (const person of phoneless) expect(await phoneMethods(person.alias)).toEqual([]);
  });

  it('shows notSupported on every office-only and alternateMobile phone (docs/graph-facts.md §1.3 "only primary mobile is supported")', async () => {
    const officeOnly = DEMO_SCENARIOS.filter((person) => /number only on the office phone/.test(person.scenario));
    expect(officeOnly.length).toBeGreaterThanOrEqual(2);
    for (const person of officeOnly) {
      const methods = await phoneMethods(person.alias);
      expect(methods).toEqual([
        expect.objectContaining({ id: OFFICE, phoneType: 'office', smsSignInState: 'notSupported' }),
      ]);
    }
    // Frank Green's current phone, 07700 900151, sits on alternateMobile.
    const frank = await phoneMethods('frank.green');
    expect(frank.find((method) => method.id === ALTERNATE_MOBILE)).toEqual(
      expect.objectContaining({ phoneNumber: '+44 7700900151', smsSignInState: 'notSupported' }),
    );
    expect((await phoneMethods('vikram.singh')).find((method) => method.id === ALTERNATE_MOBILE)?.smsSignInState).toBe(
      'notSupported',
    );
  });

  it('turns every ready worker notAllowedByPolicy when "Use for sign-in" is unticked on their target, and back (docs/graph-facts.md §3.3 isUsableForSignIn)', async () => {
    const ready = Object.keys(MOBILE_STATES).filter((alias) => MOBILE_STATES[alias].state === 'ready');
    const policy = await harness.graph<{
      includeTargets: Array<{ id: string; targetType: string; isUsableForSignIn: boolean }>;
    }>('GET', POLICY);
    expect(policy.status).toBe(200);
    const { includeTargets } = policy.body;
    const untick = await harness.graph('PATCH', POLICY, {
      '@odata.type': SMS_TYPE,
      includeTargets: includeTargets.map((target) => ({ ...target, isUsableForSignIn: false })),
    });
    expect(untick.status).toBe(204);
    for (const alias of ready)
      expect({ alias, state: await mobileState(alias) }).toEqual({ alias, state: 'notAllowedByPolicy' });
    // Ticking it again restores them: the registrations were kept.
    const tick = await harness.graph('PATCH', POLICY, { '@odata.type': SMS_TYPE, includeTargets });
    expect(tick.status).toBe(204);
    for (const alias of ready) expect({ alias, state: await mobileState(alias) }).toEqual({ alias, state: 'ready' });
  });
});

describe('demo structure', () => {
  it('has at least 3 administrative units, each with a store manager holding an AU-scoped Authentication Administrator role (docs/graph-facts.md §5.3 AU-scoped roles, §6 My Staff)', async () => {
    const units = await all<DirectoryObject>('/directory/administrativeUnits');
    expect(units.length).toBeGreaterThanOrEqual(3);
    for (const unit of units) {
      const scoped = await all<ScopedRoleMember>(`/directory/administrativeUnits/${unit.id}/scopedRoleMembers`);
      expect(scoped.length).toBeGreaterThanOrEqual(1);
      const managerId = scoped[0].roleMemberInfo.id;
      expect(scoped[0].administrativeUnitId).toBe(unit.id);

      const assignments = await roleAssignmentsOf(managerId);
      expect(assignments).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            principalId: managerId,
            roleDefinitionId: AUTHENTICATION_ADMINISTRATOR,
            directoryScopeId: `/administrativeUnits/${unit.id}`,
          }),
        ]),
      );
      // Store managers act within their store only: no tenant-wide role.
      expect(assignments.filter((assignment) => assignment.directoryScopeId === '/')).toEqual([]);

      const manager = await harness.graph<{ jobTitle: string }>('GET', `/users/${managerId}?$select=jobTitle`);
      expect(manager.body.jobTitle).toBe('Store Manager');

      // The unit's staff report to that manager.
      const members = await all<DirectoryObject>(`/directory/administrativeUnits/${unit.id}/members`);
      expect(members.length).toBeGreaterThan(0);
      const reportsTo = await harness.graph<DirectoryObject>('GET', `/users/${members[0].id}/manager`);
      expect(reportsTo.status).toBe(200);
      expect(reportsTo.body.id).toBe(managerId);
    }
  });

  it('has at least 40 workers in the store units (demo tenant size)', async () => {
    const units = await all<DirectoryObject>('/directory/administrativeUnits');
    const workers = new Set<string>();
    for (const unit of units) {
      const managers = new Set(
        (await all<ScopedRoleMember>(`/directory/administrativeUnits/${unit.id}/scopedRoleMembers`)).map(
          (member) => member.roleMemberInfo.id,
        ),
      );
      for (const member of await all<DirectoryObject>(`/directory/administrativeUnits/${unit.id}/members`)) {
        if (member['@odata.type'] === '#microsoft.graph.user' && !managers.has(member.id)) workers.add(member.id);
      }
    }
    expect(workers.size).toBeGreaterThanOrEqual(40);
  });

  it('has an approvers group with the helpdesk approvers in it, one of them a tenant-wide Authentication Administrator (docs/graph-facts.md §5.1)', async () => {
    const approvers = await groupByName('phonedesk approvers');
    const approverAliases = DEMO_SCENARIOS.filter((person) => /approver/.test(person.scenario)).map(
      (person) => person.alias,
    );
    expect(approverAliases).toEqual(expect.arrayContaining(['hana.kim', 'victor.osei']));
    for (const alias of approverAliases) {
      const groups = await all<DirectoryObject>(`/users/${demoUser(alias)}/transitiveMemberOf/microsoft.graph.group`);
      expect({ alias, member: groups.some((group) => group.id === approvers.id) }).toEqual({ alias, member: true });
    }
    expect(await roleAssignmentsOf(demoUser('hana.kim'))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ roleDefinitionId: AUTHENTICATION_ADMINISTRATOR, directoryScopeId: '/' }),
      ]),
    );
  });

  it('has a tenant admin holding Global Administrator tenant-wide, visible in roleAssignments and as a directoryRole (docs/graph-facts.md §5.1)', async () => {
    const admin = DEMO_SCENARIOS.find((person) => /^tenant admin/.test(person.scenario));
    expect(admin?.alias).toBe('tomasz.nowak');
    const id = demoUser('tomasz.nowak');
    expect(await roleAssignmentsOf(id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ principalId: id, roleDefinitionId: GLOBAL_ADMINISTRATOR, directoryScopeId: '/' }),
      ]),
    );
    const roles = await all<{ roleTemplateId: string }>(
      `/users/${id}/transitiveMemberOf/microsoft.graph.directoryRole`,
    );
    expect(roles.map((role) => role.roleTemplateId)).toContain(GLOBAL_ADMINISTRATOR);
  });
});
