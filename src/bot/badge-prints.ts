// "Print badge": the badge PDF (2" QR code, PIN on its own slip) at a one-time link on the requester's delivery
// card. It is made when the badge is handed over, sealed under a key that is only in that link, and opens once,
// within 15 minutes, from any instance; marking the badge handed over withdraws it (docs/security.md).
import type { Person } from '../audit/audit-context';
import { badgePdf } from '../cards/badge-pdf';
import type { HandoverView } from '../cards/handover-card';
import { qrPngBytes } from '../cards/qr-png';
import { rfc3339 } from '../time/rfc3339';
import { UTC_TIME_WORDS } from '../time/text-time';
import type { OneTimeLinks } from './one-time-links';

/** How long after a badge is made it can be printed from phonedesk. */
export const PRINT_WINDOW_MS = 15 * 60_000;
/** The path the links are served under (server/http-server.ts). */
export const BADGE_PATH = '/badges';

export class BadgePrints {
  constructor(
    readonly links: OneTimeLinks,
    private readonly now: () => number = Date.now,
  ) {}

  /** The one-time link to the badge's PDF, for the requester's card; undefined when the handover has no QR code. */
  async mint(requestId: string, requester: Person, view: HandoverView): Promise<string | undefined> {
    const code = view.handover.code;
    if (!code) return undefined;
    const expiry = UTC_TIME_WORDS(rfc3339(code.expireDateTime) ?? code.expireDateTime);
    const pdf = await badgePdf({
      worker: view.worker,
      ...(view.store && { store: view.store }),
      qrPng: await qrPngBytes(code.rawContent),
      validity: code.temporary ? `Temporary code, works until ${expiry}` : `Works until ${expiry}`,
      ...(view.handover.pin && { pin: view.handover.pin.reveal() }),
    });
    return this.links.offer(requestId, requester.aadObjectId, this.now() + PRINT_WINDOW_MS, {
      body: pdf,
      contentType: 'application/pdf',
      filename: 'badge.pdf',
    });
  }

  /** Withdraws a request's badge PDF (handed over, or never delivered). */
  forget(requestId: string): Promise<void> {
    return this.links.withdraw(requestId);
  }
}
