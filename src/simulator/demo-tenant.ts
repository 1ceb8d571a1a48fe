// "Contoso Retail": the demo tenant npm start runs against. Four stores, a manager each, a helpdesk, and workers
// covering every case phonedesk must explain. Numbers are from Ofcom's and NANP's ranges reserved for fiction.
import { DEMO_BADGES, demoQrCodePinPolicy, demoTemporaryAccessPassPolicy } from './demo-badges';
import { demoId, DEMO_GROUPS, DEMO_TENANT_ID } from './demo-ids';
import { demoConditionalAccess } from './demo-posture';
import { DEFAULT_METHODS_POLICY } from './tenant-posture';
import { AUTHENTICATION_ADMINISTRATOR, GLOBAL_ADMINISTRATOR } from './role-templates';
import type { DefaultMfaMethod, Seed, SeedPhoneMethod, SeedUser, SmsSignInRegistration } from './seed';

const HELPDESK_ADMINISTRATOR = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const PASSWORD_ADMINISTRATOR = '966707d0-3269-4727-9be2-8c3a10f19b9d';
const DOMAIN = 'contosoretail.onmicrosoft.com';

export { demoId, DEMO_GROUPS, DEMO_TENANT_ID } from './demo-ids';

export const DEMO_STORES = {
  manchester: { id: demoId('au:manchester'), name: 'Manchester Piccadilly', region: 'GB', manager: 'priya.shah' },
  leeds: { id: demoId('au:leeds'), name: 'Leeds Briggate', region: 'GB', manager: 'marcus.lee' },
  bristol: { id: demoId('au:bristol'), name: 'Bristol Cabot Circus', region: 'GB', manager: 'ewan.jones' },
  redmond: { id: demoId('au:redmond'), name: 'Redmond Town Center', region: 'US', manager: 'ava.martinez' },
} as const;

type DemoStore = keyof typeof DEMO_STORES;

interface Person {
  alias: string;
  name: string;
  store?: DemoStore;
  jobTitle: string;
  employeeId?: string;
  mobile?: string;
  mobileSmsSignIn?: SmsSignInRegistration;
  alternateMobile?: string;
  office?: string;
  defaultMfaMethod?: DefaultMfaMethod;
  licenses?: string[];
  guest?: boolean;
  disabled?: boolean;
  /** Groups beyond the default (frontline workers for store staff). */
  groups?: Array<keyof typeof DEMO_GROUPS>;
  /** Not in the frontline workers group. */
  notFrontline?: boolean;
  /** What the demo shows with this person; kept in docs/simulator.md's table. */
  scenario: string;
}

const F3 = ['SPE_F1'];

