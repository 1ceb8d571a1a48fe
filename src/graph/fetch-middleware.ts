// The last link: sends the request with a per-request timeout (shorter when the turn's deadline is nearer).
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { remainingMs } from './turn-deadline';

class GraphTimeoutError extends Error {
  override name = 'GraphTimeoutError';
}

export class FetchMiddleware implements Middleware {
  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    const controller = new AbortController();
    // No longer than the turn's deadline allows (a timer needs a positive delay).
    const timeoutMs = Math.max(1, Math.min(this.timeoutMs, remainingMs()));
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      context.response = await fetch(context.request, { ...context.options, signal: controller.signal } as RequestInit);
    } catch (error) {
      if (controller.signal.aborted)
        throw new GraphTimeoutError(`no answer from Microsoft Graph within ${timeoutMs} ms`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
