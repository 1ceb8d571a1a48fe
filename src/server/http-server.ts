import restify, { type Server } from 'restify';
import type { Application } from '@microsoft/teams-ai';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { AppTurnState } from '../bot/create-application';
import type { Logger } from '../log/logger';
import { BADGE_PATH, type BadgePrints } from '../bot/badge-prints';

interface HttpServerDependencies {
  adapter: TeamsAdapter;
  app: Application<AppTurnState>;
  logger: Logger;
  /** The one-time badge PDFs (bot/badge-prints.ts). */
  badges: Pick<BadgePrints, 'take'>;
}

export interface RunningServer {
  /** The bound address, e.g. http://127.0.0.1:3978. */
  url: string;
  port: number;
  close(): Promise<void>;
}

// Activities are small JSON documents; anything bigger is not from Teams.
const MAX_BODY_BYTES = 512 * 1024;

export function createHttpServer({ adapter, app, logger, badges }: HttpServerDependencies): Server {
  const server = restify.createServer({ name: 'phonedesk', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });

  // The Agents Playground probes the endpoint with HEAD before it starts a chat.
  server.head('/api/messages', (_req, res, next) => {
    res.send(200);
    return next();
  });

  // A badge PDF, once, for whoever holds the link minted for the requester; anything else is a plain 404.
  server.get(`${BADGE_PATH}/:token`, async (req, res) => {
    const token = typeof req.params?.token === 'string' ? req.params.token : '';
    const badge = token.length <= 200 ? await badges.take(token) : undefined;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!badge) {
      res.send(404, { error: 'This link has been used or has expired.' });
      return;
    }
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${badge.filename}"`);
    res.writeHead(200);
    res.end(Buffer.from(badge.pdf));
  });

  // Liveness only: no version, configuration or tenant details.
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });

  server.on('restifyError', (req, _res, error: Error, callback: () => void) => {
    logger.warn({ method: req.method, path: req.path(), err: error.message }, 'request rejected');
    return callback();
  });

  return server;
}

export function listen(server: Server, port: number, host: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      const address = server.address();
      resolve({
        url: `http://${host}:${address.port}`,
        port: address.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
