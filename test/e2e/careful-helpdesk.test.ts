// What a careful helpdesk would never do, through the whole bot over HTTP: ask approvers for the same change twice.
import { NumberIndexSweep } from '../../src/number-index/number-index-sweep';
import { BotHarness, HANA, PRIYA, findButton, textOf, waitUntil } from '../helpers/bot-harness';
import { demoUser } from '../helpers/simulator';

const harness = new BotHarness();

async function mobileState(alias: string): Promise<string | undefined> {
  const reply = await harness.simulator.graph<{ value: Array<{ phoneType: string; smsSignInState: string }> }>('GET', `/users/${demoUser(alias)}/authentication/phoneMethods`);
  return reply.body.value.find((method) => method.phoneType === 'mobile')?.smsSignInState;
}

async function requestsFor(alias: string) {
  return harness.bot.services.changeStore.list({ targetUserId: demoUser(alias) });
}

async function refusalsAudited(): Promise<string[]> {
  const details: string[] = [];
  for await (const record of harness.bot.services.audit.read()) if (record.operation === 'change.refused') details.push(record.detail ?? '');
  return details;
}

beforeAll(async () => {
  await harness.start();
  await harness.open(PRIYA);
  await harness.open(HANA);
  await new NumberIndexSweep(harness.bot.services.numberIndex, harness.bot.services.gateway).run();
}, 30000);

afterAll(async () => {
  await harness.stop();
});

describe('the same change asked twice', () => {
  it('is filed once; the second ask is pointed at the open request', async () => {
    const first = textOf(await harness.say(PRIYA, 'add +44 7700 900123 for Jane Doe because new starter'));
    const number = /request (\d+)/.exec(first)?.[1];
    expect(number).toBeDefined();
    const hanaBefore = harness.connector.calls.length;
    const second = textOf(await harness.say(PRIYA, 'add 07700 900123 for Jane Doe because new starter'));
    expect(second).toBe(`Request ${number}, asked by Priya Shah, already asks for this and is still waiting for approval, so I haven't asked again.`);
    expect(harness.postsTo(HANA, hanaBefore)).toEqual([]);
    expect(await requestsFor('jane.doe')).toHaveLength(1);
  });
});
