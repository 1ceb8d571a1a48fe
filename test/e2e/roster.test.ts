// A roster pasted into the chat, through the whole bot over HTTP: every line answered in plain words (unknown or
// outside the store, a landline, a number another account signs in with, an admin, a duplicate), the valid lines
// asked for under one approval and run as a job: the number added for SMS sign-in, the badge on the one sheet.
import { NumberIndexSweep } from '../../src/number-index/number-index-sweep';
import { askedFor } from '../helpers/asked-card';
import { readPdf } from '../helpers/badge-pdf-reader';
import { BotHarness, HANA, MARCUS, PRIYA, findButton, textOf, useBot, waitUntil } from '../helpers/bot-harness';
import { demoUser } from '../helpers/simulator';

const harness = useBot(new BotHarness(), [PRIYA, MARCUS, HANA]);

const ROSTER = [
  'onboard:',
  'Jane Doe, +44 7700 900123',
  'Peter Clark, badge',
  'Emma Roberts, 0161 496 0999',
  'Daniel Wright, +44 7700 900456',
  'Priya Shah, +44 7700 900010',
  'jane.doe@contosoretail.onmicrosoft.com, badge',
  'Frank Green badge',
  'Hannah Lewis',
].join('\n');

beforeAll(async () => {
  // phonedesk learns who holds a number from its index: Sam Okafor in Leeds signs in with +44 7700 900456.
  await new NumberIndexSweep(harness.bot.services.stores.numberIndex, harness.bot.services.gateway).run();
});

it('answers every line, then sets up the valid ones under one approval: a number, and a badge on the sheet', async () => {
  const checked = await harness.say(PRIYA, ROSTER);
  const text = textOf(checked);
  expect(text).toMatch(/Roster: 8 lines, 2 ready to set up/);
  expect(text).toMatch(/✓ Line 1: Jane Doe, \+44 •+ ?•*0123 for sign-in by text message/);
  expect(text).toMatch(
    /✗ Line 2 \(Peter Clark, badge\): I couldn't find anyone called \\"Peter Clark\\" among the people you look after/,
  );
  expect(text).toMatch(/✗ Line 3 \(Emma Roberts, 0161 496 0999\): [^"]*landline/i);
  expect(text).toMatch(
    /✗ Line 4 \(Daniel Wright, \+44 7700 900456\): \+44 7700 900456 is already held by another account/,
  );
  // Priya is not one of her own store's workers: the same words as for anyone outside it.
  expect(text).toMatch(/✗ Line 5 \(Priya Shah, \+44 7700 900010\): I couldn't find anyone called/);
  expect(text).toMatch(/✗ Line 6 [^:]*: The same worker as line 1\./);
  expect(text).toMatch(/✓ Line 7: Frank Green, a QR badge/);
  expect(text).toMatch(/✗ Line 8 \(Hannah Lewis\): Give a mobile number, or \\"badge\\"/);

  const ask = findButton(checked, 'roster.ask');
  expect(ask).toEqual({ roster: ROSTER });
  const before = harness.connector.calls.length;
  await harness.click(PRIYA, 'roster.ask', ask!);
  expect(textOf(harness.postsTo(PRIYA, before))).toMatch(
    askedFor('Onboard 2 workers from a roster: 1 mobile number for sign-in, 1 QR badge'),
  );
  const approve = findButton(harness.postsTo(HANA, before), 'change.approve');
  const approved = harness.connector.calls.length;
  await harness.click(HANA, 'change.approve', approve!);
  const done = await waitUntil(
    'the roster to be set up',
    () =>
      harness
        .postsTo(PRIYA, approved)
        .flatMap((call) => (call.activity.attachments ?? []).map((attachment) => JSON.stringify(attachment.content)))
        .find((card) => /Done: 2 workers set up/.test(card) && /Badge sheet \(A4\)/.test(card)),
    20000,
  );
  const phones = await harness.simulator.graph<{ value: Array<{ phoneType: string; phoneNumber: string }> }>(
    'GET',
    `/users/${demoUser('jane.doe')}/authentication/phoneMethods`,
  );
  expect(phones.body.value.find((phone) => phone.phoneType === 'mobile')?.phoneNumber).toBe('+44 7700900123');
  const a4 = /"title":"Badge sheet \(A4\)","url":"([^"]+)"/.exec(done)![1]!;
  const pdf = await readPdf(new Uint8Array(await (await fetch(a4)).arrayBuffer()));
  const scanned = pdf.pages.flatMap((page) => page.images.map((image) => image.scanned));
  expect(scanned).toHaveLength(1);
  expect(scanned[0]).toMatch(/^ms-qrpin:v1\|frank\.green@/);
});

it('checks the roster again when the button is pressed: a changed one is read as sent, never trusted', async () => {
  const tampered = ['onboard:', 'Peter Clark, +44 7700 900777'].join('\n');
  const reply = await harness.click(PRIYA, 'roster.ask', { roster: tampered });
  expect(JSON.stringify(reply.body.value)).toMatch(/Nothing in that roster can be set up now/);
});

it('refuses an admin and a guest in plain words, whatever the line asks for', async () => {
  const text = textOf(
    await harness.say(
      MARCUS,
      ['Rachel Green, badge', 'Lena Fischer (Agency), +44 7700 900888', 'Mia Turner badge'].join('\n'),
    ),
  );
  expect(text).toMatch(/✗ Line 1 \(Rachel Green, badge\): Rachel Green holds an admin role/);
  expect(text).toMatch(/✗ Line 2 [^:]*: Lena Fischer \(Agency\) has a guest account/);
  expect(text).toMatch(/✓ Line 3: Mia Turner, a QR badge/);
});

it('reads a roster sent as a CSV file, and never fetches a file link from anywhere but Teams (SharePoint)', async () => {
  const csv = 'Name,Mobile or badge\r\n"Harris, Olivia",badge\r\nPeter Clark,+44 7700 900555\r\n';
  const file = await harness.say(MARCUS, '', {
    attachments: [
      {
        contentType: 'text/csv',
        name: 'roster.csv',
        contentUrl: `data:text/csv;base64,${Buffer.from(csv).toString('base64')}`,
      },
    ],
  });
  const text = textOf(file);
  expect(text).toMatch(/Roster: 2 lines, 1 ready to set up/);
  // "Harris, Olivia" is one cell: read as typed, and not found under that spelling.
  expect(text).toMatch(/✗ Line 1 \(Harris, Olivia, badge\)/);
  expect(text).toMatch(/✓ Line 2: Peter Clark, \+44 •+ ?•*0555 for sign-in by text message/);

  const elsewhere = await harness.say(MARCUS, '', {
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name: 'roster.csv',
        content: { downloadUrl: `${harness.simulator.url}/v1.0/users`, fileType: 'csv' },
      },
    ],
  });
  expect(textOf(elsewhere)).toMatch(/only when Teams sends it from your OneDrive/);
});
