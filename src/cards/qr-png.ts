// A QR code's symbol as a PNG data URI, drawn from the content Graph issued (docs/graph-facts.md §17.2): Teams shows
// PNG images in cards; whether it shows Graph's own SVG is unverified.
import QRCode from 'qrcode';
import type { Secret } from '../secret/secret';

/** 360 px with a 4-module quiet zone: readable on a phone screen and when printed at 2 inches. */
const WIDTH_PX = 360;

/** The text the symbol encodes (`ms-qrpin:v1|…`); Graph's rawContent is its base64. */
export function qrText(rawContent: Secret): string {
  return Buffer.from(rawContent.reveal(), 'base64').toString('utf8');
}

export async function qrPngDataUri(rawContent: Secret): Promise<string> {
  return QRCode.toDataURL(qrText(rawContent), {
    type: 'image/png',
    errorCorrectionLevel: 'M',
    margin: 4,
    width: WIDTH_PX,
  });
}

/** The same symbol as PNG bytes, for the printable badge (a 2-inch square at 180 dpi). */
export async function qrPngBytes(rawContent: Secret): Promise<Uint8Array> {
  return QRCode.toBuffer(qrText(rawContent), { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: WIDTH_PX });
}
