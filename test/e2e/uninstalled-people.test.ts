// People who removed phonedesk: when Teams answers 403 or 404 to a proactive message in their 1:1 chat, phonedesk
// stops trying to reach them there; any other failure keeps them. Talking to phonedesk again brings them back.
import { BotHarness, HANA, MARCUS, PRIYA, VICTOR, findButton, textOf, waitUntil, useBot } from '../helpers/bot-harness';
import { demoUser } from '../helpers/simulator';

const harness = new BotHarness();
const reachable = async (alias: string): Promise<boolean> =>
  (await harness.bot.services.stores.conversations.get(demoUser(alias))) !== undefined;

useBot(harness, [PRIYA, HANA, VICTOR, MARCUS]);

it('forgets an approver whose chat answers 403 and a requester whose chat answers 404, and keeps one whose chat failed otherwise', async () => {
  harness.connector.refusedConversations.set(HANA.conversationId, 403);
  harness.connector.refusedConversations.set(VICTOR.conversationId, 400);
  const fix = findButton(await harness.say(PRIYA, "why can't Bob sign in?"), 'change.propose');
  const before = harness.connector.calls.length;
  expect((await harness.click(PRIYA, 'change.propose', fix!)).body.value).toMatch(/Request \d+: see its card below/);
  // Both were tried once; Hana has removed phonedesk, Victor's failure says nothing about him.
  expect(harness.postsTo(HANA, before).length).toBeGreaterThan(0);
  expect(harness.postsTo(VICTOR, before).length).toBeGreaterThan(0);
  expect(await reachable('hana.kim')).toBe(false);
  expect(await reachable('victor.osei')).toBe(true);
  expect(await reachable('priya.shah')).toBe(true);

  // Victor's copy never arrived; he approves (as from "pending requests"), and Priya's chat is gone when she is told.
  harness.connector.refusedConversations.set(PRIYA.conversationId, 404);
  const requestId = findButton(harness.postsTo(PRIYA, before), 'change.cancel')?.requestId;
  expect(requestId).toEqual(expect.any(String));
  expect(JSON.stringify((await harness.click(VICTOR, 'change.approve', { requestId })).body.value)).toMatch(
    /Approved by.*Victor Osei/,
  );
  await waitUntil(
    'Priya to be forgotten after the result could not reach her',
    async () => !(await reachable('priya.shah')) || undefined,
  );
});

it('no longer sends new requests to a forgotten approver, until they write again', async () => {
  harness.connector.refusedConversations.clear();
  const fix = findButton(await harness.say(MARCUS, "why can't Olivia sign in?"), 'change.propose');
  const before = harness.connector.calls.length;
  expect((await harness.click(MARCUS, 'change.propose', fix!)).body.value).toMatch(/Request \d+: see its card below/);
  expect(harness.postsTo(HANA, before)).toEqual([]);
  expect(textOf(harness.postsTo(VICTOR, before))).toMatch(/asks you to approve/);

  await harness.say(HANA, 'hello');
  expect(await reachable('hana.kim')).toBe(true);
});
