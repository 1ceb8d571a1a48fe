// Rejecting with a reason, on the card's reason box or typed ("reject 42 because …"): the requester is told
// who rejected, why (numbers masked) and what they can do next. The reason is untrusted text.
import { BotHarness, HANA, PRIYA, VICTOR, findButton, textOf, waitUntil, useBot } from '../helpers/bot-harness';

const harness = new BotHarness();

useBot(harness, [PRIYA, HANA, VICTOR]);

/** Priya asks for a change; returns the request's id and the approval card Hana got. */
async function ask(text: string): Promise<{ requestId: string; hanaCard: string }> {
  const before = harness.connector.calls.length;
  const asked = await harness.say(PRIYA, text);
  const requestId = findButton(asked, 'change.cancel')!.requestId as string;
  return { requestId, hanaCard: textOf(harness.postsTo(HANA, before)) };
}

async function statusOf(requestId: string): Promise<string | undefined> {
  return (await harness.bot.services.stores.changes.get(requestId))?.status;
}

describe('reject asks why', () => {
  it('gives the approver a reason box, and tells the requester who rejected, why and what next', async () => {
    const { requestId, hanaCard } = await ask('add +44 7700 900123 for Jane Doe because new starter');
    expect(hanaCard).toMatch(/"type":"Input.Text","id":"rejectReason"/);

    const priyaBefore = harness.connector.calls.length;
    // Action.Execute sends the box's value merged into the button's data.
    const rejected = await harness.click(HANA, 'change.reject', {
      requestId,
      rejectReason: '  Not her number, call me on\n07700 900999  ',
    });
    expect(JSON.stringify(rejected.body.value)).toMatch(/Rejected by.*Hana Kim/);
    const told = await waitUntil(
      'Priya to be told',
      () => textOf(harness.postsTo(PRIYA, priyaBefore)).match(/Hana Kim rejected request.*/)?.[0],
    );
    expect(told).toMatch(
      /^Hana Kim rejected request \d+ \(Add .* as Jane Doe's mobile number for sign-in\)\. Their reason: "Not her number, call me on \+?••••0999"\. If it is still needed, ask again with more detail, or talk to Hana Kim about it\./,
    );
    expect(textOf(harness.postsTo(PRIYA, priyaBefore))).not.toMatch(/900999/);
  });

  it('takes a typed reason from "reject N because …"', async () => {
    const { requestId } = await ask('add +44 7700 900124 for Jane Doe because new phone');
    const number = (await harness.bot.services.stores.changes.get(requestId))!.number;
    const priyaBefore = harness.connector.calls.length;
    const reply = await harness.say(VICTOR, `reject ${number} because she left last week`);
    expect(textOf(reply)).toMatch(new RegExp(`Rejected request ${number}\\. I've told Priya Shah\\.`));
    const told = textOf(harness.postsTo(PRIYA, priyaBefore));
    expect(told).toMatch(
      new RegExp(
        `Victor Osei rejected request ${number} .*Their reason: "she left last week"\\. If it is still needed, ask again with more detail, or talk to Victor Osei about it\\.`,
      ),
    );
  });

  it('says so when no reason was given', async () => {
    const { requestId } = await ask('add +44 7700 900125 for Jane Doe because new phone');
    const priyaBefore = harness.connector.calls.length;
    await harness.click(HANA, 'change.reject', { requestId, rejectReason: '   ' });
    const told = await waitUntil(
      'Priya to be told',
      () => textOf(harness.postsTo(PRIYA, priyaBefore)).match(/Hana Kim rejected request.*/)?.[0],
    );
    expect(told).toMatch(
      /^Hana Kim rejected request \d+ \(.*\) without giving a reason\. If it is still needed, ask again with more detail, or talk to Hana Kim about it\./,
    );
  });

  it('refuses an over-long or unreadable reason in plain words, and changes nothing', async () => {
    const { requestId } = await ask('add +44 7700 900126 for Jane Doe because new phone');
    const long = await harness.click(HANA, 'change.reject', { requestId, rejectReason: 'x'.repeat(301) });
    expect(long.body.value).toBe('Please keep the reason to 300 characters (it has 301). Nothing was changed.');
    const edited = await harness.click(HANA, 'change.reject', { requestId, rejectReason: { text: 'nested' } });
    expect(edited.body.value).toBe('I could not read that reason. Please type it again. Nothing was changed.');
    expect(await statusOf(requestId)).toBe('pending');

    const number = (await harness.bot.services.stores.changes.get(requestId))!.number;
    const typed = await harness.say(VICTOR, `reject ${number} because ${'y'.repeat(400)}`);
    expect(textOf(typed)).toMatch(/Please keep the reason to 300 characters \(it has 400\)\. Nothing was changed\./);
    expect(await statusOf(requestId)).toBe('pending');
  });
});
