// Issuing a QR badge end to end over real HTTP: asked → approved → made in the tenant → handed to the requester
// alone, once, in their 1:1 chat. The card's PNG scans to the very badge the tenant issued and, with the PIN on the
// card, signs the worker in; the approver, the approvals channel, the database, the audit log and the logs never
// see the secret; a lost answer never leads to a second create.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { askedFor } from '../helpers/asked-card';
import { BotHarness, HANA, PRIYA, VICTOR, findButton, textOf, waitUntil } from '../helpers/bot-harness';
import { readPdf } from '../helpers/badge-pdf-reader';
import { deliveredSecrets, type DeliveredSecret } from '../helpers/handover';
import { runNode } from '../helpers/processes';
import { demoUser } from '../helpers/simulator';

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString());
    done();
  },
});
const harness = new BotHarness({ logger: createLogger('trace', sink) });
const channel = { id: '19:approvals@thread.tacv2', conversationType: 'channel', isGroup: true, name: 'Approvals' };
const mentioned = {
  conversation: channel,
  entities: [{ type: 'mention', mentioned: { id: '28:phonedesk', name: 'phonedesk' }, text: '<at>phonedesk</at>' }],
};
/** Every secret handed over in this file, for the scans at the end. */
const handed: DeliveredSecret[] = [];

interface Badge {
  standardQRCode: { id: string; expireDateTime: string } | null;
  temporaryQRCode: { id: string; expireDateTime: string } | null;
}

beforeAll(async () => {
  await harness.start();
  for (const person of [PRIYA, HANA, VICTOR]) await harness.open(person);
  await harness.say(HANA, '<at>phonedesk</at> use this channel for approvals', mentioned);
}, 30000);

afterAll(async () => {
  await harness.stop();
});

async function badgeOf(alias: string): Promise<{ status: number; body: Badge }> {
  return harness.simulator.graph<Badge>('GET', `/users/${demoUser(alias)}/authentication/qrCodePinMethod`);
}

async function askAndApprove(text: string, summary: string): Promise<number> {
  const before = harness.connector.calls.length;
  const asked = await harness.say(PRIYA, text);
  expect(textOf(asked)).toMatch(askedFor(summary));
  const approve = findButton(harness.postsTo(HANA, before), 'change.approve');
  expect(approve).toEqual({ requestId: expect.any(String) });
  expect((await harness.click(HANA, 'change.approve', approve!)).status).toBe(200);
  return before;
}

async function handedOver(before: number): Promise<DeliveredSecret> {
  const secret = await waitUntil(
    'the secret to reach Priya',
    () => deliveredSecrets(harness.postsTo(PRIYA, before))[0],
  );
  handed.push(secret);
  return secret;
}

async function signIn(alias: string, method: string, proof: Record<string, string>): Promise<number> {
  const reply = await harness.simulator.control('POST', 'sign-ins', { user: demoUser(alias), method, ...proof });
  return reply.status;
}

it('hands a new badge to the requester alone; scanned, it and its PIN sign the worker in', async () => {
  const before = await askAndApprove(
    'give Daniel Wright a QR badge because he moves to badges',
    'Give Daniel Wright a QR badge and a temporary PIN, working for 365 days',
  );
  const secret = await handedOver(before);
  const badge = (await badgeOf('daniel.wright')).body.standardQRCode!;
  expect(secret.scanned).toMatch(new RegExp(`^ms-qrpin:v1\\|daniel\\.wright@[^|]+\\|${badge.id}\\|.{20,}$`));
  expect(secret.pin).toMatch(/^\d{8}$/);
  expect(
    textOf([{ method: 'POST', path: '', activity: { attachments: [{ contentType: '', content: secret.card }] } }]),
  ).toMatch(/Store: Manchester Piccadilly/);
  expect(deliveredSecrets(harness.connector.calls.slice(before))).toHaveLength(1);
  // The tenant checks what a scan reads and the PIN typed against what it issued.
  expect(await signIn('daniel.wright', 'standardQRCode', { content: 'ms-qrpin:v1|forged', pin: secret.pin! })).toBe(
    403,
  );
  expect(await signIn('daniel.wright', 'standardQRCode', { content: secret.scanned!, pin: '86427531' })).toBe(403);
  expect(await signIn('daniel.wright', 'standardQRCode', { content: secret.scanned!, pin: secret.pin! })).toBe(200);
  await waitUntil(
    'Priya to be told how it ended',
    () =>
      /Request \d+ \(Give Daniel Wright a QR badge.*\): Daniel Wright's badge works for 365 days/.test(
        textOf(harness.postsTo(PRIYA, before)),
      ) || undefined,
  );
});

