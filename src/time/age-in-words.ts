// How long ago something happened, in words that need no time zone: findings are shown on cards and in chat
// to people in any zone, and stored in request reasons.
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** "less than an hour ago", "1 hour ago", "5 hours ago", "1 day ago", "3 days ago". */
export function ageInWords(iso: string, now: Date): string {
  const ageMs = Math.max(0, now.getTime() - Date.parse(iso));
  if (ageMs < HOUR_MS) return 'less than an hour ago';
  if (ageMs < DAY_MS) {
    const hours = Math.floor(ageMs / HOUR_MS);
    return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
  }
  const days = Math.floor(ageMs / DAY_MS);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}
