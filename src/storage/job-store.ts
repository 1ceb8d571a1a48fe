// Port: jobs, many changes under one approval (a store's move to badges), and a row per worker, durable so that a
// job resumes after a crash where it stopped. A row's secret is kept only sealed (src/secret/sealed-secret.ts),
// and only until the badge sheet is handed over. Every move of a row is compare-and-set: one winner.
import type { ConversationReference } from 'botbuilder';
import type { Person } from '../audit/audit-context';

export type JobStatus = 'running' | 'cancelling' | 'cancelled' | 'finished';
/** What the job does for each worker: a badge (a store's move), or SMS sign-in off (finishing the move). */
export type JobKindName = 'move-store-to-badges' | 'finish-store-move' | 'onboard-roster';
export type JobWorkerState = 'planned' | 'creating' | 'issued' | 'delivered' | 'failed' | 'skipped';

export interface Job {
  /** The id of the change request that approved it: one job per request. */
  id: string;
  kind: JobKindName;
  requestNumber: number;
  requester: Person;
  approver: Person;
  storeId: string;
  storeName: string;
  status: JobStatus;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
  /** The one progress card, updated in place, once posted. */
  progressCard?: { activityId: string; reference: Partial<ConversationReference> };
  /** Who asked to cancel, while cancelling and after. */
  cancelledBy?: Person;
  /** When the badge sheet went to the requester. */
  sheetAt?: string;
  /** When the badges of a sheet nobody opened in time were stopped. */
  sheetStoppedAt?: string;
}

export interface JobWorker {
  jobId: string;
  /** Order in the plan. */
  position: number;
  userId: string;
  displayName: string;
  /** A pass first (never signed in), then the badge. */
  withPass: boolean;
  state: JobWorkerState;
  /** Plain words: why it failed or was skipped, with the fix. */
  detail?: string;
  /** The badge's code id and expiry once issued: never a secret. */
  codeId?: string;
  expireDateTime?: string;
  /** A roster line's number to add for SMS sign-in (Graph form); none: a badge. */
  phoneNumber?: string;
  /** A new starter's pass id (to stop it if the sheet cannot be handed over): never the pass. */
  passId?: string;
  /** The secret sealed under a key held only in memory, from issue until the sheet. */
  sealed?: string;
  updatedAt: string;
}

export interface NewJob {
  id: string;
  kind: JobKindName;
  requestNumber: number;
  requester: Person;
  approver: Person;
  storeId: string;
  storeName: string;
  createdAt: string;
  workers: ReadonlyArray<Pick<JobWorker, 'userId' | 'displayName' | 'withPass' | 'phoneNumber'>>;
}

export interface WorkerMove {
  state: JobWorkerState;
  detail?: string;
  codeId?: string;
  expireDateTime?: string;
  passId?: string;
  /** A new sealed secret, or null to drop the one kept. */
  sealed?: string | null;
}

export interface JobStore {
  /** Saves a new job and its rows; an existing job with this id is returned as it stands (created false). */
  create(job: NewJob): Promise<{ job: Job; created: boolean }>;
  get(id: string): Promise<Job | undefined>;
  workers(jobId: string): Promise<JobWorker[]>;
  /** Moves a row only if it is still in one of `from`; false when another run moved it first. */
  moveWorker(
    jobId: string,
    userId: string,
    from: readonly JobWorkerState[],
    move: WorkerMove,
    at: string,
  ): Promise<boolean>;
  /** Moves the job only if it is still in one of `from`. */
  setStatus(
    jobId: string,
    from: readonly JobStatus[],
    to: JobStatus,
    at: string,
    cancelledBy?: Person,
  ): Promise<Job | undefined>;
  setProgressCard(jobId: string, card: NonNullable<Job['progressCard']>): Promise<void>;
  /** The sheet was handed over: every row's sealed secret goes, issued rows become delivered. */
  sheetHandedOver(jobId: string, at: string): Promise<void>;
  /** The sheet was not opened in time and its badges were stopped: every row's sealed secret goes. */
  sheetStopped(jobId: string, at: string): Promise<void>;
  /** Ended jobs finished before `finishedBefore` whose sheet was neither taken nor stopped, oldest first. */
  sheetsDue(finishedBefore: string): Promise<Job[]>;
  /** Jobs still running or cancelling, oldest first (to resume after a start). */
  unfinished(): Promise<Job[]>;
}
