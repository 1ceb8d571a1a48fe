// The sheet of badges read back as a printer lays it out: every QR code at 2 inches, in a grid inside the margins,
// scanning to its worker's badge in order; the PIN slips after the badges, never on them; untrusted names kept in
// their place. Expectations come from the inputs and the paper, never from the PDF under test.
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { BADGE_QR_POINTS } from '../../src/cards/badge-pdf';
import { badgeSheetPdf, type Paper, type SheetBadge } from '../../src/cards/badge-sheet-pdf';
import { qrPngBytes } from '../../src/cards/qr-png';
import { Secret } from '../../src/secret/secret';
import { readPdf, type ImageBox, type ReadPdf, type TextRun } from '../helpers/badge-pdf-reader';
import { scanPng } from '../helpers/handover';

const PAPER: Record<Paper, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
};
const MARGIN = 36;
/**
 * 3 × 3 on both papers: three 2-inch codes fit across inside the margins (3 × 144 = 432 of 523 or 540 pt), but four
 * rows of codes, each with three lines of text under it and cut marks around, need more than the 770 or 720 pt down.
 */
const COLUMNS = 3;
const ROWS = 3;

const dataUri = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;

const content = (index: number) => `ms-qrpin:v1|sheet-test|badge-${index}|${(index * 7919).toString(36)}`;
/** Zero-padded, so no worker's name is part of another's ("Worker 1" of "Worker 12"). */
const worker = (index: number) => `Worker ${String(index + 1).padStart(2, '0')}`;
/** Four of the 25 (5, 10, 15, 20) have neither PIN nor pass: no slip. Number 25 has a pass and no PIN. */
const pinOf = (index: number) => (index % 5 === 4 ? undefined : String(200000 + index * 3571));
const passOf = (index: number) => (index % 6 === 0 ? `Tap-${index}-q7Kx!m2` : undefined);

/**
 * The QR codes, made once for the whole file the way the badge is made from Graph's content (qr-png.ts). Under jest
 * each 360 px PNG takes a second or two (jest's sandbox makes pngjs's global Math lookups slow), so they are shared.
 */
const codes: Uint8Array[] = [];
const qr = (index: number) => codes[index]!;
beforeAll(async () => {
  for (let index = 0; index < 25; index++)
    codes.push(await qrPngBytes(new Secret(Buffer.from(content(index)).toString('base64'))));
}, 180_000);

function team(count: number): SheetBadge[] {
  return Array.from({ length: count }, (_, index) => {
    const [pin, pass] = [pinOf(index), passOf(index)];
    return {
      worker: worker(index),
      ...(index % 3 !== 2 && { store: `Store ${index % 4}` }),
      qrPng: qr(index),
      validity: index % 2 ? 'Works until 2 Dec 2027' : 'Temporary code, works until 2 Dec 2026, 18:00',
      ...(pin && { pin }),
      ...(pass && { pass }),
    };
  });
}

/** The standard fonts' metrics, to measure each string as drawn. */
const fonts = new Map<string, PDFFont>();
beforeAll(async () => {
  const scratch = await PDFDocument.create();
  for (const name of Object.values(StandardFonts)) fonts.set(name, await scratch.embedFont(name));
});

interface Box {
  left: number;
  right: number;
  bottom: number;
  top: number;
}

function textBox(run: TextRun): Box {
  const font = fonts.get(run.font);
  if (!font) throw new Error(`Not a standard font: ${run.font}`);
  const ascent = font.heightAtSize(run.size, { descender: false });
  const descent = font.heightAtSize(run.size) - ascent;
  return {
    left: run.x,
    right: run.x + font.widthOfTextAtSize(run.text, run.size),
    bottom: run.y - descent,
    top: run.y + ascent,
  };
}

const imageBox = (image: ImageBox): Box => ({
  left: image.x,
  right: image.x + image.widthPt,
  bottom: image.y,
  top: image.y + image.heightPt,
});

const overlap = (a: Box, b: Box) =>
  a.left < b.right - 0.01 && b.left < a.right - 0.01 && a.bottom < b.top - 0.01 && b.bottom < a.top - 0.01;

