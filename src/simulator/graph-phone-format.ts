// Graph's documented phone number format: "+{country code} {subscriber number}x{extension}" (extension optional).
// Unspaced E.164 ("+447700900123") is accepted and stored in the spaced form: Graph's behaviour there is unverified
// (docs/graph-facts.md §1.2); third-party evidence says Graph accepts and normalises it. See docs/simulator.md.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface GraphPhoneNumber {
  /** As Graph returns it: "+44 7700900123" or "+1 4255550100x123". */
  formatted: string;
  /** "+447700900123": the form compared for uniqueness. */
  e164: string;
  countryCode: string;
  extension: string | undefined;
}

const SPACED = /^\+(\d{1,3}) (\d{4,14})(?:x(\d{1,10}))?$/;
const UNSPACED = /^\+(\d{7,17})(?:x(\d{1,10}))?$/;

export function parseGraphPhoneNumber(input: string): GraphPhoneNumber | undefined {
  const spaced = SPACED.exec(input);
  if (spaced) {
    const [, countryCode, subscriber, extension] = spaced;
    if (countryCode.startsWith('0') || countryCode.length + subscriber.length > 15) return undefined;
    return build(countryCode, subscriber, extension);
  }
  const unspaced = UNSPACED.exec(input);
  if (unspaced) {
    const [, digits, extension] = unspaced;
    if (digits.length > 15) return undefined;
    const parsed = parsePhoneNumberFromString(`+${digits}`);
    if (!parsed) return undefined;
    return build(parsed.countryCallingCode, parsed.nationalNumber, extension);
  }
  return undefined;
}

function build(countryCode: string, subscriber: string, extension: string | undefined): GraphPhoneNumber {
  return {
    formatted: `+${countryCode} ${subscriber}${extension ? `x${extension}` : ''}`,
    e164: `+${countryCode}${subscriber}`,
    countryCode,
    extension,
  };
}
