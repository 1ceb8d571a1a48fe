// The card for a change request. Approvers see Approve / Reject (through refresh.userIds); the requester can
// cancel; once decided, everyone sees the same card without buttons. Buttons carry the request id only.
import type { ChangeRequest } from '../changes/change-request';
import { MAX_DECISION_NOTE } from '../changes/decision-note';
import { maskPhoneNumbers } from '../log/mask-phone-numbers';
import { adaptiveCard, executeAction, type AdaptiveCard, type CardElement, type ExecuteAction } from './adaptive-card';
import { STATUS_WORDS, changeSummary } from './change-summary';
import { requestFactsElements } from './request-facts-view';

export type ChangeCardView = 'approver' | 'requester' | 'everyone';

/** Teams allows at most 60 users in refresh.userIds. */
const MAX_REFRESH_USERS = 60;

export const VERBS = {
  approve: 'change.approve',
  reject: 'change.reject',
  cancel: 'change.cancel',
  refresh: 'change.refresh',
} as const;

/** The id of the reason box: Teams sends its value with the Reject click as `data.rejectReason`. */
export const REJECT_REASON_INPUT = 'rejectReason';

function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function buildChangeRequestCard(request: ChangeRequest, view: ChangeCardView, approverUserIds: readonly string[] = []): AdaptiveCard {
  const pending = request.status === 'pending';
  const colour = request.status === 'succeeded' ? 'Good' : request.status === 'failed' || request.status === 'rejected' ? 'Attention' : request.status === 'partially-succeeded' ? 'Warning' : 'Default';
  const body: CardElement[] = [
    { type: 'TextBlock', text: `Request ${request.number}${request.urgent ? ' (urgent)' : ''}`, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: changeSummary(request), wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Status', value: STATUS_WORDS[request.status] },
        { title: 'Asked by', value: `${request.requester.name}, ${when(request.createdAt)}` },
        // People type numbers into reasons; cards may be seen in group chats, so mask them.
        { title: 'Why', value: maskPhoneNumbers(request.reason) || '(no reason given)' },
        ...(request.decidedBy ? [{ title: request.status === 'rejected' ? 'Rejected by' : 'Approved by', value: `${request.decidedBy.name}, ${when(request.decidedAt ?? request.createdAt)}` }] : []),
        ...(pending ? [{ title: 'Decide by', value: when(request.expiresAt) }] : []),
      ],
    },
    ...requestFactsElements(request.facts),
  ];
  if (request.outcome) body.push({ type: 'TextBlock', text: maskPhoneNumbers(request.outcome), wrap: true, color: colour, separator: true });
  const data = { requestId: request.id };
  const actions: ExecuteAction[] = [];
  if (pending && view === 'approver') {
    body.push({ type: 'Input.Text', id: REJECT_REASON_INPUT, label: 'Why, if you reject (the requester sees this)', placeholder: 'For example: wrong number, call me', maxLength: MAX_DECISION_NOTE });
    actions.push(executeAction('Approve', VERBS.approve, data, 'positive'), executeAction('Reject', VERBS.reject, data, 'destructive'));
  }
  if (pending && view === 'requester') actions.push(executeAction('Cancel request', VERBS.cancel, data));
  if (actions.length > 0) body.push({ type: 'ActionSet', actions });
  // While pending, approvers get their view by refresh; once decided, an empty list stops refreshes for everyone.
  const userIds = pending ? approverUserIds.slice(0, MAX_REFRESH_USERS) : [];
  return adaptiveCard(body, { refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: VERBS.refresh, data }, userIds } });
}
