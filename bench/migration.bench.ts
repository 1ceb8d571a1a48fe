// Moving a store of 1,000 workers to badges with the simulator throttling at Graph's documented ceilings (3,000
// writes per 150 s for an app in a tenant) and answering each request after 300 ms, a typical write latency: the
// job's workers per second against that ceiling, against a loop that sends one request at a time and waits for each
// answer, and the Graph calls each worker costs.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { AccessPolicy } from '../src/access/access-policy';
import { RequesterDirectory } from '../src/access/requester-directory';
import { SYSTEM_ACTOR } from '../src/audit/audit-context';
import { SimulatorCredential } from '../src/graph/graph-credentials';
import { GraphGateway } from '../src/graph/graph-gateway';
import { ThrottleWatch } from '../src/graph/throttle-watch';
import { BadgeJob } from '../src/jobs/badge-job';
import { JobRunner, JobTools, WORKERS_AT_ONCE } from '../src/jobs/job-runner';
import { GRAPH_WRITE_CEILING_PER_SECOND, JobPace } from '../src/jobs/job-pace';
import { readMovePlan } from '../src/jobs/store-move-plan';
import { signInSnapshot } from '../src/methods/read-snapshot';
import { specOf } from '../src/methods/registry';
import { SecretSeal } from '../src/secret/secret-seal';
import { generatedSeed } from '../src/simulator/generated-tenant';
import { MIGRATIONS } from '../src/storage/sqlite/migrations';
import { SqliteAuditLog } from '../src/storage/sqlite/sqlite-audit-log';
import { SqliteChangeStore } from '../src/storage/sqlite/sqlite-change-store';
import { openDatabase } from '../src/storage/sqlite/sqlite-database';
import { SqliteJobStore } from '../src/storage/sqlite/sqlite-job-store';
import { startSimulatorProcess } from './simulator-process';
import { printTable } from './table';

const WORKERS = 1000;
/** A typical answer time for an authentication-method write (300–500 ms); reads are answered as slowly. */
const LATENCY_MS = 300;
/** Workers the one-at-a-time loop is timed on; its rate is per worker, so a sample tells it. */
const LOOP_SAMPLE = 20;

