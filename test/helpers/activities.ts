import type { Activity } from 'botbuilder';

let counter = 0;

/** A Teams personal-chat message as the connector would deliver it. */
export function teamsMessage(text: string, serviceUrl: string, overrides: Partial<Activity> = {}): Partial<Activity> {
  counter += 1;
  return {
    type: 'message',
    id: `activity-${counter}`,
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:manager', name: 'Store Manager', aadObjectId: '00000000-0000-0000-0000-00000000a001' },
    recipient: { id: '28:phonedesk', name: 'phonedesk' },
    conversation: { id: 'a:personal-chat-1', conversationType: 'personal', isGroup: false, name: '' },
    text,
    locale: 'en-GB',
    ...overrides,
  };
}
