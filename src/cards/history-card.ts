// "History of Bob": the last changes phonedesk asked for a worker, from its own records: what, who asked and why,
// who approved or rejected and why, when (in the viewer's zone), and how it ended. Untrusted notes are shown with
// phone numbers masked, as everywhere else.
import type { ChangeRequest } from '../changes/change-request';
import { maskPhoneNumbers } from '../phone/mask-phone-numbers';
import { adaptiveCard, type AdaptiveCard, type CardElement, type TextBlock } from './adaptive-card';
import { cardDateTime } from './card-time';
import { STATUS_WORDS, changeSummary } from './change-summary';

/** A longer history is for the audit export (`phonedesk audit export`). */
export const HISTORY_SHOWN = 10;

const line = (text: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  size: 'Small',
  spacing: 'None',
  ...extra,
});

function decisionLine(request: ChangeRequest): string | undefined {
  const by = request.decidedBy?.name;
  const at = request.decidedAt ? `, ${cardDateTime(request.decidedAt)}` : '';
  const note = request.decisionNote ? `: "${maskPhoneNumbers(request.decisionNote)}"` : '';
  switch (request.status) {
    case 'pending':
      return 'Waiting for approval.';
    case 'rejected':
      return `Rejected by ${by ?? 'an approver'}${at}${note}.`;
    case 'cancelled':
      return `Cancelled by ${by ?? request.requester.name}${at}${note}.`;
    case 'expired':
      return 'Nobody decided in time: it expired.';
    default:
      return by ? `Approved by ${by}${at}${note}.` : undefined;
  }
}

function historyRow(request: ChangeRequest, first: boolean): CardElement {
  const decided = decisionLine(request);
  const ended = ['succeeded', 'failed', 'partially-succeeded'].includes(request.status);
  return {
    type: 'Container',
    ...(!first && { separator: true }),
    spacing: 'Medium',
    items: [
      line(`#${request.number} ${changeSummary(request)}`, { size: 'Default', weight: 'Bolder' }),
      line(
        `Asked by ${request.requester.name}, ${cardDateTime(request.createdAt)}: "${maskPhoneNumbers(request.reason)}".`,
        { isSubtle: true },
      ),
      ...(decided ? [line(decided, { isSubtle: true })] : []),
      line(
        ended && request.outcome
          ? `${STATUS_WORDS[request.status]}: ${maskPhoneNumbers(request.outcome)}`
          : `${STATUS_WORDS[request.status]}.`,
      ),
    ],
  };
}

/** `requests` newest first, as the change store lists them. */
export function buildHistoryCard(workerName: string, requests: readonly ChangeRequest[]): AdaptiveCard {
  if (requests.length === 0)
    return adaptiveCard([
      line(`${workerName}: no changes by phonedesk`, { size: 'Medium', weight: 'Bolder', spacing: 'Default' }),
      line(
        'phonedesk has not asked for any change for them. Changes made elsewhere (the Entra admin center, My Staff) are not in its records.',
        { size: 'Default' },
      ),
    ]);
  const shown = requests.slice(0, HISTORY_SHOWN);
  return adaptiveCard([
    line(`${workerName}: the last ${shown.length === 1 ? 'change' : `${shown.length} changes`} by phonedesk`, {
      size: 'Medium',
      weight: 'Bolder',
      spacing: 'Default',
    }),
    ...shown.map((request, index) => historyRow(request, index === 0)),
    ...(requests.length > shown.length
      ? [
          line(`Older changes are in the audit log ("phonedesk audit export").`, {
            isSubtle: true,
            separator: true,
            spacing: 'Medium',
          }),
        ]
      : []),
  ]);
}