async function control(url: string, method: string, route: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}/_sim/${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /_sim/${route}: ${response.status}`);
}

export async function run(): Promise<void> {
  const simulator = await startSimulatorProcess([]);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'phonedesk-bench-'));
  const db = openDatabase(dir, MIGRATIONS);
  try {
    const seed = generatedSeed(WORKERS, WORKERS);
    await control(simulator.url, 'PUT', 'seed', seed);
    await control(simulator.url, 'PUT', 'throttle', { enabled: true, tenantSize: 'L' });
    await control(simulator.url, 'PUT', 'latency', { fixedMs: LATENCY_MS });
    let roundTrips = 0;
    let requests = 0;
    const watch = new ThrottleWatch({
      beforeCall: (call) => {
        roundTrips++;
        requests += call.batch?.length ?? 1;
      },
      afterCall: () => undefined,
    });
    const gateway = new GraphGateway({
      baseUrl: simulator.url,
      credential: new SimulatorCredential(),
      scope: 'https://graph.microsoft.com/.default',
      observer: watch,
    });
    const unit = seed.administrativeUnits![0]!;
    const store = { id: unit.id, displayName: unit.displayName };
    const manager = seed.users.find((user) => user.id === unit.scopedRoleMembers![0]!.userId)!;
    const requester = { aadObjectId: manager.id, name: manager.displayName };
    const plan = await readMovePlan(gateway, store, new Date());

    // The loop a script would be: for each worker, read them, then create their badge, each answer awaited.
    const loopStarted = performance.now();
    for (const worker of plan.planned.slice(0, LOOP_SAMPLE)) {
      const change = { kind: 'issue-badge' as const, lifetimeDays: plan.lifetimeDays, target: worker };
      const live = { snapshot: await signInSnapshot(gateway, worker.userId), executionStartedAt: new Date() };
      await specOf(change).handler.apply(change, gateway, live);
    }
    const loopRate = LOOP_SAMPLE / ((performance.now() - loopStarted) / 1000);
    const planned = plan.planned.slice(LOOP_SAMPLE);

    const audit = new SqliteAuditLog(db);
    const changes = new SqliteChangeStore(db, audit);
    const created = await changes.create({
      requester,
      kind: 'move-store-to-badges',
      storeId: store.id,
      planned,
      skipped: plan.skipped,
      lifetimeDays: plan.lifetimeDays,
      passMinutes: plan.passMinutes,
      target: { userId: store.id, displayName: store.displayName },
      reason: 'bench',
      urgent: false,
      tenantWide: false,
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const approved = await changes.transition(created.id, 'pending', {
      to: 'approved',
      actor: SYSTEM_ACTOR,
      at: new Date(),
      decision: { by: SYSTEM_ACTOR },
    });
    const jobs = new SqliteJobStore(db);
    const access = new AccessPolicy({
      approverGroupIds: [],
      tenantAdminGroupIds: [],
      managerScope: 'administrative-units',
    });
    const tools = new JobTools(jobs, gateway, access, new JobPace(watch), () => new Date());
    const badgeJob = new BadgeJob(tools, new SecretSeal(), audit);
    const runner = new JobRunner(
      jobs,
      changes,
      new RequesterDirectory(gateway),
      access,
      [badgeJob],
      pino({ level: 'silent' }),
    );
    runner.tellThrough({ progress: async () => undefined, ended: async () => undefined });
    roundTrips = 0;
    requests = 0;
    const started = performance.now();
    await runner.start(approved);
    await runner.idle();
    const seconds = (performance.now() - started) / 1000;
    const rows = await jobs.workers(approved.id);
    const issued = rows.filter((row) => row.state === 'issued');
    // Graph's ceiling counts writes: a worker who never signed in costs two (a pass, then the badge).
    const writes = issued.reduce((sum, row) => sum + (row.withPass ? 2 : 1), 0);
    const jobWrites = writes / seconds;
    printTable(
      `A store's move to badges: ${issued.length} of ${planned.length} planned workers (${writes} writes), Graph latency ${LATENCY_MS} ms, throttled at 3,000 writes per 150 s`,
      [
        {
          method: `the job: ${WORKERS_AT_ONCE} workers at once, one pace for its writes`,
          'workers/s': issued.length / seconds,
          'writes/s': jobWrites,
          'vs ceiling': `${Math.round((jobWrites / GRAPH_WRITE_CEILING_PER_SECOND) * 100)}%`,
          'vs loop': `${(jobWrites / loopRate).toFixed(1)}×`,
          'Graph requests/worker': requests / Math.max(1, issued.length),
          'round trips/worker': roundTrips / Math.max(1, issued.length),
          'throttled writes': watch.throttledWrites(),
        },
        {
          method: `one request at a time, each answer awaited (${LOOP_SAMPLE} workers)`,
          'workers/s': loopRate,
          'writes/s': loopRate,
          'vs ceiling': `${Math.round((loopRate / GRAPH_WRITE_CEILING_PER_SECOND) * 100)}%`,
          'vs loop': '1.0×',
          'Graph requests/worker': '-',
          'round trips/worker': 2,
          'throttled writes': '-',
        },
      ],
    );
    const reasons = new Map<string, number>();
    for (const row of rows.filter((candidate) => candidate.state !== 'issued'))
      reasons.set(`${row.state}: ${row.detail ?? ''}`, (reasons.get(`${row.state}: ${row.detail ?? ''}`) ?? 0) + 1);
    process.stdout.write(`${seconds.toFixed(1)} s; not issued: ${JSON.stringify(Object.fromEntries(reasons))}\n`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    simulator.stop();
  }
}
