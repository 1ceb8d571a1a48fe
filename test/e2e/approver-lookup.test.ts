// Telling approvers of a request reads the approver groups' members (cached), not the profile of everyone who
// ever talked to phonedesk: many managers in the chat cost no Graph reads, and the approvers still get the card.
import type { LoggedRequest } from '../../src/simulator/request-log';
import { demoSeed } from '../../src/simulator/demo-tenant';
import { BotHarness, HANA, MARCUS, PRIYA, VICTOR, findButton, textOf } from '../helpers/bot-harness';
import { demoUser } from '../helpers/simulator';

const harness = new BotHarness();
const approvers = new Set(['hana.kim', 'victor.osei', 'tomasz.nowak'].map(demoUser));
// Neither approvers nor part of the requests below (requesters and their workers are read, of course).
const involved = new Set(['priya.shah', 'marcus.lee', 'bob.smith', 'olivia.harris'].map(demoUser));
const others = demoSeed()
  .users.map((user) => user.id)
  .filter((id) => !approvers.has(id) && !involved.has(id));

beforeAll(async () => {
  await harness.start();
  for (const user of [PRIYA, HANA, VICTOR, MARCUS]) await harness.open(user);
  // Everyone else in the tenant has talked to phonedesk too.
  for (const id of others) {
    await harness.bot.services.stores.conversations.save(id, {
      channelId: 'msteams',
      serviceUrl: harness.connector.url,
      conversation: { id: `a:personal-${id}`, conversationType: 'personal', isGroup: false, name: '' },
      user: { id: `29:${id}`, name: id },
    });
  }
}, 30000);

afterAll(async () => {
  await harness.stop();
});

async function graphLog(): Promise<LoggedRequest[]> {
  return (await harness.simulator.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
}

async function announce(requester: typeof PRIYA, question: string): Promise<{ log: LoggedRequest[]; since: number }> {
  const fix = findButton(await harness.say(requester, question), 'change.propose');
  await harness.simulator.control('DELETE', 'requests');
  const since = harness.connector.calls.length;
  expect((await harness.click(requester, 'change.propose', fix!)).body.value).toMatch(
    /Request \d+: see its card below/,
  );
  return { log: await graphLog(), since };
}

it('reads no profile of the people who are not approvers, reads each approver group once, and reaches the approvers', async () => {
  const { log, since } = await announce(PRIYA, "why can't Bob sign in?");
  expect(log.filter((entry) => others.some((id) => entry.path.includes(id))).map((entry) => entry.path)).toEqual([]);
  expect(log.filter((entry) => entry.path.includes('/transitiveMembers/microsoft.graph.user'))).toHaveLength(2);
  expect(textOf(harness.postsTo(HANA, since))).toMatch(/Priya Shah asks you to approve/);
  expect(textOf(harness.postsTo(VICTOR, since))).toMatch(/Priya Shah asks you to approve/);
});

it('uses the remembered group members for the next announcement', async () => {
  const { log, since } = await announce(MARCUS, "why can't Olivia sign in?");
  expect(log.filter((entry) => entry.path.includes('/transitiveMembers/'))).toEqual([]);
  expect(textOf(harness.postsTo(HANA, since))).toMatch(/Marcus Lee asks you to approve/);
});
