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

/** "give Jane a QR code", "issue a new badge for Ali", "Jane needs a badge", "set Bob up with a QR badge". */
export const ISSUE_BADGE = [
  new RegExp(
    `\\b(?:give|issue|make|create|print|generate|get|send|hand|add|assign|register|enrol|enroll)\\s+(?:\\S+\\s+){0,4}?${BADGE}\\b`,
  ),
  new RegExp(`\\bset\\s+(?:\\S+\\s+){0,3}?up\\s+(?:with|for|on)\\s+(?:a\\s+|an\\s+)?${BADGE}\\b`),
  new RegExp(`\\bnew\\s+${BADGE}\\b`),
  new RegExp(`\\bneeds?\\s+(?:a\\s+|an\\s+)?(?:new\\s+)?${BADGE}\\b`),
  new RegExp(`^${BADGE}\\s+for\\b`),
];

/** "temporary code for Jane", "temp QR code", "Jane forgot her badge", "left his badge at home". */
export const TEMPORARY_CODE = [
  new RegExp(`\\b(?:temporary|temp|day)\\s+(?:qr\\s+)?(?:codes?|badges?|qr)\\b`),
  new RegExp(`\\b(?:forgot|forgotten|forget|forgets|left)\\s+(?:\\S+\\s+){0,2}?${BADGE}\\b`),
  new RegExp(`\\b${BADGE}\\s+(?:\\S+\\s+){0,2}?(?:at\\s+home|forgotten)\\b`),
];

/** "reset Jane's PIN", "new PIN for Ali", "Bob forgot his PIN", "PIN locked". */
export const RESET_PIN = [
  /\b(?:reset|resets|new|change|unlock|unblock)\s+(?:\S+\s+){0,3}?pins?\b/,
  /\bpins?\s+(?:\S+\s+){0,2}?(?:reset|forgotten|locked|blocked)\b/,
  /\b(?:forgot|forgotten|forget|forgets)\s+(?:\S+\s+){0,2}?pins?\b/,
];

/** "new starter Peter Clark", "Peter's first day", "onboard Jane": a badge with its first sign-in, when no number is given. */
export const NEW_STARTER = [/\bnew\s+(?:starter|joiner|hire)s?\b/, /\bfirst\s+day\b/, /\bonboard(?:ing)?\b/];

/** "move Jane to QR codes", "switch Bob to a badge", "Ali should use a badge instead of SMS". */
export const MOVE_TO_BADGE = [
  new RegExp(
    `\\b(?:move|moving|switch|switching|migrate|migrating|change|convert)\\s+(?:\\S+\\s+){0,4}?(?:to|onto)\\s+(?:a\\s+|an\\s+)?${BADGE}\\b`,
  ),
  new RegExp(`\\b${BADGE}\\s+instead\\s+of\\s+(?:sms|text|texts|phone)\\b`),
];
