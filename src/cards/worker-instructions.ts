// The short text a store manager prints or forwards to a worker: how to sign in with their phone number.
// Plain text first (it must survive copy, paste and print); buildInstructionsCard wraps it for Teams.
import { adaptiveCard, type AdaptiveCard, type CardElement } from './adaptive-card';

interface WorkerInstructionsInput {
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

export function buildWorkerInstructions(input: WorkerInstructionsInput): string {
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

/**
 * The instructions as a card: the first line as the title, then the text. Consecutive numbered lines stay in one
 * TextBlock separated by "\r", the form Teams renders as one numbered list (a list per block would restart at 1).
 */
export function buildInstructionsCard(text: string): AdaptiveCard {
  const [title = '', ...rest] = text.split(/\r?\n/);
  const body: CardElement[] = [{ type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true }];
  let list: string[] = [];
  const flush = (): void => {
    if (list.length > 0) body.push({ type: 'TextBlock', text: list.join('\r'), wrap: true });
    list = [];
  };
  for (const line of rest) {
    if (/^\d+\.\s/.test(line)) {
      list.push(line);
      continue;
    }
    flush();
    if (line.trim() !== '') body.push({ type: 'TextBlock', text: line, wrap: true });
  }
  flush();
  body.push({
    type: 'TextBlock',
    text: 'Copy this text to print it or send it to the worker.',
    wrap: true,
    isSubtle: true,
    size: 'Small',
    separator: true,
  });
  return adaptiveCard(body);
}
