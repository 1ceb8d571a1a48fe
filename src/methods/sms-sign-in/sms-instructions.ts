// How a worker signs in with their phone number and a texted code: the steps a store manager prints or forwards.
import { fromGraph, maskPhoneNumber } from '../../phone/phone-number';
import type { InstructionsAudience } from '../method-contract';
import type { SignInSnapshot } from '../method-types';

export interface SmsInstructionsInput {
  displayName: string;
  /**
   * The worker's number as the caller may show it here: in full in a 1:1 chat with someone allowed to see it,
   * masked ("+44 •••• ••0123") anywhere else. It is printed as given.
   */
  number?: string;
  /** The organisation's name, e.g. "Contoso Retail". */
  organisation?: string;
}

const EXAMPLE_NUMBER = '+44 7700 900123';

export function smsInstructions(input: SmsInstructionsInput): string {
  const where = input.organisation ? ` at ${input.organisation}` : '';
  const masked = input.number !== undefined && input.number.includes('•');
  const username = input.number
    ? masked
      ? `your mobile number with its country code (the one ending ${input.number.replace(/[^\d]/g, '').slice(-4)})`
      : `your mobile number with its country code: ${input.number}`
    : `your mobile number with its country code, for example ${EXAMPLE_NUMBER}`;
  const who = input.organisation ? `Nobody from ${input.organisation}` : 'Nobody from work';
  const steps = [
    'Open Microsoft Teams on your phone, or go to office.com and choose Sign in.',
    `As the username, type ${username}. You don't need a password.`,
    'You get a text message with a 6-digit code. Type the code and choose Sign in.',
    'No text? Wait a minute: the code can also arrive by WhatsApp or as an RCS chat message, so check those too. Then ask for a new code.',
    'Still nothing? Ask your manager to check that the number they have for you is right.',
    `Never share the code with anyone. ${who} will ever ask you for it.`,
  ];
  return [
    `How ${input.displayName} signs in with their phone${where}`,
    '',
    ...steps.map((step, index) => `${index + 1}. ${step}`),
  ].join('\n');
}

/** The steps for this worker: their own number in full in a 1:1 chat, masked anywhere else. */
export function smsInstructionsFor(snapshot: SignInSnapshot, audience: InstructionsAudience): string {
  const mobile = snapshot.phoneMethods.find((method) => method.phoneType === 'mobile');
  const number = mobile ? fromGraph(mobile.phoneNumber) : undefined;
  const shown = number ? (audience.personalChat ? number.international : maskPhoneNumber(number)) : undefined;
  return smsInstructions({
    displayName: snapshot.user.displayName,
    ...(shown && { number: shown }),
    ...(audience.organisation && { organisation: audience.organisation }),
  });
}
