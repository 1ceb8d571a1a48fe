// SMS sign-in turned on and off in words, through the whole bot over HTTP. "Turn on SMS sign-in for Bob Smith"
// fixes his FIG6; "turn off SMS sign-in for Daniel Wright" stops his number signing him in but keeps it on his account
// (it is still his default way to confirm sign-ins). A change that cannot be made for the worker (nothing to turn
// off, a number already on, an admin) is said before a reason is asked, and nobody is asked to approve it.
import { BotHarness, HANA, PRIYA, findButton, textOf, waitUntil } from '../helpers/bot-harness';
import { askedFor } from '../helpers/asked-card';
import { demoUser } from '../helpers/simulator';
import type { LoggedRequest } from '../../src/simulator/request-log';

const harness = new BotHarness();

async function mobileOf(alias: string): Promise<{ phoneNumber: string; smsSignInState: string } | undefined> {
  const reply = await harness.simulator.graph<{
    value: Array<{ phoneType: string; phoneNumber: string; smsSignInState: string }>;
  }>('GET', `/users/${demoUser(alias)}/authentication/phoneMethods`);
  return reply.body.value.find((method) => method.phoneType === 'mobile');
}

async function writesTo(alias: string): Promise<LoggedRequest[]> {
  const log = await harness.simulator.control<{ requests: LoggedRequest[] }>('GET', 'requests');
  return log.body.requests.filter(
    (request) => request.method !== 'GET' && request.path.startsWith(`/users/${demoUser(alias)}/authentication/`),
  );
}

beforeAll(async () => {
  await harness.start();
  await harness.open(PRIYA);
  await harness.open(HANA);
}, 30000);

afterAll(async () => {
  await harness.stop();
});

it('turns SMS sign-in off after approval and keeps the number', async () => {
  const asked = await harness.say(PRIYA, 'turn off SMS sign-in for Daniel Wright because he uses his badge now');
  expect(textOf(asked)).toMatch(askedFor('Turn off sign-in by text message for Daniel Wright'));
  const approve = findButton(harness.postsTo(HANA), 'change.approve');
  expect(approve).toBeDefined();

  const before = harness.connector.calls.length;
  expect((await harness.click(HANA, 'change.approve', approve!)).status).toBe(200);
  await waitUntil('Priya to be told', () =>
    /Daniel Wright can no longer sign in by text message\./.test(textOf(harness.postsTo(PRIYA, before)))
      ? true
      : undefined,
  );
  expect(await mobileOf('daniel.wright')).toMatchObject({
    phoneNumber: '+44 7700900102',
    smsSignInState: 'notEnabled',
  });
  expect((await writesTo('daniel.wright')).map((request) => `${request.method} ${request.path}`)).toEqual([
    `POST /users/${demoUser('daniel.wright')}/authentication/phoneMethods/3179e48a-750b-4051-897c-87b9720928f7/disableSmsSignIn`,
  ]);
});

it('refuses a badge for an admin at once, and audits the refusal', async () => {
  const before = harness.connector.calls.length;
  const reply = textOf(await harness.say(HANA, 'give Rachel Green a QR badge'));
  expect(reply).toMatch(
    /^Rachel Green holds an admin role \(Helpdesk Administrator\), and phonedesk never keeps a QR badge going/,
  );
  expect(reply).not.toMatch(/Why is this needed/);
  expect(findButton(harness.postsTo(HANA, before), 'change.approve')).toBeUndefined();
  const refusals: string[] = [];
  for await (const record of harness.bot.services.stores.audit.read())
    if (record.operation === 'change.refused') refusals.push(record.detail ?? '');
  expect(refusals).toContainEqual(expect.stringMatching(/^Rachel Green holds an admin role/));
});

it.each([
  ['turn on SMS sign-in for Chloe Evans', /Chloe Evans can already sign in by text message\. Nothing needs changing\./],
  ['switch on SMS sign-in for Ali Khan', /Ali Khan's number already signs in another account/],
  ['enable text sign-in for Jane Doe', /Jane Doe has no mobile number yet\. Add one to set up SMS sign-in/],
  [
    'disable SMS sign-in for Bob Smith',
    /Bob Smith can't sign in by text message now, so there is nothing to turn off\./,
  ],
  ['stop Jane Doe signing in by text', /Jane Doe has no mobile number, so there is no SMS sign-in to turn off\./],
  // Any change refused for the worker is said before a reason is asked.
  ["reset Jane Doe's PIN", /Jane Doe has no QR badge yet, so a new PIN would not help\./],
])('asks nobody to approve "%s"', async (message, told) => {
  const before = harness.connector.calls.length;
  const reply = await harness.say(PRIYA, message);
  expect(textOf(reply)).toMatch(told);
  expect(findButton(harness.postsTo(HANA, before), 'change.approve')).toBeUndefined();
});

it('turns SMS sign-in on for a FIG6 number after approval', async () => {
  const asking = harness.connector.calls.length;
  expect(textOf(await harness.say(PRIYA, 'turn on SMS sign-in for Bob Smith'))).toMatch(/Why is this needed\?/);
  const asked = await harness.say(PRIYA, 'FIG6 when he signs in');
  expect(textOf(asked)).toMatch(askedFor('Turn on sign-in by text message for Bob Smith'));
  const approve = findButton(harness.postsTo(HANA, asking), 'change.approve');

  const before = harness.connector.calls.length;
  expect((await harness.click(HANA, 'change.approve', approve!)).status).toBe(200);
  await waitUntil('Priya to be told', () =>
    /Bob Smith can now sign in with/.test(textOf(harness.postsTo(PRIYA, before))) ? true : undefined,
  );
  expect(await mobileOf('bob.smith')).toMatchObject({ smsSignInState: 'ready' });
});
