// The last link: sends the request with a per-request timeout.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export class GraphTimeoutError extends Error {
  override name = 'GraphTimeoutError';
}

export class FetchMiddleware implements Middleware {
  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      context.response = await fetch(context.request, { ...context.options, signal: controller.signal } as RequestInit);
    } catch (error) {
      if (controller.signal.aborted) throw new GraphTimeoutError(`no answer from Microsoft Graph within ${this.timeoutMs} ms`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
