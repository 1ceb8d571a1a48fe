// The store overview: how many workers stand where, the days left before SMS sign-in stops, and who needs action
// first, each with one button for the fix. Across several stores, one row a store. Buttons carry ids only.
import type { StoreOverview, StoresOverview } from '../diagnosis/store-standing';
import {
  NEEDS_ACTION,
  STANDINGS,
  STANDING_WORDS,
  needingAction,
  type StandingCounts,
  type WorkerStanding,
} from '../diagnosis/store-standing';
import {
  adaptiveCard,
  executeAction,
  type AdaptiveCard,
  type CardElement,
  type ColumnSet,
  type TextBlock,
} from './adaptive-card';
import { plural, text } from './card-words';
import { cardDateTime } from './card-time';
import { PROPOSE_VERB } from './diagnosis-card';

export const OVERVIEW_VERBS = { open: 'overview.open', list: 'overview.list', csv: 'overview.csv' } as const;

/** How many workers the overview names; the rest are on the paged list and in the CSV file. */
export const FIRST_ACTIONS = 8;
/** Workers per page of the list. */
export const PAGE_SIZE = 20;

export function retirementLine(daysLeft: number, smsOnly: number): string {
  if (daysLeft <= 0)
    return smsOnly > 0
      ? `SMS sign-in stopped on 1 February 2027: ${plural(smsOnly, 'worker')} still ${smsOnly === 1 ? 'has' : 'have'} only SMS and need a badge.`
      : 'SMS sign-in stopped on 1 February 2027.';
  const when = `SMS sign-in stops on 1 February 2027, in ${plural(daysLeft, 'day')}`;
  return smsOnly > 0
    ? `${when}: ${plural(smsOnly, 'worker')} still ${smsOnly === 1 ? 'signs' : 'sign'} in by SMS only and ${smsOnly === 1 ? 'needs' : 'need'} a badge before then.`
    : `${when}. Nobody here signs in by SMS only.`;
}

function countLines(counts: StandingCounts): CardElement[] {
  const facts = STANDINGS.filter((standing) => counts[standing] > 0 && standing !== 'left-out').map((standing) => ({
    title: String(counts[standing]),
    value: STANDING_WORDS[standing],
  }));
  const { admin, guest, disabled } = counts.leftOut;
  const leftOut = [
    admin > 0 && plural(admin, 'admin'),
    guest > 0 && plural(guest, 'guest'),
    disabled > 0 && plural(disabled, 'disabled account'),
  ].filter((part): part is string => typeof part === 'string');
  if (leftOut.length > 0) facts.push({ title: String(counts['left-out']), value: `left out: ${leftOut.join(', ')}` });
  if (counts.temporaryCode > 0) facts.push({ title: String(counts.temporaryCode), value: 'with a temporary code now' });
  if (counts.smsStillOn > 0)
    facts.push({ title: String(counts.smsStillOn), value: 'use their badge but can still sign in by SMS' });
  return facts.length > 0 ? [{ type: 'FactSet', facts }] : [text('Nobody in this store yet.', { isSubtle: true })];
}

/** A worker's line with the button for their fix (or none, when phonedesk cannot request one). */
export function workerRow(worker: WorkerStanding): ColumnSet {
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        verticalContentAlignment: 'Center',
        items: [
          text(worker.displayName, { weight: 'Bolder' }),
          text(STANDING_WORDS[worker.standing], { isSubtle: true, spacing: 'None' }),
        ],
      },
      // A column with nothing in it is dropped by the card parser: no button, no column.
      ...(worker.fix
        ? [
            {
              type: 'Column' as const,
              width: 'auto' as const,
              verticalContentAlignment: 'Center' as const,
              items: [
                {
                  type: 'ActionSet' as const,
                  actions: [
                    executeAction(worker.fix.label, PROPOSE_VERB, {
                      userId: worker.userId,
                      finding: worker.fix.finding,
                    }),
                  ],
                },
              ],
            },
          ]
        : []),
    ],
  };
}

function readLine(overview: { readAt: string }, source: 'live' | 'report'): TextBlock {
  return text(
    source === 'live'
      ? `Read live from Microsoft 365 at ${cardDateTime(overview.readAt)}.`
      : `From Microsoft's sign-in registration report, read at ${cardDateTime(overview.readAt)}. It shows what each worker has registered, not whether it works, and Microsoft refreshes it a few times a day. Open a store for its live state.`,
    { isSubtle: true, size: 'Small', spacing: 'Small' },
  );
}

