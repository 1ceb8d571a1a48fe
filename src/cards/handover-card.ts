// The card that hands a one-time secret to the requester in their 1:1 chat: the QR code (PNG), the worker, store
// and expiry, the temporary PIN or pass. Only this card shows a secret; it is replaced by handoverDoneCard when the
// requester marks it handed over, or after a day.
import type { Handover } from '../methods/handover';
import {
  adaptiveCard,
  executeAction,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type TextBlock,
} from './adaptive-card';
import { cardDateTime } from './card-time';

/** `print` is only on cards posted before the PDF link went onto the card itself; they are answered plainly. */
export const HANDOVER_VERBS = { done: 'handover.done', print: 'handover.print' } as const;

export interface HandoverView {
  requestId: string;
  worker: string;
  store?: string;
  handover: Handover;
  /** The QR code drawn as a PNG data URI (qr-png.ts), when the handover has a code. */
  qrPng?: string;
  /** "Print badge": the badge PDF's one-time link (bot/badge-prints.ts). */
  printUrl?: string;
}

/** What was handed over, for both cards: "Jane Doe's badge". */
export function handoverWhat(worker: string, handover: Handover): string {
  if (handover.code?.temporary) return `The temporary code for ${worker}`;
  if (handover.code) return `${worker}'s badge`;
  if (handover.pass) return `The Temporary Access Pass for ${worker}`;
  return `${worker}'s new PIN`;
}

const line = (text: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

export function buildHandoverCard(view: HandoverView): AdaptiveCard {
  const { handover, worker } = view;
  const body: CardElement[] = [
    line(handoverWhat(worker, handover), { weight: 'Bolder', size: 'Medium' }),
    line(
      `For you alone: give it to ${worker} in person. phonedesk keeps no copy; this card is cleared when you mark it handed over, or after a day.`,
      { color: 'Warning' },
    ),
  ];
  if (view.store) body.push(line(`Store: ${view.store}`, { spacing: 'Small' }));
  if (handover.code && view.qrPng) {
    body.push({
      type: 'Image',
      url: view.qrPng,
      altText: `QR code for ${worker}`,
      width: '240px',
      horizontalAlignment: 'Center',
    });
    body.push(
      line(
        handover.code.temporary
          ? `Works with ${worker}'s own PIN until ${cardDateTime(handover.code.expireDateTime)}.`
          : `Works until ${cardDateTime(handover.code.expireDateTime)}.`,
      ),
    );
  }
  if (handover.pin) {
    body.push(line(`Temporary PIN: ${handover.pin.reveal()}`, { fontType: 'Monospace', weight: 'Bolder' }));
    body.push(line('They choose their own PIN the first time they sign in with it.', { isSubtle: true }));
  }
  if (handover.pass) {
    body.push(
      line(`Temporary Access Pass: ${handover.pass.pass.reveal()}`, { fontType: 'Monospace', weight: 'Bolder' }),
    );
    body.push(
      line(
        `For the first sign-in, until ${cardDateTime(handover.pass.expireDateTime)}${handover.pass.usableOnce ? ', once' : ''}: their username, then this pass.`,
        { isSubtle: true },
      ),
    );
  }
  const data = { requestId: view.requestId };
  const actions: CardAction[] = [];
  if (view.printUrl) {
    body.push(line('The badge PDF opens once, within 15 minutes of the badge being made.', { isSubtle: true }));
    actions.push({ type: 'Action.OpenUrl', title: 'Print badge', url: view.printUrl });
  }
  actions.push(executeAction('Mark handed over', HANDOVER_VERBS.done, data, 'positive'));
  return adaptiveCard(body, { actions });
}

/** The card that replaces it: what was handed over, and that the secret is no longer shown. */
export function buildHandoverDoneCard(what: string, reason: 'handed-over' | 'a-day-passed'): AdaptiveCard {
  return adaptiveCard([
    line(reason === 'handed-over' ? `${what}: handed over` : `${what}: cleared`, { weight: 'Bolder' }),
    line(
      `${reason === 'handed-over' ? 'Marked handed over' : 'A day has passed'}, so it is no longer shown here, and phonedesk kept no copy. If it is lost, ask for a new one.`,
    ),
  ]);
}
