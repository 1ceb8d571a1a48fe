// A roster, as a job kind: a line with a number adds it as the worker's mobile for SMS sign-in (through the add-number
// kind's own spec, checked against their live state: admins, guests, a number held elsewhere, SMS's end); a line
// with "badge" is a badge, made exactly as a store's move makes one (badge-job.ts), its secrets on the one sheet.
import type { RequesterProfile } from '../access/requester-profile';
import type { ChangeRequest } from '../changes/change-request';
import type { OnboardRoster } from '../methods/account/account-types';
import type { LiveState, TargetedChange } from '../methods/method-contract';
import { specOf } from '../methods/registry';
import type { AddNumber } from '../methods/sms-sign-in/sms-types';
import type { Job, JobWorker } from '../storage/job-store';
import type { BadgeJob } from './badge-job';
import { runPlainChange, type JobKind, type JobTools } from './job-runner';

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
    const refusal = (live: LiveState): string | undefined =>
      this.tools.outOfScope(profile, live.snapshot!)
        ? `${row.displayName} is no longer in a store the requester looks after.`
        : specOf(change).refusalFor?.(live.snapshot!);
    // Adding a number may take two writes: the number, then turning it on for sign-in.
    return runPlainChange(this.tools, job, row, change, refusal, stopped, 2);
  }

  beforeEnd(job: Job, request: ChangeRequest): Promise<void> {
    return this.badges.beforeEnd(job, request);
  }

  undelivered(job: Job, request: ChangeRequest, rows: readonly JobWorker[], why: string): Promise<void> {
    return this.badges.undelivered(job, request, rows, why);
  }
}
