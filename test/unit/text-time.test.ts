// Times in text messages: in the reader's zone from the activity's localTimezone, untrusted, with a plain fallback.
import { alreadyDecided } from '../../src/changes/change-service';
import type { ChangeRequest } from '../../src/changes/change-request';
import { textTimeWords } from '../../src/time/text-time';

const AT = '2026-12-01T10:00:00.000Z';

describe('text times', () => {
  it("are in the reader's own zone, without saying a zone", () => {
    expect(textTimeWords('Europe/London')(AT)).toBe('1 Dec 2026, 10:00');
    expect(textTimeWords('America/New_York')(AT)).toBe('1 Dec 2026, 05:00');
    expect(textTimeWords('Asia/Kolkata')(AT)).toBe('1 Dec 2026, 15:30');
  });

  it.each([undefined, '', 'Not/AZone', '../../etc/passwd', 42, { zone: 'Europe/London' }, 'x'.repeat(10_000)])(
    'fall back to UTC, said as such, for the zone %p',
    (zone) => {
      expect(textTimeWords(zone)(AT)).toBe('1 Dec 2026, 10:00 UTC');
    },
  );

  it('say "an unknown time" rather than "Invalid Date"', () => {
    expect(textTimeWords('Europe/London')('soon')).toBe('an unknown time');
  });

  it('are used when a request was already decided', () => {
    const request = {
      number: 5,
      status: 'approved',
      decidedBy: { aadObjectId: 'a', name: 'Hana Kim' },
      decidedAt: AT,
      requester: { aadObjectId: 'b', name: 'Priya Shah' },
    } as ChangeRequest;
    expect(alreadyDecided(request, textTimeWords('America/New_York'))).toBe(
      'Request 5 was already approved by Hana Kim on 1 Dec 2026, 05:00.',
    );
    expect(alreadyDecided(request)).toBe('Request 5 was already approved by Hana Kim on 1 Dec 2026, 10:00 UTC.');
  });
});
