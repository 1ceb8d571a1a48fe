// Matches a request's path segments against route patterns ("users/:user/authentication/phoneMethods").
import { GraphHttpError, badRequest } from './graph-error';
import type { GraphRequest, GraphResponse } from './graph-request';
import type { Tenant } from './tenant';

export interface RouteContext {
  tenant: Tenant;
  request: GraphRequest;
  params: Record<string, string>;
  now(): Date;
}

export interface Route {
  pattern: string;
  methods: Partial<
    Record<
      'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      (context: RouteContext) => GraphResponse | Promise<GraphResponse>
    >
  >;
}

interface CompiledRoute {
  parts: string[];
  route: Route;
}

export class GraphRouter {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map((route) => ({ route, parts: route.pattern.split('/') }));
  }

  async dispatch(tenant: Tenant, request: GraphRequest, now: () => Date): Promise<GraphResponse> {
    let pathMatched = false;
    for (const { parts, route } of this.routes) {
      const params = this.match(parts, request.segments);
      if (!params) continue;
      pathMatched = true;
      const handler = route.methods[request.method as keyof Route['methods']];
      if (!handler) continue;
      return handler({ tenant, request, params, now });
    }
    if (pathMatched)
      throw new GraphHttpError(
        405,
        'Request_BadRequest',
        `The HTTP method '${request.method}' is not allowed for this resource.`,
      );
    const unknown = request.segments.find(
      (_segment, index) => !this.routes.some(({ parts }) => this.prefixMatches(parts, request.segments, index)),
    );
    throw badRequest(`Resource not found for the segment '${unknown ?? request.segments[0] ?? ''}'.`, 'BadRequest');
  }

  private match(parts: string[], segments: string[]): Record<string, string> | undefined {
    if (parts.length !== segments.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
      if (parts[i].startsWith(':')) {
        if (segments[i] === '') return undefined;
        params[parts[i].slice(1)] = segments[i];
      } else if (parts[i] !== segments[i]) {
        return undefined;
      }
    }
    return params;
  }

  /** Whether some route accepts the segments up to and including `index` (to name the first unknown one). */
  private prefixMatches(parts: string[], segments: string[], index: number): boolean {
    if (parts.length <= index) return false;
    for (let i = 0; i <= index; i++) {
      if (!parts[i].startsWith(':') && parts[i] !== segments[i]) return false;
    }
    return true;
  }
}

/** Reads a JSON object body or refuses with Graph's message. */
export function objectBody(request: GraphRequest): Record<string, unknown> {
  const body = request.body;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('The request body must be a JSON object.', 'BadRequest');
  }
  return body as Record<string, unknown>;
}
