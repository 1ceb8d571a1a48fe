// Tells the observer (the audit log) about each HTTP attempt: intent before, outcome after.
// If the intent cannot be recorded, the request is not sent.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { CallInfo, type GraphCall, type GraphCallObserver } from './graph-call';
import { AttemptInfo, retryAfterMs } from './retry-middleware';

export class ObserverMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly observer: GraphCallObserver) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const info = context.middlewareControl?.getMiddlewareOptions(CallInfo) as CallInfo | undefined;
    const attempt =
      (context.middlewareControl?.getMiddlewareOptions(AttemptInfo) as AttemptInfo | undefined)?.attempt ?? 1;
    const url = new URL(typeof context.request === 'string' ? context.request : context.request.url);
    const call: GraphCall = {
      operation: info?.operation ?? 'unnamed',
      method: (context.options?.method ?? 'GET').toUpperCase(),
      path: `${url.pathname.replace(/^\/v1\.0/, '')}${url.search}`,
      clientRequestId: info?.clientRequestId ?? new Headers(context.options?.headers).get('client-request-id') ?? '',
      attempt,
      ...(info?.batch && { batch: info.batch }),
    };
    await this.observer.beforeCall(call);
    const started = Date.now();
    try {
      await this.next!.execute(context);
    } catch (error) {
      await this.observer.afterCall(call, {
        status: 0,
        requestId: undefined,
        failure: error instanceof Error ? error.message : String(error),
        durationMs: Date.now() - started,
      });
      throw error;
    }
    const response = context.response!;
    let graphCode: string | undefined;
    if (response.status >= 400) {
      graphCode = await response
        .clone()
        .json()
        .then((body: unknown) => (body as { error?: { code?: string } } | null)?.error?.code)
        .catch(() => undefined);
    }
    const retryAfter = response.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : undefined;
    await this.observer.afterCall(call, {
      status: response.status,
      requestId: response.headers.get('request-id') ?? undefined,
      ...(graphCode && { graphCode }),
      ...(retryAfter !== undefined && { retryAfterMs: retryAfter }),
      durationMs: Date.now() - started,
    });
  }
}
