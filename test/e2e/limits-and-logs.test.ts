// Abuse limits and what the logs may never contain, over the whole bot.
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { askedFor, askedNumber } from '../helpers/asked-card';
import { BotHarness, HANA, PRIYA, findButton, textOf, waitUntil } from '../helpers/bot-harness';
import { demoUser } from '../helpers/simulator';

describe('limits per person', () => {
  const harness = new BotHarness({ env: { RATE_LIMIT_READS_PER_MINUTE: '3', RATE_LIMIT_CHANGES_PER_HOUR: '1' } });

  beforeAll(async () => {
    await harness.start();
    await harness.open(PRIYA);
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('answers look-ups up to the limit, then asks the person to wait', async () => {
    for (let i = 0; i < 3; i++)
      expect(textOf(await harness.say(PRIYA, 'status of Chloe Evans'))).toMatch(/Chloe Evans can sign in/);
    expect(textOf(await harness.say(PRIYA, 'status of Chloe Evans'))).toBe(
      "You've looked up a lot in a short time. Please wait a minute and try again.",
    );
    expect(textOf(await harness.say(HANA, 'status of Chloe Evans'))).toMatch(/Chloe Evans can sign in/);
  });

  it('counts a name typed alone as a look-up: over the limit, nobody is looked up', async () => {
    const searches = async (): Promise<number> =>
      (
        await harness.simulator.control<{ requests: Array<{ method: string; path: string }> }>('GET', 'requests')
      ).body.requests.filter((entry) => entry.path.startsWith('/users?')).length;
    const before = await searches();
    expect(textOf(await harness.say(PRIYA, 'Chloe Evans'))).toBe(
      "You've looked up a lot in a short time. Please wait a minute and try again.",
    );
    expect(await searches()).toBe(before);
  });

  it('refuses change requests over the hourly limit, without creating them', async () => {
    const first = textOf(await harness.say(PRIYA, 'add +44 7700 900123 for Jane Doe because new starter'));
    expect(first).toMatch(askedFor("Add \\+44 •••• ••0123 as Jane Doe's mobile number"));
    expect(askedNumber(first)).toBe(1);
    expect(textOf(await harness.say(PRIYA, 'Julia Young lost her phone'))).toMatch(
      /asked for a lot of changes in the last hour/,
    );
    expect(await harness.bot.services.stores.changes.list({})).toHaveLength(1);
  });
});

describe('logs', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  const secret = 'sup3r-s3cret-client-value';
  const harness = new BotHarness({ env: { AZURE_CLIENT_SECRET: secret }, logger: createLogger('trace', sink) });

  beforeAll(async () => {
    await harness.start();
    await harness.open(PRIYA);
    await harness.open(HANA);
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('never contain the client secret, tokens or full phone numbers after a whole conversation', async () => {
    await harness.say(PRIYA, "why can't Bob sign in?");
    await harness.say(PRIYA, 'who has 07700 900456?');
    const asked = await harness.say(PRIYA, 'add +44 7700 900123 for Jane Doe because new starter');
    await harness.click(HANA, 'change.approve', findButton(asked, 'change.cancel')!);
    await waitUntil('Jane to be ready', async () => {
      const reply = await harness.simulator.graph<{ value: Array<{ smsSignInState: string }> }>(
        'GET',
        `/users/${demoUser('jane.doe')}/authentication/phoneMethods`,
      );
      return reply.body.value[0]?.smsSignInState === 'ready' ? true : undefined;
    });
    // Make the bot log an error too: a Graph outage during a turn.
    await harness.simulator.control('PUT', 'random-failures', { rate: 1, statuses: [503] });
    await harness.say(PRIYA, 'status of Chloe Evans');
    await harness.simulator.control('PUT', 'random-failures', { rate: 0 });

    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(secret);
    expect(log).not.toMatch(/phonedesk-simulator|Bearer\s+\S+/);
    for (const digits of ['7700900123', '7700900234', '7700900456', '7700 900123', '7700 900456'])
      expect(log).not.toContain(digits);
  });
});
