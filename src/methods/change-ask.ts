// How a person asks for a change in words, and what phonedesk then asks them: a method's intents, keywords and
// conversation. bot/understanding tries every method's asks in precedence order; the dialogs are made from them.
import type { SignInSnapshot } from './method-types';
import type { ChangeDetails } from './method-types';

/** A message as the parser reads it, for the asks' keyword rules. */
export interface AskWords {
  /** The request part in keyword form: lower case, punctuation as spaces, the phone number given as "☎". */
  request: string;
  /** The reason part ("… because she lost her phone") in the same form; "" when none was given. */
  why: string;
  hasPhone: boolean;
  /** A yes/no question ("has Ali left?") asks about a state: it never starts a change through a soft verb. */
  question: boolean;
  /** The message describes a sign-in problem (FIG6, number in use, cannot sign in). */
  describesProblem: boolean;
}

/** What a conversation learnt from the message, given to the change it asks for. */
export interface AskedSoFar {
  reason?: string;
  /** The worker left the company. */
  leaver?: boolean;
  /** How many hours were asked for ("for 4 hours"), when the ask reads them. */
  hours?: number;
}

/** Why this worker cannot have the change asked for (no working badge to extend), in plain words. */
export interface AskRefused {
  refused: string;
}

/**
 * The change a conversation asks for: a fixed one, one made from the worker as they are (or refused for them), or
 * one made from the phone number it asks for.
 */
export type AskedChange =
  | {
      needsNumber: false;
      change: ChangeDetails | ((worker: SignInSnapshot, said: AskedSoFar) => ChangeDetails | AskRefused);
    }
  | { needsNumber: true; change: (graphNumber: string, worker: SignInSnapshot) => ChangeDetails };

export type ChangeAsk<I extends string = string> = AskedChange & {
  /** The intent's name ("add-number"). */
  intent: I;
  /** The dialog's id. Kept across releases: a conversation that waits for an answer is stored under it. */
  dialogId: string;
  /** Among every method's asks, lower is tried first: the urgent, protective reading wins. */
  precedence: number;
  /** Whether the request part asks for this change. */
  asked(words: AskWords): boolean;
  /** Whether the reason alone makes a description this change ("Bob can't sign in because he lost his phone"). */
  askedInReason?(words: AskWords): boolean;
  /** Whether the message says the worker left. */
  leaver?(words: AskWords): boolean;
  /** How many hours the message asks for, when the change lasts hours (a temporary code). */
  hours?(words: AskWords): number | undefined;
  /** The reading of a name and a phone number with nothing else said ("Bob's number: 07700 900123"). */
  takesNameAndNumber?: boolean;
  /** The change kinds it can end in, so a fix button that still needs a number starts this conversation. */
  makes: readonly ChangeDetails['kind'][];
  urgent: boolean;
  /** The reason when the requester gave none (a leaver, a lost phone); otherwise the conversation asks. */
  defaultReason?(said: AskedSoFar): string | undefined;
  /** Ask "Do you mean …?" when the worker was not named exactly (a wrong lost phone signs an innocent out). */
  confirmGuess?: boolean;
  /** The button offered for a message phonedesk did not understand, and the words that lead to it. */
  suggestion: { title: string; words: readonly string[] };
  /** The line on the help card, when it has one: an example phonedesk understands. */
  help?: { title: string; example: string };
};

/** Whether the text matches any of the patterns (each is linear: bounded gaps, never two unbounded wildcards). */
export function mentions(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(text));
}
