import restify, { type Server } from 'restify';
import type { Application } from '@microsoft/teams-ai';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { AppTurnState } from '../bot/create-application';
import type { Logger } from '../log/logger';
import type { LinkedFile } from '../bot/one-time-links';

/** Files at one-time links under a path (bot/badge-prints.ts, bot/one-time-links.ts). */
export interface OneTimeFiles {
  readonly path: string;
  take(token: string): Promise<LinkedFile | undefined>;
}

interface HttpServerDependencies {
  adapter: TeamsAdapter;
  app: Application<AppTurnState>;
  logger: Logger;
  /** The one-time badge PDFs and store CSV files. */
  downloads: readonly OneTimeFiles[];
  /** Runs a conversation's turns one at a time, across instances (bot/conversation-turns.ts). */
  turns?: { run<T>(conversationId: string, turn: () => Promise<T>): Promise<T> };
}

export interface RunningServer {
  /** The bound address, e.g. http://127.0.0.1:3978. */
  url: string;
  port: number;
  close(): Promise<void>;
}

// Activities are small JSON documents; anything bigger is not from Teams.
const MAX_BODY_BYTES = 512 * 1024;

export function createHttpServer({ adapter, app, logger, downloads, turns }: HttpServerDependencies): Server {
  const server = restify.createServer({ name: 'phonedesk', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      const conversationId = context.activity.conversation?.id;
      if (!turns || !conversationId) await app.run(context);
      else await turns.run(conversationId, () => app.run(context));
    });
  });

  // The Agents Playground probes the endpoint with HEAD before it starts a chat.
  server.head('/api/messages', (_req, res, next) => {
    res.send(200);
    return next();
  });

  // A file, once, for whoever holds the link minted for the person who asked; anything else is a plain 404.
  for (const files of downloads)
    server.get(`${files.path}/:token`, async (req, res) => {
      const token = typeof req.params?.token === 'string' ? req.params.token : '';
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      let file: LinkedFile | undefined;
      try {
        file = token.length <= 200 ? await files.take(token) : undefined;
      } catch (error) {
        // The path without its token: the token is the key to the file.
        logger.warn({ path: files.path, error: error instanceof Error ? error.name : 'unknown' }, 'a download failed');
        res.send(503, { error: 'phonedesk could not reach its storage. Try the link again in a minute.' });
        return;
      }
      if (!file) {
        res.send(404, { error: 'This link has been used or has expired.' });
        return;
      }
      res.setHeader('Content-Type', file.contentType);
      res.setHeader(
        'Content-Disposition',
        `${file.contentType === 'application/pdf' ? 'inline' : 'attachment'}; filename="${file.filename}"`,
      );
      res.writeHead(200);
      res.end(Buffer.from(file.body));
    });

  // Liveness only: no version, configuration or tenant details.
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });

  server.on('restifyError', (req, _res, error: Error, callback: () => void) => {
    // A one-time link's path holds its key: logged without it.
    const files = downloads.find((candidate) => req.path().startsWith(`${candidate.path}/`));
    const path = files ? `${files.path}/…` : req.path();
    logger.warn({ method: req.method, path, err: error.message }, 'request rejected');
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
