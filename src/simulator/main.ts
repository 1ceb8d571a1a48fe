#!/usr/bin/env node
// `npm run sim -- [--port 5080] [--seed FILE] [--token T] [--generate N] [--throttle]`
import { optionTokens, UsageError } from './command-options';
import { demoSeed } from './demo-tenant';
import { generatedSeed } from './generated-tenant';
import { readSeedFile } from './load-seed';
import type { Seed } from './seed';
import { startSimulator } from './simulator-server';
import { SeedError } from './tenant';

const USAGE = `usage: npm run sim -- [--port 5080] [--seed FILE | --generate N] [--token T] [--throttle]

  --port N       port on 127.0.0.1 (default 5080; 0 picks a free one)
  --seed FILE    a seed file (JSON; schema in docs/simulator.md); default: the Contoso Retail demo tenant
  --generate N   a generated tenant with N workers (for benchmarks)
  --token T      accept only this bearer token (default: any non-empty token)
  --throttle     enforce Graph's throttling limits
`;

interface Options {
  port: number;
  seed: Seed;
  token?: string;
  throttle: boolean;
}

const OPTIONS = {
  port: { type: 'string' },
  seed: { type: 'string' },
  generate: { type: 'string' },
  token: { type: 'string' },
  throttle: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseArguments(args: readonly string[]): Options {
  let port = 5080;
  let seed: Seed | undefined;
  let token: string | undefined;
  let throttle = false;
  // In the order given: a later --seed or --generate replaces an earlier one, and each value is checked as it comes.
  // (Only the switches have no value.)
  for (const { name, value = '' } of optionTokens(args, OPTIONS)) {
    switch (name) {
      case 'port':
        if (!/^\d+$/.test(value) || Number(value) > 65535)
          throw new UsageError(`--port must be a port number (got "${value}")`);
        port = Number(value);
        break;
      case 'seed':
        seed = readSeedFile(value);
        break;
      case 'generate':
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1_000_000)
          throw new UsageError(`--generate must be a worker count from 1 to 1000000`);
        seed = generatedSeed(Number(value));
        break;
      case 'token':
        token = value;
        if (token.trim() === '') throw new UsageError('--token must not be empty');
        break;
      case 'throttle':
        throttle = true;
        break;
      case 'help':
        throw new UsageError('');
    }
  }
  return { port, seed: seed ?? demoSeed(), token, throttle };
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError || error instanceof SeedError) {
      if (error.message) process.stderr.write(`simulator: ${error.message}\n`);
      process.stderr.write(USAGE);
      process.exit(2);
    }
    throw error;
  }
  let simulator;
  try {
    simulator = await startSimulator({
      seed: options.seed,
      token: options.token,
      port: options.port,
      throttle: { enabled: options.throttle },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`simulator: port ${options.port} is already in use; pass --port with a free port\n`);
      process.exit(1);
    }
    throw error;
  }
  process.stdout.write(`simulator listening on ${simulator.url}\n`);
  process.stdout.write(
    `tenant "${simulator.state.tenant.displayName}" with ${simulator.state.tenant.userCount} users; Graph at ${simulator.url}/v1.0\n`,
  );
  const stop = (): void => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
