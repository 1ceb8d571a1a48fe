// A roster, as a job kind: a line with a number adds it as the worker's mobile for SMS sign-in (through the add-number
// kind's own spec, checked against their live state: admins, guests, a number held elsewhere, SMS's end); a line
// with "badge" is a badge, made exactly as a store's move makes one (badge-job.ts), its secrets on the one sheet.
import type { RequesterProfile } from '../access/requester-profile';
import type { ChangeRequest } from '../changes/change-request';
import type { OnboardRoster } from '../methods/account/account-types';
import type { LiveState, TargetedChange } from '../methods/method-contract';
import { signInSnapshot } from '../methods/read-snapshot';
import { specOf } from '../methods/registry';
import type { AddNumber } from '../methods/sms-sign-in/sms-types';
import type { Job, JobWorker } from '../storage/job-store';
import type { BadgeJob } from './badge-job';
import { plainFailure, type JobKind, type JobTools } from './job-runner';

type RosterRequest = ChangeRequest & OnboardRoster;

export class OnboardJob implements JobKind {
  readonly kind = 'onboard-roster';

  constructor(
    private readonly tools: JobTools,
    private readonly badges: BadgeJob,
  ) {}

  rows(request: ChangeRequest) {
    return (request as RosterRequest).planned;
  }

  started(request: ChangeRequest): string {
    return `Approved: ${(request as RosterRequest).planned.length} workers from the roster are being set up now. Progress is on its own card in ${request.requester.name}'s chat.`;
  }

  async turn(
    job: Job,
    request: ChangeRequest,
    row: JobWorker,
    profile: RequesterProfile,
    stopped: () => Promise<boolean>,
  ): Promise<void> {
    if (!row.phoneNumber) return this.badges.turn(job, request, row, profile, stopped);
    const change: TargetedChange<AddNumber> = {
      kind: 'add-number',
      phoneNumber: row.phoneNumber,
      target: { userId: row.userId, displayName: row.displayName },
    };
    const spec = specOf(change);
    await this.tools.within(job, row.userId, async () => {
      const resumed = row.state === 'creating';
      if (!resumed && !(await this.tools.move(job, row, ['planned'], 'creating'))) return;
      const readLive = async (): Promise<LiveState> => ({
        snapshot: await signInSnapshot(this.tools.gateway, row.userId),
        executionStartedAt: resumed ? new Date(row.updatedAt) : this.tools.now(),
      });
      try {
        const live = await readLive();
        if (resumed && spec.handler.reconcile(change, live) === 'applied') {
          await this.tools.move(job, row, ['creating'], 'delivered');
          return;
        }
        const refused = this.tools.outOfScope(profile, live.snapshot!)
          ? `${row.displayName} is no longer in a store the requester looks after.`
          : spec.refusalFor?.(live.snapshot!);
        const plan = refused ? { action: 'refuse' as const, outcome: refused } : spec.handler.plan(change, live);
        if (plan.action !== 'apply') {
          const state = plan.action === 'already-done' ? 'delivered' : 'skipped';
          await this.tools.move(job, row, ['creating'], state, plan.outcome);
          return;
        }
        await this.tools.pace.take(2);
        if (await stopped()) {
          await this.tools.move(job, row, ['creating'], 'planned');
          return;
        }
        const result = await spec.handler.apply(change, this.tools.gateway, live);
        const ok = result.status === 'succeeded';
        await this.tools.move(job, row, ['creating'], ok ? 'delivered' : 'failed', ok ? undefined : result.outcome);
      } catch (error) {
        // A lost answer is settled by what Graph holds now (the write is never sent twice blindly).
        const verdict = await readLive()
          .then((live) => spec.handler.reconcile(change, live))
          .catch(() => 'not-applied' as const);
        const made = verdict === 'applied';
        await this.tools.move(
          job,
          row,
          ['creating'],
          made ? 'delivered' : 'failed',
          made ? undefined : plainFailure(error),
        );
      }
    });
  }

  beforeEnd(job: Job, request: ChangeRequest): Promise<void> {
    return this.badges.beforeEnd(job, request);
  }

  unreachable(job: Job, request: ChangeRequest, rows: readonly JobWorker[]): Promise<void> {
    return this.badges.unreachable(job, request, rows);
  }
}
