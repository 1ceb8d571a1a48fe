import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export interface CapturedCall {
  method: string;
  path: string;
  activity: Partial<Activity>;
}

/**
 * Stands in for the Bot Framework connector: the bot POSTs its replies to `{serviceUrl}/v3/conversations/…`.
 * Records every call so that tests can assert what a user would have seen.
 */
export class CaptureServer {
  readonly calls: CapturedCall[] = [];
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private waiters: Array<() => void> = [];
  /** Milliseconds before answering a card update (PUT), as a slow connector would; calls are recorded on arrival. */
  updateDelayMs = 0;
  private nextId = 1;
  /** Conversations whose new messages (POST) are refused with this status, as Teams does after an uninstall. */
  readonly refusedConversations = new Map<string, number>();

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves once `count` calls have arrived, or rejects after `timeoutMs`. */
  async waitForCalls(count: number, timeoutMs = 5000): Promise<CapturedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.calls.length < count) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`expected ${count} connector calls, got ${this.calls.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.calls.slice(0, count);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      this.calls.push({
        method: req.method ?? '',
        path: req.url ?? '',
        activity: body ? (JSON.parse(body) as Partial<Activity>) : {},
      });
      const id = `reply-${this.nextId++}`;
      const refused = req.method === 'POST' ? this.refusalFor(req.url ?? '') : undefined;
      const answer = (): void => {
        if (refused) {
          res.writeHead(refused, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              error: {
                code: refused === 403 ? 'BotDisabledByAdmin' : 'ConversationNotFound',
                message: 'refused by the test',
              },
            }),
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id }));
      };
      if (req.method === 'PUT' && this.updateDelayMs > 0) setTimeout(answer, this.updateDelayMs);
      else answer();
      const waiters = this.waiters;
      this.waiters = [];
      waiters.forEach((wake) => wake());
    });
  }

  private refusalFor(path: string): number | undefined {
    for (const [conversationId, status] of this.refusedConversations) {
      if (
        path.includes(`/conversations/${encodeURIComponent(conversationId)}/`) ||
        path.includes(`/conversations/${conversationId}/`)
      )
        return status;
    }
    return undefined;
  }
}
