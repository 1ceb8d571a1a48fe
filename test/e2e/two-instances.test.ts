// Two bot processes sharing Azure Storage (Azurite) and the simulated tenant, as a scale-out runs them: one approval
// clicked on both makes one Graph write; two messages of one chat at once are both answered; an instance killed while
// Graph holds its write is reconciled by the other, and the requester told once; a one-time link offered by one opens
// once from the other; a store's move started on one and killed there is finished by the other; and the audit chain
// both wrote verifies in the account.
import { askedFor } from '../helpers/asked-card';
import { useAzurite } from '../helpers/azurite';
import { readPdf } from '../helpers/badge-pdf-reader';
import { sheetBadges } from '../helpers/badge-sheet';
import { HANA, PRIYA, findButton, textOf, waitUntil } from '../helpers/bot-harness';
import { BotInstances } from '../helpers/bot-instances';
import { deliveredSecrets } from '../helpers/handover';
import { runNode } from '../helpers/processes';
import { demoUser } from '../helpers/simulator';
import type { LoggedRequest } from '../../src/simulator/request-log';

jest.setTimeout(60_000);
const azurite = useAzurite();
const instances = new BotInstances(azurite);
const [a, b] = [instances.chat('a'), instances.chat('b')];

beforeAll(async () => {
  await instances.start('a', 'b');
  for (const person of [PRIYA, HANA]) await a.open(person);
}, 40_000);
afterAll(() => instances.stop());

