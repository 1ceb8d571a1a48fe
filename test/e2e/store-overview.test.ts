// "How is my store doing?" through the whole bot over HTTP: the counts on the card equal what the simulated tenant
// holds for the store (computed here from Graph's own answers), each worker who needs action has a button that asks
// for the fix, helpdesk gets a row per store, pages and the CSV file work, and nobody sees a store not theirs.
import { askedFor } from '../helpers/asked-card';
import { BotHarness, HANA, MARCUS, PRIYA, findButton, textOf } from '../helpers/bot-harness';
import type { AdaptiveCard } from '../../src/cards/adaptive-card';
import type { CapturedCall } from '../helpers/capture-server';
import { factsOf } from '../helpers/card-walk';
import { demoUser } from '../helpers/simulator';
import { DEMO_STORES } from '../../src/simulator/demo-tenant';

const harness = new BotHarness();
const DAY = 86_400_000;

beforeAll(async () => {
  await harness.start();
  for (const person of [PRIYA, MARCUS, HANA]) await harness.open(person);
}, 30000);

afterAll(async () => {
  await harness.stop();
});

interface Member {
  id: string;
  userType: string;
  accountEnabled: boolean;
}
interface Phone {
  phoneType: string;
  smsSignInState: string;
}
interface Badge {
  standardQRCode: { expireDateTime: string } | null;
}

/** The store's counts by state, from Graph's answers about each member, as a manager would read them one by one. */
async function countsInTenant(storeId: string): Promise<Map<string, number>> {
  const graph = harness.simulator.graph.bind(harness.simulator);
  const members = (
    await graph<{ value: Member[] }>(
      'GET',
      `/directory/administrativeUnits/${storeId}/members?$select=id,userType,accountEnabled`,
    )
  ).body.value;
  const admins = new Set(
    (
      await graph<{ value: Array<{ id: string }> }>(
        'GET',
        `/reports/authenticationMethods/userRegistrationDetails?$filter=${encodeURIComponent('isAdmin eq true')}`,
      )
    ).body.value.map((line) => line.id),
  );
  const counts = new Map<string, number>();
  const add = (state: string): void => void counts.set(state, (counts.get(state) ?? 0) + 1);
  for (const member of members) {
    if (member.userType === 'Guest' || admins.has(member.id) || !member.accountEnabled) {
      add('left out');
      continue;
    }
    const phones = (await graph<{ value: Phone[] }>('GET', `/users/${member.id}/authentication/phoneMethods`)).body
      .value;
    const badge = await graph<Badge>('GET', `/users/${member.id}/authentication/qrCodePinMethod`);
    const expiry = badge.status === 200 && badge.body.standardQRCode ? badge.body.standardQRCode.expireDateTime : '';
    const mobile = phones.find((phone) => phone.phoneType === 'mobile');
    if (expiry !== '') {
      const left = Date.parse(expiry) - Date.now();
      add(left <= 0 ? 'badge expired' : left <= 14 * DAY ? 'badge expires within 14 days' : 'ready with a badge');
    } else if (mobile?.smsSignInState === 'ready') add('ready with SMS only');
    else if (mobile?.smsSignInState === 'notEnabled' || mobile?.smsSignInState === 'notConfigured') add('(FIG6)');
    else if (mobile?.smsSignInState === 'phoneNumberNotUnique') add('number in use');
    else if (mobile?.smsSignInState === 'notAllowedByPolicy') add('not allowed');
    else add('no way to sign in');
  }
  return counts;
}

function firstCard(calls: readonly CapturedCall[]): AdaptiveCard {
  const card = calls.flatMap((call) => call.activity.attachments ?? [])[0]?.content as AdaptiveCard | undefined;
  if (!card) throw new Error('no card was posted');
  return card;
}

/** The card's counts, keyed by the words of each line that name its state. */
function countsOnCard(facts: ReadonlyArray<{ title: string; value: string }>): Map<string, number> {
  const keys = [
    'left out',
    'badge expired',
    'badge expires within 14 days',
    'ready with a badge',
    'ready with SMS only',
    '(FIG6)',
    'number in use',
    'not allowed',
    'no way to sign in',
  ];
  const counts = new Map<string, number>();
  for (const fact of facts) {
    const key = keys.find((candidate) => fact.value.includes(candidate));
    if (key) counts.set(key, Number(fact.title));
  }
  return counts;
}

