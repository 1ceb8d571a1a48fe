// Moving a whole store to QR badges through the whole bot over HTTP: the plan card, one approval, the job with its
// progress card updated in place, and the badge sheet whose every badge scans to the one the tenant issued and,
// with the PIN on its slip, signs its worker in. One create per worker; the sheet opens once.
import { askedFor } from '../helpers/asked-card';
import { readPdf } from '../helpers/badge-pdf-reader';
import { sheetBadges } from '../helpers/badge-sheet';
import { BotHarness, HANA, PRIYA, findButton, textOf, useBot, waitUntil } from '../helpers/bot-harness';
import type { CapturedCall } from '../helpers/capture-server';
import { demoUser } from '../helpers/simulator';
import { DEMO_STORES } from '../../src/simulator/demo-tenant';
import type { LoggedRequest } from '../../src/simulator/request-log';

const harness = useBot(new BotHarness(), [PRIYA, HANA]);

/** Every card posted or updated in Priya's chat since `from`, newest last, as JSON text. */
function cardsTo(from: number): string[] {
  return harness
    .postsTo(PRIYA, from)
    .flatMap((call: CapturedCall) =>
      (call.activity.attachments ?? []).map((attachment) => JSON.stringify(attachment.content)),
    );
}

async function requestLog(): Promise<LoggedRequest[]> {
  return (await harness.simulator.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
}

/** Plan → ask → approve; returns where Priya's chat stood before the approval. */
async function approveTheMove(): Promise<number> {
  const plan = await harness.say(PRIYA, 'move my store to QR codes');
  expect(textOf(plan)).toMatch(/Move Manchester Piccadilly to QR badges/);
  const ask = findButton(plan, 'move.ask');
  expect(ask).toEqual({ storeId: DEMO_STORES.manchester.id });
  const before = harness.connector.calls.length;
  await harness.click(PRIYA, 'move.ask', ask!);
  expect(textOf(harness.postsTo(PRIYA, before))).toMatch(
    askedFor('Move Manchester Piccadilly to QR badges: \\d+ badges'),
  );
  const approve = findButton(harness.postsTo(HANA, before), 'change.approve');
  const approved = harness.connector.calls.length;
  expect((await harness.click(HANA, 'change.approve', approve!)).status).toBe(200);
  return approved;
}

it('plans the move in plain words: who gets a badge, who is left out and why, and how long', async () => {
  const text = textOf(await harness.say(PRIYA, 'move my store to QR codes'));
  expect(text).toMatch(/Badges to make/);
  // Chloe already has a working badge; George is not in the QR code policy; Isaac has no licence.
  expect(text).toMatch(/Chloe Evans: already has a working badge/);
  expect(text).toMatch(/George Hall: is not in the QR code policy/);
  expect(text).toMatch(/Isaac Walker: has no licence/);
  expect(text).toMatch(/Jane Doe \(with a pass first\)/);
  expect(text).toMatch(/Takes[^}]*under a minute/);
});

it('moves the store under one approval: a progress card, then one sheet whose badges each sign their worker in', async () => {
  const approved = await approveTheMove();
  const finished = await waitUntil(
    'the job to finish',
    () => cardsTo(approved).find((card) => /Badge sheet \(A4\)/.test(card)),
    30000,
  );
  expect(cardsTo(approved).some((card) => /Moving Manchester Piccadilly to QR badges/.test(card))).toBe(true);
  expect(finished).toMatch(/Done: \d+ badges made/);
  const a4 = /"title":"Badge sheet \(A4\)","url":"([^"]+)"/.exec(finished)![1]!;
  const letter = /"title":"Badge sheet \(Letter\)","url":"([^"]+)"/.exec(finished)![1]!;

  const puts = (await requestLog()).filter(
    (request) => request.method === 'PUT' && /\/authentication\/qrCodePinMethod$/.test(request.path),
  );
  const response = await fetch(a4);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
  const scanned = pdf.pages.flatMap((page) => page.images.map((image) => image.scanned));
  // One badge per worker given one, each made by exactly one create.
  expect(scanned).toHaveLength(puts.length);
  expect(new Set(puts.map((put) => put.path)).size).toBe(puts.length);
  expect(scanned.every((content) => content?.startsWith('ms-qrpin:v1|'))).toBe(true);

  // Each badge with the PIN on its worker's slip signs them in (a pass first for someone who never signed in).
  expect(pdf.pages.some((page) => page.images.length === 0)).toBe(true);
  for (const page of pdf.pages.filter((candidate) => candidate.images.length > 0))
    expect(page.text).not.toMatch(/\d{8}/);
  for (const { alias, name, content, pin, pass } of sheetBadges(pdf)) {
    expect([name, pin]).toEqual([name, expect.stringMatching(/^\d{8}$/)]);
    if (pass)
      expect(
        (
          await harness.simulator.control('POST', 'sign-ins', {
            user: demoUser(alias),
            method: 'temporaryAccessPass',
            pass,
          })
        ).status,
      ).toBe(200);
    const signIn = await harness.simulator.control('POST', 'sign-ins', {
      user: demoUser(alias),
      method: 'standardQRCode',
      content,
      pin,
    });
    expect([alias, signIn.status]).toEqual([alias, 200]);
  }
  // Once: the other paper size, and the same link again, are gone.
  expect((await fetch(letter)).status).toBe(404);
  expect((await fetch(a4)).status).toBe(404);
});

