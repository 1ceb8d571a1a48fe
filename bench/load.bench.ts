// 50 concurrent conversations asking "status of …" and "why can't … sign in?" for 60 seconds (LOAD_SECONDS to
// change) against the simulator with realistic latency: one bot on SQLite, then two bots sharing Azure Storage
// (Azurite), each conversation's turns sent to the two in turn. The bots and the simulator run in their own processes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_GROUPS, demoUserId } from '../src/simulator/demo-tenant';
import { Azurite } from './azurite-process';
import { startSimulatorProcess } from './simulator-process';
import { percentile, printTable } from './table';

const CONVERSATIONS = 50;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const QUESTIONS = [
  'status of Chloe Evans',
  "why can't Bob Smith sign in?",
  'status of Julia Young',
  "why can't Ali Khan sign in?",
];

interface Bot {
  url: string;
  pid: number;
  stop: () => void;
}

function startBot(graphUrl: string, dataDir: string, storage: Record<string, string> = {}): Promise<Bot> {
  const entry = path.join(__dirname, '..', 'src', 'index.js');
  const groups = { APPROVER_GROUP_IDS: DEMO_GROUPS.approvers, TENANT_ADMIN_GROUP_IDS: DEMO_GROUPS.tenantAdmins };
  const env = {
    ...process.env,
    PORT: '0',
    DATA_DIR: dataDir,
    GRAPH_BASE_URL: graphUrl,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_READS_PER_MINUTE: '100000',
    ...groups,
    ...storage,
  };
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)\/api\/messages/.exec(output);
      if (match) resolve({ url: match[1], pid: child.pid!, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`bot exited with ${code}`)));
  });
}

/** Peak resident memory of a process, from /proc (Linux). */
function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** The conversations against `bots` (each turn to the next bot in turn), and the table row they make. */
async function measure(bots: readonly Bot[], serviceUrl: string, replies: Map<string, number>) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONVERSATIONS * bots.length });
  const latencies: number[] = [];
  let errors = 0;
  let lost = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const conversation = async (index: number): Promise<void> => {
    const conversationId = `a:load-${bots.length}-${index}`;
    for (let turn = 0; performance.now() < deadline; turn++) {
      const bot = bots[(index + turn) % bots.length]!;
      const before = replies.get(conversationId) ?? 0;
      const body = JSON.stringify({
        type: 'message',
        id: `load-${index}-${turn}`,
        channelId: 'msteams',
        serviceUrl,
        text: QUESTIONS[(index + turn) % QUESTIONS.length],
        from: { id: `29:load-${index}`, name: 'Hana Kim', aadObjectId: demoUserId('hana.kim') },
        recipient: { id: '28:phonedesk' },
        conversation: { id: conversationId, conversationType: 'personal' },
      });
      const started = performance.now();
      const status = await new Promise<number>((resolve) => {
        const req = http.request(
          `${bot.url}/api/messages`,
          {
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', () => resolve(0));
        req.end(body);
      });
      latencies.push(performance.now() - started);
      if (status !== 200) errors++;
      // The turn is over when the POST returns: its one reply must already be at the connector.
      if ((replies.get(conversationId) ?? 0) !== before + 1) lost++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONVERSATIONS }, (_, index) => conversation(index)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    turns: latencies.length,
    'turns/s': latencies.length / seconds,
    'p50 ms': percentile(latencies, 50),
    'p95 ms': percentile(latencies, 95),
    'p99 ms': percentile(latencies, 99),
    errors,
    'lost replies': lost,
    'peak MB per bot': Math.max(...bots.map((bot) => peakMemoryMb(bot.pid))),
  };
}

export async function run(): Promise<void> {
  const simulator = await startSimulatorProcess([]);
  const azurite = await new Azurite().start();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'phonedesk-load-'));
  const replies = new Map<string, number>();
  const connector = http.createServer((req, res) => {
    const conversation = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '');
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      // A reply is a message: the typing indicator shown while a slow turn works is not one.
      if (/^\{"type":"message"/.test(body)) replies.set(conversation, (replies.get(conversation) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"x"}');
    });
  });
  await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
  const bots: Bot[] = [];
  try {
    // Graph's realistic latency: 30 ms plus up to 40 ms of jitter on every call.
    await fetch(`${simulator.url}/_sim/latency`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fixedMs: 30, jitterMs: 40 }),
    });
    const rows: Array<Record<string, string | number>> = [];
    const sqlite = await startBot(simulator.url, dataDir);
    bots.push(sqlite);
    rows.push({ setup: 'one bot, SQLite', ...(await measure([sqlite], serviceUrl, replies)) });
    sqlite.stop();
    const storage = { STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString };
    const pair = [await startBot(simulator.url, dataDir, storage), await startBot(simulator.url, dataDir, storage)];
    bots.push(...pair);
    rows.push({ setup: 'two bots, Azure Storage (Azurite)', ...(await measure(pair, serviceUrl, replies)) });
    printTable(
      `${CONVERSATIONS} concurrent conversations for ${SECONDS} s each (Graph latency 30–70 ms; bots, simulator and Azurite in their own processes)`,
      rows,
    );
  } finally {
    bots.forEach((bot) => bot.stop());
    simulator.stop();
    await azurite.stop();
    connector.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