it("counts a manager's store as the tenant holds it, and names who needs action first with a fix button", async () => {
  const replies = await harness.say(PRIYA, 'how is my store doing?');
  const text = textOf(replies);
  expect(text).toMatch(/Manchester Piccadilly: \d+ workers/);
  expect(text).toMatch(/Read live from Microsoft 365 at/);
  expect(text).toMatch(/SMS sign-in stops on 1 February 2027, in \d+ days: \d+ workers still sign in by SMS only/);
  const expected = await countsInTenant(DEMO_STORES.manchester.id);
  expect(countsOnCard(factsOf(firstCard(replies)))).toEqual(expected);
  expect(expected.get('(FIG6)')).toBeGreaterThan(0);

  // Bob Smith has FIG6: his row's button asks to turn on SMS sign-in, diagnosed again when clicked.
  const fix = findButton(replies, 'change.propose');
  expect(fix).toEqual({ userId: demoUser('bob.smith'), finding: 'number-not-enabled' });
  const before = harness.connector.calls.length;
  await harness.click(PRIYA, 'change.propose', fix!);
  expect(textOf(harness.postsTo(PRIYA, before))).toMatch(askedFor('Turn on sign-in by text message for Bob Smith'));
});

it('gives helpdesk a row per store, and opens one store from its row', async () => {
  const replies = await harness.say(HANA, 'how are the stores doing?');
  const text = textOf(replies);
  expect(text).toMatch(/Your 4 stores/);
  for (const store of Object.values(DEMO_STORES)) expect(text).toContain(store.name);
  const open = findButton(replies, 'overview.open');
  expect(open).toEqual({ storeId: expect.any(String) });
  const reply = await harness.click(HANA, 'overview.open', { storeId: DEMO_STORES.leeds.id });
  expect(JSON.stringify(reply.body)).toMatch(/Leeds Briggate: \d+ workers/);
});

it('pages through a store and hands over its CSV file once, without phone numbers', async () => {
  const replies = await harness.say(PRIYA, 'store overview');
  const list = findButton(replies, 'overview.list');
  expect(list).toMatchObject({ storeId: DEMO_STORES.manchester.id, page: 0 });
  const page = await harness.click(PRIYA, 'overview.list', list!);
  expect(JSON.stringify(page.body)).toMatch(/Manchester Piccadilly, (everyone|who need action): page 1 of 1/);

  const csvCard = await harness.click(PRIYA, 'overview.csv', { storeId: DEMO_STORES.manchester.id });
  const url = /"url":"([^"]+)"/.exec(JSON.stringify(csvCard.body))?.[1];
  expect(url).toMatch(/\/downloads\/[\w-]+\.[\w-]+$/);
  const first = await fetch(url!);
  expect(first.status).toBe(200);
  expect(first.headers.get('content-type')).toMatch(/^text\/csv/);
  const csv = await first.text();
  const members = (
    await harness.simulator.graph<{ value: unknown[] }>(
      'GET',
      `/directory/administrativeUnits/${DEMO_STORES.manchester.id}/members`,
    )
  ).body.value;
  expect(csv.trim().split('\r\n')).toHaveLength(members.length + 1);
  expect(csv).toMatch(/^Name,Sign-in name,Store,Where they stand/);
  expect(csv).toContain('Bob Smith,bob.smith@');
  expect(csv).not.toMatch(/\+44|7700/);
  expect((await fetch(url!)).status).toBe(404);
});

it("keeps a manager to their own stores, whatever the words or the card's data say", async () => {
  expect(textOf(await harness.say(MARCUS, 'overview of Manchester'))).toMatch(
    /I don't know a store called "manchester" among the ones you look after \(Leeds Briggate\)/,
  );
  const reply = await harness.click(MARCUS, 'overview.open', { storeId: DEMO_STORES.manchester.id });
  expect(JSON.stringify(reply.body)).toMatch(/That store is not one you look after/);
  const csv = await harness.click(MARCUS, 'overview.csv', { storeId: DEMO_STORES.manchester.id });
  expect(JSON.stringify(csv.body)).not.toMatch(/downloads/);
});
