import { CHANGE_ASKS } from '../methods/registry';
import { adaptiveCard, type AdaptiveCard } from './adaptive-card';

/** What a store manager or approver can ask; the examples are phrases the bot understands. */
export const CONVERSATIONS: ReadonlyArray<{ title: string; example: string }> = [
  { title: 'Status', example: 'status of Jane Doe' },
  { title: "Why can't they sign in?", example: "why can't Bob sign in?" },
  { title: 'Who has a number', example: 'who has 07700 900456?' },
  { title: 'Your store at a glance', example: 'how is my store doing?' },
  { title: 'What phonedesk changed for someone', example: 'history of Jane Doe' },
  // What each sign-in method can change, as its asks word it.
  ...CHANGE_ASKS.flatMap((ask) => (ask.help ? [ask.help] : [])),
  { title: 'Is SMS sign-in set up?', example: 'is SMS sign-in set up?' },
  { title: 'Pending approvals', example: 'pending' },
  { title: 'Sign-in steps for a worker', example: 'instructions for Jane Doe' },
];

interface HelpCardOptions {
  /** The number of one of the viewer's own open requests, for a "cancel" example that exists. */
  openRequestNumber?: number;
}

/** "cancel 7" for a request the viewer has open; otherwise the words, never a number that may not exist. */
function cancelExample(openRequestNumber: number | undefined): string {
  return openRequestNumber === undefined
    ? '"cancel" and the request\'s number, e.g. from "pending"'
    : `"cancel ${openRequestNumber}"`;
}

export function buildHelpCard(options: HelpCardOptions = {}): AdaptiveCard {
  return adaptiveCard([
    {
      type: 'TextBlock',
      text: 'phonedesk: sign-in by phone for your workers',
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: 'Ask me in plain words. Every change is approved by a second person before it reaches Microsoft 365.',
      wrap: true,
      isSubtle: true,
    },
    {
      type: 'FactSet',
      facts: [
        ...CONVERSATIONS.map(({ title, example }) => ({ title, value: `"${example}"` })),
        { title: 'Cancel your request', value: cancelExample(options.openRequestNumber) },
      ],
    },
  ]);
}
