// Messages phonedesk did not understand, over real HTTP with the simulator: a name alone (or close to one) gets
// "Did you mean: status of …?" with buttons that run the status; anything else gets the nearest things phonedesk
// can do, as buttons that do them or ask for what is missing.
import type { LoggedRequest } from '../../src/simulator/request-log';
import { BotHarness, HANA, MARCUS, PRIYA, findButton, textOf, useBot } from '../helpers/bot-harness';
import type { CapturedCall } from '../helpers/capture-server';
import { demoUser } from '../helpers/simulator';

const harness = new BotHarness();

useBot(harness, [PRIYA, HANA, MARCUS]);

/** Every button with this verb on the captured cards: its title and data. */
function buttonsOf(
  calls: readonly CapturedCall[],
  verb: string,
): Array<{ title: string; data: Record<string, unknown> }> {
  const found: Array<{ title: string; data: Record<string, unknown> }> = [];
  const pattern = new RegExp(
    `"type":"Action\\.Execute","title":"([^"]*)","verb":"${verb.replace('.', '\\.')}","data":(\\{[^}]*\\})`,
    'g',
  );
  for (const call of calls) {
    for (const attachment of call.activity.attachments ?? []) {
      for (const match of JSON.stringify(attachment.content).matchAll(pattern))
        found.push({ title: match[1] ?? '', data: JSON.parse(match[2] ?? '{}') as Record<string, unknown> });
    }
  }
  return found;
}

async function userSearches(): Promise<LoggedRequest[]> {
  const log = (await harness.simulator.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
  return log.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/users?'));
}

describe('a message that is only a name', () => {
  it.each(['Bob', 'bob smiht'])(
    '%j: "Did you mean: status of Bob Smith?", and the button shows his status',
    async (typed) => {
      const reply = await harness.say(PRIYA, typed);
      expect(textOf(reply)).toContain('Did you mean: status of Bob Smith?');
      expect(buttonsOf(reply, 'worker.choose')).toEqual([
        { title: 'Status of Bob Smith', data: { userId: demoUser('bob.smith'), purpose: 'status' } },
      ]);

      const before = harness.connector.calls.length;
      const clicked = await harness.click(PRIYA, 'worker.choose', findButton(reply, 'worker.choose')!);
      expect(clicked.status).toBe(200);
      expect(textOf(harness.postsTo(PRIYA, before))).toMatch(
        /Bob Smith.*(can sign in with their phone|can't sign in with their phone yet)/,
      );
    },
  );

  it('offers the nearest two or three when several people are close', async () => {
    const reply = await harness.say(HANA, 'Ja');
    const offered = buttonsOf(reply, 'worker.choose').map((button) => button.title);
    expect(offered).toEqual(expect.arrayContaining(['Status of Jane Doe', 'Status of Jade Kim']));
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect(offered.length).toBeLessThanOrEqual(3);
  });

  it('never offers someone from another store: the answer is the same as for a name nobody has', async () => {
    const notHers = await harness.say(MARCUS, 'Bob');
    const nobody = await harness.say(MARCUS, 'Xqzv');
    expect(buttonsOf(notHers, 'worker.choose')).toEqual([]);
    expect(textOf(notHers)).not.toContain('Smith');
    expect(textOf(notHers)).toContain(`If "Bob" is a name, I couldn't find them among the people you look after.`);
    expect(textOf(notHers).replace('"Bob"', '"…"')).toBe(textOf(nobody).replace('"Xqzv"', '"…"'));
  });

  it('looks nobody up for a sentence it did not understand', async () => {
    const before = (await userSearches()).length;
    const reply = await harness.say(PRIYA, 'the weather is nice today');
    expect(textOf(reply)).toMatch(/I did not understand that/);
    expect((await userSearches()).length).toBe(before);
  });
});

describe('any other message phonedesk did not understand', () => {
  it('offers the nearest things it can do as buttons, and a button asks for the missing part', async () => {
    const reply = await harness.say(PRIYA, 'the code thingy isnt workin');
    expect(textOf(reply)).toMatch(/I did not understand that\. Say \\?"help\\?" to see what I can do\./);
    const offered = buttonsOf(reply, 'request.suggest');
    expect(offered[0]).toEqual({ title: "Find out why someone can't sign in", data: { suggestion: 'diagnose' } });
    expect(offered.at(-1)).toEqual({ title: 'Everything I can do', data: { suggestion: 'help' } });

    const before = harness.connector.calls.length;
    expect((await harness.click(PRIYA, 'request.suggest', offered[0]!.data)).status).toBe(200);
    expect(textOf(harness.postsTo(PRIYA, before))).toMatch(/Who can't sign in\? Type their name/);
  });

  it('starts a change from a button and asks who it is for', async () => {
    const reply = await harness.say(PRIYA, 'numbr chnage');
    const change = buttonsOf(reply, 'request.suggest').find((button) => button.data.suggestion === 'add-number');
    expect(change?.title).toBe('Add or change a number');

    const before = harness.connector.calls.length;
    await harness.click(PRIYA, 'request.suggest', change!.data);
    expect(textOf(harness.postsTo(PRIYA, before))).toMatch(/Who is it for\?/);
    expect(textOf(await harness.say(PRIYA, 'Jane Doe'))).toMatch(/What is Jane Doe's mobile number\?/);
    await harness.say(PRIYA, 'cancel');
  });

  it('shows pending requests from a button, and refuses a button it never offered', async () => {
    const before = harness.connector.calls.length;
    await harness.click(PRIYA, 'request.suggest', { suggestion: 'pending' });
    expect(textOf(harness.postsTo(PRIYA, before))).toMatch(/Your open requests/);
    const forged = await harness.click(PRIYA, 'request.suggest', { suggestion: 'approve-everything' });
    expect(forged.body.value).toBe('That button is not supported any more.');
  });
});
