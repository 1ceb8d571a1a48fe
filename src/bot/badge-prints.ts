// "Print badge": the badge PDF at a one-time link. The secrets it needs stay in this process's memory for 15 minutes
// after the badge is made, never on disk. The link is minted for the requester alone (the click is checked against
// the request), signed, valid until those 15 minutes end, and answers once: afterwards, or tampered with, it is 404.
import type { Person } from '../audit/audit-context';
import { badgePdf } from '../cards/badge-pdf';
import type { HandoverView } from '../cards/handover-card';
import { qrPngBytes } from '../cards/qr-png';
import { rfc3339 } from '../time/rfc3339';
import { UTC_TIME_WORDS } from '../time/text-time';
import { OneTimeLinks, type LinkedFile } from './one-time-links';

/** How long after a badge is made it can be printed from phonedesk. */
export const PRINT_WINDOW_MS = 15 * 60_000;
/** The path the links are served under (server/http-server.ts). */
export const BADGE_PATH = '/badges';

interface Held {
  requesterId: string;
  requesterName: string;
  view: HandoverView;
  until: number;
}

export type PrintLink = { ok: true; view: HandoverView } | { ok: false; message: string };

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export class BadgePrints {
  readonly path = BADGE_PATH;
  private readonly held = new Map<string, Held>();
  private readonly links: OneTimeLinks;

  constructor(private readonly now: () => number = Date.now) {
    this.links = new OneTimeLinks(BADGE_PATH, now);
  }

  /** Where phonedesk is reached from the requester's browser (PUBLIC_URL, or the address it listens on). */
  serveAt(baseUrl: string): void {
    this.links.serveAt(baseUrl);
  }

  /** Keeps a delivered badge printable for PRINT_WINDOW_MS. */
  hold(requestId: string, requester: Person, view: HandoverView): void {
    this.sweep();
    this.held.set(requestId, {
      requesterId: requester.aadObjectId,
      requesterName: requester.name,
      view,
      until: this.now() + PRINT_WINDOW_MS,
    });
  }

  /** Drops what a request's badge needed for printing (handed over, or cleared). */
  forget(requestId: string): void {
    this.held.delete(requestId);
    this.links.withdraw(requestId);
  }

  /** The one-time link for the person who clicked "Print badge", on the card as it stands; or why not. */
  link(requestId: string, actor: Person | undefined): PrintLink {
    this.sweep();
    const held = this.held.get(requestId);
    if (!held)
      return {
        ok: false,
        message:
          'The badge can no longer be printed from phonedesk: that is possible for 15 minutes after it is made. Print this card from Teams, or ask for a new badge.',
      };
    if (!actor || !same(actor.aadObjectId, held.requesterId))
      return { ok: false, message: `Only ${held.requesterName}, who asked for it, can print this badge.` };
    const url = this.links.offer(requestId, held.requesterId, held.until, () => this.print(requestId));
    return { ok: true, view: { ...held.view, print: { url } } };
  }

  /** GET /badges/:token: the PDF once, within the window; undefined (404) for anything else. */
  take(token: string): Promise<LinkedFile | undefined> {
    this.sweep();
    return this.links.take(token);
  }

  private async print(requestId: string): Promise<LinkedFile | undefined> {
    const held = this.held.get(requestId);
    // Once: the links and the secrets they print from go now.
    this.forget(requestId);
    const code = held?.view.handover.code;
    if (!held || !code) return undefined;
    const expiry = UTC_TIME_WORDS(rfc3339(code.expireDateTime) ?? code.expireDateTime);
    const pdf = await badgePdf({
      worker: held.view.worker,
      ...(held.view.store && { store: held.view.store }),
      qrPng: await qrPngBytes(code.rawContent),
      validity: code.temporary ? `Temporary code, works until ${expiry}` : `Works until ${expiry}`,
      ...(held.view.handover.pin && { pin: held.view.handover.pin.reveal() }),
    });
    return { body: pdf, contentType: 'application/pdf', filename: 'badge.pdf' };
  }

  /** Past the window, secrets and links are dropped. */
  sweep(): void {
    const now = this.now();
    for (const [requestId, held] of this.held) if (held.until <= now) this.forget(requestId);
    this.links.sweep();
  }
}
