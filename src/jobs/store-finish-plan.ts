// The plan for finishing a store's move, read live: who signs in with their badge now and can still sign in by text
// message (SMS off for them), who has a badge they have not used yet (a reminder, not SMS off), and who still has
// SMS only (they need the move first).
import { readStoreWorkers, type OverviewGateway } from '../checks/store-overview';
import type { StoreUnit } from '../graph/store-reads';
import type { WorkerStanding } from '../diagnosis/store-standing';
import { DEFAULT_PACE } from './job-pace';

export interface StoreFinishPlan {
  store: StoreUnit;
  readAt: string;
  planned: Array<{ userId: string; displayName: string }>;
  /** A working badge never used: SMS stays on, and the manager is offered their sign-in steps. */
  notYet: Array<{ userId: string; displayName: string }>;
  /** No badge yet: the move comes first. */
  smsOnly: number;
  seconds: number;
}

const named = (worker: WorkerStanding) => ({ userId: worker.userId, displayName: worker.displayName });

export async function readFinishPlan(gateway: OverviewGateway, store: StoreUnit, now: Date): Promise<StoreFinishPlan> {
  const { overview } = await readStoreWorkers(gateway, store, now);
  const workers = overview.workers.filter((worker) => !worker.leftOut);
  const planned = workers.filter((worker) => worker.smsStillOn).map(named);
  return {
    store,
    readAt: now.toISOString(),
    planned,
    notYet: workers.filter((worker) => worker.badgeUnused).map(named),
    smsOnly: overview.counts['sms-only'],
    seconds: Math.ceil(planned.length / DEFAULT_PACE.writesPerSecond),
  };
}
