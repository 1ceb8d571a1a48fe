// "History of Jane": the last changes phonedesk asked for a worker, from its own records, through the whole bot:
// what, who asked and why, who rejected (and why, numbers masked) or approved, and how it ended; scoped like status.
import { BotHarness, HANA, MARCUS, PRIYA, findButton, textOf, waitUntil, useBot } from '../helpers/bot-harness';

const harness = new BotHarness();

useBot(harness, [PRIYA, MARCUS, HANA]);

/** Asks as Priya; a new number's card tells her the days SMS sign-in has left, and how to ask for a badge. */
async function ask(text: string): Promise<string> {
  const card = await harness.say(PRIYA, text);
  expect(textOf(card)).toMatch(
    /SMS sign-in stops on 1 February 2027, in \d+ days?: after that Jane Doe needs a QR badge\. To give one now, say \\"give Jane Doe a QR badge\\"/,
  );
  return findButton(card, 'change.cancel')!.requestId as string;
}

it('lists what was asked for a worker, who decided and why, and how it ended, newest first', async () => {
  const rejected = await ask('add +44 7700 900123 for Jane Doe because new starter');
  await harness.click(HANA, 'change.reject', {
    requestId: rejected,
    rejectReason: 'Not her number, it is 07700 900999',
  });
  const approved = await ask('add +44 7700 900124 for Jane Doe because her own phone');
  await harness.click(HANA, 'change.approve', { requestId: approved });
  await waitUntil('the change to end', async () => {
    const request = await harness.bot.services.stores.changes.get(approved);
    return request?.status === 'succeeded' || undefined;
  });

  const history = textOf(await harness.say(PRIYA, 'history of Jane Doe'));
  expect(history).toMatch(/Jane Doe: the last 2 changes by phonedesk/);
  const newer = history.indexOf('her own phone');
  const older = history.indexOf('new starter');
  expect(newer).toBeGreaterThan(-1);
  expect(older).toBeGreaterThan(newer);
  expect(history).toMatch(/Asked by Priya Shah, \{\{DATE\(/);
  expect(history).toMatch(/Rejected by Hana Kim, \{\{DATE\([^"]*: \\"Not her number, it is [^"]*0999\\"\./);
  expect(history).not.toMatch(/900999/);
  expect(history).toMatch(/Approved by Hana Kim, \{\{DATE\(/);
  expect(history).toMatch(/Done: /);
});

it('says when phonedesk has done nothing for a worker, and keeps other stores out', async () => {
  expect(textOf(await harness.say(PRIYA, 'what changed for Julia Young?'))).toMatch(
    /Julia Young: no changes by phonedesk/,
  );
  const outside = textOf(await harness.say(MARCUS, 'history of Jane Doe'));
  expect(outside).toMatch(/I couldn't find anyone called "Jane Doe" among the people you look after/);
  expect(outside).not.toMatch(/changes by phonedesk|new starter/);
});
