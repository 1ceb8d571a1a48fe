// Conversations that wait for an answer, over real HTTP: a new question typed while phonedesk waits for a reason
// or a number is not filed as the answer, and a lost phone for a name that was not typed exactly is confirmed
// before anything is asked for (a wrong one signs an innocent worker out everywhere).
import type { CapturedCall } from '../helpers/capture-server';
import { BotHarness, HANA, PRIYA, textOf, useBot } from '../helpers/bot-harness';
import { demoUser } from '../helpers/simulator';
import { askedFor, askedNumber } from '../helpers/asked-card';

const harness = new BotHarness();
const ANSWER = 'dialog.answer';

/** The data of the question card's button with this answer. */
function answerButton(calls: readonly CapturedCall[], answer: string): Record<string, unknown> | undefined {
  for (const call of calls) {
    for (const attachment of call.activity.attachments ?? []) {
      for (const match of JSON.stringify(attachment.content).matchAll(
        /"type":"Action\.Execute","title":"[^"]*","verb":"dialog\.answer","data":(\{[^}]*\})/g,
      )) {
        const data = JSON.parse(match[1]) as Record<string, unknown>;
        if (data.answer === answer) return data;
      }
    }
  }
  return undefined;
}

async function requestsFor(alias: string) {
  return (await harness.bot.services.stores.changes.list({ limit: 100 })).filter(
    (request) => request.target.userId === demoUser(alias),
  );
}

/** What Priya was sent while clicking. */
async function clickAs(verbData: Record<string, unknown>): Promise<string> {
  const before = harness.connector.calls.length;
  await harness.click(PRIYA, ANSWER, verbData);
  return textOf(harness.postsTo(PRIYA, before));
}

useBot(harness, [PRIYA, HANA]);

describe('a new question while phonedesk waits for a reason', () => {
  it('is not filed as the reason: drop the request and answer the question', async () => {
    await harness.say(PRIYA, 'add a number for Jane Doe');
    expect(textOf(await harness.say(PRIYA, '07700 900123'))).toMatch(/Why is this needed\?/);
    const asked = await harness.say(PRIYA, "why can't Bob sign in?");
    expect(textOf(asked)).toMatch(/Drop the request for Jane Doe\?/);
    expect(textOf(asked)).not.toMatch(/asked for approval/);
    const answer = answerButton(asked, 'answer');
    expect(answer).toEqual({ answer: 'answer' });

    const told = await clickAs(answer!);
    expect(told).toMatch(/OK, I dropped the request for Jane Doe\. Nothing was asked for\./);
    expect(told).toMatch(/attached but not turned on for sign-in/);
    expect(await requestsFor('jane.doe')).toEqual([]);
  });

  it('takes typed answers: "drop" drops the request, and the next message starts afresh', async () => {
    await harness.say(PRIYA, "remove Julia Young's number");
    expect(textOf(await harness.say(PRIYA, 'status of Chloe Evans'))).toMatch(/Drop the request for Julia Young\?/);
    expect(textOf(await harness.say(PRIYA, 'drop'))).toMatch(
      /OK, I dropped the request for Julia Young\. Nothing was asked for\./,
    );
    expect(await requestsFor('julia.young')).toEqual([]);
    expect(textOf(await harness.say(PRIYA, 'status of Chloe Evans'))).toMatch(/Chloe Evans/);
  });

  it('takes the answer from an Action.Submit (clients without Universal Actions)', async () => {
    await harness.say(PRIYA, 'sign Julia Young out everywhere');
    await harness.say(PRIYA, 'who has 07700 900456?');
    const told = textOf(await harness.say(PRIYA, '', { value: { verb: ANSWER, answer: 'answer' } }));
    expect(told).toMatch(/OK, I dropped the request for Julia Young/);
    expect(told).toMatch(/held by/);
    expect(await requestsFor('julia.young')).toEqual([]);
  });

  it('keeps the request when asked, and then takes the reason', async () => {
    await harness.say(PRIYA, 'sign Daniel Wright out everywhere');
    const asked = await harness.say(PRIYA, 'is Bob ready?');
    expect(textOf(await harness.say(PRIYA, 'keep', {}))).toMatch(/Why is this needed\?/);
    expect(answerButton(asked, 'keep')).toEqual({ answer: 'keep' });
    expect(textOf(await harness.say(PRIYA, 'new phone'))).toMatch(askedFor('Sign Daniel Wright out everywhere'));
    expect((await requestsFor('daniel.wright')).map((request) => request.reason)).toEqual(['new phone']);
  });

  it.each(['new starter', 'new phone', 'lost it on the bus', 'she left', 'her old number was wrong'])(
    'accepts the ordinary reason %j',
    async (reason) => {
      await harness.say(PRIYA, 'sign Isaac Walker out everywhere');
      const reply = textOf(await harness.say(PRIYA, reason));
      expect(reply).toMatch(askedFor('Sign Isaac Walker out everywhere'));
      expect((await requestsFor('isaac.walker')).map((request) => request.reason)).toContain(reason);
      // The same change may be open only once: withdraw it for the next reason.
      await harness.say(PRIYA, `cancel ${askedNumber(reply)}`);
    },
  );
});

