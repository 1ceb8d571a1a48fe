// A sheet of badges for a whole team: each QR code at the same 2" × 2" as the single badge (badge-pdf.ts), with the
// worker's name, store and expiry under it, inside cut marks, as many to a page as fit; then the PIN slips on pages
// of their own, so the badges and the PINs can be handed over apart. Made in memory, never written anywhere.
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { BADGE_QR_POINTS, cutMarks, printable } from './badge-pdf';

export type Paper = 'A4' | 'Letter';

export interface SheetBadge {
  worker: string;
  store?: string;
  /** The QR code as PNG bytes. */
  qrPng: Uint8Array;
  /** e.g. "Works until 2 Dec 2027". */
  validity: string;
  /** The temporary PIN, for the worker's slip. */
  pin?: string;
  /** A new starter's Temporary Access Pass, for their first sign-in; on the same slip as the PIN. */
  pass?: string;
}

const PAPER: Record<Paper, readonly [number, number]> = { A4: [595.28, 841.89], Letter: [612, 792] };
/** Nothing is drawn nearer the edge than half an inch: most printers can't print the outer quarter inch or so. */
const MARGIN = 36;
/** How far cutMarks reaches outside the cell it marks (a 3 pt gap, then a 12 pt mark). */
const MARK_REACH = 15;
/** Wider than MARK_REACH, so one cell's marks never reach into its neighbour; spare room widens it up to MAX. */
const GUTTER = 16;
const MAX_GUTTER = 28;
/** The title and page number above the grid; the one-line instructions below it. */
const HEADER = 14;
const FOOTER = 12;

/** The badge cell: the QR image (its PNG has its own quiet zone, so the cut can be close) and three lines under it. */
const PAD = 4;
const BADGE_WIDTH = BADGE_QR_POINTS + 2 * PAD;
const BADGE_TEXT = 34;
const BADGE_HEIGHT = PAD + BADGE_QR_POINTS + BADGE_TEXT + PAD;

/** The slip: name, store, the PIN and the pass; two across on both papers, wide enough for a 48-character pass. */
const SLIP_PAD = 10;
const SLIP_WIDTH = 230;
const SLIP_HEIGHT = 124;

const BADGE_FOOTER = 'Cut along the marks. Scan it in Teams or Managed Home Screen: Sign in with QR code.';
const SLIP_FOOTER = 'Give each slip to its worker apart from their badge.';

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}

interface Grid {
  perPage: number;
  /** The bottom-left corner of the cell in the given slot of a page. */
  at(slot: number): { x: number; y: number };
}

/** As many cells as fit inside the margins with their cut marks, the grid centred across, hung from the header. */
function grid([pageWidth, pageHeight]: readonly [number, number], width: number, height: number): Grid {
  const across = pageWidth - 2 * (MARGIN + MARK_REACH);
  const down = pageHeight - 2 * (MARGIN + MARK_REACH) - HEADER - FOOTER;
  const columns = Math.max(1, Math.floor((across + GUTTER) / (width + GUTTER)));
  const rows = Math.max(1, Math.floor((down + GUTTER) / (height + GUTTER)));
  const gapX = columns > 1 ? Math.min(MAX_GUTTER, (across - columns * width) / (columns - 1)) : 0;
  const gapY = rows > 1 ? Math.min(MAX_GUTTER, (down - rows * height) / (rows - 1)) : 0;
  const left = (pageWidth - columns * width - (columns - 1) * gapX) / 2;
  const top = pageHeight - MARGIN - HEADER - MARK_REACH;
  return {
    perPage: columns * rows,
    at: (slot) => ({
      x: left + (slot % columns) * (width + gapX),
      y: top - Math.floor(slot / columns) * (height + gapY) - height,
    }),
  };
}

/** One line of untrusted text: control characters as spaces (a newline would start a line over the next one). */
function oneLine(font: PDFFont, text: string): string {
  return printable(font, text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' '));
}

/**
 * A name or store at its size, or a little smaller, and if it is still too wide cut short with "…": a 300-character
 * display name must not run into the next badge.
 */
