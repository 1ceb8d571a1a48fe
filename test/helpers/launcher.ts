// Runs `npm start`'s launcher (dist/src/launcher/start.js) on free ports and reads its banner.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { childEnv, ROOT } from './processes';
import { tempDir } from './temp-dir';

export interface Banner {
  botUrl: string;
  simulatorUrl: string;
  managerUrl: string;
  approverUrl: string;
}

export interface RunningLauncher {
  child: ChildProcessWithoutNullStreams;
  banner: Banner;
  dataDir: string;
  output: () => string;
  /** Signals the launcher (or its whole process group, as Ctrl-C in a terminal does) and waits for its exit code. */
  stop: (signal?: NodeJS.Signals, group?: boolean) => Promise<number | null>;
}

const BANNER_END = /approve the request in the first page\./;

function capture(text: string, pattern: RegExp, what: string): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`the banner does not show the ${what}: ${text}`);
  return match[1];
}

export function parseBanner(text: string): Banner {
  return {
    botUrl: capture(text, /bot\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/messages/, 'bot'),
    simulatorUrl: capture(text, /simulated tenant "Contoso Retail"\s+(http:\/\/127\.0\.0\.1:\d+)/, 'simulated tenant'),
    managerUrl: capture(text, /store manager's playground\s+(http:\/\/localhost:\d+)/, "store manager's playground"),
    approverUrl: capture(
      text,
      /helpdesk approver's playground\s+(http:\/\/localhost:\d+)/,
      "helpdesk approver's playground",
    ),
  };
}

/**
 * Starts the launcher with every port free-chosen and a fresh DATA_DIR. It gets its own process group so that a test
 * can send Ctrl-C's SIGINT to the whole group.
 */
export function startLauncher(env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RunningLauncher> {
  const data = tempDir('phonedesk-start-');
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/launcher/start.js')], {
    cwd: ROOT,
    detached: true,
    env: childEnv({
      PORT: '0',
      SIM_PORT: '0',
      PLAYGROUND_MANAGER_PORT: '0',
      PLAYGROUND_APPROVER_PORT: '0',
      DATA_DIR: data.dir,
      LOG_LEVEL: 'warn',
      ...env,
    }),
  });
  let output = '';
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', group = false): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) {
      if (group && child.pid) process.kill(-child.pid, signal);
      else child.kill(signal);
    }
    const [code] = await exited;
    data.cleanup();
    return code;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL', true);
      reject(new Error(`npm start's launcher printed no banner within ${timeoutMs} ms; output: ${output}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (BANNER_END.test(output)) {
        clearTimeout(timer);
        try {
          resolve({ child, banner: parseBanner(output), dataDir: data.dir, output: () => output, stop });
        } catch (error) {
          void stop('SIGKILL', true);
          reject(error);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(([code]) => {
      clearTimeout(timer);
      data.cleanup();
      reject(new Error(`npm start's launcher exited with ${code} before its banner; output: ${output}`));
    });
  });
}

/** Direct children of `pid`, from Linux's /proc. */
export function childProcesses(pid: number): Array<{ pid: number; command: string }> {
  const children: Array<{ pid: number; command: string }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …"; comm may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid)
        children.push({
          pid: Number(entry),
          command: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim(),
        });
    } catch {
      // It ended while we looked.
    }
  }
  return children;
}

/** Whether a process still runs (a zombie does not count: it has ended). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