// prettier-ignore
const PEOPLE: Person[] = [
  // Staff
  { alias: 'priya.shah', name: 'Priya Shah', store: 'manchester', jobTitle: 'Store Manager', employeeId: 'M1001', mobile: '+44 7700900010', licenses: ['SPE_E3'], notFrontline: true, scenario: 'Manchester store manager (AU-scoped Authentication Administrator)' },
  { alias: 'marcus.lee', name: 'Marcus Lee', store: 'leeds', jobTitle: 'Store Manager', employeeId: 'L1001', mobile: '+44 7700900020', licenses: ['SPE_E3'], notFrontline: true, scenario: 'Leeds store manager' },
  { alias: 'ewan.jones', name: 'Ewan Jones', store: 'bristol', jobTitle: 'Store Manager', employeeId: 'B1001', mobile: '+44 7700900030', licenses: ['SPE_E3'], notFrontline: true, scenario: 'Bristol store manager' },
  { alias: 'ava.martinez', name: 'Ava Martinez', store: 'redmond', jobTitle: 'Store Manager', employeeId: 'R1001', mobile: '+1 4255550140', licenses: ['SPE_E3'], notFrontline: true, scenario: 'Redmond store manager' },
  { alias: 'hana.kim', name: 'Hana Kim', jobTitle: 'IT Helpdesk', employeeId: 'IT2001', licenses: ['SPE_E5'], notFrontline: true, groups: ['approvers'], scenario: 'helpdesk approver (Authentication Administrator, tenant-wide)' },
  { alias: 'victor.osei', name: 'Victor Osei', jobTitle: 'IT Helpdesk', employeeId: 'IT2002', licenses: ['SPE_E5'], notFrontline: true, groups: ['approvers'], scenario: 'second helpdesk approver' },
  { alias: 'tomasz.nowak', name: 'Tomasz Nowak', jobTitle: 'IT Administrator', employeeId: 'IT2000', licenses: ['SPE_E5'], notFrontline: true, groups: ['approvers', 'tenantAdmins'], scenario: 'tenant admin (Global Administrator), approves tenant-wide changes' },

  // Manchester Piccadilly
  { alias: 'jane.doe', name: 'Jane Doe', store: 'manchester', jobTitle: 'Sales Associate', employeeId: 'M2001', scenario: 'no phone at all: "add +44 7700 900123 for Jane Doe"' },
  { alias: 'bob.smith', name: 'Bob Smith', store: 'manchester', jobTitle: 'Stock Associate', employeeId: 'M2002', mobile: '+44 7700900234', mobileSmsSignIn: 'notRegistered', scenario: 'FIG6: number attached but never enabled for sign-in' },
  { alias: 'ali.khan', name: 'Ali Khan', store: 'manchester', jobTitle: 'Sales Associate', employeeId: 'M2003', mobile: '+44 7700900456', mobileSmsSignIn: 'conflict', scenario: 'number in use: Sam Okafor in Leeds holds +44 7700 900456' },
  { alias: 'chloe.evans', name: 'Chloe Evans', store: 'manchester', jobTitle: 'Cashier', employeeId: 'M2004', mobile: '+44 7700900101', scenario: 'ready' },
  { alias: 'daniel.wright', name: 'Daniel Wright', store: 'manchester', jobTitle: 'Cashier', employeeId: 'M2005', mobile: '+44 7700900102', defaultMfaMethod: 'sms', scenario: 'ready; the phone is his default MFA method, so it cannot simply be removed' },
  { alias: 'emma.roberts', name: 'Emma Roberts', store: 'manchester', jobTitle: 'Visual Merchandiser', employeeId: 'M2006', office: '+44 1614960123', scenario: 'number only on the office phone (voice only, no SMS)' },
  { alias: 'frank.green', name: 'Frank Green', store: 'manchester', jobTitle: 'Stock Associate', employeeId: 'M2007', mobile: '+44 7700900150', alternateMobile: '+44 7700900151', scenario: 'his current phone (07700 900151) is only on alternateMobile; mobile holds an old number' },
  { alias: 'george.hall', name: 'George Hall', store: 'manchester', jobTitle: 'Sales Associate', employeeId: 'M2008', mobile: '+44 7700900103', notFrontline: true, scenario: 'not in the SMS policy targets' },
  { alias: 'hannah.lewis', name: 'Hannah Lewis', store: 'manchester', jobTitle: 'Sales Associate', employeeId: 'M2009', mobile: '+44 7700900104', mobileSmsSignIn: 'registered', groups: ['smsExclusions'], scenario: 'excluded from the SMS policy' },
  { alias: 'isaac.walker', name: 'Isaac Walker', store: 'manchester', jobTitle: 'Cashier', employeeId: 'M2010', mobile: '+44 7700900105', licenses: [], scenario: 'no licence' },
  { alias: 'julia.young', name: 'Julia Young', store: 'manchester', jobTitle: 'Cashier', employeeId: 'M2011', mobile: '+44 7700900106', scenario: 'ready' },

  // Leeds Briggate
  { alias: 'sam.okafor', name: 'Sam Okafor', store: 'leeds', jobTitle: 'Sales Associate', employeeId: 'L2001', mobile: '+44 7700900456', scenario: 'ready; holds the number Ali Khan also has' },
  { alias: 'lena.fischer', name: 'Lena Fischer (Agency)', store: 'leeds', jobTitle: 'Agency Temp', mobile: '+44 7700900201', guest: true, licenses: [], scenario: 'guest (B2B) account: SMS sign-in is not supported' },
  { alias: 'oliver.brown', name: 'Oliver Brown', store: 'leeds', jobTitle: 'Stock Associate', employeeId: 'L2003', mobile: '+44 7700900202', disabled: true, scenario: 'account disabled' },
  { alias: 'rachel.green', name: 'Rachel Green', store: 'leeds', jobTitle: 'Shift Lead', employeeId: 'L2004', mobile: '+44 7700900203', scenario: 'admin (Helpdesk Administrator) with SMS sign-in: a security finding' },
  { alias: 'nina.patel', name: 'Nina Patel', store: 'leeds', jobTitle: 'Cashier', employeeId: 'L2005', mobile: '+44 7700900204', mobileSmsSignIn: 'disabled', scenario: 'SMS sign-in turned off by an admin (notEnabled)' },
  { alias: 'liam.scott', name: 'Liam Scott', store: 'leeds', jobTitle: 'Cashier', employeeId: 'L2006', mobile: '+44 7700900205', defaultMfaMethod: 'voiceMobile', scenario: 'ready; phone is the default MFA method (voice)' },
  { alias: 'mia.turner', name: 'Mia Turner', store: 'leeds', jobTitle: 'Sales Associate', employeeId: 'L2007', mobile: '+44 7700900206', scenario: 'ready' },
  { alias: 'noah.white', name: 'Noah White', store: 'leeds', jobTitle: 'Sales Associate', employeeId: 'L2008', mobile: '+44 7700900207', licenses: ['FLOW_FREE'], scenario: 'only a licence that does not cover SMS sign-in' },
  { alias: 'olivia.harris', name: 'Olivia Harris', store: 'leeds', jobTitle: 'Stock Associate', employeeId: 'L2009', mobile: '+44 7700900208', mobileSmsSignIn: 'notRegistered', scenario: 'FIG6' },
  { alias: 'peter.clark', name: 'Peter Clark', store: 'leeds', jobTitle: 'Stock Associate', employeeId: 'L2010', scenario: 'no phone at all' },
  { alias: 'quinn.baker', name: 'Quinn Baker', store: 'leeds', jobTitle: 'Cashier', employeeId: 'L2011', mobile: '+44 7700900209', licenses: ['M365_F1_COMM'], scenario: 'ready (Microsoft 365 F1)' },

  // Bristol Cabot Circus
  { alias: 'tom.baker', name: 'Tom Baker', store: 'bristol', jobTitle: 'Sales Associate', employeeId: 'B2001', mobile: '+44 7700900301', mobileSmsSignIn: 'conflict', scenario: 'number in use by Zara Ahmed in the same store' },
  { alias: 'zara.ahmed', name: 'Zara Ahmed', store: 'bristol', jobTitle: 'Sales Associate', employeeId: 'B2002', mobile: '+44 7700900301', scenario: 'ready; holds the number Tom Baker also has' },
  { alias: 'uma.reid', name: 'Uma Reid', store: 'bristol', jobTitle: 'Cashier', employeeId: 'B2003', mobile: '+44 7700900302', scenario: 'ready' },
  { alias: 'vikram.singh', name: 'Vikram Singh', store: 'bristol', jobTitle: 'Cashier', employeeId: 'B2004', mobile: '+44 7700900303', alternateMobile: '+44 7700900304', scenario: 'ready, with an alternate mobile' },
  { alias: 'wendy.price', name: 'Wendy Price', store: 'bristol', jobTitle: 'Stock Associate', employeeId: 'B2005', mobile: '+44 7700900305', mobileSmsSignIn: 'notRegistered', scenario: 'FIG6' },
  { alias: 'xavier.ward', name: 'Xavier Ward', store: 'bristol', jobTitle: 'Stock Associate', employeeId: 'B2006', mobile: '+44 7700900306', groups: ['smsMfaOnly'], notFrontline: true, scenario: 'in a policy target with "Use for sign-in" unchecked (SMS for MFA only)' },
  { alias: 'yasmin.cole', name: 'Yasmin Cole', store: 'bristol', jobTitle: 'Sales Associate', employeeId: 'B2007', mobile: '+44 7700900307', scenario: 'ready' },
  { alias: 'zoe.morgan', name: 'Zoe Morgan', store: 'bristol', jobTitle: 'Sales Associate', employeeId: 'B2008', office: '+44 1174960123', scenario: 'number only on the office phone' },
  { alias: 'adam.fox', name: 'Adam Fox', store: 'bristol', jobTitle: 'Cashier', employeeId: 'B2009', mobile: '+44 7700900308', scenario: 'ready' },
  { alias: 'bella.king', name: 'Bella King', store: 'bristol', jobTitle: 'Cashier', employeeId: 'B2010', mobile: '+44 7700900309', disabled: true, scenario: 'account disabled (left the company)' },

  // Redmond Town Center
  { alias: 'carlos.diaz', name: 'Carlos Diaz', store: 'redmond', jobTitle: 'Sales Associate', employeeId: 'R2001', mobile: '+1 4255550101', scenario: 'ready (US number)' },
  { alias: 'dana.lee', name: 'Dana Lee', store: 'redmond', jobTitle: 'Sales Associate', employeeId: 'R2002', mobile: '+1 4255550102', mobileSmsSignIn: 'notRegistered', scenario: 'FIG6 (US number)' },
  { alias: 'eli.brooks', name: 'Eli Brooks', store: 'redmond', jobTitle: 'Cashier', employeeId: 'R2003', scenario: 'no phone at all' },
  { alias: 'fiona.chen', name: 'Fiona Chen', store: 'redmond', jobTitle: 'Cashier', employeeId: 'R2004', mobile: '+1 4255550103', groups: ['smsExclusions'], scenario: 'excluded from the SMS policy' },
  { alias: 'gabe.ortiz', name: 'Gabe Ortiz', store: 'redmond', jobTitle: 'Stock Associate', employeeId: 'R2005', mobile: '+1 4255550104', defaultMfaMethod: 'sms', scenario: 'ready; phone is the default MFA method' },
  { alias: 'holly.reed', name: 'Holly Reed', store: 'redmond', jobTitle: 'Stock Associate', employeeId: 'R2006', mobile: '+1 4255550105', scenario: 'ready' },
  { alias: 'ivan.petrov', name: 'Ivan Petrov', store: 'redmond', jobTitle: 'Sales Associate', employeeId: 'R2007', mobile: '+1 4255550106', notFrontline: true, groups: ['badgePilot'], scenario: 'not in the SMS policy targets; in the Redmond badge pilot, a QR code group no Conditional Access policy covers' },
  { alias: 'jade.kim', name: 'Jade Kim', store: 'redmond', jobTitle: 'Sales Associate', employeeId: 'R2008', mobile: '+1 4255550107', licenses: [], scenario: 'no licence' },
  { alias: 'kyle.adams', name: 'Kyle Adams', store: 'redmond', jobTitle: 'Cashier', employeeId: 'R2009', mobile: '+1 4255550108', scenario: 'ready; eligible for Password Administrator (not active), with SMS sign-in and a badge: on the admins-with-weak-sign-in list' },
  { alias: 'lucy.hughes', name: 'Lucy Hughes', store: 'redmond', jobTitle: 'Cashier', employeeId: 'R2010', mobile: '+1 4255550109', mobileSmsSignIn: 'disabled', scenario: 'SMS sign-in turned off after a lost phone' },
];