async function requestLog(): Promise<LoggedRequest[]> {
  return (await instances.simulator.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
}

/** Priya's posts since `from` matching `pattern`, after a pause long enough for a second telling to arrive. */
async function toldPriya(from: number, pattern: RegExp): Promise<string[]> {
  await waitUntil(
    'Priya to be told',
    () => pattern.test(textOf(instances.connector.calls.slice(from).filter(toPriya))) || undefined,
    20_000,
  );
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return instances.connector.calls
    .slice(from)
    .filter(toPriya)
    .map((call) => call.activity.text ?? '')
    .filter((text) => pattern.test(text));
}
const toPriya = (call: { path: string }): boolean => call.path.includes(encodeURIComponent(PRIYA.conversationId));

it('makes one Graph write when the approval is clicked on both instances at once', async () => {
  const before = instances.connector.calls.length;
  await a.say(PRIYA, 'add +44 7700 900123 for Jane Doe because new starter');
  const approve = findButton(a.postsTo(HANA, before), 'change.approve');
  expect(approve).toBeDefined();

  const clicks = await Promise.all([
    a.click(HANA, 'change.approve', approve!),
    b.click(HANA, 'change.approve', approve!),
  ]);
  expect(clicks.map((click) => click.status)).toEqual([200, 200]);
  // Neither click answers with a storage conflict: one decides, the other is the second click.
  for (const click of clicks) expect(JSON.stringify(click.body)).not.toMatch(/etag|conflict|went wrong/i);

  const told = await toldPriya(before, /Jane Doe can now sign in/);
  expect(told).toHaveLength(1);
  const writes = (await requestLog()).filter(
    (request) =>
      request.method === 'POST' &&
      request.path.startsWith(`/users/${demoUser('jane.doe')}/authentication/phoneMethods`),
  );
  expect(writes).toHaveLength(1);
});

it('answers two messages of one chat sent to both instances at once, one after the other', async () => {
  const before = instances.connector.calls.length;
  // Both start a question: whichever runs second finds the first one's question waiting, as in one instance.
  await Promise.all([
    a.say(PRIYA, 'sign Julia Young out everywhere'),
    b.say(PRIYA, 'sign Isaac Walker out everywhere'),
  ]);
  const replies = textOf(a.postsTo(PRIYA, before));
  expect(replies).not.toMatch(/etag|conflict|went wrong/i);
  expect(replies).toMatch(/Why is this needed\?/);
  const waiting = /Drop the request for (Julia Young|Isaac Walker)\?/.exec(replies)?.[1];
  expect(waiting).toBeDefined();

  // The question asked by one instance is answered at the other.
  expect(textOf(await b.say(PRIYA, 'keep'))).toMatch(/Why is this needed\?/);
  expect(textOf(await a.say(PRIYA, 'new phone'))).toMatch(askedFor(`Sign ${waiting!} out everywhere`));
});

it('reconciles on the other instance a change whose instance was killed while Graph held its write', async () => {
  const hannah = demoUser('hannah.lewis');
  const before = instances.connector.calls.length;
  await a.say(PRIYA, "remove Hannah Lewis's number because she left");
  const approve = findButton(instances.connector.calls.slice(before), 'change.approve');
  // Graph removes the number but holds its answer: instance a dies not knowing.
  await instances.simulator.control('POST', 'faults', {
    method: 'DELETE',
    path: `/users/${hannah}/authentication/phoneMethods/`,
    action: 'hold',
    hold: 'after',
    holdMs: 60_000,
  });
  const click = a.click(HANA, 'change.approve', approve!);
  await waitUntil('the held write', async () => {
    const faults = await instances.simulator.control<{ held: number }>('GET', 'faults');
    return faults.body.held > 0 || undefined;
  });
  await instances.kill('a');
  await click.catch(() => undefined);
  await instances.simulator.control('POST', 'release');
  await instances.simulator.control('DELETE', 'faults');

  const told = await toldPriya(before, /Request \d+ \(Remove Hannah Lewis's mobile number\)/);
  expect(told).toEqual([
    expect.stringMatching(/: The change was made \(confirmed after phonedesk was interrupted\)\.$/),
  ]);
  const deletes = (await requestLog()).filter(
    (request) =>
      request.method === 'DELETE' && request.path.startsWith(`/users/${hannah}/authentication/phoneMethods/`),
  );
  expect(deletes).toHaveLength(1);
  await instances.startInstance('a');
});

/** The same link at another instance's address, as a load balancer may send the browser there. */
const at = (url: string, from: string, to: string): string =>
  url.replace(instances.instance(from).url, instances.instance(to).url);

it('opens a badge PDF link offered by one instance from the other, once', async () => {
  const before = instances.connector.calls.length;
  await a.say(PRIYA, 'give Daniel Wright a QR badge because he moves to badges');
  const approve = findButton(instances.connector.calls.slice(before), 'change.approve');
  expect((await a.click(HANA, 'change.approve', approve!)).status).toBe(200);
  const secret = await waitUntil(
    'the badge to reach Priya',
    () => deliveredSecrets(instances.connector.calls.slice(before).filter(toPriya))[0],
    20_000,
  );
  expect(secret.printUrl?.startsWith(instances.instance('a').url)).toBe(true);
  const reply = await fetch(at(secret.printUrl!, 'a', 'b'));
  expect(reply.status).toBe(200);
  const pdf = await readPdf(new Uint8Array(await reply.arrayBuffer()));
  expect(pdf.pages[0]!.images.map((image) => image.scanned)).toEqual([secret.scanned]);
  expect((await fetch(secret.printUrl!)).status).toBe(404);
  expect((await fetch(at(secret.printUrl!, 'a', 'b'))).status).toBe(404);
});

it('finishes on the other instance a store move whose instance was killed halfway', async () => {
  const plan = await b.say(PRIYA, 'move my store to QR codes');
  const ask = findButton(plan, 'move.ask');
  const before = instances.connector.calls.length;
  await b.click(PRIYA, 'move.ask', ask!);
  expect(textOf(instances.connector.calls.slice(before).filter(toPriya))).toMatch(
    askedFor('Move Manchester Piccadilly to QR badges'),
  );
  const approve = findButton(instances.connector.calls.slice(before), 'change.approve');
  // One worker's badge is made but its answer held: the rest are done, and then instance b dies.
  await instances.simulator.control('POST', 'faults', {
    method: 'PUT',
    path: '/authentication/qrCodePinMethod$',
    action: 'hold',
    hold: 'after',
    holdMs: 60_000,
  });
  const approved = instances.connector.calls.length;
  const click = b.click(HANA, 'change.approve', approve!);
  await waitUntil('the held badge', async () => {
    const faults = await instances.simulator.control<{ held: number }>('GET', 'faults');
    return faults.body.held > 0 || undefined;
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await instances.kill('b');
  await click.catch(() => undefined);
  await instances.simulator.control('POST', 'release');
  await instances.simulator.control('DELETE', 'faults');

  // Instance a takes the job over once b's lease runs out, and ends it with one sheet.
  const cards = () =>
    instances.connector.calls
      .slice(approved)
      .filter(toPriya)
      .flatMap((call) => (call.activity.attachments ?? []).map((attachment) => JSON.stringify(attachment.content)));
  const finished = await waitUntil(
    'the move to finish',
    () => cards().find((card) => /Badge sheet \(A4\)/.test(card)),
    40_000,
  );
  expect(finished).toMatch(/Done: \d+ badges made/);
  expect(cards().filter((card) => /Badge sheet \(A4\)/.test(card))).toHaveLength(1);
  const a4 = /"title":"Badge sheet \(A4\)","url":"([^"]+)"/.exec(finished)![1]!;
  const letter = /"title":"Badge sheet \(Letter\)","url":"([^"]+)"/.exec(finished)![1]!;
  expect(a4.startsWith(instances.instance('a').url)).toBe(true);

  // Made by a, the sheet opens from b, back up, which then tells Priya's card it was downloaded.
  await instances.startInstance('b');
  const downloaded = instances.connector.calls.length;
  const sheet = await fetch(at(a4, 'a', 'b'));
  expect(sheet.status).toBe(200);
  const pdf = await readPdf(new Uint8Array(await sheet.arrayBuffer()));
  expect((await fetch(letter)).status).toBe(404);
  expect((await fetch(a4)).status).toBe(404);
  expect(textOf(instances.connector.calls.slice(downloaded).filter(toPriya))).toMatch(
    /The badge sheet was downloaded; its secrets are gone from phonedesk/,
  );
  const badges = sheetBadges(pdf);
  const made = Number(/Done: (\d+) badges made/.exec(finished)![1]);
  expect(badges).toHaveLength(made);
  // Every badge on the sheet is its worker's working one, with the PIN on its slip (a pass first where needed).
  for (const { alias, content, pin, pass } of badges) {
    const user = demoUser(alias);
    if (pass) await instances.simulator.control('POST', 'sign-ins', { user, method: 'temporaryAccessPass', pass });
    const signIn = await instances.simulator.control('POST', 'sign-ins', {
      user,
      method: 'standardQRCode',
      content,
      pin,
    });
    expect([alias, signIn.status]).toEqual([alias, 200]);
  }
});

it('leaves one audit chain that verifies in the account', async () => {
  const verified = await runNode('dist/src/cli/main.js', ['audit', 'verify'], instances.storage);
  expect(verified.stdout).toMatch(/^audit log OK: \d+ records, chain intact/);
  expect(verified.code).toBe(0);
});
