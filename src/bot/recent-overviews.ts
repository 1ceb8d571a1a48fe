// The stores a person read lately, for the overview card's buttons (next page, CSV) without reading every worker
// again on each click. Memory only, per person, a few minutes; an older read is read again.
import type { StoreOverview } from '../checks/store-overview';

/** How long a store's read answers its card's buttons. */
export const RECENT_FOR_MS = 10 * 60_000;
/** At most this many reads are kept; the oldest go first. */
const MAX_KEPT = 200;

export class RecentOverviews {
  private readonly kept = new Map<string, { overview: StoreOverview; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  keep(personId: string, overview: StoreOverview): void {
    const key = `${personId.toLowerCase()}|${overview.store.id}`;
    this.kept.delete(key);
    this.kept.set(key, { overview, until: this.now() + RECENT_FOR_MS });
    while (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
  }

  recent(personId: string, storeId: string): StoreOverview | undefined {
    const key = `${personId.toLowerCase()}|${storeId}`;
    const kept = this.kept.get(key);
    if (kept && kept.until > this.now()) return kept.overview;
    this.kept.delete(key);
    return undefined;
  }
}