it('prints the badge from a one-time link on the requester\'s card: 2" QR code and PIN slip, then 404', async () => {
  const [badge] = handed;
  const url = badge!.printUrl;
  expect(url).toMatch(new RegExp(`^${harness.bot.server.url}/badges/[\\w-]+\\.[\\w-]+$`));
  // One character of the key changed: a different key, which opens nothing and uses nothing up.
  const tampered = await fetch(`${url!.slice(0, -10)}${url!.at(-10) === 'A' ? 'B' : 'A'}${url!.slice(-9)}`);
  expect(tampered.status).toBe(404);

  const reply = await fetch(url!);
  expect(reply.status).toBe(200);
  expect(reply.headers.get('content-type')).toBe('application/pdf');
  expect(reply.headers.get('cache-control')).toBe('no-store');
  const pdf = await readPdf(new Uint8Array(await reply.arrayBuffer()));
  expect(pdf.pages.map((page) => [Math.round(page.widthPt), Math.round(page.heightPt)])).toEqual([
    [595, 842],
    [595, 842],
  ]);
  // One image, 2 inches square, that scans to the badge; the PIN on its own slip page.
  expect(pdf.pages[0]!.images).toEqual([{ widthPt: 144, heightPt: 144, scanned: badge!.scanned }]);
  expect(pdf.pages[1]!.images).toEqual([]);
  expect(pdf.pages[0]!.text).toMatch(/^Daniel Wright\nManchester Piccadilly\nWorks until /);
  expect(pdf.pages[0]!.text).not.toContain(badge!.pin!);
  expect(pdf.pages[1]!.text).toContain(`PIN for Daniel Wright\n${badge!.pin}\n`);

  expect((await fetch(url!)).status).toBe(404);
  // A card posted before the link went onto the card itself is answered in plain words.
  const old = await harness.click(PRIYA, 'handover.print', { requestId: badge!.requestId });
  expect(JSON.stringify(old.body)).toMatch(/can no longer be printed from phonedesk/);
});

it('resets the PIN: the new one works with the same badge, the old one no longer does', async () => {
  const [badge] = handed;
  const before = await askAndApprove(
    "reset Daniel Wright's PIN because he forgot it",
    "Reset Daniel Wright's QR badge PIN",
  );
  const secret = await handedOver(before);
  expect(secret.scanned).toBeUndefined();
  expect(secret.pin).toMatch(/^\d{8}$/);
  expect(await signIn('daniel.wright', 'standardQRCode', { content: badge!.scanned!, pin: badge!.pin! })).toBe(403);
  expect(await signIn('daniel.wright', 'standardQRCode', { content: badge!.scanned!, pin: secret.pin! })).toBe(200);
});

it('gives a temporary code for a forgotten badge within 12 hours, and refuses a longer one in plain words', async () => {
  const refused = await harness.say(PRIYA, 'temporary code for Daniel Wright for 14 hours, he forgot his badge');
  expect(textOf(refused)).toMatch(/A temporary code lasts from 1 to 12 hours, so 14 hours cannot be given/);
  expect((await badgeOf('daniel.wright')).body.temporaryQRCode).toBeNull();

  const before = await askAndApprove(
    'Daniel Wright forgot his badge, temporary code for 4 hours',
    'A temporary QR code for Daniel Wright, working for 4 hours with their PIN',
  );
  const secret = await handedOver(before);
  const code = (await badgeOf('daniel.wright')).body.temporaryQRCode!;
  expect(secret.scanned).toMatch(new RegExp(`\\|${code.id}\\|`));
  expect(secret.pin).toBeUndefined();
  expect(Math.abs(Date.parse(code.expireDateTime) - Date.now() - 4 * 3_600_000)).toBeLessThan(120_000);
  const [, pinReset] = handed;
  expect(await signIn('daniel.wright', 'temporaryQRCode', { content: secret.scanned!, pin: pinReset!.pin! })).toBe(200);
});

