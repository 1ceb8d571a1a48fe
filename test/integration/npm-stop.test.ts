// `npm start` and `npm run serve` as a person or a service manager runs them: a signal to npm's own pid stops every
// process under it and frees every port, and nothing listens beyond loopback. (Pre-scripts skipped: no rebuild.)
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { portIsFree } from '../../src/launcher/port-check';
import { childProcesses, isRunning, parseBanner } from '../helpers/launcher';
import { childEnv, ROOT } from '../helpers/processes';
import { tempDir } from '../helpers/temp-dir';

jest.setTimeout(90_000);

const started: ChildProcess[] = [];
const seen = new Set<number>();

afterEach(() => {
  // Only what this file started, should a test fail half-way.
  for (const pid of seen) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  seen.clear();
  started.length = 0;
});

function descendants(pid: number): Array<{ pid: number; command: string }> {
  return childProcesses(pid).flatMap((child) => [child, ...descendants(child.pid)]);
}

/** Local addresses listening on `port`, from /proc/net/tcp and tcp6 (hex, as the kernel writes them). */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === '0A' && fields[1]?.endsWith(`:${hexPort}`))
      .map((fields) => fields[1].split(':')[0]),
  );
}
const IPV4_LOOPBACK = '0100007F';
const IPV6_LOOPBACK = '00000000000000000000000001000000';

async function npmRun(script: 'start' | 'serve', ready: RegExp): Promise<{ npm: ChildProcess; output: () => string }> {
  const data = tempDir(`phonedesk-npm-${script}-`);
  const npm = spawn('npm', ['run', script, '--ignore-scripts'], {
    cwd: ROOT,
    detached: true,
    env: childEnv({
      PORT: '0',
      SIM_PORT: '0',
      PLAYGROUND_MANAGER_PORT: '0',
      PLAYGROUND_APPROVER_PORT: '0',
      DATA_DIR: data.dir,
      LOG_LEVEL: 'warn',
    }),
  });
  started.push(npm);
  npm.on('exit', () => data.cleanup());
  let output = '';
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (ready.test(output)) resolve();
    };
    npm.stdout!.on('data', check);
    npm.on('exit', (code) => reject(new Error(`npm run ${script} exited with ${code} before it was ready: ${output}`)));
  });
  descendants(npm.pid!).forEach((child) => seen.add(child.pid));
  return { npm, output: () => output };
}

async function expectEverythingStops(npm: ChildProcess, signal: NodeJS.Signals, ports: number[]): Promise<void> {
  const tree = descendants(npm.pid!);
  tree.forEach((child) => seen.add(child.pid));
  const exited = once(npm, 'exit');
  process.kill(npm.pid!, signal);
  await exited;
  expect(tree.filter((child) => isRunning(child.pid)).map((child) => child.command)).toEqual([]);
  for (const port of ports) expect({ port, free: await portIsFree(port) }).toEqual({ port, free: true });
}

const portOf = (url: string): number => Number(new URL(url).port);

describe.each(['SIGTERM', 'SIGINT'] as const)('%s to the npm pid', (signal) => {
  it('stops the simulated tenant and the bot of `npm run serve`', async () => {
    const { npm, output } = await npmRun(
      'serve',
      /phonedesk: bot on http:\/\/127\.0\.0\.1:\d+\/api\/messages, simulated tenant on http:\/\/127\.0\.0\.1:\d+/,
    );
    const [, botUrl, simulatorUrl] =
      /phonedesk: bot on (http:\/\/\S+)\/api\/messages, simulated tenant on (http:\/\/\S+)/.exec(output())!;
    const commands = descendants(npm.pid!).map((child) => child.command);
    expect(commands.filter((command) => /dist\/src\/(simulator\/main|index)\.js/.test(command))).toHaveLength(2);
    expect((await fetch(`${botUrl}/healthz`)).status).toBe(200);
    await expectEverythingStops(npm, signal, [portOf(botUrl), portOf(simulatorUrl)]);
  });
});

it('stops all of `npm start` (tenant, bot, both playgrounds) on SIGTERM to the npm pid, and the playgrounds listen on loopback only', async () => {
  const { npm, output } = await npmRun('start', /approve the request in the first page\./);
  const banner = parseBanner(output());
  const ports = [banner.botUrl, banner.simulatorUrl, banner.managerUrl, banner.approverUrl].map(portOf);
  for (const port of ports)
    expect({
      port,
      addresses: listeningAddresses(port).filter((address) => address !== IPV4_LOOPBACK && address !== IPV6_LOOPBACK),
    }).toEqual({ port, addresses: [] });
  expect((await fetch(banner.managerUrl)).status).toBe(200);
  expect(descendants(npm.pid!).filter((child) => child.command.includes('m365agentsplayground/cli.js'))).toHaveLength(
    2,
  );
  await expectEverythingStops(npm, 'SIGTERM', ports);
});

it('stops everything when npm itself is killed outright (SIGKILL passes nothing on)', async () => {
  const { npm, output } = await npmRun('serve', /phonedesk: bot on http:\/\/127\.0\.0\.1:\d+\/api\/messages/);
  const tree = descendants(npm.pid!);
  tree.forEach((child) => seen.add(child.pid));
  const [, botUrl] = /phonedesk: bot on (http:\/\/\S+)\/api\/messages/.exec(output())!;
  process.kill(npm.pid!, 'SIGKILL');
  await once(npm, 'exit');
  const deadline = Date.now() + 20_000;
  while (tree.some((child) => isRunning(child.pid)) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect(tree.filter((child) => isRunning(child.pid)).map((child) => child.command)).toEqual([]);
  expect(await portIsFree(portOf(botUrl))).toBe(true);
});
