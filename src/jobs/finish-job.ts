// Finishing a store's move, as a job kind: for each worker planned, SMS sign-in turned off (or the number removed,
// if asked) through that kind's own spec, but only while their badge still works and has been used: turning SMS off
// beside a badge that does not work would leave them no way in. A row left "creating" by a crash is reconciled.
import type { RequesterProfile } from '../access/requester-profile';
import type { ChangeRequest } from '../changes/change-request';
import type { LiveState, TargetedChange } from '../methods/method-contract';
import { isActive } from '../methods/qr-code-pin/qr-findings';
import type { DisableSmsSignIn, FinishStoreMove, RemoveNumber } from '../methods/sms-sign-in/sms-types';
import type { Job, JobWorker } from '../storage/job-store';
import { runPlainChange, type JobKind, type JobTools } from './job-runner';

type FinishRequest = ChangeRequest & FinishStoreMove;
type SmsOff = TargetedChange<DisableSmsSignIn | RemoveNumber>;

export class FinishJob implements JobKind {
  readonly kind = 'finish-store-move';

  constructor(private readonly tools: JobTools) {}

  rows(request: ChangeRequest) {
    return (request as FinishRequest).planned.map((worker) => ({ ...worker, withPass: false }));
  }

  started(request: ChangeRequest): string {
    const finish = request as FinishRequest;
    return `Approved: SMS sign-in is being turned off for ${finish.planned.length} workers of ${request.target.displayName} who sign in with their badge. Progress is on its own card in ${request.requester.name}'s chat.`;
  }

  /** Why SMS must stay on for this worker now, from their live state. */
  private keepSms(row: JobWorker, live: LiveState, profile: RequesterProfile): string | undefined {
    const snapshot = live.snapshot!;
    if (this.tools.outOfScope(profile, snapshot))
      return `${row.displayName} is no longer in a store the requester looks after.`;
    const standard = snapshot.qrCodePin?.standardQRCode;
    if (!isActive(standard, this.tools.now()))
      return `${row.displayName}'s badge no longer works, so SMS sign-in was left on: they would have no way in.`;
    if (!standard.lastUsedDateTime)
      return `${row.displayName} has not used their badge yet, so SMS sign-in was left on.`;
    return undefined;
  }

  turn(
    job: Job,
    request: ChangeRequest,
    row: JobWorker,
    profile: RequesterProfile,
    stopped: () => Promise<boolean>,
  ): Promise<void> {
    const target = { userId: row.userId, displayName: row.displayName };
    const change: SmsOff = (request as FinishRequest).removeNumbers
      ? { kind: 'remove-number', target }
      : { kind: 'disable-sms-sign-in', target };
    return runPlainChange(this.tools, job, row, change, (live) => this.keepSms(row, live, profile), stopped);
  }
}
