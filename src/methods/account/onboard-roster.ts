// A roster's valid lines, approved once: each worker's mobile number added for SMS sign-in, or their badge made
// (with a Temporary Access Pass first for a new starter). The executor hands it to the job runner
// (src/jobs/onboard-job.ts), which goes through the add-number, issue-badge and new-starter kinds' own specs.
import type { ChangeKindSpec } from '../method-contract';
import type { GraphGateway } from '../../graph/graph-gateway';
import type { OnboardRoster } from './account-types';
import { plural } from '../plural';

export const onboardRoster: ChangeKindSpec<OnboardRoster, Pick<GraphGateway, 'revokeSignInSessions'>> = {
  kind: 'onboard-roster',
  job: true,
  reads: { policy: async () => undefined, askToSee: 'pending' },
  requires: ['planned', 'lifetimeDays', 'passMinutes'],
  changesPhoneMethods: true,
  summary: (change) => {
    const numbers = change.planned.filter((entry) => entry.phoneNumber).length;
    const badges = change.planned.length - numbers;
    const passes = change.planned.filter((entry) => entry.withPass).length;
    return `Onboard ${plural(change.planned.length, 'worker')} from a roster: ${plural(numbers, 'mobile number')} for sign-in, ${plural(badges, 'QR badge')}${passes > 0 ? ` (${passes} new starters with a Temporary Access Pass first)` : ''}`;
  },
  label: () => 'Onboard the roster',
  handler: {
    plan: (change) =>
      change.planned.length === 0
        ? { action: 'already-done', outcome: 'The roster had nobody to set up.' }
        : { action: 'apply' },
    apply() {
      // The executor starts the job instead (spec.job); reaching this is a wiring mistake, and nothing is changed.
      return Promise.reject(new Error('a roster runs as a job, started by the job runner'));
    },
    reconcile: () => 'not-applied',
  },
};
