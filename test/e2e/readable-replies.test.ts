// What people see over real HTTP: one message per request (its card), the typed-decision hint only where buttons
// cannot work.
import type { CapturedCall } from '../helpers/capture-server';
import { askedFor, askedNumber } from '../helpers/asked-card';
import { BotHarness, HANA, PRIYA, VICTOR, findButton, textOf } from '../helpers/bot-harness';

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
    const asked = await harness.say(PRIYA, 'remove Hannah Lewis\'s number because she left');
    const number = askedNumber(textOf(asked));
    const toHana = textOf(messagesTo(HANA, before));
    const toVictor = textOf(messagesTo(VICTOR, before));
    expect(toHana).toMatch(new RegExp(`Priya Shah asks you to approve request ${number}: Remove Hannah Lewis's mobile number\\.`));
    expect(toHana).not.toMatch(/Without buttons/);
    expect(toVictor).toMatch(new RegExp(`Priya Shah asks you to approve request ${number}: .*\\(Without buttons, reply "approve ${number}" or "reject ${number} because …"\\.\\)`));
    await harness.say(PRIYA, `cancel ${number}`);
  });
});
