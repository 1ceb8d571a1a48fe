// "How is my store doing?": the stores the person looks after (a manager's administrative units; every store for
// helpdesk), read live or from the registration report, on one card; its buttons page through a store's workers
// and hand over a CSV file at a one-time link. Card data is only ids: the store is checked against the clicker's
// stores again on every click, and a store read a while ago is read again.
import { CardFactory, type TurnContext } from 'botbuilder';
import type { AccessPolicy } from '../access/access-policy';
import type { RequesterDirectory } from '../access/requester-directory';
import type { RequesterProfile } from '../access/requester-profile';
import type { Person } from '../audit/audit-context';
import type { AdaptiveCard } from '../cards/adaptive-card';
import {
  OVERVIEW_VERBS,
  buildCsvLinkCard,
  buildStoreListCard,
  buildStoreOverviewCard,
  buildStoresOverviewCard,
} from '../cards/store-overview-card';
import { overviewCsv } from '../cards/overview-csv';
import { readStoreLive, readStores, type OverviewGateway, type StoreOverview } from '../checks/store-overview';
import type { GraphGateway } from '../graph/graph-gateway';
import type { StoreUnit } from '../graph/store-reads';
import type { OneTimeLinks } from './one-time-links';
import { personOf, WHO_ARE_YOU } from './person-of';
import type { RecentOverviews } from './recent-overviews';

export interface OverviewDeps {
  gateway: OverviewGateway & Pick<GraphGateway, 'allStores' | 'storesById'>;
  directory: RequesterDirectory;
  access: AccessPolicy;
  overviews: RecentOverviews;
  downloads: OneTimeLinks;
  now?: () => Date;
}

type OverviewResult = { card: AdaptiveCard } | { text: string };

/** How long a CSV link works. */
const CSV_LINK_MS = 15 * 60_000;

const NO_STORES =
  'You do not look after a store in phonedesk: a store is an administrative unit where you hold a role that manages sign-in. Ask about a worker by name instead, for example "status of Jane Doe".';

/** The stores the person may see: every store for approvers (helpdesk), a manager's own units otherwise. */
export async function storesOf(deps: OverviewDeps, profile: RequesterProfile): Promise<StoreUnit[]> {
  if (deps.access.isApprover(profile)) return deps.gateway.allStores();
  const ids = deps.access.managedUnits(profile);
  return ids.length > 0 ? deps.gateway.storesById(ids) : [];
}

/** Stores whose name has every word typed ("leeds", "manchester piccadilly"). */
function named(stores: readonly StoreUnit[], typed: string): StoreUnit[] {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  return stores.filter((store) => words.every((word) => store.displayName.toLowerCase().includes(word)));
}

async function readOne(deps: OverviewDeps, requester: Person, store: StoreUnit): Promise<StoreOverview> {
  const overview = await readStoreLive(deps.gateway, store, (deps.now ?? (() => new Date()))());
  deps.overviews.keep(requester.aadObjectId, overview);
  return overview;
}

/** The stores a message names among the person's own (all of them when none is named), or why there are none. */
export async function storesAsked(
  deps: OverviewDeps,
  requester: Person,
  typedStore: string | undefined,
): Promise<{ ok: true; stores: StoreUnit[]; profile: RequesterProfile } | { ok: false; text: string }> {
  const profile = await deps.directory.profile(requester);
  const mine = await storesOf(deps, profile);
  if (mine.length === 0) return { ok: false, text: NO_STORES };
  const stores = typedStore ? named(mine, typedStore) : mine;
  if (stores.length > 0) return { ok: true, stores, profile };
  const some = mine
    .slice(0, 5)
    .map((store) => store.displayName)
    .join(', ');
  return {
    ok: false,
    text: `I don't know a store called "${typedStore}" among the ones you look after (${some}${mine.length > 5 ? ', …' : ''}).`,
  };
}

/** The answer to "how is my store doing?" (or about a store named). */
export async function overviewAnswer(
  deps: OverviewDeps,
  requester: Person,
  typedStore: string | undefined,
): Promise<OverviewResult> {
  const asked = await storesAsked(deps, requester, typedStore);
  if (!asked.ok) return { text: asked.text };
  const { stores } = asked;
  if (stores.length === 1) return { card: buildStoreOverviewCard(await readOne(deps, requester, stores[0]!)) };
  const overview = await readStores(deps.gateway, stores, (deps.now ?? (() => new Date()))());
  for (const store of overview.live) deps.overviews.keep(requester.aadObjectId, store);
  return { card: buildStoresOverviewCard(overview) };
}

export async function storeOverview(
  deps: OverviewDeps,
  context: TurnContext,
  requester: Person,
  typedStore: string | undefined,
): Promise<void> {
  const answer = await overviewAnswer(deps, requester, typedStore);
  await context.sendActivity('card' in answer ? { attachments: [CardFactory.adaptiveCard(answer.card)] } : answer.text);
}

/** The store a click names, if the clicker may still see it; the store's recent read, or a fresh one. */
export async function clickedStore(
  deps: OverviewDeps,
  clicker: Person,
  storeId: string | undefined,
): Promise<{ ok: true; overview: StoreOverview } | { ok: false; text: string }> {
  if (!storeId) return { ok: false, text: 'That card is no longer valid.' };
  const profile = await deps.directory.profile(clicker);
  const store = (await storesOf(deps, profile)).find((candidate) => candidate.id === storeId);
  if (!store) return { ok: false, text: 'That store is not one you look after.' };
  const recent = deps.overviews.recent(clicker.aadObjectId, storeId);
  return { ok: true, overview: recent ?? (await readOne(deps, clicker, store)) };
}

const id = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : undefined;

/** "Open", "Next", "Download as CSV" on an overview card. */
export async function overviewAction(
  deps: OverviewDeps,
  context: TurnContext,
  verb: string,
  data: Record<string, unknown>,
): Promise<OverviewResult> {
  const clicker = personOf(context.activity);
  if (!clicker) return { text: WHO_ARE_YOU };
  const found = await clickedStore(deps, clicker, id(data.storeId));
  if (!found.ok) return { text: found.text };
  const { overview } = found;
  switch (verb) {
    case OVERVIEW_VERBS.open:
      return { card: buildStoreOverviewCard(overview) };
    case OVERVIEW_VERBS.list: {
      const page = typeof data.page === 'number' && Number.isFinite(data.page) ? data.page : 0;
      return { card: buildStoreListCard(overview, page, data.only === 'action' ? 'action' : 'all') };
    }
    default: {
      const until = Date.now() + CSV_LINK_MS;
      const name = overview.store.displayName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'store';
      const url = await deps.downloads.offer(overview.store.id, clicker.aadObjectId, until, {
        body: Buffer.from(overviewCsv(overview), 'utf8'),
        contentType: 'text/csv; charset=utf-8',
        filename: `${name}-sign-in.csv`,
      });
      return { card: buildCsvLinkCard(overview, url, CSV_LINK_MS / 60_000) };
    }
  }
}