/** Every image and string inside the margins, and none drawn over another. */
function expectLaidOut(pdf: ReadPdf, paper: Paper): void {
  for (const [number, page] of pdf.pages.entries()) {
    const boxes = [
      ...page.imageBoxes.map((image) => ({ what: 'QR code', box: imageBox(image) })),
      ...page.textRuns.filter((run) => run.text.trim()).map((run) => ({ what: run.text, box: textBox(run) })),
    ];
    for (const { what, box } of boxes) {
      const where = `page ${number + 1}: ${what}`;
      expect({ where, inside: box.left >= MARGIN && box.bottom >= MARGIN }).toEqual({ where, inside: true });
      const inside = box.right <= PAPER[paper].width - MARGIN && box.top <= PAPER[paper].height - MARGIN;
      expect({ where, inside }).toEqual({ where, inside: true });
    }
    for (const [index, a] of boxes.entries())
      for (const b of boxes.slice(index + 1))
        expect({ a: a.what, b: b.what, overlap: overlap(a.box, b.box) }).toEqual({
          a: a.what,
          b: b.what,
          overlap: false,
        });
  }
}

const badgePagesOf = (pdf: ReadPdf) => pdf.pages.filter((page) => page.images.length > 0);
const textOf = (page: ReadPdf['pages'][number]) => page.textRuns.map((run) => run.text).join('\n');

it('has 25 distinct QR codes to print, each scanning as a phone would read it off a card', () => {
  const contents = Array.from({ length: 25 }, (_, index) => content(index));
  expect(new Set(contents).size).toBe(25);
  expect(codes.map((png) => scanPng(dataUri(png)))).toEqual(contents);
});

