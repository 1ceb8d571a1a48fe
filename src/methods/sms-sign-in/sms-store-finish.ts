// Finishing a store's move: SMS sign-in off for every worker who uses their badge, under one approval. The executor
// hands it to the job runner (src/jobs/finish-job.ts), which turns it off worker by worker through the
// disable-sms-sign-in (or remove-number) kind, each checked against the worker's live state; this spec is what the
// pipeline knows of it.
import type { SmsPolicySnapshot } from '../../snapshot/sign-in-snapshot';
import type { ChangeKindSpec } from '../method-contract';
import type { SmsGateway } from './sms-handlers';
import type { FinishStoreMove } from './sms-types';
import { plural } from '../plural';

export const finishStoreMove: ChangeKindSpec<FinishStoreMove, SmsGateway, SmsPolicySnapshot> = {
  kind: 'finish-store-move',
  job: true,
  reads: { policy: (gateway) => gateway.smsPolicy({ fresh: true }), askToSee: 'how is my store doing?' },
  requires: ['storeId', 'planned', 'removeNumbers'],
  changesPhoneMethods: true,
  sameAsk: (a, b) => a.storeId === b.storeId,
  summary: (change) =>
    `Finish moving ${change.target.displayName} to badges: turn off SMS sign-in${change.removeNumbers ? ' and remove the mobile number' : ''} for ${plural(change.planned.length, 'worker')} who sign in with their badge`,
  label: () => 'Finish the move',
  handler: {
    plan: (change) =>
      change.planned.length === 0
        ? { action: 'already-done', outcome: 'Nobody in the plan signs in by text message any more.' }
        : { action: 'apply' },
    apply() {
      // The executor starts the job instead (spec.job); reaching this is a wiring mistake, and nothing is changed.
      return Promise.reject(new Error('finishing a store move runs as a job, started by the job runner'));
    },
    reconcile: () => 'not-applied',
  },
};
