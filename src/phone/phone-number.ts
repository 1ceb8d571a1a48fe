// Phone numbers as store managers type them: parsed with a default region, checked that they can receive a
// text message, and given in the forms phonedesk needs (Graph's, E.164, masked for display).
import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type NumberType,
} from 'libphonenumber-js/max';

export interface PhoneNumber {
  /** "+447700900123": the form compared for uniqueness and stored in the number index. */
  e164: string;
  /** "+44 7700900123": Graph's "+{country code} {number}" (docs/graph-facts.md §1.2). */
  graph: string;
  countryCode: string;
  /** National significant number, without a trunk prefix: "7700900123". */
  national: string;
  /** "+44 7700 900123": for people. */
  international: string;
  /** ISO region when the number identifies one, e.g. GB. */
  region: CountryCode | undefined;
  /** True for ranges set aside for drama and documentation (Ofcom 07700 900xxx): accepted, flagged. */
  reservedForFiction: boolean;
}

type PhoneRejectionReason =
  | 'empty'
  | 'not-digits'
  | 'too-short'
  | 'too-long'
  | 'needs-country-code'
  | 'invalid'
  | 'has-extension'
  | 'landline'
  | 'premium-rate'
  | 'toll-free'
  | 'not-mobile';

export type PhoneParseResult =
  { ok: true; number: PhoneNumber } | { ok: false; reason: PhoneRejectionReason; message: string };

const ALLOWED_CHARACTERS = /^\+?[\d\s().\-/]+$/;
const MAX_INPUT_LENGTH = 40;

/** Ofcom's drama range: mobile numbers that will never be allocated, used in the demo tenant and examples. */
function isFictionMobile(countryCode: string, national: string): boolean {
  return countryCode === '44' && /^7700900\d{3}$/.test(national);
}

const MOBILE_TYPES: ReadonlySet<NumberType> = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

function refuse(reason: PhoneRejectionReason, message: string): PhoneParseResult {
  return { ok: false, reason, message };
}

function refusalForType(type: NumberType, shown: string): PhoneParseResult {
  switch (type) {
    case 'FIXED_LINE':
      return refuse(
        'landline',
        `${shown} is a landline. Landlines can't receive text messages, so use the worker's mobile number.`,
      );
    case 'PREMIUM_RATE':
    case 'SHARED_COST':
      return refuse(
        'premium-rate',
        `${shown} is a premium-rate number, which can't receive sign-in codes. Use the worker's mobile number.`,
      );
    case 'TOLL_FREE':
      return refuse(
        'toll-free',
        `${shown} is a freephone number, which can't receive text messages. Use the worker's mobile number.`,
      );
    default:
      return refuse(
        'not-mobile',
        `${shown} is not a mobile number, so it can't receive sign-in codes. Use the worker's mobile number.`,
      );
  }
}

function regionName(region: CountryCode): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(region) ?? region;
  } catch {
    return region;
  }
}

/**
 * Parses what a person typed. `defaultRegion` (the store's, else DEFAULT_REGION) applies to numbers without a
 * country code. Never throws: every refusal comes with one plain sentence saying why.
 */
export function parsePhoneNumber(input: string, defaultRegion?: CountryCode): PhoneParseResult {
  const text = input.trim();
  if (text === '') return refuse('empty', 'Type the phone number, for example +44 7700 900123.');
  if (text.length > MAX_INPUT_LENGTH) return refuse('too-long', 'That is too long to be a phone number.');
  if (/(?:ext\.?|x|#)\s*\d+$/i.test(text) && /\d/.test(text.replace(/(?:ext\.?|x|#)\s*\d+$/i, ''))) {
    return refuse('has-extension', 'A number used to sign in cannot have an extension. Type the mobile number alone.');
  }
  if (!ALLOWED_CHARACTERS.test(text)) {
    return refuse(
      'not-digits',
      'A phone number can only contain digits, spaces, dashes, dots, brackets and a leading +.',
    );
  }
  // "0044 …" is the international prefix written out; treat it as "+44 …" whatever the default region.
  const normalised = text.replace(/^00(?=[1-9])/, '+');
  const international = normalised.startsWith('+');
  if (!international && !defaultRegion) {
    return refuse(
      'needs-country-code',
      `I can't tell which country ${text} is from. Add the country code, for example +44 7700 900123.`,
    );
  }
  const shown = text;
  const lengthProblem = validatePhoneNumberLength(normalised, international ? undefined : defaultRegion);
  if (lengthProblem === 'TOO_SHORT') return refuse('too-short', `${shown} is too short to be a phone number.`);
  if (lengthProblem === 'TOO_LONG') return refuse('too-long', `${shown} is too long to be a phone number.`);
  if (lengthProblem === 'INVALID_COUNTRY')
    return refuse(
      'needs-country-code',
      `${shown} does not start with a country code I know. Check the digits after the +.`,
    );
  if (lengthProblem === 'NOT_A_NUMBER') return refuse('invalid', `${shown} is not a phone number.`);

  const parsed = parsePhoneNumberFromString(normalised, international ? undefined : { defaultCountry: defaultRegion });
  if (!parsed) return refuse('invalid', `${shown} is not a phone number.`);
  const countryCode = parsed.countryCallingCode;
  const national = parsed.nationalNumber;
  const fiction = isFictionMobile(countryCode, national);
  if (!fiction) {
    if (!parsed.isValid()) {
      const where = parsed.country ?? (international ? undefined : defaultRegion);
      return refuse(
        'invalid',
        `${shown} is not a valid ${where ? `${regionName(where)} ` : ''}number. Check the digits and the country code.`,
      );
    }
    const type = parsed.getType();
    if (type !== undefined && !MOBILE_TYPES.has(type)) return refusalForType(type, shown);
  }
  return {
    ok: true,
    number: {
      e164: parsed.number,
      graph: `+${countryCode} ${national}`,
      countryCode,
      national,
      international: parsed.formatInternational(),
      region: parsed.country,
      reservedForFiction: fiction,
    },
  };
}

/** "+44 •••• ••0123": what people see in chats and cards; the last four digits tell numbers apart. */
export function maskPhoneNumber(number: Pick<PhoneNumber, 'international' | 'countryCode'>): string {
  const prefix = `+${number.countryCode}`;
  const rest = number.international.slice(prefix.length);
  const digits = rest.replace(/\D/g, '').length;
  let seen = 0;
  const masked = rest.replace(/\d/g, (digit) => (++seen > digits - 4 ? digit : '•'));
  return `${prefix}${masked}`;
}

/** Parses a number Graph returned ("+44 7700900123") for display and comparison; undefined if it is not one. */
export function fromGraph(graphNumber: string): PhoneNumber | undefined {
  const match = /^\+(\d{1,3}) ?(\d{4,14})(?:x\d+)?$/.exec(graphNumber.trim());
  if (!match) return undefined;
  const parsed = parsePhoneNumberFromString(`+${match[1]}${match[2]}`);
  if (!parsed) return undefined;
  return {
    e164: parsed.number,
    graph: `+${parsed.countryCallingCode} ${parsed.nationalNumber}`,
    countryCode: parsed.countryCallingCode,
    national: parsed.nationalNumber,
    international: parsed.formatInternational(),
    region: parsed.country,
    reservedForFiction: isFictionMobile(parsed.countryCallingCode, parsed.nationalNumber),
  };
}

/** A number in Graph's form, masked for people; `otherwise` when there is none or it is not a number. */
export function maskGraphNumber(graphNumber: string | undefined, otherwise: string): string {
  const number = graphNumber ? fromGraph(graphNumber) : undefined;
  return number ? maskPhoneNumber(number) : otherwise;
}
