// The `.m365agentsplayground.yml` for one Agents Playground: who is signed in, and the tenant's other people.
// The playground has no user switcher, so each demo role gets its own playground with its own file.
import { DEMO_TENANT_ID, demoId, demoSeed, demoUserId } from '../simulator/demo-tenant';
import type { SeedUser } from '../simulator/seed';

export interface PlaygroundRole {
  /** Directory name and chat-id prefix; keeps the two playgrounds' conversations apart in the bot's state. */
  key: 'manager' | 'approver';
  /** How the banner and error messages name it. */
  title: string;
  /** The demo person signed in to this playground. */
  alias: string;
  /** What the demo person is, for the banner. */
  description: string;
  /** The setting that chooses its port. */
  portVariable: string;
}

export const MANAGER: PlaygroundRole = {
  key: 'manager',
  title: 'store manager',
  alias: 'priya.shah',
  description: 'Manchester store manager',
  portVariable: 'PLAYGROUND_MANAGER_PORT',
};

export const APPROVER: PlaygroundRole = {
  key: 'approver',
  title: 'helpdesk approver',
  alias: 'hana.kim',
  description: 'helpdesk approver',
  portVariable: 'PLAYGROUND_APPROVER_PORT',
};

// The playground's schema wants exactly five users besides the current one.
const TENANT_PEOPLE = ['priya.shah', 'hana.kim', 'marcus.lee', 'victor.osei', 'tomasz.nowak', 'ewan.jones'];

// The bot id the playground's default file uses; phonedesk runs without one locally.
const BOT_ID = '00000000-0000-0000-0000-00000000000011';

function demoPerson(alias: string): SeedUser {
  const user = demoSeed().users.find((candidate) => candidate.id === demoUserId(alias));
  if (!user) throw new Error(`the demo tenant has no ${alias}`);
  return user;
}

export function displayName(alias: string): string {
  return demoPerson(alias).displayName;
}

/** A YAML scalar: JSON strings are valid YAML double-quoted strings. */
const q = (value: string): string => JSON.stringify(value);

/** A user's mapping, as `currentUser`'s value or as an item of `users`. */
function userYaml(alias: string, as: 'mapping' | 'list item'): string {
  const user = demoPerson(alias);
  // aadObjectId must be the simulator's object id, or the bot's Graph look-ups would not find the person.
  const fields: Array<[string, string]> = [
    ['id', `29:${alias}`],
    ['name', user.displayName],
    ['userPrincipleName', user.userPrincipalName], // sic: the playground's schema spells it so
    ['aadObjectId', user.id],
    ['givenName', user.givenName ?? user.displayName],
    ['surname', user.surname ?? ''],
    ['email', user.mail ?? user.userPrincipalName],
  ];
  const indent = as === 'mapping' ? '  ' : '    ';
  return fields
    .map(([key, value], index) => `${as === 'list item' && index === 0 ? '  - ' : indent}${key}: ${q(value)}`)
    .join('\n');
}

/** The config file's text for a playground signed in as `role.alias`. */
export function playgroundConfigYaml(role: PlaygroundRole): string {
  const others = TENANT_PEOPLE.filter((alias) => alias !== role.alias).slice(0, 5);
  return [
    `# Written by \`npm start\` for the ${role.title}'s Agents Playground; rewritten at every start.`,
    'version: "0.1.1"',
    `tenantId: ${q(DEMO_TENANT_ID)}`,
    'bot:',
    `  id: ${q(BOT_ID)}`,
    '  name: "phonedesk"',
    'currentUser:',
    userYaml(role.alias, 'mapping'),
    'users:',
    ...others.map((alias) => userYaml(alias, 'list item')),
    'personalChat:',
    `  id: ${q(`a:phonedesk-${role.key}-personal-chat`)}`,
    'groupChat:',
    `  id: ${q(`19:phonedesk-${role.key}-group-chat@thread.v2`)}`,
    '  name: "Contoso Retail helpdesk"',
    'team:',
    `  id: ${q(`19:phonedesk-${role.key}-team@thread.skype`)}`,
    '  name: "Contoso Retail"',
    `  aadGroupId: ${q(demoId(`playground-team:${role.key}`))}`,
    '  channels:',
    `    - id: ${q(`19:phonedesk-${role.key}-approvals@thread.skype`)}`,
    '      name: "Approvals"',
    '',
  ].join('\n');
}
