#!/usr/bin/env node
// `phonedesk` command-line tool. Subcommands grow with the project (audit verify/export, roster, …).
import { ConfigError, loadConfig, type Config } from '../config';

const USAGE = `usage: phonedesk <command>

commands:
  config check   validate the settings in the environment and print them (secrets hidden)
  help           show this text
`;

function describe(config: Config): Record<string, string> {
  const hidden = (value: string | undefined): string => (value ? '(set, hidden)' : '(not set)');
  return {
    HOST: config.host,
    PORT: String(config.port),
    BOT_ID: config.bot.appId || '(empty: local anonymous mode)',
    BOT_PASSWORD: hidden(config.bot.appPassword),
    BOT_TYPE: config.bot.appType,
    BOT_TENANT_ID: config.bot.tenantId || '(not set)',
    GRAPH_AUTH: config.graph.auth,
    GRAPH_CLOUD: config.graph.cloud,
    GRAPH_BASE_URL: `${config.graph.baseUrl}${config.graph.baseUrlIsExplicit ? '' : ' (default)'}`,
    SIM_PORT: String(config.simulator.port),
    AZURE_TENANT_ID: config.graph.tenantId ?? '(not set)',
    AZURE_CLIENT_ID: config.graph.clientId ?? '(not set)',
    AZURE_CLIENT_SECRET: hidden(config.graph.clientSecret),
    AZURE_CLIENT_CERTIFICATE_PATH: config.graph.certificatePath ?? '(not set)',
    DATA_DIR: config.dataDir,
    LOG_LEVEL: config.logLevel,
  };
}

export function run(args: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const [command, subcommand] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    out.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'config' && subcommand === 'check') {
    try {
      const settings = describe(loadConfig());
      const width = Math.max(...Object.keys(settings).map((key) => key.length));
      for (const [key, value] of Object.entries(settings)) out.write(`${key.padEnd(width)}  ${value}\n`);
      return 0;
    } catch (error) {
      if (error instanceof ConfigError) {
        err.write(`phonedesk: configuration error: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  }
  err.write(`phonedesk: unknown command "${args.join(' ')}"\n${USAGE}`);
  return 2;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), process.stdout, process.stderr);
}