describe.each(['A4', 'Letter'] as const)('25 badges on %s', (paper) => {
  const title = `Badges for Store 0, ${paper}`;
  let badges: SheetBadge[];
  let pdf: ReadPdf;
  beforeAll(async () => {
    badges = team(25);
    pdf = await readPdf(await badgeSheetPdf(badges, { paper, title }));
  }, 60_000);

  it('prints every page on the paper', () => {
    for (const page of pdf.pages) {
      expect(page.widthPt).toBeCloseTo(PAPER[paper].width, 2);
      expect(page.heightPt).toBeCloseTo(PAPER[paper].height, 2);
    }
  });

  it('draws every QR code 2 inches square, inside the margins, none over another, nothing over text', () => {
    expect(BADGE_QR_POINTS).toBe(144);
    const boxes = pdf.pages.flatMap((page) => page.imageBoxes);
    expect(boxes).toHaveLength(25);
    for (const box of boxes) {
      expect(box.widthPt).toBeCloseTo(144, 6);
      expect(box.heightPt).toBeCloseTo(144, 6);
    }
    expect(pdf.pages.flatMap((page) => page.images).map(({ widthPt, heightPt }) => [widthPt, heightPt])).toEqual(
      Array.from({ length: 25 }, () => [expect.closeTo(144, 6), expect.closeTo(144, 6)]),
    );
    expectLaidOut(pdf, paper);
  });

  it('has the codes in order, each scanning to its own badge', () => {
    const contents = Array.from({ length: 25 }, (_, index) => content(index));
    expect(pdf.pages.flatMap((page) => page.images.map((image) => image.scanned))).toEqual(contents);
  });

  it(`fills ${COLUMNS} × ${ROWS} to a page: as few badge pages as the grid allows`, () => {
    const perPage = COLUMNS * ROWS;
    const pages = Math.ceil(25 / perPage);
    const badgePages = badgePagesOf(pdf);
    expect(badgePages.map((page) => page.images.length)).toEqual(
      Array.from({ length: pages }, (_, index) => Math.min(perPage, 25 - index * perPage)),
    );
    // The badge pages come first, with nothing between them.
    expect(pdf.pages.slice(0, pages).every((page) => page.images.length > 0)).toBe(true);
    const first = badgePages[0]!.imageBoxes;
    expect(new Set(first.map((box) => box.x.toFixed(2))).size).toBe(COLUMNS);
    expect(new Set(first.map((box) => box.y.toFixed(2))).size).toBe(ROWS);
    // Reading order: left to right, then down.
    expect(first[1]!.x).toBeGreaterThan(first[0]!.x);
    expect(first[COLUMNS]!.y).toBeLessThan(first[0]!.y);
  });

  it('puts each worker’s name, store and validity on their badge, and the title and page number on top', () => {
    const badgePages = badgePagesOf(pdf);
    const texts = badgePages.map(textOf).join('\n');
    for (const badge of badges) {
      expect(texts).toContain(`${badge.worker}\n${badge.store ? `${badge.store}\n` : ''}`);
    }
    expect(texts).toContain('Works until 2 Dec 2027');
    for (const [index, page] of badgePages.entries()) {
      const runs = page.textRuns.map((run) => run.text);
      expect(runs).toContain(title);
      expect(runs).toContain(`page ${index + 1} of ${pdf.pages.length}`);
    }
  });

  it('puts the PIN slips after every badge page: each PIN and pass on its own worker’s slip, none on a badge', () => {
    const pages = Math.ceil(25 / (COLUMNS * ROWS));
    const slipPages = pdf.pages.slice(pages);
    expect(slipPages.length).toBeGreaterThan(0);
    for (const page of slipPages) expect(page.images).toEqual([]);
    const withSlip = badges.filter((badge) => badge.pin || badge.pass);
    expect(withSlip).toHaveLength(21);
    const pins = badges.flatMap((badge) => (badge.pin ? [badge.pin] : []));
    const passes = badges.flatMap((badge) => (badge.pass ? [badge.pass] : []));
    expect([pins.length, passes.length]).toEqual([20, 5]);

    for (const page of badgePagesOf(pdf))
      for (const secret of [...pins, ...passes]) expect(textOf(page)).not.toContain(secret);
    const runs = slipPages.flatMap((page) => page.textRuns);
    const texts = runs.map((run) => run.text);
    const names = new Set(withSlip.map((badge) => badge.worker));
    // One slip per badge with a PIN or pass, in the badges' order; none for the others.
    expect(texts.filter((text) => /^Worker \d\d$/.test(text))).toEqual(withSlip.map((badge) => badge.worker));
    for (const badge of withSlip) {
      // The slip: from the worker's name to the next name on the same page.
      const page = slipPages
        .map((page) => page.textRuns.map((run) => run.text))
        .find((page) => page.includes(badge.worker))!;
      const start = page.indexOf(badge.worker);
      const next = page.findIndex((text, index) => index > start && names.has(text));
      const slip = page.slice(start, next === -1 ? undefined : next);
      expect(slip).toEqual(
        expect.arrayContaining([
          ...(badge.store ? [badge.store] : []),
          ...(badge.pin ? [badge.pin, expect.stringMatching(/temporary.*change.*first sign-in/i)] : []),
          ...(badge.pass ? [badge.pass, expect.stringMatching(/^Temporary Access Pass/)] : []),
        ]),
      );
      if (!badge.pin) expect(slip.join('\n')).not.toMatch(/Temporary PIN/);
    }
    // Each PIN once, large and monospaced.
    for (const pin of pins) {
      const drawn = runs.filter((run) => run.text === pin);
      expect(drawn).toHaveLength(1);
      expect(drawn[0]!.font).toMatch(/^Courier/);
      expect(drawn[0]!.size).toBeGreaterThanOrEqual(16);
    }
    for (const pass of passes) expect(texts.filter((text) => text === pass)).toHaveLength(1);
  });

  it('keeps all text inside the margins, clear of the codes and of other text', () => {
    expectLaidOut(pdf, paper);
  });
});

