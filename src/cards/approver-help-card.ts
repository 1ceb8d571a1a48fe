// Welcome and help for approvers: what they decide, how to see what waits for them, how to decide by typing,
// and how to send approvals to a channel. Examples say "the request's number", never a number that may not exist.
import { adaptiveCard, type AdaptiveCard } from './adaptive-card';
import { CONVERSATIONS } from './help-card';

/** What an approver can say, with examples the bot understands. */
const APPROVER_CONVERSATIONS: ReadonlyArray<{ title: string; value: string }> = [
  { title: 'What waits for you', value: '"pending"' },
  { title: 'Approve by typing', value: '"approve" and the request\'s number' },
  { title: 'Reject by typing', value: '"reject" and the number, then "because" and why' },
  { title: 'Approvals in a channel', value: 'In a team channel, @mention phonedesk: "use this channel for approvals"' },
];

/** Lookups approvers use before deciding (the rest of the store managers' help). */
const LOOKUPS = new Set(['Status', "Why can't they sign in?", 'Who has a number', 'Is SMS sign-in set up?']);

export function buildApproverHelpCard(): AdaptiveCard {
  return adaptiveCard([
    { type: 'TextBlock', text: 'phonedesk for approvers', weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'TextBlock',
      text: 'Store managers ask me to change how their workers sign in with their phone: add, change or remove a number, turn sign-in by text message on or off, sign someone out everywhere.',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: 'You decide: each request comes to you as a card with Approve and Reject. Nothing changes in Microsoft 365 until an approver says yes, and nobody approves their own request.',
      wrap: true,
    },
    { type: 'FactSet', facts: APPROVER_CONVERSATIONS.map(({ title, value }) => ({ title, value })) },
    {
      type: 'TextBlock',
      text: 'Before you decide, you can look things up:',
      wrap: true,
      isSubtle: true,
      separator: true,
    },
    {
      type: 'FactSet',
      facts: CONVERSATIONS.filter(({ title }) => LOOKUPS.has(title)).map(({ title, example }) => ({
        title,
        value: `"${example}"`,
      })),
    },
  ]);
}
