// The composition root: storage, audit log, Graph gateway and the change pipeline, built from the config, and the
// ports the bot's handlers get. Everything the bot uses is made here and closed here: the only file that picks
// concrete classes (the stores' backend, STORAGE, above all); bot/ and dialogs/ see ports.
import { randomUUID } from 'node:crypto';
import { AccessPolicy } from './access/access-policy';
import { BackgroundWork } from './background-work';
import { LeasedWork } from './changes/leased-work';
import { ApproverRoster } from './access/approver-roster';
import { RateLimiter } from './access/rate-limiter';
import { RequesterDirectory } from './access/requester-directory';
import { WorkerResolver } from './access/worker-resolver';
import { AuditObserver } from './audit/audit-observer';
import type { BotDependencies } from './bot/bot-dependencies';
import type { createAdapter } from './bot/create-adapter';
import { Notifier } from './bot/notifier';
import { HandoverDelivery } from './bot/handover-delivery';
import { BADGE_PATH, BadgePrints } from './bot/badge-prints';
import { OneTimeLinks } from './bot/one-time-links';
import { RecentOverviews } from './bot/recent-overviews';
import { JobCards, SHEET_PATH } from './bot/job-cards';
import { ThrottleWatch } from './graph/throttle-watch';
import { BadgeJob } from './jobs/badge-job';
import { FinishJob } from './jobs/finish-job';
import { OnboardJob } from './jobs/onboard-job';
import { JobRunner, JobTools } from './jobs/job-runner';
import { JobPace } from './jobs/job-pace';
import { SecretSeal } from './secret/secret-seal';
import { ChangeExecutor } from './changes/change-executor';
import type { ChangeRequest } from './changes/change-request';
import { ChangeSafety } from './changes/change-safety';
import { ChangeService } from './changes/change-service';
import { LostNumbers } from './changes/lost-numbers';
import { WorkerChecker } from './checks/worker-check';
import type { Config } from './config';
import { createGraphCredential, graphScope } from './graph/graph-credentials';
import { GraphGateway } from './graph/graph-gateway';
import type { Logger } from './log/logger';
import { NumberHolderFinder } from './number-index/number-holder-finder';
import { openAzureStores } from './storage/azure/azure-stores';
import type { SqliteDatabase } from './storage/sqlite/sqlite-database';
import { openSqliteStores } from './storage/sqlite/sqlite-stores';
import type { OnUnreadableRequest, Stores } from './storage/stores';

export interface Services {
  config: Config;
  /** Every store, from the backend STORAGE names. */
  stores: Stores;
  /** This instance's hold on shared work (executions, jobs, sweeps, a conversation's turn). */
  claims: LeasedWork;
  /** The SQLite connection when STORAGE=sqlite (maintenance, the storage-fault tests); undefined on Azure. */
  sqlite: SqliteDatabase | undefined;
  gateway: GraphGateway;
  changes: ChangeService;
  executor: ChangeExecutor;
  checker: WorkerChecker;
  holders: NumberHolderFinder;
  access: AccessPolicy;
  directory: RequesterDirectory;
  /** Store-wide jobs (a store's move to badges), resumed at start. */
  jobs: JobRunner;
  /** The move's kind: its sheet is taken from it. */
  badgeJob: BadgeJob;
  /**
   * Background work started with the services: reconcile after a restart (`onChangeFinished` tells people how
   * a resumed change ended), expiry, the number index sweep; `clearHandovers` replaces secrets' cards shown a day.
   */
  startBackgroundWork(
    onChangeFinished?: (request: ChangeRequest) => Promise<void>,
    clearHandovers?: () => Promise<number>,
  ): void;
  /** The expiry sweep the background work runs every minute, run now: expire due requests, tell people once. */
  sweepExpired(): Promise<void>;
  /** Anchors the audit chain's newest record now, as the background work does every few minutes (Azure Storage). */
  anchorAudit(): Promise<boolean>;
  close(): Promise<void>;
}

/** Where one-time files other than badges (a store's CSV) are served. */
const DOWNLOAD_PATH = '/downloads';
/** How long stopping waits for background work before closing the database under it. */
const STOP_GRACE_MS = 2000;

function openStores(config: Config, onUnreadable: OnUnreadableRequest): { stores: Stores; sqlite?: SqliteDatabase } {
  if (config.storage.kind === 'azure') return { stores: openAzureStores(config.storage, onUnreadable) };
  const stores = openSqliteStores(config.dataDir, onUnreadable);
  return { stores, sqlite: stores.db };
}

