// A real QR symbol for a badge: the SVG Graph returns as `image.binaryValue` (base64), encoding `rawContent` (the
// docs' example decodes to an SVG document; docs/graph-facts.md §17.2). One square per dark module, 4 modules quiet.
import QRCode from 'qrcode';

const QUIET = 4;

export function qrSvg(text: string): string {
  const symbol = QRCode.create(text, { errorCorrectionLevel: 'L' });
  const size = symbol.modules.size;
  const squares: string[] = [];
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      if (symbol.modules.get(row, column)) squares.push(`M${column + QUIET} ${row + QUIET}h1v1h-1z`);
    }
  }
  const side = size + 2 * QUIET;
  return (
    `<svg version="1.1" baseProfile="full" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" ` +
    `width="${side * 4}" height="${side * 4}"><rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path fill="#000" d="${squares.join('')}"/></svg>`
  );
}
