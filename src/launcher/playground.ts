// One Microsoft 365 Agents Playground (the Teams-like chat page) talking to the bot, signed in as one demo person.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoUserId } from '../simulator/demo-tenant';
import { ManagedChild } from './managed-child';
import { playgroundConfigYaml, type PlaygroundRole } from './playground-config';
import { PortBusyError, portIsFree } from './port-check';

interface PlaygroundOptions {
  role: PlaygroundRole;
  /** 0 picks a free port. */
  port: number;
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** The config file and the playground's log go under `<dataDir>/playgrounds/<role>/`. */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  track?: (child: ManagedChild) => void;
}

export interface RunningPlayground {
  role: PlaygroundRole;
  url: string;
  child: ManagedChild;
}

/** The CLI installed as a dev dependency; `npx agentsplayground` would download one when it is missing. */
function playgroundCli(): string {
  try {
    return require.resolve('@microsoft/m365agentsplayground/cli.js');
  } catch {
    throw new Error('the Microsoft 365 Agents Playground is not installed; run `npm install` (it is a dev dependency)');
  }
}

export function playgroundName(role: PlaygroundRole): string {
  return `${role.title}'s Agents Playground`;
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const { role, port } = options;
  const name = playgroundName(role);
  if (!(await portIsFree(port))) throw new PortBusyError(port, name, role.portVariable);
  const dir = path.join(options.dataDir, 'playgrounds', role.key);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const configPath = path.join(dir, '.m365agentsplayground.yml');
  writeFileSync(configPath, playgroundConfigYaml(role), { mode: 0o600 });
  const logPath = path.join(dir, 'playground.log');
  const child = new ManagedChild({
    name,
    command: process.execPath,
    args: [
      '--require',
      path.join(__dirname, 'loopback-only.js'),
      playgroundCli(),
      'start',
      '-e',
      options.botEndpoint,
      '-c',
      'msteams',
      '-p',
      String(port),
      '--disable-telemetry',
    ],
    // It writes devTools/ under its working directory.
    cwd: dir,
    env: {
      ...options.env,
      // The launcher prints the URLs; opening two browser tabs by itself would be rude (and fails on servers).
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: logPath,
    },
    // Its only line on a non-terminal stdout; everything else goes to its log file.
    ready: /^Listening on (\d+)/,
    confirm: async (listening) => {
      // Taken between the check and the start: the playground moved to a random port rather than failing.
      if (port !== 0 && Number(listening) !== port) throw new PortBusyError(port, name, role.portVariable);
      // It says "Listening" before it reads its config file, and an invalid file shows only in its log. The route is
      // internal to the playground version package.json pins.
      if ((await signedInAs(Number(listening))) !== demoUserId(role.alias))
        throw new Error(`${name} did not load ${configPath}`);
    },
    output: (line) => {
      if (!/^Listening on \d+/.test(line)) process.stderr.write(`${role.key} playground: ${line}\n`);
    },
  });
  options.track?.(child);
  try {
    const listening = await child.start();
    return { role, url: `http://localhost:${listening}`, child };
  } catch (error) {
    if (error instanceof PortBusyError) throw error;
    throw new Error(`${(error as Error).message}: ${logErrors(logPath) ?? `see its log, ${logPath}`}`, {
      cause: error,
    });
  }
}

/** The aadObjectId of the playground's current user, from its own view of its config. */
async function signedInAs(port: number): Promise<string | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/_internal/v1/config`);
    const body: unknown = await response.json();
    const config = (body as { config?: { currentUser?: { aadObjectId?: unknown } } } | null)?.config;
    const id = config?.currentUser?.aadObjectId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

function logErrors(logPath: string): string | undefined {
  if (!existsSync(logPath)) return undefined;
  const errors = readFileSync(logPath, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('error Reason: '))
    .map((line) => line.slice('error Reason: '.length));
  return errors.length > 0 ? errors.join('; ') : undefined;
}
