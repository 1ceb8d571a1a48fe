#!/usr/bin/env node
// `npm run serve`: the simulated tenant and the bot, headless (no chat UI). Ctrl-C stops both.
import path from 'node:path';
import type { Config } from '../config';
import { launcherSettings, runsSimulatedTenant } from './launcher-settings';
import { ManagedChild } from './managed-child';
import { Supervisor } from './supervisor';

const DIST_SRC = path.resolve(__dirname, '..');

export interface Services {
  botUrl: string;
  simulatorUrl: string | undefined;
  children: ManagedChild[];
}

/**
 * Starts the simulator (in simulator mode without GRAPH_BASE_URL) and then the bot pointed at it. `env` is the one
 * `config` was read from (see launcherSettings). `track` sees each child before it starts, so that a launcher stopped
 * during start-up can stop it too.
 */
export async function startServices(
  config: Config,
  env: NodeJS.ProcessEnv,
  track: (child: ManagedChild) => void = () => undefined,
): Promise<Services> {
  const children: ManagedChild[] = [];
  const add = (child: ManagedChild): ManagedChild => {
    children.push(child);
    track(child);
    return child;
  };
  try {
    let simulatorUrl: string | undefined;
    const botEnv: NodeJS.ProcessEnv = { ...env };
    if (runsSimulatedTenant(config.graph)) {
      const simulator = add(
        new ManagedChild({
          name: 'simulated tenant',
          command: process.execPath,
          args: [path.join(DIST_SRC, 'simulator', 'main.js'), '--port', String(config.simulator.port)],
          env,
          ready: /^simulator listening on (http:\/\/\S+)/,
        }),
      );
      simulatorUrl = await simulator.start();
      botEnv.GRAPH_BASE_URL = simulatorUrl;
    }
    const bot = add(
      new ManagedChild({
        name: 'bot',
        command: process.execPath,
        args: [path.join(DIST_SRC, 'index.js')],
        env: botEnv,
        ready: /"msg":"phonedesk listening on (http:\/\/[^"]+)\/api\/messages"/,
      }),
    );
    const botUrl = await bot.start();
    return { botUrl, simulatorUrl, children };
  } catch (error) {
    await Promise.all(children.map((child) => child.stop()));
    throw error;
  }
}

async function main(): Promise<void> {
  const { env, config } = launcherSettings();
  const supervisor = new Supervisor();
  supervisor.handleSignals();
  let services: Services;
  try {
    services = await startServices(config, env, (child) => supervisor.track(child));
  } catch (error) {
    if (supervisor.isStopping) return;
    process.stderr.write(`phonedesk: ${(error as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(
    `phonedesk: bot on ${services.botUrl}/api/messages` +
      (services.simulatorUrl ? `, simulated tenant on ${services.simulatorUrl}` : '') +
      '\n',
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`phonedesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
