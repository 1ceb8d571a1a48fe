// The ports the bot's routes are given, built once by the composition root (src/services.ts). Each handler module
// declares the part it uses (WorkerLookupDeps, SubmitChangeDeps, DecisionDeps, ConversationDeps, HelpDeps, …) and
// gets only that; this is their union, for the routers (message-handler, card-actions) that reach all of them.
// Storage appears as ports only: no adapter, no database.
import type { CountryCode } from 'libphonenumber-js';
import type { AccessPolicy } from '../access/access-policy';
import type { RateLimiter } from '../access/rate-limiter';
import type { RequesterDirectory } from '../access/requester-directory';
import type { WorkerResolver } from '../access/worker-resolver';
import type { AuditAppender } from '../changes/audit-appender';
import type { ChangeExecutor } from '../changes/change-executor';
import type { ChangeService } from '../changes/change-service';
import type { WorkerChecker } from '../checks/worker-check';
import type { GraphGateway } from '../graph/graph-gateway';
import type { AccessGateway } from '../checks/access-check';
import type { ReadinessGateway } from '../checks/readiness-read';
import type { WeakAdminGateway } from '../checks/weak-admin-read';
import type { Logger } from '../log/logger';
import type { NumberHolderFinder } from '../number-index/number-holder-finder';
import type { ChangeRequestCards } from '../storage/change-request-cards';
import type { ConversationReferences } from '../storage/conversation-references';
import type { HandoverDelivery } from './handover-delivery';
import type { Notifier } from './notifier';
import type { OneTimeLinks } from './one-time-links';
import type { RecentOverviews } from './recent-overviews';
import type { StoreMoveDeps } from './store-move-reply';
import type { ImpactGateway } from '../checks/sms-off-impact';

export interface BotDependencies {
  changes: ChangeService;
  /** Runs an approved change; restarts and reconciling are the composition root's background work. */
  executor: Pick<ChangeExecutor, 'run'>;
  checker: WorkerChecker;
  holders: NumberHolderFinder;
  /** Reads only: Graph writes happen in the executor, after approval. */
  gateway: Pick<GraphGateway, 'readWorker' | 'scopesOf' | 'smsPolicy'> &
    StoreMoveDeps['gateway'] &
    ImpactGateway &
    AccessGateway &
    WeakAdminGateway &
    ReadinessGateway;
  /** Store-wide jobs (a store's move to badges): stopping one. */
  jobs: StoreMoveDeps['jobs'];
  jobStore: StoreMoveDeps['jobStore'];
  directory: RequesterDirectory;
  access: AccessPolicy;
  resolver: WorkerResolver;
  audit: AuditAppender;
  conversations: ConversationReferences;
  cards: ChangeRequestCards;
  notifier: Notifier;
  /** One-time secrets' cards: "Mark handed over", and clearing them after a day. */
  handovers: Pick<HandoverDelivery, 'markHandedOver' | 'clearShownTooLong'>;
  /** A store's CSV file at a one-time link. */
  downloads: OneTimeLinks;
  /** Every path of one-time links (badge PDFs, badge sheets, CSV files), for the HTTP server to serve. */
  oneTimeLinks: readonly OneTimeLinks[];
  /** Stores read lately, for their overview cards' buttons. */
  overviews: RecentOverviews;
  /** Per-person limits on look-ups and on change requests. */
  limits: { reads: RateLimiter; changes: RateLimiter };
  /** Country for numbers typed without a country code (DEFAULT_REGION). */
  defaultRegion: CountryCode;
  logger: Logger;
}
