// The short text a store manager prints or forwards to a worker, wrapped for Teams. The text itself is the sign-in
// method's (methods/registry.ts#instructionsFor): plain text first, so that it survives copy, paste and print.
import { adaptiveCard, type AdaptiveCard, type CardElement } from './adaptive-card';

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
