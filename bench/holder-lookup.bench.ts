// "Who has this number?" on a 20,000-worker tenant: the number index (plus one confirming read) against
// the full sweep that Graph's lack of a reverse lookup would otherwise need on every question.
import { performance } from 'node:perf_hooks';
import { NumberHolderFinder } from '../src/number-index/number-holder-finder';
import { NumberIndexSweep } from '../src/number-index/number-index-sweep';
import { MIGRATIONS } from '../src/storage/sqlite/migrations';
import { openDatabase } from '../src/storage/sqlite/sqlite-database';
import { SqliteNumberIndex } from '../src/storage/sqlite/sqlite-number-index';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countingGateway } from './counting-gateway';
import { startSimulatorProcess } from './simulator-process';
import { percentile, printTable } from './table';

const WORKERS = 20_000;
const LOOKUPS = 200;

export async function run(): Promise<void> {
  const simulator = await startSimulatorProcess(['--generate', String(WORKERS)]);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'phonedesk-bench-'));
  const db = openDatabase(dir, MIGRATIONS);
  try {
    const counted = countingGateway(simulator.url);
    const { gateway } = counted;
    const index = new SqliteNumberIndex(db);

    counted.reset();
    let started = performance.now();
    const sweep = await new NumberIndexSweep(index, gateway).run();
    const sweepMs = performance.now() - started;
    const sweepCalls = counted.calls();

    const finder = new NumberHolderFinder(index, gateway);
    const latencies: number[] = [];
    counted.reset();
    let found = 0;
    for (let i = 0; i < LOOKUPS; i++) {
      // Every worker whose index is not a multiple of 10 has +44 74xxxxxxxx (see generated-tenant.ts).
      const worker = (i * 97) % WORKERS || 1;
      const e164 = `+44${7_400_000_000 + (worker % 10 === 0 ? worker + 1 : worker)}`;
      started = performance.now();
      const lookup = await finder.find(e164);
      latencies.push(performance.now() - started);
      if (lookup.holders.length > 0) found++;
    }
    latencies.sort((a, b) => a - b);
    printTable(`Who holds a number, ${WORKERS} workers (simulator in its own process, SQLite index)`, [
      {
        method: 'full sweep (what every question would cost without an index)',
        'users read': sweep.usersRead,
        'Graph calls': sweepCalls,
        'time ms': sweepMs,
        found: '-',
      },
      {
        method: `index lookup + 1 confirming $batch (mean of ${LOOKUPS})`,
        'users read': 1,
        'Graph calls': counted.calls() / LOOKUPS,
        'time ms': latencies.reduce((sum, value) => sum + value, 0) / LOOKUPS,
        found: `${found}/${LOOKUPS}`,
      },
      {
        method: 'index lookup p95',
        'users read': 1,
        'Graph calls': counted.calls() / LOOKUPS,
        'time ms': percentile(latencies, 95),
        found: '-',
      },
    ]);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    simulator.stop();
  }
}
