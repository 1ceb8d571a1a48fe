// Puts the bearer token and client-request-id on every request, including to an http:// simulator
// (the Graph client's own handler only authenticates https Graph hosts).
import type { TokenCredential } from '@azure/identity';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { CallInfo } from './graph-call';

export class AuthMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly credential: TokenCredential,
    private readonly scope: string,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const token = await this.credential.getToken(this.scope);
    if (!token) throw new Error('no access token for Microsoft Graph');
    const headers = new Headers(context.options?.headers);
    headers.set('Authorization', `Bearer ${token.token}`);
    const info = context.middlewareControl?.getMiddlewareOptions(CallInfo) as CallInfo | undefined;
    if (info) headers.set('client-request-id', info.clientRequestId);
    context.options = { ...context.options, headers };
    await this.next!.execute(context);
  }
}
