// Port: where an approved request of a job kind (a store's move to badges) goes instead of being applied at once.
import type { ApplyResult } from '../methods/method-contract';
import type { ChangeRequest } from './change-request';

export interface JobStarter {
  /** Starts the request's job, or finds it started (after a restart): once per request, whoever calls. */
  start(request: ChangeRequest): Promise<ApplyResult>;
}
