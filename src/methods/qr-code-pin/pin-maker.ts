// The temporary PIN phonedesk gives a new QR code + PIN method: Graph wants one in the create and refuses a weak one
// (docs/graph-facts.md §17.4). These rules are stricter than Graph's, so a made PIN is never refused.
import { randomInt } from 'node:crypto';
import { Secret } from '../../secret/secret';

/** Graph's bounds on a PIN's length. */
const MIN_LENGTH = 8;
const MAX_LENGTH = 20;

/** Whether a PIN is weak: a run of three (123, 987), a digit three times (555), or a repeated group (1212…). */
export function weakPin(pin: string): boolean {
  for (let index = 2; index < pin.length; index++) {
    const first = Number(pin[index - 2]);
    const step = Number(pin[index - 1]) - first;
    if (Math.abs(step) <= 1 && Number(pin[index]) - Number(pin[index - 1]) === step) return true;
  }
  // A group of up to 4 digits repeated to the end, even part-way (12121212, 13813813).
  return [1, 2, 3, 4].some((size) => [...pin].every((digit, index) => index < size || digit === pin[index - size]));
}

/** A random PIN of the policy's length (at least 8), digits only, never weak. */
export function makePin(policyLength: number): Secret {
  const length = Math.min(MAX_LENGTH, Math.max(MIN_LENGTH, policyLength));
  for (;;) {
    const pin = Array.from({ length }, () => String(randomInt(10))).join('');
    if (!weakPin(pin)) return new Secret(pin);
  }
}
