// How a worker signs in with their QR badge and PIN on a shared phone or tablet: the steps a manager prints.
import type { InstructionsAudience } from '../method-contract';
import type { SignInSnapshot } from '../method-types';

function qrInstructions(input: { displayName: string; organisation?: string; pinLength: number }): string {
  const where = input.organisation ? ` at ${input.organisation}` : '';
  const who = input.organisation ? `Nobody from ${input.organisation}` : 'Nobody from work';
  const steps = [
    "On the store's shared phone or tablet, open Microsoft Teams (or the home screen your store uses) and choose Sign in with QR code.",
    'Hold your badge in front of the camera until it is read.',
    `Type your PIN. The first time, type the temporary PIN your manager gives you, then choose your own PIN of ${input.pinLength} or more digits (no runs like 12345678, no repeats).`,
    'It says "Incorrect QR code" the very first time? Sign in once with the Temporary Access Pass your manager gives you, then scan again.',
    'Forgot your badge? Ask your manager for a temporary code for your shift. Lost it? Tell them at once, so it can be stopped.',
    `Never lend your badge or tell anyone your PIN. ${who} will ever ask you for it.`,
  ];
  return [
    `How ${input.displayName} signs in with their QR badge${where}`,
    '',
    ...steps.map((step, index) => `${index + 1}. ${step}`),
  ].join('\n');
}

export function qrInstructionsFor(snapshot: SignInSnapshot, audience: InstructionsAudience): string {
  return qrInstructions({
    displayName: snapshot.user.displayName,
    pinLength: snapshot.qrPolicy?.pinLength ?? 8,
    ...(audience.organisation && { organisation: audience.organisation }),
  });
}
