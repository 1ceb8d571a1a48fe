// How a store manager asks for a QR badge change: "Jane lost her badge", "extend Jane's badge", "remove Ali's QR
// code". A change that names a badge is the badge's, so each is tried just before its phone counterpart.
import { mentions, type ChangeAsk } from '../change-ask';
import { isActive } from './qr-findings';
import { EXTEND_BADGE, LOST_BADGE, REMOVE_BADGE } from './qr-keywords';
import type { QrAskIntent } from './qr-types';

const LOST_BADGE_ASK: ChangeAsk<'lost-badge'> = {
  intent: 'lost-badge',
  dialogId: 'lostBadge',
  // Before the lost phone (10): "badge stolen" is no SIM swap.
  precedence: 5,
  asked: (words) => mentions(words.request, LOST_BADGE),
  askedInReason: (words) => mentions(words.why, LOST_BADGE),
  needsNumber: false,
  change: { kind: 'revoke-badge' },
  makes: ['revoke-badge'],
  urgent: true,
  defaultReason: (said) => said.reason ?? 'lost or stolen badge',
  confirmGuess: true,
  suggestion: { title: 'Lost or stolen badge', words: ['badge', 'badges', 'qr', 'stolen', 'lost', 'missing'] },
  help: { title: 'Lost or stolen badge', example: 'Jane lost her badge' },
};

const EXTEND_BADGE_ASK: ChangeAsk<'extend-badge'> = {
  intent: 'extend-badge',
  dialogId: 'extendBadge',
  precedence: 15,
  asked: (words) => !words.question && mentions(words.request, EXTEND_BADGE),
  needsNumber: false,
  change: (worker) => {
    const code = worker.qrCodePin?.standardQRCode;
    if (!isActive(code, new Date(worker.readAt)))
      return { refused: `${worker.user.displayName} has no working badge to extend. Ask for a new badge instead.` };
    return {
      kind: 'extend-badge',
      codeId: code.id,
      lifetimeDays: worker.qrPolicy?.standardQRCodeLifetimeInDays ?? 365,
    };
  },
  makes: ['extend-badge'],
  urgent: false,
  suggestion: { title: 'Extend a badge', words: ['extend', 'renew', 'expiring', 'expires', 'badge', 'qr'] },
  help: { title: 'Extend a badge', example: "extend Jane Doe's badge" },
};

const REMOVE_BADGE_ASK: ChangeAsk<'remove-badge'> = {
  intent: 'remove-badge',
  dialogId: 'removeBadge',
  // Before removing the number (30): "remove Ali's QR code" keeps his phone.
  precedence: 25,
  asked: (words) => !words.question && mentions(words.request, REMOVE_BADGE),
  needsNumber: false,
  change: { kind: 'remove-qr-method' },
  makes: ['remove-qr-method'],
  urgent: false,
  suggestion: { title: 'Remove a QR badge', words: ['remove', 'delete', 'badge', 'qr'] },
};

export const QR_ASKS: ReadonlyArray<ChangeAsk<QrAskIntent>> = [LOST_BADGE_ASK, EXTEND_BADGE_ASK, REMOVE_BADGE_ASK];
