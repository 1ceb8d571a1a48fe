// The printable badge: on the first page a 2" × 2" QR code (the size Microsoft's own tools print) with the worker's
// name, store and expiry inside cut marks; the PIN on a slip of its own on the second page, so the two can be handed
// over apart. Made in memory for the requester's one-time link (bot/badge-prints.ts), never written anywhere.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** Points per inch: the badge's QR code is 2 inches square. */
const INCH = 72;
export const BADGE_QR_POINTS = 2 * INCH;
const A4: [number, number] = [595.28, 841.89];
const MARK = 12;

export interface PrintableBadge {
  worker: string;
  store?: string;
  /** The QR code as PNG bytes. */
  qrPng: Uint8Array;
  /** e.g. "Works until 2 Dec 2027" or "Temporary code, works until 2 Dec 2026, 18:00". */
  validity: string;
  /** The temporary PIN, for its own slip; none for a temporary code (the worker's own PIN). */
  pin?: string;
}

/** The standard fonts cover Windows-1252 only: anything else prints as "?" rather than failing the whole PDF. */
export function printable(font: PDFFont, text: string): string {
  return [...text]
    .map((char) => {
      try {
        font.encodeText(char);
        return char;
      } catch {
        return '?';
      }
    })
    .join('');
}

export function cutMarks(page: PDFPage, x: number, y: number, width: number, height: number): void {
  const line = (from: [number, number], to: [number, number]) =>
    page.drawLine({
      start: { x: from[0], y: from[1] },
      end: { x: to[0], y: to[1] },
      thickness: 0.5,
      color: rgb(0, 0, 0),
    });
  for (const [cx, cy, dx, dy] of [
    [x, y, -1, -1],
    [x + width, y, 1, -1],
    [x, y + height, -1, 1],
    [x + width, y + height, 1, 1],
  ] as const) {
    line([cx + dx * 3, cy], [cx + dx * (3 + MARK), cy]);
    line([cx, cy + dy * 3], [cx, cy + dy * (3 + MARK)]);
  }
}

export async function badgePdf(badge: PrintableBadge): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Badge for ${badge.worker}`);
  pdf.setProducer('phonedesk');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const qr = await pdf.embedPng(badge.qrPng);

  const page = pdf.addPage(A4);
  const [pageWidth, pageHeight] = A4;
  const cardWidth = BADGE_QR_POINTS + 36;
  const cardHeight = BADGE_QR_POINTS + 78;
  const x = (pageWidth - cardWidth) / 2;
  const y = pageHeight - INCH - cardHeight;
  cutMarks(page, x, y, cardWidth, cardHeight);
  page.drawImage(qr, {
    x: x + 18,
    y: y + cardHeight - 18 - BADGE_QR_POINTS,
    width: BADGE_QR_POINTS,
    height: BADGE_QR_POINTS,
  });
  const lines: Array<[PDFFont, number, string]> = [
    [bold, 11, badge.worker],
    ...(badge.store ? ([[font, 9, badge.store]] as Array<[PDFFont, number, string]>) : []),
    [font, 8, badge.validity],
  ];
  let baseline = y + cardHeight - 30 - BADGE_QR_POINTS;
  for (const [face, size, text] of lines) {
    page.drawText(printable(face, text), { x: x + 18, y: baseline, size, font: face, maxWidth: cardWidth - 36 });
    baseline -= size + 5;
  }
  page.drawText(
    printable(font, 'Cut along the marks. Scan it in Teams or Managed Home Screen: Sign in with QR code.'),
    {
      x: INCH,
      y: INCH,
      size: 8,
      font,
    },
  );

  if (badge.pin) {
    const slip = pdf.addPage(A4);
    const top = pageHeight - INCH;
    slip.drawText(printable(bold, `PIN for ${badge.worker}`), { x: INCH, y: top - 14, size: 14, font: bold });
    slip.drawText(badge.pin, { x: INCH, y: top - 44, size: 22, font: bold });
    slip.drawText(
      printable(
        font,
        'Give this slip separately from the badge. They choose their own PIN the first time they sign in.',
      ),
      { x: INCH, y: top - 66, size: 9, font },
    );
    cutMarks(slip, INCH - 10, top - 78, pageWidth - 2 * INCH + 20, 88);
  }
  return pdf.save();
}