describe('a new question while phonedesk waits for a number', () => {
  it('offers to drop the request and answers the question when told so in words', async () => {
    expect(textOf(await harness.say(PRIYA, 'add a number for Emma Roberts'))).toMatch(
      /What is Emma Roberts's mobile number\?/,
    );
    expect(textOf(await harness.say(PRIYA, 'who has 07700 900456?'))).toMatch(/Drop the request for Emma Roberts\?/);
    const told = textOf(await harness.say(PRIYA, 'drop it and answer'));
    expect(told).toMatch(/OK, I dropped the request for Emma Roberts/);
    expect(told).toMatch(/held by/);
    expect(await requestsFor('emma.roberts')).toEqual([]);
  });
});

describe('a lost phone for a name not typed exactly', () => {
  it('asks "Do you mean …?" and files nothing until confirmed; "No" asks who it is for', async () => {
    const asked = await harness.say(PRIYA, 'Ali lost his phone');
    expect(textOf(asked)).toMatch(/Do you mean Ali Khan \(Manchester Piccadilly, Sales Associate\)\?/);
    expect(await requestsFor('ali.khan')).toEqual([]);
    const no = answerButton(asked, 'no');
    expect(no).toEqual({ userId: demoUser('ali.khan'), answer: 'no' });
    expect(await clickAs(no!)).toMatch(/Who is it for\?/);
    expect(textOf(await harness.say(PRIYA, 'Frank Green'))).toMatch(askedFor('Lost phone'));
    expect(await requestsFor('ali.khan')).toEqual([]);
    expect(await requestsFor('frank.green')).toHaveLength(1);
  });

  it('files the urgent request once the requester says yes, also after a restart', async () => {
    const asked = await harness.say(PRIYA, 'Chloe Evens lost her phone');
    expect(textOf(asked)).toMatch(/Do you mean Chloe Evans \(Manchester Piccadilly, Cashier\)\?/);
    await harness.restartBot();
    // A button edited to confirm someone else confirms nobody.
    await clickAs({ userId: demoUser('julia.young'), answer: 'yes' });
    expect(await requestsFor('julia.young')).toEqual([]);
    expect(await clickAs(answerButton(asked, 'yes')!)).toMatch(askedFor('Lost phone'));
    expect((await requestsFor('chloe.evans')).map((request) => request.urgent)).toEqual([true]);
  });

  it('takes a typed "yes", and an answer only from the person who asked', async () => {
    const asked = await harness.say(PRIYA, 'Georg lost his phone');
    // Someone else clicking Yes in the same conversation confirms nothing.
    const before = harness.connector.calls.length;
    await harness.click({ ...HANA, conversationId: PRIYA.conversationId }, ANSWER, answerButton(asked, 'yes')!);
    expect(textOf(harness.postsTo(PRIYA, before))).toMatch(/Only the person who asked can answer this/);
    expect(await requestsFor('george.hall')).toEqual([]);
    expect(textOf(await harness.say(PRIYA, 'yes'))).toMatch(askedFor('Lost phone'));
  });

  it('does not ask when the name was typed exactly', async () => {
    expect(textOf(await harness.say(PRIYA, 'Hannah Lewis lost her phone'))).toMatch(askedFor('Lost phone'));
  });
});