/** One store in full. */
export function buildStoreOverviewCard(overview: StoreOverview): AdaptiveCard {
  const { store, counts, workers } = overview;
  const first = needingAction(workers);
  const body: CardElement[] = [
    text(`${store.displayName}: ${plural(workers.length, 'worker')}`, { weight: 'Bolder', size: 'Medium' }),
    readLine(overview, 'live'),
    text(retirementLine(overview.daysLeft, counts['sms-only']), { weight: 'Bolder' }),
    ...countLines(counts),
  ];
  if (first.length > 0) {
    body.push(text(`Needs action first (${first.length})`, { weight: 'Bolder', separator: true, spacing: 'Medium' }));
    body.push(...first.slice(0, FIRST_ACTIONS).map(workerRow));
  } else if (workers.length > 0) {
    body.push(text('Nobody here needs anything done now.', { separator: true }));
  }
  const listed = workers.length > 0;
  return adaptiveCard(body, {
    ...(listed && {
      actions: [
        executeAction(
          first.length > FIRST_ACTIONS ? `All ${first.length} who need action` : 'Everyone, page by page',
          OVERVIEW_VERBS.list,
          {
            storeId: store.id,
            page: 0,
            only: first.length > FIRST_ACTIONS ? 'action' : 'all',
          },
        ),
        executeAction('Download as CSV', OVERVIEW_VERBS.csv, { storeId: store.id }),
      ],
    }),
  });
}

/** One page of a store's workers: those who need action, or everyone. */
export function buildStoreListCard(overview: StoreOverview, page: number, only: 'action' | 'all'): AdaptiveCard {
  const workers =
    only === 'action'
      ? needingAction(overview.workers)
      : [...overview.workers].sort((a, b) => a.displayName.localeCompare(b.displayName));
  const pages = Math.max(1, Math.ceil(workers.length / PAGE_SIZE));
  const current = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const shown = workers.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const title = only === 'action' ? 'who need action' : 'everyone';
  const nav = [
    current > 0 &&
      executeAction('Previous', OVERVIEW_VERBS.list, { storeId: overview.store.id, page: current - 1, only }),
    current < pages - 1 &&
      executeAction('Next', OVERVIEW_VERBS.list, { storeId: overview.store.id, page: current + 1, only }),
    executeAction('Download as CSV', OVERVIEW_VERBS.csv, { storeId: overview.store.id }),
  ].filter((action) => action !== false);
  return adaptiveCard(
    [
      text(`${overview.store.displayName}, ${title}: page ${current + 1} of ${pages}`, { weight: 'Bolder' }),
      readLine(overview, 'live'),
      ...(shown.length > 0 ? shown.map(workerRow) : [text('Nobody to show.', { isSubtle: true })]),
    ],
    { actions: nav },
  );
}

function storeRow(name: string, storeId: string, cells: string[]): ColumnSet {
  return {
    type: 'ColumnSet',
    separator: true,
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        verticalContentAlignment: 'Center',
        items: [text(name, { weight: 'Bolder' })],
      },
      {
        type: 'Column',
        width: 'stretch',
        verticalContentAlignment: 'Center',
        items: [text(cells.join(' · '), { size: 'Small' })],
      },
      {
        type: 'Column',
        width: 'auto',
        verticalContentAlignment: 'Center',
        items: storeId
          ? [{ type: 'ActionSet', actions: [executeAction('Open', OVERVIEW_VERBS.open, { storeId })] }]
          : [],
      },
    ],
  };
}

/** Several stores, one row each. */
export function buildStoresOverviewCard(overview: StoresOverview): AdaptiveCard {
  const smsOnly =
    overview.source === 'live'
      ? overview.live.reduce((sum, store) => sum + store.counts['sms-only'], 0)
      : overview.reported.reduce((sum, store) => sum + store.mobileOnly, 0);
  const rows =
    overview.source === 'live'
      ? overview.live.map((store) => {
          const cannot = store.workers.filter(
            (worker) => NEEDS_ACTION.has(worker.standing) && !['sms-only', 'badge-expiring'].includes(worker.standing),
          ).length;
          return storeRow(store.store.displayName, store.store.id, [
            `${store.workers.length} workers`,
            `${store.counts['badge-ready'] + store.counts['badge-expiring']} with a badge`,
            `${store.counts['sms-only']} SMS only`,
            `${cannot} cannot sign in`,
            `${store.counts['left-out']} left out`,
          ]);
        })
      : overview.reported.map((store) =>
          storeRow(store.store.displayName, store.store.id, [
            `${store.workers} workers`,
            `${store.withBadge} with a badge`,
            `${store.mobileOnly} mobile only`,
            `${store.neither} neither`,
            `${store.leftOut} left out`,
          ]),
        );
  const stores = overview.source === 'live' ? overview.live.length : overview.reported.length;
  return adaptiveCard([
    text(`Your ${plural(stores, 'store')}`, { weight: 'Bolder', size: 'Medium' }),
    readLine(overview, overview.source),
    text(
      overview.source === 'live'
        ? retirementLine(overview.daysLeft, smsOnly)
        : retirementLine(overview.daysLeft, 0).replace(/ Nobody here signs in by SMS only\.$/, '') +
            ` ${plural(smsOnly, 'worker')} have a mobile number and no badge.`,
      { weight: 'Bolder' },
    ),
    ...rows,
  ]);
}

/** The one-time link to a store's CSV file, for the person who asked. */
export function buildCsvLinkCard(overview: StoreOverview, url: string, minutes: number): AdaptiveCard {
  return adaptiveCard(
    [
      text(
        `${overview.store.displayName}: ${plural(overview.workers.length, 'worker')} as a CSV file. The link works once, for ${minutes} minutes, and has no phone numbers.`,
      ),
    ],
    { actions: [{ type: 'Action.OpenUrl', title: 'Download the CSV file', url }] },
  );
}
