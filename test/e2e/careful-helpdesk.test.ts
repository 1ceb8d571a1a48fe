// What a careful helpdesk would never do, through the whole bot over HTTP: turn a lost number back on, give a
// worker a number another account holds, or ask approvers for the same change twice.
import { numberNamed } from '../../src/methods/registry';
import { NumberIndexSweep } from '../../src/number-index/number-index-sweep';
import { BotHarness, HANA, PRIYA, findButton, textOf, waitUntil } from '../helpers/bot-harness';
import { demoUser } from '../helpers/simulator';
import { askedFor } from '../helpers/asked-card';

const harness = new BotHarness();

async function mobileState(alias: string): Promise<string | undefined> {
  const reply = await harness.simulator.graph<{ value: Array<{ phoneType: string; smsSignInState: string }> }>(
    'GET',
    `/users/${demoUser(alias)}/authentication/phoneMethods`,
  );
  return reply.body.value.find((method) => method.phoneType === 'mobile')?.smsSignInState;
}

async function requestsFor(alias: string) {
  return harness.bot.services.stores.changes.list({ targetUserId: demoUser(alias) });
}

async function refusalsAudited(): Promise<string[]> {
  const details: string[] = [];
  for await (const record of harness.bot.services.stores.audit.read())
    if (record.operation === 'change.refused') details.push(record.detail ?? '');
  return details;
}

beforeAll(async () => {
  await harness.start();
  await harness.open(PRIYA);
  await harness.open(HANA);
  await new NumberIndexSweep(harness.bot.services.stores.numberIndex, harness.bot.services.gateway).run();
}, 30000);

afterAll(async () => {
  await harness.stop();
});

describe('a lost phone', () => {
  it('is secured urgently, its number stays off, and the diagnosis offers a new number instead of turning it back on', async () => {
    const asked = await harness.say(PRIYA, 'Chloe Evans lost her phone');
    expect(textOf(asked)).toMatch(
      /Once it is approved, the number stays on Chloe Evans's account but can't be used to sign in; sign-in comes back with their new number\./,
    );
    const requestId = findButton(asked, 'change.cancel')!.requestId as string;
    const lost = (await harness.bot.services.stores.changes.get(requestId))!;
    // Urgent: it expires after LOST_PHONE_TTL (4 hours by default), not the day other requests get.
    expect(Date.parse(lost.expiresAt) - Date.parse(lost.createdAt)).toBe(4 * 3600_000);
    expect(numberNamed(lost)).toBe('+44 7700900101');

    const priyaBefore = harness.connector.calls.length;
    await harness.click(HANA, 'change.approve', { requestId });
    await waitUntil('Priya to be told', () =>
      /stays on their account but can't be used to sign in/.test(textOf(harness.postsTo(PRIYA, priyaBefore)))
        ? true
        : undefined,
    );
    expect(await mobileState('chloe.evans')).toBe('notEnabled');

    const diagnosis = await harness.say(PRIYA, "why can't Chloe Evans sign in?");
    const text = textOf(diagnosis);
    expect(text).toMatch(
      /was turned off for sign-in less than an hour ago after Priya Shah reported the phone lost or its SIM swapped \(request \d+/,
    );
    expect(text).toMatch(/signs in again once their new number is added/);
    expect(text).toContain('"title":"Add their new number"');
    expect(text).toContain('"title":"Remove the lost number"');
    expect(text).not.toMatch(/Turn on SMS sign-in/);
    expect(findButton(diagnosis, 'change.propose')).toEqual({
      userId: demoUser('chloe.evans'),
      finding: 'lost-number',
    });

    // A forged click asking for the old "turn on" fix finds nothing to do, and nothing is filed.
    const forged = await harness.click(PRIYA, 'change.propose', {
      userId: demoUser('chloe.evans'),
      finding: 'number-not-enabled',
    });
    expect(forged.body.value).toMatch(/That problem is no longer there for Chloe Evans/);
    const forgedOffer = await harness.click(PRIYA, 'change.propose', {
      userId: demoUser('chloe.evans'),
      finding: 'lost-number',
      offer: 'enable-sms-sign-in',
    });
    expect(forgedOffer.body.value).toMatch(/That problem is no longer there/);
    expect((await requestsFor('chloe.evans')).map((request) => request.kind)).toEqual(['secure-lost-phone']);

    // "Add their new number" asks for it, and that goes for approval.
    const add = await harness.click(PRIYA, 'change.propose', {
      userId: demoUser('chloe.evans'),
      finding: 'lost-number',
    });
    expect(add.body.value).toBe("Let's set Chloe Evans's number.");
    const filed = await harness.say(PRIYA, '07700 900188');
    expect(textOf(filed)).toMatch(askedFor("Change Chloe Evans's mobile number to \\+44 •••• ••0188"));
  });

  it('refuses, in plain words, putting the lost number back on the account', async () => {
    const reply = await harness.say(PRIYA, 'add 07700 900101 for Chloe Evans because she found it');
    expect(textOf(reply)).toMatch(
      /\+44 •••• ••0101 was reported lost or SIM-swapped by Priya Shah on .*, so phonedesk will never turn it back on for sign-in/,
    );
    expect(
      (await requestsFor('chloe.evans')).filter(
        (request) => numberNamed(request) === '+44 7700900101' && request.kind !== 'secure-lost-phone',
      ),
    ).toEqual([]);
  });
});

describe('a number another account holds', () => {
  it('is refused before any approver is asked, without naming a holder the manager may not see', async () => {
    const hanaBefore = harness.connector.calls.length;
    const reply = textOf(await harness.say(PRIYA, 'add 07700 900456 for Jane Doe because new phone'));
    expect(reply).toBe(
      "+44 •••• ••0456 already belongs to another account, and each worker needs their own SIM: a number can sign in only one person. Use Jane Doe's own mobile number.",
    );
    expect(harness.postsTo(HANA, hanaBefore)).toEqual([]);
    expect(await requestsFor('jane.doe')).toEqual([]);
    expect(await refusalsAudited()).toContain(reply);
  });

  it('names the holder to an approver, who may see them', async () => {
    expect(textOf(await harness.say(HANA, 'add 07700 900456 for Jane Doe because new phone'))).toMatch(
      /^\+44 •••• ••0456 already belongs to Sam Okafor, and each worker needs their own SIM/,
    );
  });

  it('is refused through the "add a number" conversation too', async () => {
    expect(textOf(await harness.say(PRIYA, 'add a number for Jane Doe'))).toMatch(/What is Jane Doe's mobile number\?/);
    await harness.say(PRIYA, '07700 900456');
    const reply = await harness.say(PRIYA, 'new phone');
    expect(textOf(reply)).toMatch(/already belongs to another account, and each worker needs their own SIM/);
    expect(await requestsFor('jane.doe')).toEqual([]);
  });
});

describe('the same change asked twice', () => {
  it('is filed once; the second ask is pointed at the open request', async () => {
    const first = textOf(await harness.say(PRIYA, 'add +44 7700 900123 for Jane Doe because new starter'));
    const number = /request (\d+)/.exec(first)?.[1];
    expect(number).toBeDefined();
    const hanaBefore = harness.connector.calls.length;
    const second = textOf(await harness.say(PRIYA, 'add 07700 900123 for Jane Doe because new starter'));
    expect(second).toBe(
      `Request ${number}, asked by Priya Shah, already asks for this and is still waiting for approval, so I haven't asked again.`,
    );
    expect(harness.postsTo(HANA, hanaBefore)).toEqual([]);
    expect(await requestsFor('jane.doe')).toHaveLength(1);
  });
});
