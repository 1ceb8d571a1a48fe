// Times as Graph and Adaptive Cards want them: RFC 3339 in UTC, in whole seconds ("2026-12-01T10:00:00Z").

/** The time in whole seconds, or undefined when it is not a valid time. */
export function rfc3339(time: string | number | Date): string | undefined {
  const millis = time instanceof Date ? time.getTime() : typeof time === 'number' ? time : Date.parse(time);
  if (!Number.isFinite(millis)) return undefined;
  return new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
