// Odd or hostile activities: the bot answers plainly or stays silent, never crashes, and sends Graph nothing
// it should not.
import type { LoggedRequest } from '../../src/simulator/request-log';
import { BotHarness, PRIYA, textOf } from '../helpers/bot-harness';
import { postJson } from '../helpers/http';

const harness = new BotHarness();

beforeAll(async () => {
  await harness.start();
  await harness.open(PRIYA);
});

afterAll(async () => {
  await harness.stop();
});

async function graphLog(): Promise<LoggedRequest[]> {
  return (await harness.simulator.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
}

it('answers a 100 KB message plainly and sends no oversized query to Graph', async () => {
  const reply = await harness.say(PRIYA, `status of ${'x'.repeat(100_000)}`);
  expect(textOf(reply)).toMatch(/couldn't find anyone called "x+" among the people you look after/);
  expect((await graphLog()).every((entry) => entry.path.length < 2000)).toBe(true);
});

it('stays silent on an empty message and on a message that is only an attachment', async () => {
  expect(await harness.say(PRIYA, '')).toEqual([]);
  expect(
    await harness.say(PRIYA, '   ', {
      attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:9/x.png' }],
    }),
  ).toEqual([]);
});

it('ignores activity types it does not handle', async () => {
  for (const type of ['messageReaction', 'typing', 'event', 'endOfConversation', 'no-such-type']) {
    const response = await postJson(`${harness.bot.server.url}/api/messages`, {
      type,
      id: `odd-${type}`,
      channelId: 'msteams',
      serviceUrl: harness.connector.url,
      from: { id: PRIYA.teamsId, name: PRIYA.name },
      recipient: { id: '28:phonedesk' },
      conversation: { id: PRIYA.conversationId },
    });
    expect(response.status).toBeLessThan(500);
  }
  expect(textOf(await harness.say(PRIYA, 'help'))).toMatch(/sign-in by phone/);
});

it('takes a message whose value is null as one without a value, and a submit with an unknown verb as a gone button', async () => {
  expect(await harness.say(PRIYA, '', { value: null })).toEqual([]);
  expect(textOf(await harness.say(PRIYA, 'help', { value: null }))).toMatch(/sign-in by phone/);
  expect(textOf(await harness.say(PRIYA, '', { value: { verb: 'change.no-such-verb', requestId: '1' } }))).toBe(
    'That button is not supported any more.',
  );
});

it('refuses to act for a message without an Entra identity', async () => {
  const reply = await harness.say(PRIYA, 'status of Bob Smith', { from: { id: '29:anonymous', name: 'Someone' } });
  expect(textOf(reply)).toMatch(/can't tell who you are/);
});

it('treats OData operators and quotes in names as plain text', async () => {
  await harness.simulator.control('DELETE', 'requests');
  const reply = await harness.say(PRIYA, "status of O'Brien' or startswith(displayName,'B') or displayName eq '");
  expect(textOf(reply)).toMatch(/couldn't find anyone/);
  expect((await graphLog()).every((entry) => entry.status < 400)).toBe(true);
});

it('rejects a body that is not JSON without crashing', async () => {
  const response = await fetch(`${harness.bot.server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{not json',
  });
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect((await fetch(`${harness.bot.server.url}/healthz`)).status).toBe(200);
});

describe('channels and group chats', () => {
  const places = [
    {
      id: '19:store-12-team@thread.tacv2;messageid=1700000000000',
      conversationType: 'channel',
      isGroup: true,
      name: 'Store 12',
    },
    { id: '19:shift-leads@thread.v2', conversationType: 'groupChat', isGroup: true, name: 'Shift leads' },
  ];
  const mention = { type: 'mention', mentioned: { id: '28:phonedesk', name: 'phonedesk' }, text: '<at>phonedesk</at>' };

  it.each(places)(
    'stays out of a $conversationType conversation between people (no mention): no reply, no Graph call',
    async (conversation) => {
      await harness.simulator.control('DELETE', 'requests');
      expect(await harness.say(PRIYA, 'who has 07700 900123?', { conversation })).toEqual([]);
      expect(
        await harness.say(PRIYA, 'Can someone cover my shift, Bob Smith is off sick', {
          conversation,
          entities: [{ ...mention, mentioned: { id: '29:someone-else', name: 'Bob' } }],
        }),
      ).toEqual([]);
      expect(await graphLog()).toEqual([]);
    },
  );

  it.each(places)('answers in a $conversationType conversation when mentioned', async (conversation) => {
    const reply = await harness.say(PRIYA, '<at>phonedesk</at> help', { conversation, entities: [mention] });
    expect(textOf(reply)).toMatch(/sign-in by phone/);
    expect(
      reply.every(
        (call) => call.path.includes(encodeURIComponent(conversation.id)) || call.path.includes(conversation.id),
      ),
    ).toBe(true);
  });
});