it('finishes the move: SMS sign-in off for those who use their badge, sign-in steps offered for those who do not yet', async () => {
  const plan = await harness.say(PRIYA, 'finish moving my store');
  const text = textOf(plan);
  expect(text).toMatch(/Finish moving Manchester Piccadilly to badges/);
  // Chloe signs in with her badge and still by SMS; Julia has never used hers.
  expect(text).toMatch(/• Chloe Evans/);
  expect(text).toMatch(/Not used their badge yet[\s\S]*Julia Young/);
  const remind = findButton(plan, 'move.remind');
  expect(remind).toEqual({ userId: demoUser('julia.young') });
  const before = harness.connector.calls.length;
  await harness.click(PRIYA, 'move.remind', remind!);
  expect(textOf(harness.postsTo(PRIYA, before))).toMatch(/Sign in with QR code|scan/i);

  const ask = findButton(plan, 'finish.ask');
  expect(ask).toEqual({ storeId: DEMO_STORES.manchester.id, remove: false });
  const asked = harness.connector.calls.length;
  await harness.click(PRIYA, 'finish.ask', ask!);
  expect(textOf(harness.postsTo(PRIYA, asked))).toMatch(
    askedFor(
      'Finish moving Manchester Piccadilly to badges: turn off SMS sign-in for \\d+ workers? who sign in with their badge',
    ),
  );
  const approve = findButton(harness.postsTo(HANA, asked), 'change.approve');
  const approved = harness.connector.calls.length;
  await harness.click(HANA, 'change.approve', approve!);
  const done = await waitUntil('the finish to end', () =>
    cardsTo(approved).find((card) => /Done: SMS sign-in off for \d+ workers?/.test(card)),
  );
  const turnedOff = Number(/Done: SMS sign-in off for (\d+)/.exec(done)![1]);
  expect(turnedOff).toBeGreaterThanOrEqual(1);
  const phones = async (alias: string) =>
    (
      await harness.simulator.graph<{ value: Array<{ phoneType: string; smsSignInState: string }> }>(
        'GET',
        `/users/${demoUser(alias)}/authentication/phoneMethods`,
      )
    ).body.value;
  // Chloe keeps her number (for confirming sign-ins), but can no longer sign in with it; Julia keeps SMS.
  expect((await phones('chloe.evans')).find((phone) => phone.phoneType === 'mobile')?.smsSignInState).not.toBe('ready');
  expect((await phones('julia.young')).find((phone) => phone.phoneType === 'mobile')?.smsSignInState).toBe('ready');
});

it('stops a move when asked, before the next worker, and says what was done; the sheet holds what was made', async () => {
  await harness.simulator.reset();
  // Graph throttles the first badge's create for 3 s: the whole job waits (not just that worker), so it is still
  // going when Stop is pressed.
  await harness.simulator.control('POST', 'faults', {
    method: 'PUT',
    path: 'authentication/qrCodePinMethod$',
    status: 429,
    code: 'TooManyRequests',
    retryAfter: 3,
  });
  try {
    const approved = await approveTheMove();
    const running = await waitUntil('the progress card', () =>
      cardsTo(approved).find((card) => /"verb":"job.cancel"/.test(card)),
    );
    const jobId = /"verb":"job.cancel","data":\{"jobId":"([^"]+)"/.exec(running)![1]!;
    expect((await harness.click(HANA, 'job.cancel', { jobId: 'not-a-job' })).body.value).toMatch(/no longer exists/);
    const stopping = await harness.click(PRIYA, 'job.cancel', { jobId });
    expect(JSON.stringify(stopping.body.value)).toMatch(/Stopping, as Priya Shah asked/);
    const ended = await waitUntil(
      'the job to stop',
      () => cardsTo(approved).find((card) => /Stopped by Priya Shah/.test(card)),
      30000,
    );
    const made = Number(/Stopped by Priya Shah: (\d+) badges? made, (\d+) not started/.exec(ended)![1]);
    const waiting = Number(/(\d+) not started/.exec(ended)![1]);
    expect(waiting).toBeGreaterThan(0);
    const created = (await requestLog()).filter(
      (request) =>
        request.method === 'PUT' && /\/authentication\/qrCodePinMethod$/.test(request.path) && request.status === 201,
    );
    expect(created).toHaveLength(made);
    if (made > 0) {
      const a4 = /"title":"Badge sheet \(A4\)","url":"([^"]+)"/.exec(ended)![1]!;
      const pdf = await readPdf(new Uint8Array(await (await fetch(a4)).arrayBuffer()));
      expect(pdf.pages.flatMap((page) => page.images)).toHaveLength(made);
    }
  } finally {
    await harness.simulator.control('DELETE', 'faults');
  }
});

