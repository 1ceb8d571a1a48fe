// QR badges through the whole bot over real HTTP: status knows the badge, an expiring badge is extended from its fix
// button, a lost badge is stopped urgently, a badge is removed; each through approve → audit → execute.
import { askedFor } from '../helpers/asked-card';
import { BotHarness, HANA, MARCUS, PRIYA, findButton, textOf, waitUntil } from '../helpers/bot-harness';
import { demoUser } from '../helpers/simulator';

const harness = new BotHarness();
const DAY = 86_400_000;

interface Badge {
  standardQRCode: { expireDateTime: string } | null;
  temporaryQRCode: unknown;
}

async function badgeOf(alias: string): Promise<{ status: number; body: Badge }> {
  return harness.simulator.graph<Badge>('GET', `/users/${demoUser(alias)}/authentication/qrCodePinMethod`);
}

beforeAll(async () => {
  await harness.start();
  for (const person of [PRIYA, MARCUS, HANA]) await harness.open(person);
}, 30000);

afterAll(async () => {
  await harness.stop();
});

async function approveLatest(before: number): Promise<void> {
  const approve = findButton(harness.postsTo(HANA, before), 'change.approve');
  expect(approve).toEqual({ requestId: expect.any(String) });
  expect((await harness.click(HANA, 'change.approve', approve!)).status).toBe(200);
}

it('shows an expiring badge and extends it from the fix button, after approval', async () => {
  const status = await harness.say(MARCUS, "why can't Mia Turner sign in?");
  expect(textOf(status)).toMatch(/Mia Turner's badge expires in 10 days/);
  const fix = findButton(status, 'change.propose');
  expect(fix).toEqual({ userId: demoUser('mia.turner'), finding: 'qr-badge-expiring' });

  const before = harness.connector.calls.length;
  await harness.click(MARCUS, 'change.propose', fix!);
  expect(textOf(harness.postsTo(MARCUS, before))).toMatch(askedFor("Extend Mia Turner's badge by up to 365 days"));
  await approveLatest(before);
  // Issued 355 days ago, it can run at most 395 days from its start (docs/graph-facts.md §17.3): 40 more days.
  await waitUntil('the badge to be extended', async () => {
    const expiry = Date.parse((await badgeOf('mia.turner')).body.standardQRCode!.expireDateTime);
    return Math.abs(expiry - (Date.now() + 40 * DAY)) < DAY || undefined;
  });
  await waitUntil(
    'Marcus to be told',
    () => /Mia Turner's badge now works for another 40 days/.test(textOf(harness.postsTo(MARCUS, before))) || undefined,
  );
});

it('stops a lost badge urgently and signs the worker out, keeping the PIN', async () => {
  const before = harness.connector.calls.length;
  const asked = await harness.say(PRIYA, 'Chloe Evans lost her badge');
  expect(textOf(asked)).toMatch(askedFor("Lost badge: stop Chloe Evans's badge and sign them out everywhere"));
  await approveLatest(before);
  await waitUntil(
    'the badge to stop',
    async () => (await badgeOf('chloe.evans')).body.standardQRCode === null || undefined,
  );
  await waitUntil(
    'Priya to be told',
    () =>
      /Chloe Evans's badge no longer works and they were signed out everywhere/.test(
        textOf(harness.postsTo(PRIYA, before)),
      ) || undefined,
  );
  expect((await badgeOf('chloe.evans')).status).toBe(200);
});

it('removes a badge method when asked, and says plainly when there is no working badge to extend', async () => {
  const before = harness.connector.calls.length;
  const asked = await harness.say(PRIYA, "remove Julia Young's QR code because she moved to head office");
  expect(textOf(asked)).toMatch(askedFor("Remove Julia Young's QR badge and PIN"));
  await approveLatest(before);
  await waitUntil('the method to go', async () => (await badgeOf('julia.young')).status === 404 || undefined);

  const refused = await harness.say(PRIYA, "extend Jane Doe's badge because she asked");
  expect(textOf(refused)).toMatch(/Jane Doe has no working badge to extend\. Ask for a new badge instead\./);
});
