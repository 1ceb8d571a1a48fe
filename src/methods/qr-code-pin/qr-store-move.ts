// A store's move to badges, approved once for every planned worker. The executor hands it to the job runner
// (src/jobs/), which gives each worker their badge through the issue-badge and new-starter kinds, each checked
// against the worker's live state when their turn comes; this spec is what the pipeline knows of it.
import type { ChangeKindSpec } from '../method-contract';
import type { QrGateway } from './qr-handlers';
import { QR_SNAPSHOT } from './qr-snapshot';
import type { MoveStoreToBadges, QrPolicySnapshot } from './qr-types';
import { plural } from '../plural';

export const moveStoreToBadges: ChangeKindSpec<MoveStoreToBadges, QrGateway, QrPolicySnapshot | undefined> = {
  kind: 'move-store-to-badges',
  job: true,
  // The plan was made from the store's live state; what matters again at the start is that badges can be made.
  reads: {
    policy: async (gateway) => (await gateway.tenantSlice(QR_SNAPSHOT)).qrPolicy,
    askToSee: 'how is my store doing?',
  },
  requires: ['storeId', 'planned', 'skipped', 'lifetimeDays', 'passMinutes'],
  changesPhoneMethods: false,
  sameAsk: (a, b) => a.storeId === b.storeId,
  summary: (change) => {
    const passes = change.planned.filter((worker) => worker.withPass).length;
    return `Move ${change.target.displayName} to QR badges: ${plural(change.planned.length, 'badge')} with temporary PINs for ${change.lifetimeDays} days${passes > 0 ? `, ${passes} of them with a Temporary Access Pass for a first sign-in` : ''}${change.skipped.length > 0 ? `; ${plural(change.skipped.length, 'worker')} left out` : ''}`;
  },
  label: () => 'Move the store to badges',
  handler: {
    plan(change, live) {
      if (live.policy?.state !== 'enabled')
        return {
          action: 'refuse',
          outcome:
            'QR code sign-in is turned off for the organisation, so no badge can be made. A tenant admin can turn it on.',
        };
      return change.planned.length === 0
        ? { action: 'already-done', outcome: 'Nobody in the plan needs a badge.' }
        : { action: 'apply' };
    },
    apply() {
      // The executor starts the job instead (spec.job); reaching this is a wiring mistake, and nothing is made.
      return Promise.reject(new Error('a store move runs as a job, started by the job runner'));
    },
    reconcile: () => 'not-applied',
  },
};
