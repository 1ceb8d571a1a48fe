// The whole bot over real HTTP: restify, CloudAdapter, teams-ai, dialogs, gateway and the simulator, with the
// bot's replies captured at a local serviceUrl.
import type { LoggedRequest } from '../../src/simulator/request-log';
import { NumberIndexSweep } from '../../src/number-index/number-index-sweep';
import { askedFor, askedNumber } from '../helpers/asked-card';
import { BotHarness, HANA, MARCUS, PRIYA, VICTOR, findButton, textOf, waitUntil } from '../helpers/bot-harness';
import { demoUser } from '../helpers/simulator';

const harness = new BotHarness();

async function mobileState(alias: string): Promise<string | undefined> {
  const reply = await harness.simulator.graph<{ value: Array<{ phoneType: string; smsSignInState: string }> }>(
    'GET',
    `/users/${demoUser(alias)}/authentication/phoneMethods`,
  );
  return reply.body.value.find((method) => method.phoneType === 'mobile')?.smsSignInState;
}

async function graphWrites(): Promise<LoggedRequest[]> {
  const log = (await harness.simulator.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
  return log.filter((entry) => entry.method !== 'GET' && entry.path !== '/$batch');
}

beforeAll(async () => {
  await harness.start();
  await harness.open(PRIYA);
  await harness.open(HANA);
  await harness.open(VICTOR);
  await harness.open(MARCUS);
  await new NumberIndexSweep(harness.bot.services.stores.numberIndex, harness.bot.services.gateway).run();
}, 30000);

afterAll(async () => {
  await harness.stop();
});

describe('a FIG6 worker, from question to fix', () => {
  it('diagnoses, offers the fix, asks a second person, makes the change, and tells the requester', async () => {
    const diagnosis = await harness.say(PRIYA, "why can't Bob sign in?");
    expect(textOf(diagnosis)).toMatch(/attached but not turned on for sign-in.*FIG6/);
    expect(textOf(diagnosis)).not.toMatch(/7700 ?900234/);
    const fix = findButton(diagnosis, 'change.propose');
    expect(fix).toEqual({ userId: demoUser('bob.smith'), finding: 'number-not-enabled' });

    const hanaBefore = harness.connector.calls.length;
    const proposed = await harness.click(PRIYA, 'change.propose', fix!);
    expect(proposed.body.value).toMatch(/Request \d+: see its card below/);
    expect(textOf(harness.postsTo(PRIYA, hanaBefore))).toMatch(
      askedFor('Turn on sign-in by text message for Bob Smith'),
    );
    const approvalCard = harness.postsTo(HANA, hanaBefore);
    expect(textOf(approvalCard)).toMatch(
      /Priya Shah asks you to approve request \d+: Turn on sign-in by text message for Bob Smith/,
    );
    const approve = findButton(approvalCard, 'change.approve');
    expect(approve).toEqual({ requestId: expect.any(String) });
    expect(await mobileState('bob.smith')).toBe('notConfigured');

    // The requester cannot approve their own request, even with the card data in hand.
    const self = await harness.click(PRIYA, 'change.approve', approve!);
    expect(self.body.value).toBe('You asked for this change, so someone else has to approve or reject it.');

    const priyaBefore = harness.connector.calls.length;
    const approved = await harness.click(HANA, 'change.approve', approve!);
    expect(approved.status).toBe(200);
    expect(JSON.stringify(approved.body.value)).toMatch(/Approved by.*Hana Kim/);
    await waitUntil('Bob to be ready', async () => (await mobileState('bob.smith')) === 'ready');
    const told = await waitUntil('the requester to be told', () => {
      const text = textOf(harness.postsTo(PRIYA, priyaBefore));
      return /Bob Smith can now sign in with \+44 •••• ••0234/.test(text) ? text : undefined;
    });
    expect(told).toMatch(/Request \d+/);
    // The requester's own card was updated in place to show the result.
    const updates = harness.postsTo(PRIYA, priyaBefore).filter((call) => call.method === 'PUT');
    expect(textOf(updates)).toMatch(/"value":"Done"[\s\S]*Bob Smith can now sign in/);
  });
});

describe('number in use', () => {
  it('names the holder for an approver who may see them', async () => {
    const reply = await harness.say(HANA, 'number in use for Ali Khan');
    expect(textOf(reply)).toMatch(/already used to sign in by Sam Okafor/);
  });

  it('hides the holder from a manager of another store', async () => {
    const reply = await harness.say(PRIYA, 'Ali Khan number in use');
    expect(textOf(reply)).toMatch(/already used to sign in by another account/);
    expect(textOf(reply)).not.toMatch(/Sam/);
  });

  it('answers "who has" with the holder or "another account"', async () => {
    expect(textOf(await harness.say(MARCUS, 'who has 07700 900456?'))).toMatch(/held by Sam Okafor/);
    expect(textOf(await harness.say(PRIYA, 'who has 07700 900456?'))).toMatch(
      /held by another account[\s\S]*held by Ali Khan|held by Ali Khan[\s\S]*held by another account/,
    );
  });
});

describe('scope and guards', () => {
  it("refuses a worker outside the requester's stores without saying whether they exist", async () => {
    const outside = textOf(await harness.say(PRIYA, 'status of Sam Okafor'));
    const nobody = textOf(await harness.say(PRIYA, 'status of Nobody Atall'));
    expect(outside).toMatch(/couldn't find anyone called "Sam Okafor" among the people you look after/);
    expect(nobody).toMatch(/couldn't find anyone called "Nobody Atall" among the people you look after/);
  });

  it('refuses to set up SMS sign-in for an admin', async () => {
    const reply = await harness.say(HANA, 'add +44 7700 900777 for Rachel Green because new phone');
    expect(textOf(reply)).toMatch(
      /Rachel Green holds an admin role \(Helpdesk Administrator\), and phonedesk never sets up sign-in by text message for admins/,
    );
  });

  it('refuses a decision from someone who is not an approver', async () => {
    const asked = await harness.say(PRIYA, 'Julia Young lost her phone');
    const requestId = findButton(asked, 'change.cancel')?.requestId;
    expect(requestId).toEqual(expect.any(String));
    const reply = await harness.click(MARCUS, 'change.approve', { requestId: requestId! });
    expect(reply.body.value).toBe('Only phonedesk approvers can decide change requests.');
    expect(
      (await harness.say(PRIYA, `cancel ${(await harness.bot.services.stores.changes.get(String(requestId)))!.number}`))
        .length,
    ).toBeGreaterThan(0);
  });

  it('refuses edited card data: an unknown request id', async () => {
    const reply = await harness.click(HANA, 'change.approve', { requestId: 'not-a-request' });
    expect(reply.body.value).toBe('That request does not exist (any more).');
  });

  it('acts on the stored request, not on edited card data, and refuses (and audits) a second decision', async () => {
    const asked = await harness.say(PRIYA, 'Chloe Evans lost her phone');
    const requestId = findButton(asked, 'change.cancel')!.requestId as string;
    // Someone edits the button's data to aim the approved change at another worker, number and kind.
    const forged = {
      requestId,
      userId: demoUser('julia.young'),
      workerId: demoUser('julia.young'),
      number: '+44 7700 900106',
      kind: 'add-number',
    };
    const approved = await harness.click(HANA, 'change.approve', forged);
    expect(JSON.stringify(approved.body.value)).toMatch(/Chloe Evans/);
    await waitUntil("Chloe's phone to be secured", async () => (await mobileState('chloe.evans')) === 'notEnabled');
    expect(await mobileState('julia.young')).toBe('ready');

    const again = await harness.click(VICTOR, 'change.reject', forged);
    expect(again.body.value).toMatch(/already approved by Hana Kim/);
    expect((await harness.bot.services.stores.changes.get(requestId))!.status).not.toBe('rejected');
    const refusals: string[] = [];
    for await (const record of harness.bot.services.stores.audit.read()) {
      if (record.requestId === requestId && record.operation === 'change.decision.refused')
        refusals.push(record.actor.name);
    }
    expect(refusals).toEqual(['Victor Osei']);
  });
});

describe('exactly once', () => {
  it('makes one Graph write when an approver double-clicks Approve', async () => {
    const asked = await harness.say(PRIYA, 'add +44 7700 900123 for Jane Doe because new starter');
    const requestId = findButton(asked, 'change.cancel')!.requestId as string;
    await harness.simulator.control('DELETE', 'requests');
    const before = harness.connector.calls.length;
    const [first, second] = await Promise.all([
      harness.click(HANA, 'change.approve', { requestId }),
      harness.click(VICTOR, 'change.approve', { requestId }),
    ]);
    const answers = [first.body.value, second.body.value].map((value) => JSON.stringify(value));
    expect(answers.filter((answer) => /already approved/.test(answer))).toHaveLength(1);
    await waitUntil('Jane to be ready', async () => (await mobileState('jane.doe')) === 'ready');
    const toldDone = (): number =>
      harness.postsTo(PRIYA, before).filter((call) => /Jane Doe can now sign in/.test(call.activity.text ?? '')).length;
    await waitUntil('Priya to be told', async () => (toldDone() > 0 ? true : undefined));
    // Time for a second run's writes or message, had there been one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const creates = (await graphWrites()).filter((entry) =>
      entry.path.endsWith(`/users/${demoUser('jane.doe')}/authentication/phoneMethods`),
    );
    expect(creates).toHaveLength(1);
    // Priya is told once, by the run that made the change.
    expect(toldDone()).toBe(1);
  });
});

describe('conversations that ask for what is missing', () => {
  it('continues a dialog after the bot restarts in the middle of it', async () => {
    const first = await harness.say(PRIYA, 'add a number for Emma Roberts');
    expect(textOf(first)).toMatch(/What is Emma Roberts's mobile number\?/);
    await harness.restartBot();
    const second = await harness.say(PRIYA, '07700 900555');
    expect(textOf(second)).toMatch(/Why is this needed\?/);
    const third = await harness.say(PRIYA, 'her own phone');
    expect(textOf(third)).toMatch(askedFor("Add \\+44 •••• ••0555 as Emma Roberts's mobile number"));
  });

  it('explains a bad number and asks again', async () => {
    await harness.say(PRIYA, 'add a number for Julia Young');
    const reply = await harness.say(PRIYA, '+44 161 496 0123');
    expect(textOf(reply)).toMatch(/landline/);
    await harness.say(PRIYA, 'cancel');
  });

  it('offers a choice instead of guessing when several people match', async () => {
    const reply = await harness.say(HANA, 'status of Ja');
    expect(textOf(reply)).toMatch(/Several people match \\"Ja\\"/);
    const pick = findButton(reply, 'worker.choose');
    expect(pick).toEqual({ userId: expect.any(String), purpose: 'status' });
    const before = harness.connector.calls.length;
    await harness.click(HANA, 'worker.choose', pick!);
    expect(textOf(harness.postsTo(HANA, before))).toMatch(
      /can sign in with their phone|can't sign in with their phone yet/,
    );
  });
});

describe('a text-only channel', () => {
  it('completes add → approve → done without cards', async () => {
    const asked = await harness.say(MARCUS, 'add +44 7700 900124 for Peter Clark because new starter', {}, 'webchat');
    const number = askedNumber(textOf(asked));
    expect(number).toBeDefined();
    const approved = await harness.say(HANA, `approve ${number}`, {}, 'webchat');
    expect(textOf(approved)).toMatch(new RegExp(`Approved request ${number}`));
    await waitUntil('Peter to be ready', async () => (await mobileState('peter.clark')) === 'ready');
  });
});

describe('when Microsoft 365 fails', () => {
  it('answers with one plain sentence and a reference, never a stack trace', async () => {
    await harness.simulator.control('PUT', 'random-failures', { rate: 1, statuses: [500] });
    try {
      const before = harness.connector.calls.length;
      await harness.say(PRIYA, 'status of Chloe Evans');
      const reply = textOf(harness.postsTo(PRIYA, before));
      expect(reply).toMatch(
        /^Microsoft 365 is not responding properly right now\. Nothing was changed; please try again in a few minutes\. \(Reference [0-9a-f]{8}\)$/,
      );
      expect(reply).not.toMatch(/ at |Error|stack/);
    } finally {
      await harness.simulator.control('PUT', 'random-failures', { rate: 0 });
    }
  });
});

describe('an approvals channel', () => {
  const channel = { id: '19:approvals@thread.tacv2', conversationType: 'channel', isGroup: true, name: 'Approvals' };
  // In a channel people @mention the bot; Teams sends the mention as text and as an entity.
  const mentioned = {
    conversation: channel,
    entities: [{ type: 'mention', mentioned: { id: '28:phonedesk', name: 'phonedesk' }, text: '<at>phonedesk</at>' }],
  };

  it('can be chosen by an approver only, and then receives new requests', async () => {
    const refused = await harness.say(MARCUS, '<at>phonedesk</at> use this channel for approvals', mentioned);
    expect(textOf(refused)).toBe('Only phonedesk approvers can choose where approvals go.');
    const chosen = await harness.say(HANA, '<at>phonedesk</at> use this channel for approvals', mentioned);
    expect(textOf(chosen)).toMatch(/post new change requests here too/);

    const before = harness.connector.calls.length;
    await harness.say(PRIYA, "remove Hannah Lewis's number because she left");
    const inChannel = harness.connector.calls
      .slice(before)
      .filter((call) => call.path.includes(encodeURIComponent(channel.id)));
    expect(textOf(inChannel)).toMatch(
      /Priya Shah asks for approval of request \d+: Remove Hannah Lewis's mobile number/,
    );
    // The channel's copy shows no buttons to everyone; approvers get theirs through refresh.
    expect(findButton(inChannel, 'change.approve')).toBeUndefined();
    expect(textOf(inChannel)).toMatch(/"userIds":\["29:/);
  });
});
