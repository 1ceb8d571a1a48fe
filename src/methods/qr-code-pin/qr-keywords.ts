// The words that ask for a QR badge change, matched against the parser's keyword text (methods/change-ask.ts,
// AskWords). Every pattern is linear: bounded gaps, never two unbounded wildcards.

/** "badge", "QR code", "QR", "QR badge", "QR card". */
const BADGE = '(?:qr\\s+(?:code|badge|card)s?|qr|badges?)';

/** A badge mentioned at all: a change that names one is the badge's, not the phone's. */
export const MENTIONS_BADGE = [new RegExp(`\\b${BADGE}\\b`)];

/** "Jane lost her badge", "badge stolen", "can't find her QR code". */
export const LOST_BADGE = [
  new RegExp(`\\b(?:lost|lose|loses|losing|misplaced|missing|dropped)\\s+(?:\\S+\\s+){0,2}?${BADGE}\\b`),
  new RegExp(`\\b${BADGE}\\s+(?:\\S+\\s+){0,3}?(?:lost|stolen|missing|nicked|taken|gone|misplaced)\\b`),
  new RegExp(`\\b(?:stolen|stole|robbed|nicked)\\s+(?:\\S+\\s+){0,2}?${BADGE}\\b`),
  new RegExp(`\\bcan'?t\\s+find\\s+(?:\\S+\\s+)?${BADGE}\\b`),
];

/** "extend Jane's badge", "renew the QR code for Ali", "badge expiring, keep it going". */
export const EXTEND_BADGE = [
  new RegExp(`\\b(?:extend|extends|extending|renew|renews|renewing|prolong)\\s+(?:\\S+\\s+){0,3}?${BADGE}\\b`),
  new RegExp(`\\b${BADGE}\\s+(?:\\S+\\s+){0,2}?(?:extended|extension|renewed|renewal)\\b`),
];

/** "remove Jane's QR code", "delete the badge", "take Ali off QR codes". */
export const REMOVE_BADGE = [
  new RegExp(`\\b(?:remove|delete|deactivate|erase|unregister|offboard)\\s+(?:\\S+\\s+){0,3}?${BADGE}\\b`),
  new RegExp(`\\b(?:take|turn|switch)\\s+(?:\\S+\\s+){0,3}?off\\s+(?:\\S+\\s+){0,2}?${BADGE}\\b`),
];