export function createServices(config: Config, logger: Logger): Services {
  const { stores, sqlite } = openStores(config, (id, error) =>
    logger.warn({ requestId: id, reason: error.message }, 'a stored change request could not be read; it is left out'),
  );
  const { audit, changes: changeStore, numberIndex, jobs: jobStore } = stores;
  // Every call is audited; throttled writes are also seen by the jobs' pace, which then slows the whole job.
  const throttles = new ThrottleWatch(new AuditObserver(audit, logger));
  const gateway = new GraphGateway({
    baseUrl: config.graph.baseUrl,
    credential: createGraphCredential(config.graph),
    scope: graphScope(config.graph),
    observer: throttles,
  });
  const access = new AccessPolicy(config.changes);
  const directory = new RequesterDirectory(gateway);
  const holders = new NumberHolderFinder(numberIndex, gateway);
  const lostNumbers = new LostNumbers(changeStore);
  const safety = new ChangeSafety(lostNumbers, holders, gateway, directory, access);
  const now = () => new Date();
  const ttls = { approvalTtlMs: config.changes.approvalTtlMs, lostPhoneTtlMs: config.changes.lostPhoneTtlMs };
  const changes = new ChangeService(changeStore, audit, directory, access, ttls, now, safety);
  // This instance's hold on shared work: executions, jobs and sweeps run where their lease is held.
  const claims = new LeasedWork(stores.leases, randomUUID(), { ttlMs: config.leaseMs });
  const executor = new ChangeExecutor(
    changeStore,
    gateway,
    directory,
    access,
    numberIndex,
    logger,
    now,
    safety,
    claims,
  );
  const checker = new WorkerChecker(gateway, numberIndex, holders, lostNumbers);
  const jobTools = new JobTools(jobStore, gateway, access, new JobPace(throttles), now);
  const badgeJob = new BadgeJob(jobTools, new SecretSeal(), audit);
  const jobs = new JobRunner(
    jobStore,
    changeStore,
    directory,
    access,
    [badgeJob, new FinishJob(jobTools), new OnboardJob(jobTools, badgeJob)],
    logger,
    now,
    claims,
  );
  executor.runJobsThrough(jobs);
  const background = new BackgroundWork({
    changes,
    executor,
    jobs,
    numberIndex,
    gateway,
    claims,
    logger,
    audit,
    anchors: stores.anchors,
    links: stores.links,
  });

  return {
    config,
    stores,
    claims,
    sqlite,
    gateway,
    changes,
    executor,
    checker,
    holders,
    access,
    directory,
    jobs,
    badgeJob,
    startBackgroundWork: (onChangeFinished, clearHandovers) => background.start(onChangeFinished, clearHandovers),
    sweepExpired: () => background.sweepExpired(),
    anchorAudit: () => background.anchorAudit(),
    async close() {
      await Promise.all([
        background.stop(STOP_GRACE_MS),
        Promise.race([jobs.stop(), new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]),
      ]);
      await stores.close();
    },
  };
}

/**
 * The ports the bot's handlers get (bot/bot-dependencies.ts), over the services and the Bot Framework adapter
 * (bot/create-adapter.ts: only bot/ names teams-ai), which proactive messages need.
 */
export function createBotDependencies(
  services: Services,
  adapter: ReturnType<typeof createAdapter>,
  logger: Logger,
): BotDependencies {
  const { config, stores } = services;
  const { cards } = stores;
  const roster = new ApproverRoster(services.gateway, config.changes);
  const notifier = new Notifier(
    adapter,
    config.bot.appId,
    stores.conversations,
    cards,
    services.directory,
    services.access,
    logger,
    services.changes,
    roster,
  );
  const oneTimeLinks = (path: string): OneTimeLinks => new OneTimeLinks(path, stores.links, logger);
  const prints = new BadgePrints(oneTimeLinks(BADGE_PATH));
  const handovers = new HandoverDelivery(
    adapter,
    config.bot.appId,
    stores.conversations,
    stores.handovers,
    services.changes,
    prints,
    logger,
  );
  services.executor.handOverThrough(handovers);
  const downloads = oneTimeLinks(DOWNLOAD_PATH);
  const sheets = oneTimeLinks(SHEET_PATH);
  services.jobs.tellThrough(
    new JobCards(adapter, config.bot.appId, stores.conversations, stores.jobs, sheets, services.badgeJob, logger),
  );
  return {
    changes: services.changes,
    executor: services.executor,
    checker: services.checker,
    holders: services.holders,
    gateway: services.gateway,
    directory: services.directory,
    access: services.access,
    resolver: new WorkerResolver(services.gateway),
    audit: stores.audit,
    conversations: stores.conversations,
    cards,
    notifier,
    handovers,
    downloads,
    oneTimeLinks: [prints.links, sheets, downloads],
    jobs: services.jobs,
    jobStore: stores.jobs,
    overviews: new RecentOverviews(),
    limits: {
      reads: new RateLimiter({ limit: config.changes.readsPerMinute, windowMs: 60_000 }, 'reads', stores.counters),
      changes: new RateLimiter(
        { limit: config.changes.changeRequestsPerHour, windowMs: 3_600_000 },
        'changes',
        stores.counters,
      ),
    },
    defaultRegion: config.changes.defaultRegion,
    logger,
  };
}
