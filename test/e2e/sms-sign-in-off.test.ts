// "Turn off SMS sign-in for Daniel Wright" through the whole bot over HTTP: after approval his number stops signing
// him in but stays on his account (it is still his default way to confirm sign-ins); nothing is asked for a worker
// who has no SMS sign-in to turn off, and that is said before a reason is asked.
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

it.each([
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