function fitted(font: PDFFont, text: string, size: number, maxWidth: number): { text: string; size: number } {
  const line = oneLine(font, text);
  const width = font.widthOfTextAtSize(line, size);
  if (width <= maxWidth) return { text: line, size };
  const smaller = Math.max(size * 0.85, (size * maxWidth) / width);
  if (font.widthOfTextAtSize(line, smaller) <= maxWidth) return { text: line, size: smaller };
  // The longest prefix that fits with the "…" (printable left one UTF-16 unit per character).
  let [low, high] = [0, line.length];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (font.widthOfTextAtSize(`${line.slice(0, middle).trimEnd()}…`, smaller) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return { text: `${line.slice(0, low).trimEnd()}…`, size: smaller };
}

/** A PIN or pass is never cut short (it would be useless): it shrinks to fit instead. */
function shrunk(font: PDFFont, text: string, size: number, maxWidth: number): { text: string; size: number } {
  const line = oneLine(font, text);
  const width = font.widthOfTextAtSize(line, size);
  return { text: line, size: width > maxWidth ? (size * maxWidth) / width : size };
}

function write(page: PDFPage, font: PDFFont, line: { text: string; size: number }, x: number, y: number): void {
  page.drawText(line.text, { x, y, size: line.size, font });
}

/** The title on the left and "page N of M" on the right, above the grid; the instructions below it. */
function frame(page: PDFPage, fonts: Fonts, title: string, label: string, footer?: string): void {
  const { width, height } = page.getSize();
  const labelWidth = fonts.regular.widthOfTextAtSize(label, 8);
  const baseline = height - MARGIN - 8;
  write(page, fonts.regular, fitted(fonts.regular, title, 8, width - 2 * MARGIN - labelWidth - 12), MARGIN, baseline);
  write(page, fonts.regular, { text: label, size: 8 }, width - MARGIN - labelWidth, baseline);
  if (footer) write(page, fonts.regular, fitted(fonts.regular, footer, 8, width - 2 * MARGIN), MARGIN, MARGIN + 2);
}

/** The QR code at exactly 2 inches, then the name, store and expiry under it, all inside the cell's cut marks. */
async function drawBadge(
  pdf: PDFDocument,
  page: PDFPage,
  fonts: Fonts,
  badge: SheetBadge,
  x: number,
  y: number,
): Promise<void> {
  cutMarks(page, x, y, BADGE_WIDTH, BADGE_HEIGHT);
  const qrBottom = y + BADGE_HEIGHT - PAD - BADGE_QR_POINTS;
  page.drawImage(await pdf.embedPng(badge.qrPng), {
    x: x + PAD,
    y: qrBottom,
    width: BADGE_QR_POINTS,
    height: BADGE_QR_POINTS,
  });
  const lines: Array<[PDFFont, number, string]> = [
    [fonts.bold, 9, badge.worker],
    ...(badge.store ? ([[fonts.regular, 8, badge.store]] as Array<[PDFFont, number, string]>) : []),
    [fonts.regular, 7, badge.validity],
  ];
  let baseline = qrBottom - 11;
  for (const [font, size, text] of lines) {
    write(page, font, fitted(font, text, size, BADGE_QR_POINTS), x + PAD, baseline);
    baseline -= size + 1.5;
  }
}

/** Who it is for, the PIN large in Courier (monospaced, each character apart) and the pass, inside cut marks. */
function drawSlip(page: PDFPage, fonts: Fonts, badge: SheetBadge, x: number, y: number): void {
  cutMarks(page, x, y, SLIP_WIDTH, SLIP_HEIGHT);
  const width = SLIP_WIDTH - 2 * SLIP_PAD;
  let baseline = y + SLIP_HEIGHT - SLIP_PAD - 9;
  const next = (font: PDFFont, line: { text: string; size: number }, lead: number) => {
    write(page, font, line, x + SLIP_PAD, baseline);
    baseline -= lead;
  };
  next(fonts.bold, fitted(fonts.bold, badge.worker, 11, width), 13);
  if (badge.store) next(fonts.regular, fitted(fonts.regular, badge.store, 9, width), 16);
  else baseline -= 3;
  if (badge.pin) {
    next(fonts.regular, { text: 'Temporary PIN', size: 8 }, 20);
    next(fonts.mono, shrunk(fonts.mono, badge.pin, 22, width), 12);
    next(fonts.regular, fitted(fonts.regular, 'Temporary: they must change it at their first sign-in.', 8, width), 16);
  }
  if (badge.pass) {
    next(fonts.regular, fitted(fonts.regular, 'Temporary Access Pass, for their first sign-in:', 8, width), 16);
    next(fonts.mono, shrunk(fonts.mono, badge.pass, 14, width), 14);
  }
}

export async function badgeSheetPdf(
  badges: readonly SheetBadge[],
  options: { paper: Paper; title: string },
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(options.title);
  pdf.setProducer('phonedesk');
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    mono: await pdf.embedFont(StandardFonts.CourierBold),
  };
  const size = PAPER[options.paper];
  const badgeGrid = grid(size, BADGE_WIDTH, BADGE_HEIGHT);
  const slipGrid = grid(size, SLIP_WIDTH, SLIP_HEIGHT);
  const slips = badges.filter((badge) => badge.pin || badge.pass);
  const badgePages = Math.max(1, Math.ceil(badges.length / badgeGrid.perPage));
  const pages = badgePages + Math.ceil(slips.length / slipGrid.perPage);

  if (badges.length === 0) {
    const page = pdf.addPage([...size]);
    frame(page, fonts, options.title, 'page 1 of 1');
    write(page, fonts.bold, { text: 'No badges.', size: 14 }, MARGIN, size[1] - MARGIN - HEADER - 20);
  }
  for (let first = 0; first < badges.length; first += badgeGrid.perPage) {
    const page = pdf.addPage([...size]);
    frame(page, fonts, options.title, `page ${first / badgeGrid.perPage + 1} of ${pages}`, BADGE_FOOTER);
    for (const [slot, badge] of badges.slice(first, first + badgeGrid.perPage).entries()) {
      const { x, y } = badgeGrid.at(slot);
      await drawBadge(pdf, page, fonts, badge, x, y);
    }
  }
  for (let first = 0; first < slips.length; first += slipGrid.perPage) {
    const page = pdf.addPage([...size]);
    const number = badgePages + first / slipGrid.perPage + 1;
    frame(page, fonts, options.title, `PIN slips · page ${number} of ${pages}`, SLIP_FOOTER);
    for (const [slot, badge] of slips.slice(first, first + slipGrid.perPage).entries()) {
      const { x, y } = slipGrid.at(slot);
      drawSlip(page, fonts, badge, x, y);
    }
  }
  return pdf.save();
}
