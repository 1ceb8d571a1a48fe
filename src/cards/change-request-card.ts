// The card for a change request. Approvers see Approve / Reject (through refresh.userIds); the requester can
// cancel; once decided, everyone sees the same card without buttons. Buttons carry the request id only.
import type { ChangeRequest } from '../changes/change-request';
import { MAX_DECISION_NOTE } from '../changes/decision-note';
import { maskPhoneNumbers } from '../phone/mask-phone-numbers';
import { specOf } from '../methods/registry';
import {
  adaptiveCard,
  executeAction,
  type AdaptiveCard,
  type CardElement,
  type ExecuteAction,
  type TextBlock,
} from './adaptive-card';
import { cardDateTime } from './card-time';
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

/** Who asked and decided, and when, each a line of its own. */
function timeLines(request: ChangeRequest): TextBlock[] {
  const line = (text: string): TextBlock => ({ type: 'TextBlock', text, wrap: true, spacing: 'Small' });
  const lines = [line(`Asked by ${request.requester.name}, ${cardDateTime(request.createdAt)}`)];
  if (request.decidedBy) {
    lines.push(
      line(
        `${request.status === 'rejected' ? 'Rejected by' : 'Approved by'} ${request.decidedBy.name}, ${cardDateTime(request.decidedAt ?? request.createdAt)}`,
      ),
    );
  }
  if (request.status === 'pending') lines.push(line(`Decide by ${cardDateTime(request.expiresAt)}`));
  return lines;
}

/** A lost phone's number is not removed: say so, so nobody expects the number gone or usable. */
function lostPhoneNote(request: ChangeRequest): string {
  if (request.kind !== 'secure-lost-phone') return '';
  return `Once it is approved, the number stays on ${request.target.displayName}'s account but can't be used to sign in; sign-in comes back with their new number. `;
}

export function buildChangeRequestCard(
  request: ChangeRequest,
  view: ChangeCardView,
  approverUserIds: readonly string[] = [],
): AdaptiveCard {
  const pending = request.status === 'pending';
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `Request ${request.number}${request.urgent ? ' (urgent)' : ''}`,
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
    },
    { type: 'TextBlock', text: changeSummary(request), wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Status', value: STATUS_WORDS[request.status] },
        // People type numbers into reasons; cards may be seen in group chats, so mask them.
        { title: 'Why', value: maskPhoneNumbers(request.reason) || '(no reason given)' },
      ],
    },
    // Times only render in the viewer's zone inside a TextBlock's text, not in a FactSet.
    ...timeLines(request),
    ...requestFactsElements(request.facts),
  ];
  if (pending && view === 'requester') {
    body.push({
      type: 'TextBlock',
      text: `I've asked for approval. ${lostPhoneNote(request)}I'll tell you here when it's done.`,
      wrap: true,
    });
    const notice = specOf(request).requesterNotice?.(request, new Date(request.createdAt));
    if (notice) body.push({ type: 'TextBlock', text: notice, wrap: true, isSubtle: true });
  }
  // The outcome is a sentence: default colour (the Status fact already says how it ended, in words).
  if (request.outcome)
    body.push({ type: 'TextBlock', text: maskPhoneNumbers(request.outcome), wrap: true, separator: true });
  const data = { requestId: request.id };
  const actions: ExecuteAction[] = [];
  if (pending && view === 'approver') {
    body.push({
      type: 'Input.Text',
      id: REJECT_REASON_INPUT,
      label: 'Why, if you reject (the requester sees this)',
      placeholder: 'For example: wrong number, call me',
      maxLength: MAX_DECISION_NOTE,
    });
    actions.push(
      executeAction('Approve', VERBS.approve, data, 'positive'),
      executeAction('Reject', VERBS.reject, data, 'destructive'),
    );
  }
  if (pending && view === 'requester') actions.push(executeAction('Cancel request', VERBS.cancel, data));
  if (actions.length > 0) body.push({ type: 'ActionSet', actions });
  // While pending, approvers get their view by refresh; once decided, an empty list stops refreshes for everyone.
  const userIds = pending ? approverUserIds.slice(0, MAX_REFRESH_USERS) : [];
  return adaptiveCard(body, {
    refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: VERBS.refresh, data }, userIds },
  });
}
