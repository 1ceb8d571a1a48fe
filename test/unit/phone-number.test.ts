import fc from 'fast-check';
import { fromGraph, maskPhoneNumber, parsePhoneNumber, type PhoneParseResult } from '../../src/phone/phone-number';
import { parseGraphPhoneNumber } from '../../src/simulator/graph-phone-format';

function accepted(result: PhoneParseResult) {
  if (!result.ok) throw new Error(`expected the number to be accepted, got: ${result.message}`);
  return result.number;
}

describe('parsePhoneNumber: numbers as managers type them', () => {
  it.each([
    ['+44 7700 900123', undefined, '+44 7700900123'],
    ['07700 900123', 'GB', '+44 7700900123'],
    ['0044 7700 900123', 'GB', '+44 7700900123'],
    ['07700-900-123', 'GB', '+44 7700900123'],
    ['07700.900.123', 'GB', '+44 7700900123'],
    ['(425) 555-0100', 'US', '+1 4255550100'],
    ['+1-425-555-0100', undefined, '+1 4255550100'],
    ['+1 (425) 555 0100', 'GB', '+1 4255550100'],
    ['+49 170 1234567', 'GB', '+49 1701234567'],
    ['  +44 7911 123456  ', undefined, '+44 7911123456'],
  ] as const)('reads %s (region %s) as %s', (input, region, graph) => {
    const number = accepted(parsePhoneNumber(input, region));
    expect(number.graph).toBe(graph);
    expect(number.e164).toBe(graph.replace(' ', ''));
  });

  it('gives the masked form people see, keeping only the last four digits', () => {
    expect(maskPhoneNumber(accepted(parsePhoneNumber('07700 900123', 'GB')))).toBe('+44 •••• ••0123');
    expect(maskPhoneNumber(accepted(parsePhoneNumber('(425) 555-0100', 'US')))).toBe('+1 ••• ••• 0100');
  });

  it('flags the drama range it accepts, and nothing else', () => {
    expect(accepted(parsePhoneNumber('+44 7700 900123')).reservedForFiction).toBe(true);
    expect(accepted(parsePhoneNumber('+44 7911 123456')).reservedForFiction).toBe(false);
  });

  it.each([
    ['', undefined, 'empty', /Type the phone number/],
    ['call me', 'GB', 'not-digits', /only contain digits/],
    ['07700 90O123', 'GB', 'not-digits', /only contain digits/],
    ['12', 'GB', 'too-short', /too short/],
    ['07700 9001234567', 'GB', 'too-long', /too long/],
    ['07700 900123', undefined, 'needs-country-code', /country code/],
    ['+999 1234567', undefined, 'needs-country-code', /country code I know/],
    ['+44 161 496 0123', undefined, 'landline', /landline.*can't receive text messages/],
    ['+44 909 879 0879', undefined, 'premium-rate', /premium-rate/],
    ['+1 800 555 0199', undefined, 'toll-free', /freephone/],
    ['+44 7911 123456 ext 12', undefined, 'has-extension', /extension/],
    ['+44 7911 12345', undefined, 'invalid', /not a valid/],
  ] as const)('refuses %j (region %s) as %s with a reason in plain words', (input, region, reason, message) => {
    const result = parsePhoneNumber(input, region);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message).toMatch(message);
      expect(result.message).not.toContain('\n');
    }
  });

  it('reads back what Graph returns', () => {
    const number = fromGraph('+44 7700900123');
    expect(number?.e164).toBe('+447700900123');
    expect(fromGraph('+1 5555551234x123')?.graph).toBe('+1 5555551234');
    expect(fromGraph('07700 900123')).toBeUndefined();
  });
});

describe('parsePhoneNumber: properties (fast-check)', () => {
  const regions = fc.constantFrom('GB', 'US', 'DE', 'FR', 'IN', 'AU', undefined);
  const phoneish = fc.stringMatching(/^[+0]?[\d ().-]{0,20}$/);

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60, unit: 'grapheme' }), phoneish),
        regions,
        (input, region) => {
          const result = parsePhoneNumber(input, region);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never emits a number Graph would refuse, and the simulator accepts every one it emits', () => {
    fc.assert(
      fc.property(phoneish, regions, (input, region) => {
        const result = parsePhoneNumber(input, region);
        if (!result.ok) return;
        expect(result.number.graph).toMatch(/^\+[1-9]\d{0,2} \d{4,14}$/);
        expect(result.number.e164).toMatch(/^\+[1-9]\d{6,14}$/);
        expect(parseGraphPhoneNumber(result.number.graph)?.e164).toBe(result.number.e164);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips: parsing any form it emits gives the same number', () => {
    // Mobile ranges with the right length per country, so most generated numbers are valid.
    const generated = fc
      .constantFrom(['+44 7911', 6], ['+1 206', 7], ['+49 151', 8], ['+33 6', 8], ['+91 98', 8], ['+61 4', 8])
      .chain(([prefix, digits]) => fc.stringMatching(new RegExp(`^\\d{${digits}}$`)).map((rest) => `${prefix}${rest}`));
    let checked = 0;
    fc.assert(
      fc.property(
        fc.oneof({ arbitrary: generated, weight: 3 }, { arbitrary: phoneish, weight: 1 }),
        regions,
        (input, region) => {
          const result = parsePhoneNumber(input, region);
          if (!result.ok) return;
          checked++;
          for (const form of [result.number.graph, result.number.e164, result.number.international]) {
            const again = parsePhoneNumber(form, region);
            expect(again.ok && again.number.e164).toBe(result.number.e164);
          }
          expect(fromGraph(result.number.graph)?.e164).toBe(result.number.e164);
        },
      ),
      { numRuns: 3000 },
    );
    // The property must have been exercised on many accepted numbers, not vacuously.
    expect(checked).toBeGreaterThan(1000);
  });
});
