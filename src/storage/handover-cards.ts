// Port: where a one-time secret's card was posted in the requester's 1:1 chat, so that it can be replaced by
// "handed over" (when the requester says so, or after a day) and the secret leaves the chat. Never the secret.
import type { ConversationReference } from 'botbuilder';

export interface HandoverCard {
  requestId: string;
  activityId: string;
  reference: Partial<ConversationReference>;
  /** What was handed over, in words for the card that replaces it: "Jane Doe's badge". */
  what: string;
  postedAt: string;
  /** When the card was replaced; undefined while it still shows the secret. */
  clearedAt?: string;
}

export interface HandoverCards {
  remember(card: Omit<HandoverCard, 'clearedAt'>): Promise<void>;
  get(requestId: string): Promise<HandoverCard | undefined>;
  /** Marks the card replaced; false when it already was (a second click, the sweep first). */
  clear(requestId: string, at: string): Promise<boolean>;
  /** Cards still showing a secret that were posted before `before`, oldest first. */
  showingSince(before: string, limit: number): Promise<HandoverCard[]>;
}
