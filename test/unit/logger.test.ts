import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { maskPhoneNumbers } from '../../src/phone/mask-phone-numbers';

function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>>; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const text = (): string => chunks.join('');
  return {
    stream,
    text,
    lines: () =>
      text()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('logging', () => {
  it('writes structured JSON with level names', () => {
    const out = capture();
    createLogger('info', out.stream).info({ requestId: 'r1' }, 'hello');
    expect(out.lines()[0]).toMatchObject({ level: 'info', msg: 'hello', requestId: 'r1', app: 'phonedesk' });
  });

  it('never writes credentials, whatever the field nesting', () => {
    const out = capture();
    createLogger('info', out.stream).info(
      {
        config: { bot: { appPassword: 'bot-pass-123' }, graph: { clientSecret: 'graph-secret-456' } },
        headers: { authorization: 'Bearer tok-789' },
      },
      'settings',
    );
    expect(out.text()).not.toMatch(/bot-pass-123|graph-secret-456|tok-789/);
    expect(out.text()).toContain('[redacted]');
  });

  it('masks phone numbers in messages and fields, keeping the last four digits', () => {
    const out = capture();
    createLogger('info', out.stream).info({ note: 'worker typed 07700 900123' }, 'adding +44 7700 900456 for Jane');
    const [line] = out.lines();
    expect(out.text()).not.toMatch(/7700 ?900(123|456)/);
    expect(line.msg).toBe('adding +••••0456 for Jane');
    expect(line.note).toBe('worker typed ••••0123');
  });

  it.each([
    ['+1-425-555-0100', '+••••0100'],
    ['(425) 555-0100', '••••0100'],
    ['0044 7700 900123', '••••0123'],
    ['+44 7700 900123x12', '+••••0123x12'],
  ])('masks %s as %s', (input, masked) => {
    expect(maskPhoneNumbers(input)).toBe(masked);
  });

  it.each([
    '3179e48a-750b-4051-897c-87b9720928f7',
    '2026-11-27T20:52:16.000Z',
    'port 3978',
    'version 4.23.3',
    'took 1234 ms',
  ])('leaves %s alone', (input) => {
    expect(maskPhoneNumbers(input)).toBe(input);
  });
});
