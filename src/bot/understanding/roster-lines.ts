// A roster pasted into the chat: one worker a line, their name or email and a mobile number or "badge"
// ("Jane Doe, +44 7700 900123", "bob.smith@contoso.com badge"), under an optional first line such as "onboard:".
// Only the lines are read here; each is checked against the tenant later (jobs/roster-check.ts).
import { findPhoneNumber } from './extract-phone-number';

/** A longer roster is a file's job: the first lines are read, and the reply says how many were left. */
export const MAX_ROSTER_LINES = 200;
const HEADER =
  /^\s*(?:please\s+)?(?:onboard(?:ing)?|roster|new\s+starters?|starters|add\s+these|bulk(?:\s+add)?)\b[^\n]*:?\s*$/i;
const BADGE = /\b(?:a\s+)?(?:qr\s+)?(?:badge|qr\s+code|qr)\b/i;
const SEPARATORS = /^[\s,;:|\t–—-]+|[\s,;:|\t–—-]+$/g;

export interface RosterLine {
  /** 1-based, as the person sees the lines they pasted. */
  line: number;
  raw: string;
  /** Name, email or employee id as typed. */
  worker: string;
  /** The number as typed, when the line gives one. */
  number?: string;
  badge: boolean;
}

function lineOf(raw: string, line: number): RosterLine {
  const phone = findPhoneNumber(raw);
  let rest = phone ? `${raw.slice(0, phone.start)} ${raw.slice(phone.end)}` : raw;
  const badge = BADGE.test(rest);
  if (badge) rest = rest.replace(BADGE, ' ');
  const worker = rest.replace(SEPARATORS, '').replace(/\s+/g, ' ').trim();
  return { line, raw: raw.trim(), worker, ...(phone && { number: phone.text }), badge };
}

/** The roster's lines, or undefined when the message is not a roster. */
export function rosterOf(text: string): { lines: RosterLine[]; leftOver: number } | undefined {
  const all = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const headed = all.length > 0 && HEADER.test(all[0]!);
  const body = headed ? all.slice(1) : all;
  const lines = body.slice(0, MAX_ROSTER_LINES).map((raw, index) => lineOf(raw, index + 1));
  const saying = lines.filter((line) => line.number !== undefined || line.badge).length;
  // Without a header, a roster is several lines that each say how the worker signs in.
  if (!(headed ? lines.length >= 1 : lines.length >= 2 && saying >= 2)) return undefined;
  return { lines, leftOver: Math.max(0, body.length - MAX_ROSTER_LINES) };
}
