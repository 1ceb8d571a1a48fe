// Readiness for 2027-02-01, counted: per store, who still signs in by text message and who holds a badge they have
// used. Pure; read by checks/readiness-read.ts, shown by cards/readiness-card.ts.
import type { MethodsPolicySettings } from '../graph/posture-reads';
import type { SmsPolicySnapshot } from '../snapshot/sign-in-snapshot';

export interface StoreReadiness {
  store: string;
  workers: number;
  /** SMS sign-in ready on their mobile: they stop signing in on 2027-02-01. */
  onSms: number;
  /** A working badge they have signed in with at least once. */
  usedBadge: number;
  /** On SMS with no working badge: locked out on the day unless they move. */
  onSmsOnly: number;
}

export interface Readiness {
  readAt: string;
  policy: SmsPolicySnapshot;
  stores: StoreReadiness[];
  /** Everyone read, in a store or not. */
  total: Omit<StoreReadiness, 'store'>;
  /** Read but in no store (head office, a target of the SMS policy only). */
  outsideStores: Omit<StoreReadiness, 'store'>;
  unread: number;
  settings: MethodsPolicySettings | { unreadable: string };
}

export interface Standing {
  onSms: boolean;
  usedBadge: boolean;
}

export function countReadiness(
  ids: readonly string[],
  standing: ReadonlyMap<string, Standing>,
): Omit<StoreReadiness, 'store'> {
  const read = ids.map((id) => standing.get(id)).filter((found): found is Standing => found !== undefined);
  return {
    workers: ids.length,
    onSms: read.filter((one) => one.onSms).length,
    usedBadge: read.filter((one) => one.usedBadge).length,
    onSmsOnly: read.filter((one) => one.onSms && !one.usedBadge).length,
  };
}
