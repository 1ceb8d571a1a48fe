#!/usr/bin/env node
// `npm run serve`: the simulated tenant and the bot, headless (no chat UI). Ctrl-C stops both.
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config';
import { ManagedChild } from './managed-child';

const DIST_SRC = path.resolve(__dirname, '..');

export interface Services {
  botUrl: string;
  simulatorUrl: string | undefined;
  children: ManagedChild[];
}

/** Starts the simulator (in simulator mode without GRAPH_BASE_URL) and then the bot pointed at it. */
export async function startServices(config: Config, env: NodeJS.ProcessEnv): Promise<Services> {
  const children: ManagedChild[] = [];
  try {
    let simulatorUrl: string | undefined;
    const botEnv: NodeJS.ProcessEnv = { ...env };
    if (config.graph.auth === 'simulator' && !config.graph.baseUrlIsExplicit) {
      const simulator = new ManagedChild({
        name: 'simulated tenant',
        command: process.execPath,
        args: [path.join(DIST_SRC, 'simulator', 'main.js'), '--port', String(config.simulator.port)],
        env,
        ready: /^simulator listening on (http:\/\/\S+)/,
      });
      children.push(simulator);
      simulatorUrl = await simulator.start();
      botEnv.GRAPH_BASE_URL = simulatorUrl;
    }
    const bot = new ManagedChild({
      name: 'bot',
      command: process.execPath,
      args: [path.join(DIST_SRC, 'index.js')],
      env: botEnv,
      ready: /"msg":"phonedesk listening on (http:\/\/[^"]+)\/api\/messages"/,
    });
    children.push(bot);
    const botUrl = await bot.start();
    return { botUrl, simulatorUrl, children };
  } catch (error) {
    await Promise.all(children.map((child) => child.stop()));
    throw error;
  }
}

export async function stopServices(children: readonly ManagedChild[]): Promise<void> {
  await Promise.all([...children].reverse().map((child) => child.stop()));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`phonedesk: configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  let services: Services;
  try {
    services = await startServices(config, process.env);
  } catch (error) {
    process.stderr.write(`phonedesk: ${(error as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(
    `phonedesk: bot on ${services.botUrl}/api/messages` + (services.simulatorUrl ? `, simulated tenant on ${services.simulatorUrl}` : '') + '\n',
  );
  let stopping = false;
  const stop = (code: number): void => {
    if (stopping) return;
    stopping = true;
    stopServices(services.children).then(() => process.exit(code));
  };
  for (const child of services.children) {
    child.onUnexpectedExit = (code) => {
      process.stderr.write(`phonedesk: the ${child.spec.name} stopped unexpectedly (exit code ${code}); stopping everything\n`);
      stop(1);
    };
  }
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`phonedesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
