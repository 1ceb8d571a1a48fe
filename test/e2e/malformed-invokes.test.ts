// Card action invokes that no button could have sent: a 400 with a plain sentence (the Universal Actions error
// body), and nothing decided, nothing written to Graph.
import type { LoggedRequest } from '../../src/simulator/request-log';
import { BotHarness, HANA, PRIYA, findButton } from '../helpers/bot-harness';
import { postJson } from '../helpers/http';
import { demoUser } from '../helpers/simulator';

const harness = new BotHarness();
let requestId: string;

beforeAll(async () => {
  await harness.start();
  await harness.open(PRIYA);
  await harness.open(HANA);
  const fix = findButton(await harness.say(PRIYA, "why can't Bob sign in?"), 'change.propose');
  const before = harness.connector.calls.length;
  await harness.click(PRIYA, 'change.propose', fix!);
  requestId = String(findButton(harness.postsTo(HANA, before), 'change.approve')!.requestId);
}, 30000);

afterAll(async () => {
  await harness.stop();
});

async function graphWrites(): Promise<LoggedRequest[]> {
  const log = (await harness.simulator.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
  return log.filter((entry) => entry.method !== 'GET' && entry.path !== '/$batch');
}

/** Hana's click, with whatever `value` a client (or an attacker) put in the invoke. */
async function invoke(
  value: unknown,
): Promise<{ status: number; body: { statusCode: number; type: string; value: { code: string; message: string } } }> {
  const reply = await postJson(`${harness.bot.server.url}/api/messages`, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `odd-invoke-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl: harness.connector.url,
    from: { id: HANA.teamsId, name: HANA.name, aadObjectId: demoUser('hana.kim') },
    recipient: { id: '28:phonedesk', name: 'phonedesk' },
    conversation: { id: HANA.conversationId, conversationType: 'personal' },
    replyToId: 'card-1',
    value,
  });
  return { status: reply.status, body: JSON.parse(reply.text || '{}') };
}

const approveData = (): Record<string, unknown> => ({ requestId });

it.each([
  ['a string', () => 'change.approve', /could not be read/],
  ['null', () => null, /could not be read/],
  [
    'an array',
    () => [{ action: { type: 'Action.Execute', verb: 'change.approve', data: approveData() } }],
    /could not be read/,
  ],
  ['an object without an action', () => ({ verb: 'change.approve', data: approveData() }), /has no button/],
  ['an action that is a string', () => ({ action: 'change.approve' }), /has no button/],
  [
    'an Action.Submit in an invoke',
    () => ({ action: { type: 'Action.Submit', verb: 'change.approve', data: approveData() } }),
    /has no button/,
  ],
  [
    'an action without a verb',
    () => ({ action: { type: 'Action.Execute', data: approveData() } }),
    /not one phonedesk knows/,
  ],
  [
    'an unknown verb',
    () => ({ action: { type: 'Action.Execute', verb: 'change.approveAll', data: approveData() } }),
    /not one phonedesk knows/,
  ],
  [
    'a verb that is not a string',
    () => ({ action: { type: 'Action.Execute', verb: ['change.approve'], data: approveData() } }),
    /not one phonedesk knows/,
  ],
])('answers 400 with a plain sentence for a value that is %s, and changes nothing', async (_what, value, sentence) => {
  await harness.simulator.control('DELETE', 'requests');
  const reply = await invoke(value());
  expect(reply.status).toBe(400);
  expect(reply.body).toEqual({
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: 'BadRequest', message: expect.stringMatching(sentence) },
  });
  expect(reply.body.value.message).toMatch(/nothing was changed\.$/);
  expect((await harness.bot.services.changes.get(requestId))?.status).toBe('pending');
  expect(await graphWrites()).toEqual([]);
});

it('still approves with a well-formed click after the malformed ones', async () => {
  const reply = await harness.click(HANA, 'change.approve', approveData());
  expect(reply.status).toBe(200);
  expect((await harness.bot.services.changes.get(requestId))?.status).not.toBe('pending');
});
