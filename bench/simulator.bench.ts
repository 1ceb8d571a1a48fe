// Simulator throughput: it must sustain 2,000 simple GETs/s on 2 cores so it never limits other benchmarks.
// The simulator runs in its own process (as in npm start); this process only generates load.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { demoSeed } from '../src/simulator/demo-tenant';
import { generatedSeed } from '../src/simulator/generated-tenant';
import { checkSeed } from '../src/simulator/load-seed';
import { Tenant } from '../src/simulator/tenant';
import { startSimulatorProcess } from './simulator-process';
import { percentile, printTable } from './table';

const WORKERS = 20_000;
const CONCURRENCY = 32;
const SECONDS_PER_SCENARIO = 4;
const TARGET_RPS = 2000;

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: (index: number) => string;
  body?: (index: number) => string;
}

function seedLoadRows(): Array<Record<string, string | number>> {
  const rows: Array<Record<string, string | number>> = [];
  for (const [name, make] of [
    ['demo (Contoso Retail)', demoSeed],
    [`generated ${WORKERS} workers`, () => generatedSeed(WORKERS)],
  ] as const) {
    const seed = make();
    const text = JSON.stringify(seed);
    const started = performance.now();
    const parsed = checkSeed(JSON.parse(text));
    const tenant = new Tenant(parsed);
    const ms = performance.now() - started;
    rows.push({
      seed: name,
      users: tenant.userCount,
      'json MB': text.length / 1e6,
      'parse+validate+load ms': ms,
      'target ms': 2000,
      ok: ms < 2000 ? 'yes' : 'NO',
    });
  }
  return rows;
}

async function load(url: string, scenario: Scenario): Promise<Record<string, string | number>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const { hostname, port } = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  let index = 0;
  const deadline = performance.now() + SECONDS_PER_SCENARIO * 1000;
  const once = (i: number): Promise<void> =>
    new Promise((resolve) => {
      const body = scenario.body?.(i);
      const started = performance.now();
      const req = http.request(
        {
          agent,
          hostname,
          port,
          method: scenario.method,
          path: `/v1.0${scenario.path(i)}`,
          headers: {
            authorization: 'Bearer bench',
            ...(body && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - started);
            if ((res.statusCode ?? 500) >= 400) errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) await once(index++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const rps = latencies.length / seconds;
  return {
    scenario: scenario.name,
    requests: latencies.length,
    'req/s': rps,
    'p50 ms': percentile(latencies, 50),
    'p95 ms': percentile(latencies, 95),
    'p99 ms': percentile(latencies, 99),
    errors,
    'meets 2000/s': scenario.name.startsWith('GET') ? (rps >= TARGET_RPS ? 'yes' : 'NO') : '-',
  };
}

export async function run(): Promise<void> {
  printTable('Seed loading (one process, cold)', seedLoadRows());

  const seed = generatedSeed(WORKERS);
  const ids = seed.users.map((user) => user.id);
  const upns = seed.users.map((user) => user.userPrincipalName);
  const pick = (i: number): string => ids[(i * 7919) % ids.length];
  const scenarios: Scenario[] = [
    { name: 'GET /users/{id}', method: 'GET', path: (i) => `/users/${pick(i)}` },
    {
      name: 'GET /users/{id}/authentication/phoneMethods',
      method: 'GET',
      path: (i) => `/users/${pick(i)}/authentication/phoneMethods`,
    },
    {
      name: "GET /users?$filter=userPrincipalName eq '…'",
      method: 'GET',
      path: (i) => `/users?$filter=${encodeURIComponent(`userPrincipalName eq '${upns[(i * 7919) % upns.length]}'`)}`,
    },
    {
      name: 'POST /$batch (5 reads: a sign-in snapshot)',
      method: 'POST',
      path: () => '/$batch',
      body: (i) => {
        const user = pick(i);
        const urls = [
          `/users/${user}`,
          `/users/${user}/authentication/phoneMethods`,
          `/users/${user}/transitiveMemberOf`,
          `/users/${user}/licenseDetails`,
          `/roleManagement/directory/roleAssignments?$filter=principalId eq '${user}'`,
        ];
        return JSON.stringify({ requests: urls.map((url, n) => ({ id: String(n), method: 'GET', url })) });
      },
    },
  ];

  const simulator = await startSimulatorProcess(['--generate', String(WORKERS)]);
  try {
    const rows = [];
    for (const scenario of scenarios) rows.push(await load(simulator.url, scenario));
    printTable(
      `Simulator over HTTP: ${WORKERS} workers, ${CONCURRENCY} connections, ${SECONDS_PER_SCENARIO} s per scenario, separate processes`,
      rows,
    );
  } finally {
    simulator.stop();
  }
}
