// What the conversation handlers need, built once at start-up.
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { RateLimiter } from '../access/rate-limiter';
import type { WorkerResolver } from '../access/worker-resolver';
import type { Logger } from '../log/logger';
import type { Services } from '../services';
import type { ChangeRequestCards } from '../storage/change-request-cards';
import type { Notifier } from './notifier';

export interface BotDependencies {
  services: Services;
  resolver: WorkerResolver;
  cards: ChangeRequestCards;
  notifier: Notifier;
  adapter: TeamsAdapter;
  logger: Logger;
  /** Per-person limits on look-ups and on change requests. */
  limits: { reads: RateLimiter; changes: RateLimiter };
}