describe('untrusted names', () => {
  it('cuts a 300-character name short with "…", on its badge and its slip, inside the page', async () => {
    const long = Array.from({ length: 40 }, (_, index) => `Name${String(index).padStart(2, '0')}xy`)
      .join(' ')
      .slice(0, 300);
    expect(long).toHaveLength(300);
    const badges: SheetBadge[] = [
      { worker: long, store: long, qrPng: qr(0), validity: long, pin: '918273' },
      { worker: 'Ann Other', store: 'Leeds', qrPng: qr(1), validity: 'Works until 2 Dec 2027' },
    ];
    for (const paper of ['A4', 'Letter'] as const) {
      const pdf = await readPdf(await badgeSheetPdf(badges, { paper, title: long }));
      expectLaidOut(pdf, paper);
      const cut = pdf.pages.flatMap((page) => page.textRuns).filter((run) => run.text.startsWith('Name00'));
      // The name, store and validity on the badge, the name and store on the slip, and the title on both pages.
      expect(cut).toHaveLength(7);
      for (const run of cut) {
        expect(run.text).toMatch(/…$/);
        expect(run.text.length).toBeLessThan(long.length);
        expect(long.startsWith(run.text.slice(0, -1))).toBe(true);
      }
      // The badge's three lines stay between its own code's left edge and the next code's.
      const [own, next] = pdf.pages[0]!.imageBoxes;
      const lines = pdf.pages[0]!.textRuns.filter((run) => run.text.startsWith('Name00') && run.y < own!.y);
      expect(lines).toHaveLength(3);
      for (const run of lines) {
        expect(run.x).toBeGreaterThanOrEqual(own!.x - 0.01);
        expect(textBox(run).right).toBeLessThanOrEqual(next!.x);
      }
      expect(pdf.pages.at(-1)!.textRuns.map((run) => run.text)).toContain('918273');
      expect(pdf.title).toBe(long);
    }
  });

  it('prints a name outside Windows-1252 with "?" for what the standard fonts lack', async () => {
    const badge = { worker: 'Zoë Łukasz 王', qrPng: qr(3), validity: 'Works until 2 Dec 2027' };
    const pdf = await readPdf(await badgeSheetPdf([{ ...badge, pin: '464646' }], { paper: 'A4', title: 'Zürich 🏬' }));
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.pages[0]!.images.map((image) => image.scanned)).toEqual([content(3)]);
    expect(pdf.pages[0]!.textRuns.map((run) => run.text)).toContain('Zoë ?ukasz ?');
    expect(pdf.pages[1]!.textRuns.map((run) => run.text)).toEqual(expect.arrayContaining(['Zoë ?ukasz ?', '464646']));
    expect(pdf.title).toBe('Zürich 🏬');
    expectLaidOut(pdf, 'A4');
  });

  it('keeps a name with line breaks on one line', async () => {
    const badge = { worker: 'Ann\nSmith\r\tJr', qrPng: qr(4), validity: 'Works until 2 Dec 2027' };
    const pdf = await readPdf(await badgeSheetPdf([badge], { paper: 'Letter', title: 'Team' }));
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0]!.textRuns.map((run) => run.text)).toContain('Ann Smith  Jr');
    expectLaidOut(pdf, 'Letter');
  });
});

describe('the document', () => {
  it('has the given title and phonedesk as its producer', async () => {
    const title = 'Badges — Manchester Piccadilly, 2 Dec 2026';
    const badges = [{ worker: 'Ann Other', qrPng: qr(5), validity: 'Works until 2 Dec 2027' }];
    const pdf = await readPdf(await badgeSheetPdf(badges, { paper: 'A4', title }));
    expect(pdf.title).toBe(title);
    expect(pdf.producer).toBe('phonedesk');
  });

  it('is one page saying "No badges." when there are none', async () => {
    for (const paper of ['A4', 'Letter'] as const) {
      const pdf = await readPdf(await badgeSheetPdf([], { paper, title: 'Nobody' }));
      expect(pdf.pages).toHaveLength(1);
      expect(pdf.pages[0]!.images).toEqual([]);
      expect(pdf.pages[0]!.textRuns.map((run) => run.text)).toContain('No badges.');
      expect(pdf.title).toBe('Nobody');
      expectLaidOut(pdf, paper);
    }
  });

  it('prints a 48-character pass whole, smaller rather than cut, inside its slip', async () => {
    const pass = 'Ab3$'.repeat(12);
    const badges = [{ worker: 'New Starter', qrPng: qr(6), validity: 'Works until 2 Dec 2027', pass }];
    const pdf = await readPdf(await badgeSheetPdf(badges, { paper: 'A4', title: 'New starters' }));
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.pages[1]!.textRuns.map((run) => run.text)).toContain(pass);
    expect(textOf(pdf.pages[1]!)).not.toMatch(/Temporary PIN/);
    expectLaidOut(pdf, 'A4');
  });
});
