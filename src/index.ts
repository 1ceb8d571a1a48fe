// Process entry: config → logger → services (storage, audit, Graph, changes) → adapter → the bot's ports →
// application → HTTP server, with graceful shutdown. The concrete classes are made in services.ts.
import { loadConfig, type Config } from './config';
import { settingsOrExit } from './settings-or-exit';
import { createAdapter } from './bot/create-adapter';
import { createApplication } from './bot/create-application';
import { ConversationTurns } from './bot/conversation-turns';
import { createLogger, type Logger } from './log/logger';
import { createHttpServer, listen, type RunningServer } from './server/http-server';
import { createBotDependencies, createServices, type Services } from './services';

export interface RunningBot {
  server: RunningServer;
  services: Services;
  /** The sweep that clears secrets' cards shown for a day (run every minute in the background). */
  clearHandovers(): Promise<number>;
  stop(): Promise<void>;
}

export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  const services = createServices(config, logger);
  const adapter = createAdapter(config.bot, logger);
  const bot = createBotDependencies(services, adapter, logger);
  const app = createApplication({ adapter, storage: services.stores.botState, logger, bot });
  let server: RunningServer;
  try {
    server = await listen(
      createHttpServer({
        adapter,
        app,
        logger,
        downloads: bot.oneTimeLinks,
        turns: new ConversationTurns(services.claims),
      }),
      config.port,
      config.host,
    );
  } catch (error) {
    await services.close();
    throw error;
  }
  for (const links of bot.oneTimeLinks) links.serveAt(config.publicUrl ?? server.url);
  services.startBackgroundWork(
    (request) => bot.notifier.announceOutcome(request),
    () => bot.handovers.clearShownTooLong(),
  );
  // Start-up and shutdown are always logged (launchers wait for this line), whatever LOG_LEVEL says.
  const lifecycle = logger.level === 'silent' ? logger : logger.child({}, { level: 'info' });
  lifecycle.info(
    {
      url: server.url,
      mode: config.bot.appId === '' ? 'local-anonymous' : 'authenticated',
      graphAuth: config.graph.auth,
    },
    `phonedesk listening on ${server.url}/api/messages`,
  );
  return {
    server,
    services,
    clearHandovers: () => bot.handovers.clearShownTooLong(),
    stop: async () => {
      await server.close();
      await services.close();
    },
  };
}

async function main(): Promise<void> {
  const config = settingsOrExit(() => loadConfig());
  const logger = createLogger(config.logLevel);
  let bot: RunningBot;
  try {
    bot = await startBot(config, logger);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      process.stderr.write(
        `phonedesk: port ${config.port} on ${config.host} is not available (${code}); set PORT to a free port\n`,
      );
      process.exit(1);
    }
    throw error;
  }

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    bot.stop().then(
      () => {
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`phonedesk: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
