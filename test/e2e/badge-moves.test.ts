// A new starter gets a Temporary Access Pass and a badge in one request, and a worker moved from SMS to a badge is
// offered SMS sign-in off once the badge has been used: end to end over real HTTP, each through approval.
import { askedFor } from '../helpers/asked-card';
import { BotHarness, HANA, MARCUS, findButton, textOf, useBot, waitUntil } from '../helpers/bot-harness';
import { deliveredSecrets, type DeliveredSecret } from '../helpers/handover';
import { demoUser } from '../helpers/simulator';

const harness = useBot(new BotHarness(), [MARCUS, HANA]);

async function askAndApprove(text: string, summary: string): Promise<number> {
  const before = harness.connector.calls.length;
  expect(textOf(await harness.say(MARCUS, text))).toMatch(askedFor(summary));
  const approve = findButton(harness.postsTo(HANA, before), 'change.approve');
  expect((await harness.click(HANA, 'change.approve', approve!)).status).toBe(200);
  return before;
}

async function handedOver(before: number): Promise<DeliveredSecret> {
  return waitUntil('the secret to reach Marcus', () => deliveredSecrets(harness.postsTo(MARCUS, before))[0]);
}

async function signIn(alias: string, method: string, proof: Record<string, string>): Promise<number> {
  return (await harness.simulator.control('POST', 'sign-ins', { user: demoUser(alias), method, ...proof })).status;
}

it('sets up a new starter with a one-time pass and a badge in one request; the pass opens the badge', async () => {
  const before = await askAndApprove(
    'new starter Peter Clark',
    'New starter Peter Clark: a one-time Temporary Access Pass for the first sign-in, and a QR badge with a temporary PIN for 365 days',
  );
  const secret = await handedOver(before);
  expect(secret.pass).toMatch(/^\S{8,}$/);
  expect(secret.pin).toMatch(/^\d{8}$/);
  expect(secret.scanned).toMatch(/^ms-qrpin:v1\|peter\.clark@/);
  // "Incorrect QR code" until the first sign-in another way (docs/graph-facts.md §17.6): the pass is that way.
  expect(await signIn('peter.clark', 'standardQRCode', { content: secret.scanned!, pin: secret.pin! })).toBe(403);
  expect(await signIn('peter.clark', 'temporaryAccessPass', { pass: 'not-the-pass' })).toBe(403);
  expect(await signIn('peter.clark', 'temporaryAccessPass', { pass: secret.pass! })).toBe(200);
  expect(await signIn('peter.clark', 'standardQRCode', { content: secret.scanned!, pin: secret.pin! })).toBe(200);
  // One-time: the pass does not work twice.
  expect(await signIn('peter.clark', 'temporaryAccessPass', { pass: secret.pass! })).toBe(403);
});

it('moves an SMS worker to a badge, and once it is used offers to turn SMS sign-in off', async () => {
  const before = await askAndApprove(
    'move Quinn Baker to a QR badge',
    'Give Quinn Baker a QR badge and a temporary PIN, working for 365 days',
  );
  const secret = await handedOver(before);
  await waitUntil(
    'Marcus to be told what comes next',
    () =>
      /Once they have signed in with it, "status of Quinn Baker" offers to turn off their SMS sign-in/.test(
        textOf(harness.postsTo(MARCUS, before)),
      ) || undefined,
  );
  const unused = await harness.say(MARCUS, 'status of Quinn Baker');
  expect(findButton(unused, 'change.propose')?.finding).not.toBe('qr-sms-still-on');

  expect(await signIn('quinn.baker', 'standardQRCode', { content: secret.scanned!, pin: secret.pin! })).toBe(200);
  const used = await harness.say(MARCUS, "why can't Quinn Baker sign in?");
  expect(textOf(used)).toMatch(/Quinn Baker signs in with their badge now and can still sign in by text message/);
  const fix = findButton(used, 'change.propose');
  expect(fix).toEqual({ userId: demoUser('quinn.baker'), finding: 'qr-sms-still-on' });

  const asked = harness.connector.calls.length;
  await harness.click(MARCUS, 'change.propose', fix!);
  expect(textOf(harness.postsTo(MARCUS, asked))).toMatch(askedFor('Turn off sign-in by text message for Quinn Baker'));
  const approve = findButton(harness.postsTo(HANA, asked), 'change.approve');
  await harness.click(HANA, 'change.approve', approve!);
  await waitUntil('SMS sign-in to be off', async () => {
    const phones = await harness.simulator.graph<{ value: Array<{ smsSignInState: string }> }>(
      'GET',
      `/users/${demoUser('quinn.baker')}/authentication/phoneMethods`,
    );
    return phones.body.value.every((phone) => phone.smsSignInState !== 'ready') || undefined;
  });
});

it('gives a Temporary Access Pass on its own, never for an admin', async () => {
  const refused = await harness.say(MARCUS, 'give Rachel Green a temporary access pass because she is locked out');
  expect(textOf(refused)).toMatch(
    /Rachel Green holds an admin role \(Helpdesk Administrator\), and phonedesk never makes a Temporary Access Pass/,
  );

  const before = await askAndApprove(
    'give Olivia Harris a TAP for 2 hours because she is on a shared device today',
    'Give Olivia Harris a one-time Temporary Access Pass for their first sign-in \\(120 minutes\\)',
  );
  const secret = await handedOver(before);
  expect(secret.scanned).toBeUndefined();
  expect(await signIn('olivia.harris', 'temporaryAccessPass', { pass: secret.pass! })).toBe(200);
});

it('takes every way in from a leaver with a badge, in one request: number, badge, and sessions', async () => {
  const before = await askAndApprove(
    'Mia Turner has left the company',
    'Leaver Mia Turner: remove every way they sign in \\(mobile number, QR badge, pass\\) and sign them out everywhere',
  );
  await waitUntil(
    'Marcus to be told',
    () =>
      /Mia Turner \(leaver\): their mobile number was removed; their QR badge and PIN were removed; they were signed out everywhere\./.test(
        textOf(harness.postsTo(MARCUS, before)),
      ) || undefined,
  );
  const badge = await harness.simulator.graph('GET', `/users/${demoUser('mia.turner')}/authentication/qrCodePinMethod`);
  expect(badge.status).toBe(404);
  const phones = await harness.simulator.graph<{ value: unknown[] }>(
    'GET',
    `/users/${demoUser('mia.turner')}/authentication/phoneMethods`,
  );
  expect(phones.body.value).toEqual([]);
});