it('replaces the delivery card by "handed over" for the requester only', async () => {
  const [badge] = handed;
  const other = await harness.click(HANA, 'handover.done', { requestId: badge!.requestId });
  expect(JSON.stringify(other.body)).toMatch(/Only Priya Shah, who asked for it, can mark it handed over/);
  const done = await harness.click(PRIYA, 'handover.done', { requestId: badge!.requestId });
  const card = JSON.stringify(done.body);
  expect(card).toMatch(/Daniel Wright's badge: handed over/);
  expect(card).not.toContain(badge!.pin!);
  expect(card).not.toMatch(/data:image/);
});

it('withdraws the badge PDF link when the card is marked handed over', async () => {
  const unprinted = handed.find((secret) => secret.printUrl && secret !== handed[0]);
  expect(unprinted).toBeDefined();
  const done = await harness.click(PRIYA, 'handover.done', { requestId: unprinted!.requestId });
  expect(JSON.stringify(done.body)).toMatch(/handed over/);
  expect((await fetch(unprinted!.printUrl!)).status).toBe(404);
});

it('clears a delivery card left showing for a day, so the secret leaves the chat', async () => {
  const before = await askAndApprove(
    'Daniel Wright forgot his badge, temporary code for 2 hours',
    'A temporary QR code for Daniel Wright, working for 2 hours with their PIN',
  );
  const secret = await handedOver(before);
  expect(await harness.bot.clearHandovers()).toBe(0);
  // A day passes: the card's posting time is moved back, as time would.
  harness.sqlite
    .prepare('UPDATE handover_cards SET posted_at = ? WHERE request_id = ?')
    .run(new Date(Date.now() - 25 * 3_600_000).toISOString(), secret.requestId);
  const updates = harness.connector.calls.length;
  expect(await harness.bot.clearHandovers()).toBe(1);
  const replaced = harness.connector.calls.slice(updates).filter((call) => call.method === 'PUT');
  expect(replaced).toHaveLength(1);
  expect(textOf(replaced)).toMatch(/The temporary code for Daniel Wright: cleared/);
  expect(textOf(replaced)).not.toMatch(/data:image/);
  expect(await harness.bot.clearHandovers()).toBe(0);
});

it('never sends the create twice when its answer is lost: the badge is made afresh and still works', async () => {
  await harness.simulator.control('DELETE', 'requests');
  await harness.simulator.control('POST', 'faults', {
    path: 'qrCodePinMethod$',
    method: 'PUT',
    action: 'drop',
    hold: 'after',
    count: 1,
  });
  const before = await askAndApprove(
    'give Frank Green a QR badge because he moves to badges',
    'Give Frank Green a QR badge and a temporary PIN, working for 365 days',
  );
  const secret = await handedOver(before);
  const log = (
    await harness.simulator.control<{ requests: Array<{ method: string; path: string }> }>('GET', 'requests')
  ).body;
  const writes = log.requests
    .filter((entry) => entry.method !== 'GET' && entry.path.includes(demoUser('frank.green')))
    .map((entry) => `${entry.method} ${entry.path.replace(/^.*\/qrCodePinMethod/, 'qrCodePinMethod')}`);
  expect(writes).toEqual([
    'PUT qrCodePinMethod',
    'DELETE qrCodePinMethod/standardQRCode',
    'PATCH qrCodePinMethod/standardQRCode',
    'PATCH qrCodePinMethod/pin',
  ]);
  expect(await signIn('frank.green', 'standardQRCode', { content: secret.scanned!, pin: secret.pin! })).toBe(200);
});

it('stops a badge it cannot hand over, and says so', async () => {
  const before = harness.connector.calls.length;
  const asked = await harness.say(PRIYA, 'give Hannah Lewis a QR badge because she moves to badges');
  expect(textOf(asked)).toMatch(askedFor('Give Hannah Lewis a QR badge and a temporary PIN, working for 365 days'));
  const approve = findButton(harness.postsTo(HANA, before), 'change.approve');
  // Priya's chat refuses new messages from here on (as after she removed phonedesk).
  harness.connector.refusedConversations.set(PRIYA.conversationId, 403);
  try {
    expect((await harness.click(HANA, 'change.approve', approve!)).status).toBe(200);
    const failed = await waitUntil('the request to end', async () =>
      (await harness.bot.services.stores.changes.list({ statuses: ['failed'], limit: 10 })).find(
        (request) => request.target.displayName === 'Hannah Lewis',
      ),
    );
    expect(failed.outcome).toMatch(
      /could not hand it to the person who asked in their 1:1 chat, so it was stopped at once: nobody can use it/,
    );
  } finally {
    harness.connector.refusedConversations.delete(PRIYA.conversationId);
  }
  const badge = await badgeOf('hannah.lewis');
  expect(badge.status).toBe(200);
  expect(badge.body.standardQRCode).toBeNull();
});

describe('the secrets reach nobody else', () => {
  const secrets = (): string[] =>
    handed.flatMap((secret) => [
      ...(secret.scanned ? [secret.scanned, Buffer.from(secret.scanned).toString('base64')] : []),
      ...(secret.pin ? [secret.pin] : []),
      // The code's private part alone, as well as the whole content.
      ...(secret.scanned ? [secret.scanned.split('|')[3]!] : []),
    ]);

  it('handed over at least a badge, a PIN and a temporary code in this file', () => {
    expect(handed.filter((secret) => secret.scanned).length).toBeGreaterThanOrEqual(3);
    expect(secrets().length).toBeGreaterThanOrEqual(8);
  });

  it("not in the approvers' chats or the approvals channel", () => {
    const priya = new Set(harness.postsTo(PRIYA));
    const seen = textOf(harness.connector.calls.filter((call) => !priya.has(call)));
    expect(seen).toMatch(/asks for approval of request/);
    expect(seen).toMatch(/Give Daniel Wright a QR badge/);
    for (const secret of secrets()) expect(seen).not.toContain(secret);
  });

  it("not in the requester's chat but on the delivery cards", () => {
    const cards = new Set(handed.map((secret) => JSON.stringify(secret.card)));
    const rest = harness
      .postsTo(PRIYA)
      .filter((call) => !(call.activity.attachments ?? []).some((a) => cards.has(JSON.stringify(a.content))));
    for (const secret of secrets()) expect(textOf(rest)).not.toContain(secret);
  });

  it('not in the SQLite files, the audit export or the logs', async () => {
    const dir = harness.bot.services.config.dataDir;
    harness.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const files = readdirSync(dir).map((name) => readFileSync(path.join(dir, name)).toString('latin1'));
    const exported = await runNode(
      'dist/src/cli/main.js',
      ['audit', 'export', '--format', 'jsonl', '--data-dir', dir],
      {},
    );
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/qrCodePin\.create/);
    // The audit log says what was handed over, to whom, by id and expiry.
    const firstBadge = handed[0]!.scanned!.split('|')[2]!;
    expect(exported.stdout).toMatch(
      new RegExp(
        `"detail":"handed to Priya Shah in their 1:1 chat: badge ${firstBadge} until [^"]+, a temporary PIN".*"operation":"secret\\.handedOver"`,
      ),
    );
    const log = lines.join('');
    expect(log).toMatch(/a secret could not be handed over; stopping it/);
    for (const secret of secrets()) {
      for (const file of files) expect(file.includes(secret)).toBe(false);
      expect(exported.stdout).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
  });
});