it('stops the badges of a move whose sheet cannot be stored, and says so on the card instead of a sheet', async () => {
  await harness.simulator.reset();
  // Storage refuses the sheet's files (as a storage account that cannot be reached would) when the job ends.
  const links = harness.bot.services.stores.links;
  const put = links.put.bind(links);
  links.put = () => Promise.reject(new Error('storage unreachable'));
  try {
    const approved = await approveTheMove();
    const ended = await waitUntil(
      'the job to end without a sheet',
      () => cardsTo(approved).find((card) => /could not make the badge sheet/.test(card)),
      30000,
    );
    expect(ended).toMatch(/Done: 0 badges made, \d+ failed/);
    expect(ended).toMatch(/Jane Doe: phonedesk could not make the badge sheet, so the badge was stopped/);
    expect(ended).not.toMatch(/Badge sheet \(A4\)/);
    // Priya never saw a finished card that promised badges.
    expect(cardsTo(approved).filter((card) => /Done: [1-9]\d* badges made/.test(card))).toEqual([]);
    const created = (await requestLog()).filter(
      (request) =>
        request.method === 'PUT' && /\/authentication\/qrCodePinMethod$/.test(request.path) && request.status === 201,
    );
    expect(created.length).toBeGreaterThan(0);
    for (const { path } of created) {
      const badge = await harness.simulator.graph<{ standardQRCode: unknown }>('GET', path);
      expect([path, badge.body.standardQRCode]).toEqual([path, null]);
    }
  } finally {
    links.put = put;
  }
});

it('stops the badges of a sheet nobody opened within a day, once, and says so on the card', async () => {
  await harness.simulator.reset();
  const approved = await approveTheMove();
  const finished = await waitUntil(
    'the job to finish',
    () => cardsTo(approved).find((card) => /Badge sheet \(A4\)/.test(card)),
    30000,
  );
  const made = Number(/Done: (\d+) badges made/.exec(finished)![1]);
  expect(made).toBeGreaterThan(0);
  expect(await harness.bot.services.jobs.stopUnopenedSheets()).toBe(0);

  // A day and more passes with the sheet unopened: the job's end is moved back, as time would.
  const { id } = harness.sqlite.prepare('SELECT id FROM jobs ORDER BY created_at DESC LIMIT 1').get() as { id: string };
  const moved = harness.sqlite
    .prepare('UPDATE jobs SET finished_at = ? WHERE id = ?')
    .run(new Date(Date.now() - 26 * 3_600_000).toISOString(), id);
  expect(moved.changes).toBe(1);
  // Graph refuses the stops at first: nothing is counted stopped, and the next minute's sweep tries again.
  await harness.simulator.control('POST', 'faults', {
    method: 'DELETE',
    path: 'qrCodePinMethod/standardQRCode$',
    status: 403,
    code: 'Authorization_RequestDenied',
    count: 1000,
  });
  try {
    expect(await harness.bot.services.jobs.stopUnopenedSheets()).toBe(0);
  } finally {
    await harness.simulator.control('DELETE', 'faults');
  }
  const updates = harness.connector.calls.length;
  expect(await harness.bot.services.jobs.stopUnopenedSheets()).toBe(made);
  const card = cardsTo(updates).at(-1)!;
  expect(card).toMatch(/Nobody opened the badge sheet within a day, so its badges were stopped/);
  expect(card).toMatch(/Jane Doe: The badge sheet was not opened within a day, so the badge was stopped/);
  expect(card).not.toMatch(/Badge sheet \(A4\)/);
  const created = (await requestLog()).filter(
    (request) =>
      request.method === 'PUT' && /\/authentication\/qrCodePinMethod$/.test(request.path) && request.status === 201,
  );
  expect(created).toHaveLength(made);
  for (const { path } of created)
    expect([
      path,
      (await harness.simulator.graph<{ standardQRCode: unknown }>('GET', path)).body.standardQRCode,
    ]).toEqual([path, null]);
  expect(await harness.bot.services.jobs.stopUnopenedSheets()).toBe(0);
});
