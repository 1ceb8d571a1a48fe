// "pending": an approver's queue (urgent first, oldest first), or a requester's own open requests (newest first).
// Approvers get Approve / Reject per pending request, requesters get Cancel on their own; buttons carry the
// request id only (the handler loads the request and re-checks who clicked, as for the request card).
import type { ChangeRequest } from '../changes/change-request';
import { adaptiveCard, executeAction, type AdaptiveCard, type CardElement, type ExecuteAction } from './adaptive-card';
import { cardDateTime } from './card-time';
import { VERBS } from './change-request-card';
import { STATUS_WORDS, changeSummary } from './change-summary';

type PendingView = 'approver' | 'requester';

interface PendingCardOptions {
  /** For ages ("3 hours ago"); without it, the card gives the date and time asked. */
  now?: Date;
  /** Who will see the card: approvers get no buttons on their own requests, requesters Cancel on their own only. */
  viewerAadObjectId?: string;
  /** Requester view: how many of their requests have ended (done, rejected, expired, cancelled); not listed. */
  ended?: number;
}

/** A longer list is a card nobody reads; the rest stay reachable once these are decided. */
export const MAX_LISTED = 15;

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago"; the date and time (card functions) without `now`. */
export function age(createdAt: string, now: Date | undefined): string {
  const created = Date.parse(createdAt);
  if (!now || !Number.isFinite(created)) return cardDateTime(createdAt);
  const minutes = Math.floor((now.getTime() - created) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

/** Urgent first, then oldest first; the input order is kept otherwise. */
function pendingOrder(requests: ReadonlyArray<ChangeRequest>): ChangeRequest[] {
  return [...requests].sort(
    (a, b) => Number(b.urgent) - Number(a.urgent) || Date.parse(a.createdAt) - Date.parse(b.createdAt),
  );
}

/** A requester looks for what they just asked: newest first. */
function newestFirst(requests: ReadonlyArray<ChangeRequest>): ChangeRequest[] {
  return [...requests].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

function requestRow(
  request: ChangeRequest,
  view: PendingView,
  options: PendingCardOptions,
  first: boolean,
): CardElement {
  const own = options.viewerAadObjectId !== undefined && request.requester.aadObjectId === options.viewerAadObjectId;
  const pending = request.status === 'pending';
  const details: CardElement[] = [];
  if (request.urgent)
    details.push({
      type: 'TextBlock',
      text: 'Urgent',
      weight: 'Bolder',
      color: 'Attention',
      size: 'Small',
      wrap: true,
    });
  details.push(
    {
      type: 'TextBlock',
      text: changeSummary(request),
      wrap: true,
      ...(request.urgent && { spacing: 'None' as const }),
    },
    {
      type: 'TextBlock',
      // On the viewer's own request, "Asked by <me>" says nothing.
      text: `${own ? 'Asked' : `Asked by ${request.requester.name},`} ${age(request.createdAt, options.now)}. ${STATUS_WORDS[request.status]}.`,
      wrap: true,
      isSubtle: true,
      size: 'Small',
      spacing: 'None',
    },
  );
  const data = { requestId: request.id };
  const actions: ExecuteAction[] = [];
  if (pending && view === 'approver') {
    if (own) {
      details.push({
        type: 'TextBlock',
        text: 'Your own request: another approver decides.',
        wrap: true,
        isSubtle: true,
        size: 'Small',
        spacing: 'None',
      });
    } else {
      actions.push(
        executeAction('Approve', VERBS.approve, data, 'positive'),
        executeAction('Reject', VERBS.reject, data, 'destructive'),
      );
    }
  }
  if (pending && view === 'requester' && (options.viewerAadObjectId === undefined || own))
    actions.push(executeAction('Cancel request', VERBS.cancel, data));
  const items: CardElement[] = [
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: `#${request.number}`, weight: 'Bolder' }] },
        { type: 'Column', width: 'stretch', items: details },
      ],
    },
  ];
  if (actions.length > 0) items.push({ type: 'ActionSet', actions });
  return { type: 'Container', items, ...(!first && { separator: true }), spacing: 'Medium' };
}

/** The ended requests, counted apart from the open ones. */
function endedLine(ended: number | undefined): CardElement[] {
  if (!ended) return [];
  const text = `${ended === 1 ? '1 earlier request has' : `${ended} earlier requests have`} ended (done, not done, rejected, expired or cancelled) and ${ended === 1 ? 'is' : 'are'} not listed.`;
  return [{ type: 'TextBlock', text, wrap: true, isSubtle: true, separator: true }];
}

/** `requests` are the open ones: the caller leaves out ended requests (and counts them in `options.ended`). */
export function buildPendingCard(
  requests: ReadonlyArray<ChangeRequest>,
  view: PendingView,
  options: PendingCardOptions = {},
): AdaptiveCard {
  const title = view === 'approver' ? 'Waiting for your approval' : 'Your open requests';
  const ended = view === 'requester' ? endedLine(options.ended) : [];
  if (requests.length === 0) {
    return adaptiveCard([
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'TextBlock',
        text:
          view === 'approver'
            ? "Nothing is waiting for your approval. You're all caught up."
            : 'You have no open requests. Anything you ask for shows up here until it is decided.',
        wrap: true,
      },
      ...ended,
    ]);
  }
  const ordered = view === 'approver' ? pendingOrder(requests) : newestFirst(requests);
  const shown = ordered.slice(0, MAX_LISTED);
  const body: CardElement[] = [
    { type: 'TextBlock', text: `${title} (${requests.length})`, weight: 'Bolder', size: 'Medium', wrap: true },
    ...shown.map((request, index) => requestRow(request, view, options, index === 0)),
  ];
  const more = ordered.length - shown.length;
  if (more > 0) {
    body.push({
      type: 'TextBlock',
      text: `${more} more not shown. Ask "pending" again once these are done.`,
      wrap: true,
      isSubtle: true,
      separator: true,
    });
  }
  body.push(...ended);
  return adaptiveCard(body);
}
