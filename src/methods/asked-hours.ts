// How long a change is asked to last, in hours, from the parser's keyword text (methods/change-ask.ts, AskWords):
// a temporary code, a Temporary Access Pass.

/** "for 4 hours", "4h", "6 hrs": how long a change that lasts hours is asked for. */
const HOURS = /\b(\d{1,3})\s*(?:h|hr|hrs|hour|hours)\b/;
/** "for 2 days": longer than any temporary code. */
const DAYS = /\b(\d{1,3})\s*days?\b/;

/** The hours asked for, when said: days are given in hours (and refused by the ask as too long). */
export function hoursAsked(text: string): number | undefined {
  const hours = HOURS.exec(text);
  if (hours) return Number(hours[1]);
  const days = DAYS.exec(text);
  return days ? Number(days[1]) * 24 : undefined;
}
