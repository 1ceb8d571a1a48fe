// What people see over real HTTP: one message per request (its card), the typed-decision hint only where buttons
// cannot work, "pending" listing only what is open, and help and the welcome that fit who is asking.
import type { CapturedCall } from '../helpers/capture-server';
import { askedFor, askedNumber } from '../helpers/asked-card';
import { BotHarness, HANA, PRIYA, VICTOR, findButton, textOf } from '../helpers/bot-harness';
import { demoUser } from '../helpers/simulator';

const harness = new BotHarness();

/** The messages posted (not card updates) in a person's chat since `from`. */
function messagesTo(user: typeof PRIYA, from: number): CapturedCall[] {
  return harness.postsTo(user, from).filter((call) => call.method === 'POST');
}

beforeAll(async () => {
  await harness.start();
  await harness.open(PRIYA);
  await harness.open(HANA);
  // Victor's chat is a client without Universal Actions: his approval cards have no working buttons.
  await harness.say(VICTOR, 'help', {}, 'webchat');
}, 30000);

afterAll(async () => {
  await harness.stop();
});

describe('one message per request', () => {
  it('answers a typed request with its card only, which says what was asked and that the requester will be told', async () => {
    const before = harness.connector.calls.length;
    await harness.say(PRIYA, 'add +44 7700 900123 for Jane Doe because new starter');
    const posted = messagesTo(PRIYA, before);
    expect(posted).toHaveLength(1);
    expect(posted[0].activity.text ?? '').toBe('');
    expect(textOf(posted)).toMatch(askedFor("Add \\+44 •••• ••0123 as Jane Doe's mobile number"));
    await harness.say(PRIYA, `cancel ${askedNumber(textOf(posted))}`);
  });

  it('answers a fix button with the request card only, in Teams and in a chat without Universal Actions', async () => {
    const diagnosis = await harness.say(PRIYA, "why can't Bob sign in?");
    const fix = findButton(diagnosis, 'change.propose')!;
    const before = harness.connector.calls.length;
    const clicked = await harness.click(PRIYA, 'change.propose', fix);
    expect(clicked.body.value).not.toMatch(/sent for approval|asked for approval/);
    const posted = messagesTo(PRIYA, before);
    expect(posted).toHaveLength(1);
    expect(textOf(posted)).toMatch(askedFor('Turn on sign-in by text message for Bob Smith'));
    await harness.say(PRIYA, `cancel ${askedNumber(textOf(posted))}`);

    // Action.Submit (the fallback for clients without Universal Actions) arrives as a message with the verb.
    const submitted = harness.connector.calls.length;
    await harness.say(PRIYA, '', { value: { verb: 'change.propose', ...fix } }, 'webchat');
    const answered = messagesTo(PRIYA, submitted);
    expect(answered).toHaveLength(1);
    expect(textOf(answered)).toMatch(askedFor('Turn on sign-in by text message for Bob Smith'));
    await harness.say(PRIYA, `cancel ${askedNumber(textOf(answered))}`);
  });

  it('tells approvers how to decide by typing only where the card cannot show its buttons', async () => {
    const before = harness.connector.calls.length;
    const asked = await harness.say(PRIYA, "remove Hannah Lewis's number because she left");
    const number = askedNumber(textOf(asked));
    const toHana = textOf(messagesTo(HANA, before));
    const toVictor = textOf(messagesTo(VICTOR, before));
    expect(toHana).toMatch(
      new RegExp(`Priya Shah asks you to approve request ${number}: Remove Hannah Lewis's mobile number\\.`),
    );
    expect(toHana).not.toMatch(/Without buttons/);
    expect(toVictor).toMatch(
      new RegExp(
        `Priya Shah asks you to approve request ${number}: .*\\(Without buttons, reply "approve ${number}" or "reject ${number} because …"\\.\\)`,
      ),
    );
    await harness.say(PRIYA, `cancel ${number}`);
  });
});

describe('pending', () => {
  it('lists only open requests, newest first, without "Asked by" the viewer, and counts ended ones apart', async () => {
    const store = harness.bot.services.stores.changes;
    const ended = (await store.list({ requesterId: demoUser('priya.shah') })).length;
    // A request whose deadline passed before the expiry sweep ran: still "pending" in storage, but not open.
    const past = new Date(Date.now() - 3 * 3_600_000);
    const stale = await store.create({
      kind: 'revoke-sessions',
      requester: { aadObjectId: demoUser('priya.shah'), name: 'Priya Shah' },
      target: { userId: demoUser('julia.young'), displayName: 'Julia Young' },
      reason: 'left the company',
      urgent: false,
      tenantWide: false,
      createdAt: new Date(past.getTime() - 3_600_000).toISOString(),
      expiresAt: past.toISOString(),
    });
    const older = askedNumber(textOf(await harness.say(PRIYA, 'add +44 7700 900123 for Jane Doe because new starter')));
    const newer = askedNumber(textOf(await harness.say(PRIYA, "remove Hannah Lewis's number because she left")));

    const mine = textOf(await harness.say(PRIYA, 'pending'));
    expect(mine).toMatch(/Your open requests \(2\)/);
    expect(mine.indexOf(`#${newer}`)).toBeGreaterThan(-1);
    expect(mine.indexOf(`#${newer}`)).toBeLessThan(mine.indexOf(`#${older}`));
    expect(mine).not.toMatch(new RegExp(`#${stale.number}\\b`));
    expect(mine).not.toMatch(/Asked by Priya Shah/);
    expect(mine).toContain(`${ended + 1} earlier requests have ended`);
    expect((await store.get(stale.id))?.status).toBe('expired');

    const queue = textOf(await harness.say(HANA, 'pending'));
    expect(queue).toMatch(new RegExp(`#${newer}\\b[\\s\\S]*#${older}\\b|#${older}\\b[\\s\\S]*#${newer}\\b`));
    expect(queue).not.toMatch(new RegExp(`#${stale.number}\\b`));
    await harness.say(PRIYA, `cancel ${older}`);
    await harness.say(PRIYA, `cancel ${newer}`);
  });
});

describe('help and welcome', () => {
  it("gives a store manager's help a cancel example of their own open request, never one that does not exist", async () => {
    const general = textOf(await harness.say(PRIYA, 'help'));
    expect(general).not.toMatch(/cancel \d/);
    const number = askedNumber(
      textOf(await harness.say(PRIYA, 'add +44 7700 900123 for Jane Doe because new starter')),
    );
    expect(textOf(await harness.say(PRIYA, 'help'))).toContain(`\\"cancel ${number}\\"`);
    await harness.say(PRIYA, `cancel ${number}`);
  });

  it("gives approvers an approver's help and welcome: what they decide and how to see what waits", async () => {
    for (const reply of [
      await harness.say(HANA, 'help'),
      await harness.say(HANA, '', { type: 'installationUpdate', action: 'add' }),
    ]) {
      const text = textOf(reply);
      expect(text).toMatch(/phonedesk for approvers/);
      expect(text).toMatch(/You decide: each request comes to you as a card with Approve and Reject/);
      expect(text).toMatch(/What waits for you","value":"\\"pending\\""/);
      expect(text).not.toMatch(/(approve|reject|cancel) \d/);
    }
    const welcome = textOf(await harness.say(PRIYA, '', { type: 'installationUpdate', action: 'add' }));
    expect(welcome).toMatch(/phonedesk: sign-in by phone for your workers/);
    expect(welcome).not.toMatch(/phonedesk for approvers/);
  });
});
