// How long until something happens, in words that need no time zone (the twin of age-in-words.ts).
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** "in less than an hour", "in 1 hour", "in 6 hours", "in 1 day", "in 10 days"; to the nearest hour or day. */
export function timeLeftInWords(iso: string, now: Date): string {
  const leftMs = Math.max(0, Date.parse(iso) - now.getTime());
  if (leftMs < HOUR_MS) return 'in less than an hour';
  if (leftMs < DAY_MS) {
    const hours = Math.round(leftMs / HOUR_MS);
    return `in ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  }
  const days = Math.round(leftMs / DAY_MS);
  return `in ${days} ${days === 1 ? 'day' : 'days'}`;
}
