// A badge sheet PDF read back: each badge's scanned content with the worker's slip (PIN, and a Temporary Access Pass
// for someone who never signed in), found by the worker's name as the sheet prints it.
import type { readPdf } from './badge-pdf-reader';

type Pdf = Awaited<ReturnType<typeof readPdf>>;

export interface SheetBadge {
  alias: string;
  name: string;
  content: string;
  pin: string | undefined;
  pass: string | undefined;
}

export function sheetBadges(pdf: Pdf): SheetBadge[] {
  const scanned = pdf.pages.flatMap((page) => page.images.map((image) => image.scanned ?? ''));
  const slipPages = pdf.pages.filter((page) => page.images.length === 0);
  // A slip is found by its worker's name; the badge pages name workers too, so only slip pages are read.
  const slipOf = (name: string): string =>
    slipPages
      .map((page) => page.text.slice(page.text.indexOf(name)))
      .find((_, i) => slipPages[i]!.text.includes(name)) ?? '';
  return scanned.map((content) => {
    const alias = content.split('|')[1]?.split('@')[0] ?? '';
    const name = alias
      .split('.')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join(' ');
    // A slip's lines: name, store, "Temporary PIN", the PIN, its note, then a pass's label and the pass.
    const lines = slipOf(name).split('\n');
    const pass = lines[5]?.startsWith('Temporary Access Pass') ? lines[6] : undefined;
    return { alias, name, content, pin: lines[3], pass };
  });
}
