// Logs must never carry a full phone number. This masks anything that looks like one in free text,
// keeping the last four digits so that support can still tell two numbers apart.
const PHONE_LIKE = /(?<![\w-])(?:\+|00|\()?\d[\d ().-]{5,}\d(?!\d)/g;
// GUIDs, ISO times and version strings are not phone numbers.
const NOT_A_PHONE = /^[0-9a-f]{8}-|^\d{4}-\d{2}-\d{2}|^\d+\.\d+\.\d+$/i;

export function maskPhoneNumbers(text: string): string {
  return text.replace(PHONE_LIKE, (candidate) => {
    if (NOT_A_PHONE.test(candidate)) return candidate;
    const digits = candidate.replace(/\D/g, '');
    if (digits.length < 7) return candidate;
    return `${candidate.startsWith('+') ? '+' : ''}••••${digits.slice(-4)}`;
  });
}

/** Deep copy of a log payload with every string passed through maskPhoneNumbers. */
export function maskPhoneNumbersDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPhoneNumbers(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return {
      type: value.name,
      message: maskPhoneNumbers(value.message),
      stack: value.stack && maskPhoneNumbers(value.stack),
    };
  }
  if (Array.isArray(value)) return value.map((item) => maskPhoneNumbersDeep(item, depth + 1));
  // A value that says how it prints (a Secret prints as "[secret]", a Date as its time) is logged that way.
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return maskPhoneNumbersDeep(toJSON.call(value), depth + 1);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = maskPhoneNumbersDeep(item, depth + 1);
  return copy;
}
