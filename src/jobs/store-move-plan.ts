// The plan for moving a store to badges, read live: who gets a badge (with a Temporary Access Pass first when they
// have never signed in, since a badge works only after one sign-in another way), who is left out and why, and
// about how long it will take at Graph's write pace. The plan is what gets approved; each worker is checked again
// when the job reaches them.
import { readStoreWorkers, type OverviewGateway } from '../checks/store-overview';
import { STANDING_WORDS } from '../diagnosis/store-standing';
import type { GraphGateway } from '../graph/graph-gateway';
import type { SnapshotSlice } from '../graph/snapshot-slice';
import type { StoreUnit } from '../graph/store-reads';
import { hasQualifyingLicence } from '../methods/account/qualifying-licences';
import { QR_SNAPSHOT } from '../methods/qr-code-pin/qr-snapshot';
import type { PlannedBadge, SkippedWorker } from '../methods/qr-code-pin/qr-types';
import { TAP_SNAPSHOT } from '../methods/temporary-access-pass/tap-snapshot';
import { DEFAULT_PACE } from './job-pace';

export type PlanGateway = OverviewGateway & Pick<GraphGateway, 'tenantSlice'>;

export interface StoreMovePlan {
  store: StoreUnit;
  readAt: string;
  planned: PlannedBadge[];
  skipped: SkippedWorker[];
  lifetimeDays: number;
  passMinutes: number;
  /** About how long the job takes, in seconds, at the job's write pace. */
  seconds: number;
}

/** Each worker's licences and last sign-in, beside the overview's phones and badge. */
const PLAN_SLICE: SnapshotSlice<{ licences: string[]; lastSignIn?: string }> = {
  workerReads: (user) => [
    { id: 'licences', url: `/users/${user}/licenseDetails?$select=skuPartNumber` },
    ...QR_SNAPSHOT.workerReads(user).filter((read) => read.id === 'signIns'),
  ],
  map(answers) {
    const licences = answers.optional<{ value: Array<{ skuPartNumber?: string }> }>('licences');
    const { lastSignIn } = QR_SNAPSHOT.map(answers);
    return {
      licences: (licences?.value ?? []).map((licence) => licence.skuPartNumber ?? '').filter(Boolean),
      ...(lastSignIn !== undefined && { lastSignIn }),
    };
  },
};

const LEFT_OUT_WHY = {
  admin: 'holds an admin role: a badge and a PIN are too weak a sign-in for an admin',
  guest: 'has a guest account, which cannot sign in with a QR code',
  disabled: 'the account is disabled',
} as const;

export async function readMovePlan(gateway: PlanGateway, store: StoreUnit, now: Date): Promise<StoreMovePlan> {
  const [{ overview, qrAllowed, extras }, qr, tap] = await Promise.all([
    readStoreWorkers(gateway, store, now, { extraSlices: [PLAN_SLICE] }),
    gateway.tenantSlice(QR_SNAPSHOT),
    gateway.tenantSlice(TAP_SNAPSHOT),
  ]);
  const planned: PlannedBadge[] = [];
  const skipped: SkippedWorker[] = [];
  for (const worker of overview.workers) {
    const extra = extras.get(worker.userId)?.[0] as { licences: string[]; lastSignIn?: string } | undefined;
    const skip = (why: string): void => void skipped.push({ displayName: worker.displayName, why });
    if (worker.leftOut) skip(LEFT_OUT_WHY[worker.leftOut]);
    else if (worker.standing === 'unreadable') skip('could not be read just now: ask again for them alone later');
    else if (worker.standing === 'badge-ready' || worker.standing === 'badge-expiring')
      skip(`already has a working badge (${STANDING_WORDS[worker.standing]})`);
    else if (!qrAllowed.has(worker.userId)) skip('is not in the QR code policy: IT can add them to its group');
    else if (extra && extra.licences.length > 0 && !hasQualifyingLicence(extra.licences))
      skip('has no licence that includes QR code sign-in (Microsoft 365 F1/F3/E3/E5 or Entra ID P1/P2)');
    else if (extra && extra.licences.length === 0) skip('has no licence, and QR code sign-in needs one');
    else if (extra?.lastSignIn === 'never' && tap.tapPolicy?.state !== 'enabled')
      skip('has never signed in, so a badge needs a Temporary Access Pass first, and passes are turned off here');
    else
      planned.push({ userId: worker.userId, displayName: worker.displayName, withPass: extra?.lastSignIn === 'never' });
  }
  const writes = planned.reduce((sum, worker) => sum + (worker.withPass ? 2 : 1), 0);
  return {
    store,
    readAt: now.toISOString(),
    planned,
    skipped,
    lifetimeDays: qr.qrPolicy?.standardQRCodeLifetimeInDays ?? 365,
    passMinutes: tap.tapPolicy?.defaultLifetimeInMinutes ?? 60,
    seconds: Math.ceil(writes / DEFAULT_PACE.writesPerSecond),
  };
}