/** One line per demo person: what the demo shows with them (docs/simulator.md lists these). */
export const DEMO_SCENARIOS: ReadonlyArray<{ alias: string; name: string; store: string; scenario: string }> =
  PEOPLE.map((person) => ({
    alias: person.alias,
    name: person.name,
    store: person.store ? DEMO_STORES[person.store].name : 'Head office',
    scenario: person.scenario,
  }));

export const demoUserId = (alias: string): string => demoId(`user:${alias}`);

function upn(person: Person): string {
  if (!person.guest) return `${person.alias}@${DOMAIN}`;
  return `${person.alias}_agency.example#EXT#@${DOMAIN}`;
}

function toUser(person: Person, now: number): SeedUser {
  const [givenName, ...rest] = person.name.replace(/ \(.*\)$/, '').split(' ');
  const badge = DEMO_BADGES.find((demo) => demo.alias === person.alias)?.badge;
  const phoneMethods: SeedPhoneMethod[] = [];
  if (person.mobile)
    phoneMethods.push({
      phoneType: 'mobile',
      phoneNumber: person.mobile,
      ...(person.mobileSmsSignIn && { smsSignIn: person.mobileSmsSignIn }),
    });
  if (person.alternateMobile) phoneMethods.push({ phoneType: 'alternateMobile', phoneNumber: person.alternateMobile });
  if (person.office) phoneMethods.push({ phoneType: 'office', phoneNumber: person.office });
  const manager =
    person.store && DEMO_STORES[person.store].manager !== person.alias
      ? demoUserId(DEMO_STORES[person.store].manager)
      : undefined;
  return {
    id: demoUserId(person.alias),
    userPrincipalName: upn(person),
    displayName: person.name,
    givenName,
    surname: rest.join(' '),
    mail: person.guest ? `${person.alias}@agency.example` : `${person.alias}@contoso-retail.example`,
    ...(person.employeeId && { employeeId: person.employeeId }),
    jobTitle: person.jobTitle,
    ...(person.store && { officeLocation: DEMO_STORES[person.store].name }),
    accountEnabled: !person.disabled,
    userType: person.guest ? 'Guest' : 'Member',
    licenses: person.licenses ?? F3,
    ...(manager && { manager }),
    phoneMethods,
    ...(person.defaultMfaMethod && { defaultMfaMethod: person.defaultMfaMethod }),
    otherMethodsRegistered: [],
    ...(badge && { qrCodePin: badge(now) }),
  };
}

