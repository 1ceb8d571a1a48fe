// Times on cards: the Adaptive Card DATE/TIME functions, so that each client shows the time in its viewer's own
// zone and locale. They only work inside a TextBlock's text (not in FactSet values), and only with an RFC 3339
// timestamp without milliseconds; anything else would be shown to the person as the raw "{{DATE(…)}}" string.
import { rfc3339 } from '../time/rfc3339';

/** A date and time for a TextBlock's text, e.g. "Tue, Dec 1, 2026 10:00 AM" in the viewer's zone. */
export function cardDateTime(iso: string): string {
  const stamp = rfc3339(iso);
  return stamp ? `{{DATE(${stamp}, SHORT)}} {{TIME(${stamp})}}` : 'an unknown time';
}
