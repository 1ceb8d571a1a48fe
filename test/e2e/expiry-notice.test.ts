// Expiry is told: when a request expires undecided, the sweep updates every copy of its card (approvers' chats,
// the approvals channel, the requester's) to "Expired" without buttons and tells the requester, exactly once,
// however it expired (the sweep, or a late click) and however many sweeps race.
import { BotHarness, HANA, PRIYA, VICTOR, findButton, textOf } from '../helpers/bot-harness';

const harness = new BotHarness();
const channel = { id: '19:approvals@thread.tacv2', conversationType: 'channel', isGroup: true, name: 'Approvals' };
const mentioned = {
  conversation: channel,
  entities: [{ type: 'mention', mentioned: { id: '28:phonedesk', name: 'phonedesk' }, text: '<at>phonedesk</at>' }],
};

beforeAll(async () => {
  await harness.start();
  await harness.open(PRIYA);
  await harness.open(HANA);
  await harness.open(VICTOR);
  await harness.say(HANA, '<at>phonedesk</at> use this channel for approvals', mentioned);
}, 30000);

afterAll(async () => {
  await harness.stop();
});

async function ask(text: string): Promise<{ requestId: string; number: number }> {
  const requestId = findButton(await harness.say(PRIYA, text), 'change.cancel')!.requestId as string;
  return { requestId, number: (await harness.bot.services.stores.changes.get(requestId))!.number };
}

/** The approval deadline passes: the stored deadline is moved into the past, as time would. */
function passDeadline(requestId: string): void {
  const past = new Date(Date.now() - 60_000).toISOString();
  harness.sqlite
    .prepare("UPDATE change_requests SET expires_at = ?, body = json_set(body, '$.expiresAt', ?) WHERE id = ?")
    .run(past, past, requestId);
}

const EXPIRED_TOLD =
  /Request (\d+) \(.*\): It expired: no approver decided it in time, so nothing was changed\. Ask again if it is still needed\./g;

/** The request numbers Priya was told had expired since `from` (an index into connector.calls), one per message. */
function expiryNoticesToPriya(from: number): number[] {
  return harness
    .postsTo(PRIYA, from)
    .filter((call) => call.method === 'POST')
    .flatMap((call) => [...(call.activity.text ?? '').matchAll(EXPIRED_TOLD)].map((match) => Number(match[1])));
}

describe('expiry is told', () => {
  it('updates every copy of the card to Expired without buttons, and tells the requester once, even when two sweeps race', async () => {
    const { requestId, number } = await ask('add +44 7700 900123 for Jane Doe because new starter');
    const cards = await harness.bot.services.stores.cards.cardsOf(requestId);
    const places = cards.map((card) => card.reference.conversation?.id).sort();
    expect(places).toEqual([channel.id, HANA.conversationId, PRIYA.conversationId, VICTOR.conversationId].sort());

    passDeadline(requestId);
    const before = harness.connector.calls.length;
    await Promise.all([harness.bot.services.sweepExpired(), harness.bot.services.sweepExpired()]);
    const sent = harness.connector.calls.slice(before);

    expect((await harness.bot.services.stores.changes.get(requestId))!.status).toBe('expired');
    expect(expiryNoticesToPriya(before)).toEqual([number]);
    for (const card of cards) {
      const updates = sent.filter(
        (call) => call.method === 'PUT' && call.path.endsWith(`/activities/${encodeURIComponent(card.activityId)}`),
      );
      expect(updates).toHaveLength(1);
      expect(textOf(updates)).toMatch(/"title":"Status","value":"Expired"/);
      for (const verb of ['change.approve', 'change.reject', 'change.cancel'])
        expect(findButton(updates, verb)).toBeUndefined();
    }

    const later = harness.connector.calls.length;
    await harness.bot.services.sweepExpired();
    expect(harness.connector.calls.slice(later)).toEqual([]);
  });

  it('tells once when a late click expired it first', async () => {
    const { requestId, number } = await ask('add +44 7700 900124 for Jane Doe because new phone');
    passDeadline(requestId);
    const before = harness.connector.calls.length;
    const late = await harness.click(HANA, 'change.approve', { requestId });
    expect(late.body.value).toBe(
      `Request ${number} expired without a decision; ask for it again if it is still needed.`,
    );
    expect((await harness.bot.services.stores.changes.get(requestId))!.status).toBe('expired');

    await harness.bot.services.sweepExpired();
    await harness.bot.services.sweepExpired();
    expect(expiryNoticesToPriya(before)).toEqual([number]);
  });

  it('tells a requester who types "cancel N" after the deadline that it expired, before any sweep', async () => {
    const { requestId, number } = await ask('add +44 7700 900125 for Jane Doe because new phone');
    passDeadline(requestId);
    const reply = textOf(await harness.say(PRIYA, `cancel ${number}`));
    expect(reply).toBe(`Request ${number} expired without a decision; ask for it again if it is still needed.`);
    expect((await harness.bot.services.stores.changes.get(requestId))!.status).toBe('expired');
  });
});
