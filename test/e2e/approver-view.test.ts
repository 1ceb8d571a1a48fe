// The approver sees enough to decide: the request card shows the worker's store and job title, their sign-in now,
// the requester's store, recent phonedesk changes for the worker or the number, and what conflicts.
import type { AdaptiveCard } from '../../src/cards/adaptive-card';
import { NumberIndexSweep } from '../../src/number-index/number-index-sweep';
import { BotHarness, HANA, PRIYA, VICTOR, findButton } from '../helpers/bot-harness';
import type { CapturedCall } from '../helpers/capture-server';
import { textOf as cardText } from '../helpers/card-validator';

const harness = new BotHarness();

beforeAll(async () => {
  await harness.start();
  await harness.open(PRIYA);
  await harness.open(HANA);
  await harness.open(VICTOR);
  // phonedesk knows who holds which number from its index.
  await new NumberIndexSweep(harness.bot.services.stores.numberIndex, harness.bot.services.gateway).run();
}, 30000);

afterAll(async () => {
  await harness.stop();
});

/** The text of the first card in the calls, as a user reads it. */
function cardIn(calls: readonly CapturedCall[]): string {
  const card = calls
    .flatMap((call) => call.activity.attachments ?? [])
    .find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error('no card was posted');
  return cardText(card.content as AdaptiveCard);
}

/** Priya asks; returns the request's number and the card Hana got to decide it. */
async function ask(text: string): Promise<{ number: number; requestId: string; card: string }> {
  const before = harness.connector.calls.length;
  const asked = await harness.say(PRIYA, text);
  const requestId = findButton(asked, 'change.cancel')!.requestId as string;
  const number = (await harness.bot.services.stores.changes.get(requestId))!.number;
  return { number, requestId, card: cardIn(harness.postsTo(HANA, before)) };
}

describe('the approver sees enough to decide', () => {
  it("shows the worker's store and job title, their sign-in now, the requester's store and no recent changes", async () => {
    const { card, requestId } = await ask('add +44 7700 900123 for Jane Doe because new starter');
    expect(card).toMatch(/^Worker: Manchester Piccadilly · Sales Associate$/m);
    expect(card).toMatch(/^Sign-in now: Jane Doe has no mobile number to sign in with\.$/m);
    expect(card).toMatch(/^Requester's store: Manchester Piccadilly$/m);
    expect(card).toMatch(/^Last 30 days: no changes by phonedesk$/m);
    expect(card).not.toMatch(/^Check$/m);
    await harness.say(PRIYA, `cancel ${(await harness.bot.services.stores.changes.get(requestId))!.number}`);
  });

  it('lists recent changes for the worker and warns of another open request', async () => {
    const first = await ask('add +44 7700 900124 for Jane Doe because new starter');
    const second = await ask('add +44 7700 900125 for Jane Doe because the other was wrong');
    expect(second.card).toMatch(/^Last 30 days: 2 changes by phonedesk$/m);
    expect(second.card).toMatch(
      new RegExp(
        `^\\d{4}-\\d{2}-\\d{2}: request ${first.number}, Add \\+44 •••• ••0124 as Jane Doe's mobile number for sign-in \\(Waiting for approval\\)$`,
        'm',
      ),
    );
    expect(second.card).toMatch(/: request \d+, Add \+44 •••• ••0123 .*\(Cancelled\)$/m);
    expect(second.card).toMatch(
      new RegExp(
        `^Check\\nRequest ${first.number} for Jane Doe is still open: Add \\+44 •••• ••0124 as Jane Doe's mobile number for sign-in\\.$`,
        'm',
      ),
    );
    for (const { number } of [first, second]) await harness.say(PRIYA, `cancel ${number}`);
  });

  it('warns when another account already has the number', async () => {
    // Ali Khan's mobile is also Sam Okafor's (Leeds), who signs in with it; Priya may not see Sam, so he is not
    // named. (Giving a worker a held number is refused before anyone is asked, so this is the remove case.)
    const { card, number } = await ask("remove Ali Khan's number because it is not his");
    expect(card).toMatch(/^Check\nAnother account has this number too, and a number can sign in only one person\.$/m);
    expect(card).not.toMatch(/Sam Okafor/);
    await harness.say(PRIYA, `cancel ${number}`);
  });

  it("warns when the worker's phone was reported lost", async () => {
    const lost = await ask('Julia Young lost her phone');
    const { card } = await ask("remove Julia Young's number because she has a new phone");
    expect(card).toMatch(
      new RegExp(
        `^Check\\n(This number|Julia Young's phone) was reported lost on \\d{4}-\\d{2}-\\d{2} \\(request ${lost.number}\\)\\.$`,
        'm',
      ),
    );
    expect(card).toMatch(new RegExp(`^Check\\nRequest ${lost.number} for Julia Young is still open`, 'm'));
  });
});
