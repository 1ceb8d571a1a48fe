import type { Activity } from 'botbuilder';

/**
 * Whether a text message is meant for phonedesk: always in a 1:1 chat; in a channel or group chat only when it
 * @mentions the bot. Teams normally delivers only those, but a bot granted read-all permissions gets every
 * message, and a conversation between people is none of its business.
 */
export function addressedToBot(activity: Partial<Activity>): boolean {
  // A conversation without a type counts as 1:1 (emulators omit it), unless it says it is a group.
  const conversation = activity.conversation;
  if ((conversation?.conversationType ?? 'personal') === 'personal' && conversation?.isGroup !== true) return true;
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some((entity) => {
    if (entity.type !== 'mention') return false;
    const mentioned = (entity as { mentioned?: { id?: unknown } }).mentioned;
    return botId !== undefined && mentioned?.id === botId;
  });
}
