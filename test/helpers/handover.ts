// Reading a one-time secret's delivery card as the requester's phone would: the QR image scanned (PNG decoded and
// read with jsqr), the PIN and pass read off the card's text.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { CapturedCall } from './capture-server';

export interface DeliveredSecret {
  /** The delivery card's JSON, as posted. */
  card: Record<string, unknown>;
  requestId: string;
  /** What the QR image reads when scanned; undefined when the card has no image. */
  scanned?: string;
  pin?: string;
  pass?: string;
  /** The "Print badge" one-time link, on a card with a QR code. */
  printUrl?: string;
}

interface CardNode {
  type?: string;
  url?: string;
  text?: string;
  verb?: string;
  data?: Record<string, unknown>;
  [key: string]: unknown;
}

function nodes(value: unknown): CardNode[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (value === null || typeof value !== 'object') return [];
  return [value as CardNode, ...Object.values(value).flatMap(nodes)];
}

/** Scans a PNG data URI like a phone camera: the text its QR symbol encodes. */
export function scanPng(dataUri: string): string | undefined {
  const match = /^data:image\/png;base64,(.+)$/.exec(dataUri);
  if (!match) return undefined;
  const png = PNG.sync.read(Buffer.from(match[1]!, 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** The delivery cards ("Mark handed over") among the captured calls, in order. */
export function deliveredSecrets(calls: readonly CapturedCall[]): DeliveredSecret[] {
  const found: DeliveredSecret[] = [];
  for (const call of calls) {
    if (call.method !== 'POST') continue;
    for (const attachment of call.activity.attachments ?? []) {
      const all = nodes(attachment.content);
      const done = all.find((node) => node.verb === 'handover.done');
      if (!done) continue;
      const image = all.find((node) => node.type === 'Image');
      const text = all.map((node) => node.text ?? '').join('\n');
      const pin = /Temporary PIN: (\d+)/.exec(text)?.[1];
      const pass = /Temporary Access Pass: (\S+)/.exec(text)?.[1];
      const print = all.find((node) => node.type === 'Action.OpenUrl' && node.title === 'Print badge');
      found.push({
        card: attachment.content as Record<string, unknown>,
        requestId: String(done.data?.requestId),
        ...(image?.url && { scanned: scanPng(image.url) }),
        ...(pin && { pin }),
        ...(pass && { pass }),
        ...(print?.url && { printUrl: print.url }),
      });
    }
  }
  return found;
}