export function demoSeed(now = Date.now()): Seed {
  const members = (group: keyof typeof DEMO_GROUPS): string[] =>
    PEOPLE.filter((person) =>
      group === 'frontlineWorkers'
        ? person.store !== undefined && !person.notFrontline
        : person.groups?.includes(group),
    ).map((person) => demoUserId(person.alias));
  const storeMembers = (store: DemoStore): string[] =>
    PEOPLE.filter((person) => person.store === store && DEMO_STORES[store].manager !== person.alias).map((person) =>
      demoUserId(person.alias),
    );

  return {
    tenant: { id: DEMO_TENANT_ID, displayName: 'Contoso Retail', domain: DOMAIN },
    users: PEOPLE.map((person) => toUser(person, now)),
    groups: [
      {
        id: DEMO_GROUPS.frontlineWorkers,
        displayName: 'Frontline workers',
        description: 'Store staff who sign in with their phone number',
        members: members('frontlineWorkers'),
      },
      {
        id: DEMO_GROUPS.smsExclusions,
        displayName: 'SMS sign-in exclusions',
        description: 'Never allowed to sign in by SMS',
        members: members('smsExclusions'),
      },
      {
        id: DEMO_GROUPS.smsMfaOnly,
        displayName: 'SMS for MFA only',
        description: 'SMS as a second factor, not for sign-in',
        members: members('smsMfaOnly'),
      },
      {
        id: DEMO_GROUPS.approvers,
        displayName: 'phonedesk approvers',
        description: 'Helpdesk staff who approve phonedesk change requests',
        members: members('approvers'),
      },
      {
        id: DEMO_GROUPS.tenantAdmins,
        displayName: 'phonedesk tenant admins',
        description: 'Approve tenant-wide phonedesk changes',
        members: members('tenantAdmins'),
      },
      {
        id: DEMO_GROUPS.badgePilot,
        displayName: 'Redmond badge pilot',
        description: 'Trying QR badges before the store moves',
        members: members('badgePilot'),
      },
    ],
    administrativeUnits: (Object.keys(DEMO_STORES) as DemoStore[]).map((store) => ({
      id: DEMO_STORES[store].id,
      displayName: DEMO_STORES[store].name,
      description: `Staff of the ${DEMO_STORES[store].name} store`,
      members: storeMembers(store),
      scopedRoleMembers: [
        { roleTemplateId: AUTHENTICATION_ADMINISTRATOR, userId: demoUserId(DEMO_STORES[store].manager) },
      ],
    })),
    roleAssignments: [
      { principalId: demoUserId('hana.kim'), roleTemplateId: AUTHENTICATION_ADMINISTRATOR, directoryScopeId: '/' },
      { principalId: demoUserId('victor.osei'), roleTemplateId: AUTHENTICATION_ADMINISTRATOR, directoryScopeId: '/' },
      { principalId: demoUserId('tomasz.nowak'), roleTemplateId: GLOBAL_ADMINISTRATOR, directoryScopeId: '/' },
      { principalId: demoUserId('rachel.green'), roleTemplateId: HELPDESK_ADMINISTRATOR, directoryScopeId: '/' },
    ],
    smsPolicy: {
      state: 'enabled',
      includeTargets: [
        { targetType: 'group', id: DEMO_GROUPS.frontlineWorkers, isUsableForSignIn: true },
        { targetType: 'group', id: DEMO_GROUPS.smsMfaOnly, isUsableForSignIn: false },
      ],
      excludeTargets: [{ targetType: 'group', id: DEMO_GROUPS.smsExclusions }],
      telecomProviderSettings: null,
    },
    roleEligibilities: [
      { principalId: demoUserId('kyle.adams'), roleTemplateId: PASSWORD_ADMINISTRATOR, directoryScopeId: '/' },
    ],
    conditionalAccessPolicies: demoConditionalAccess(),
    // Migration finished; the campaign Microsoft-managed, as it is for most tenants since 2026-09-01.
    authenticationMethodsPolicy: DEFAULT_METHODS_POLICY,
    qrCodePinPolicy: demoQrCodePinPolicy(DEMO_GROUPS.frontlineWorkers, DEMO_GROUPS.badgePilot),
    temporaryAccessPassPolicy: demoTemporaryAccessPassPolicy(DEMO_GROUPS.frontlineWorkers),
  };
}
