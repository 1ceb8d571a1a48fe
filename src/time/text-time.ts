// Times in text messages, in the reader's own zone. Teams sends it as the activity's localTimezone (an IANA
// name such as "Europe/London"); it is untrusted input, so a missing or unknown zone falls back to UTC, and then
// the text says "UTC" so that nobody reads it as their own time.

/** Words for a time: "1 Dec 2026, 10:00". */
export type TimeWords = (iso: string) => string;

function formatter(timeZone: string): Intl.DateTimeFormat | undefined {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  } catch {
    // RangeError: not a zone this runtime knows.
    return undefined;
  }
}

/** The formatter for a reader in `timeZone` (untrusted: anything not a known IANA zone means UTC, said as such). */
export function textTimeWords(timeZone: unknown): TimeWords {
  const local =
    typeof timeZone === 'string' && timeZone.length > 0 && timeZone.length <= 64 ? formatter(timeZone) : undefined;
  const format = local ?? formatter('UTC');
  const suffix = local ? '' : ' UTC';
  return (iso) => {
    const time = Date.parse(iso);
    return Number.isFinite(time) && format ? `${format.format(time)}${suffix}` : 'an unknown time';
  };
}

/** For text with no reader to ask (logs, tests, callers without an activity). */
export const UTC_TIME_WORDS: TimeWords = textTimeWords(undefined);
