// Port: where to reach a person or a named channel later, without them writing first. A proactive message
// (approvers told of a new request, a requester told of the result) needs the conversation reference that
// Teams gave the bot in an earlier turn: `TurnContext.getConversationReference(context.activity)`.
import type { ConversationReference } from 'botbuilder';

export interface ConversationReferences {
  /**
   * Remembers how to reach a person, keyed by their Entra (AAD) object id (`activity.from.aadObjectId`,
   * compared case-insensitively). Callers save the person's personal (1:1) chat with the bot; a later save
   * replaces the earlier one.
   */
  save(aadObjectId: string, reference: Partial<ConversationReference>): Promise<void>;
  get(aadObjectId: string): Promise<Partial<ConversationReference> | undefined>;
  /** Everyone phonedesk can reach, most recently seen first (to tell approvers of a new request). */
  people(): Promise<Array<{ aadObjectId: string; reference: Partial<ConversationReference> }>>;
  /** Forgets a person's reference, e.g. after Teams answered 403/404 (bot uninstalled, conversation gone). */
  delete(aadObjectId: string): Promise<void>;
  /** Remembers a named channel or group chat (e.g. 'approvals'); a later save replaces the earlier one. */
  saveChannel(name: string, reference: Partial<ConversationReference>): Promise<void>;
  getChannel(name: string): Promise<Partial<ConversationReference> | undefined>;
  deleteChannel(name: string): Promise<void>;
}

/** Entra object ids are GUIDs: one spelling per person, whatever case a caller got them in. */
export function normaliseAadObjectId(aadObjectId: string): string {
  const id = typeof aadObjectId === 'string' ? aadObjectId.trim().toLowerCase() : '';
  if (id === '') throw new Error('Conversation references: an AAD object id is required');
  return id;
}

export function normaliseChannelName(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed === '') throw new Error('Conversation references: a channel name is required');
  return trimmed;
}

/** Throws unless the reference has what `continueConversationAsync` needs to reach the conversation. */
export function assertUsableReference(owner: string, reference: Partial<ConversationReference>): void {
  const missing: string[] = [];
  if (typeof reference !== 'object' || reference === null) {
    throw new Error(`Conversation references: the reference for ${owner} is not an object`);
  }
  if (typeof reference.channelId !== 'string' || reference.channelId === '') missing.push('channelId');
  if (typeof reference.serviceUrl !== 'string' || reference.serviceUrl === '') missing.push('serviceUrl');
  if (typeof reference.conversation?.id !== 'string' || reference.conversation.id === '')
    missing.push('conversation.id');
  if (missing.length > 0) {
    throw new Error(
      `Conversation references: the reference for ${owner} has no ${missing.join(', ')}, so no message could be sent with it`,
    );
  }
}
