// One Graph request through the simulator: injected faults, throttling, routing, error envelope, $batch.
import { randomUUID } from 'node:crypto';
import { GraphHttpError, THROTTLED_CODE, badRequest, errorBody, throttled } from './graph-error';
import type { GraphRequest, GraphResponse } from './graph-request';
import { GraphRouter } from './graph-router';
import type { SimulatorState } from './simulator-state';
import { directoryRoutes } from './routes/directory-routes';
import { groupMemberRoutes } from './routes/group-member-routes';
import { phoneMethodRoutes } from './routes/phone-method-routes';
import { policyRoutes } from './routes/policy-routes';
import { reportRoutes } from './routes/report-routes';
import { userRoutes } from './routes/user-routes';
import { authenticationMethodRoutes } from './routes/authentication-method-routes';
import { methodPolicyRoutes } from './routes/method-policy-routes';
import { qrCodePinRoutes } from './routes/qr-code-pin-routes';
import { temporaryAccessPassRoutes } from './routes/temporary-access-pass-routes';
import { postureRoutes } from './routes/posture-routes';

const MAX_BATCH_REQUESTS = 20;

/** What the HTTP layer must do beyond sending the response. */
interface ServiceResult extends GraphResponse {
  /** Close the connection without answering. */
  drop?: boolean;
}

interface BatchRequestItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

const DEFAULT_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'InvalidAuthenticationToken',
  403: 'Authorization_RequestDenied',
  404: 'Request_ResourceNotFound',
  409: 'Conflict',
  429: THROTTLED_CODE,
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

const router = new GraphRouter([
  ...userRoutes,
  ...phoneMethodRoutes,
  ...policyRoutes,
  ...methodPolicyRoutes,
  ...qrCodePinRoutes,
  ...temporaryAccessPassRoutes,
  ...authenticationMethodRoutes,
  ...directoryRoutes,
  ...groupMemberRoutes,
  ...reportRoutes,
  ...postureRoutes,
]);

export class GraphService {
  constructor(private readonly state: SimulatorState) {}

  /** Handles a request to the Graph surface (auth already checked) and logs it. */
  async handle(request: GraphRequest): Promise<ServiceResult> {
    const startedAt = new Date().toISOString();
    let fault: string | undefined;
    let result: ServiceResult;
    try {
      const rule = this.state.faults.take(request.method, request.path);
      fault = rule?.id;
      if (rule?.action === 'status') {
        const status = rule.status ?? 503;
        const headers: Record<string, string> =
          rule.retryAfterSeconds === undefined ? {} : { 'retry-after': String(rule.retryAfterSeconds) };
        throw new GraphHttpError(
          status,
          rule.code ?? DEFAULT_CODES[status] ?? 'UnknownError',
          rule.message ?? 'Injected fault.',
          headers,
        );
      }
      if (rule && rule.hold !== 'after' && rule.action !== 'drop') await this.state.faults.hold(rule.holdMs);
      if (rule?.action === 'drop' && rule.hold !== 'after') {
        result = { status: 0, drop: true };
      } else {
        // An error answer can follow an applied change (409 phoneNumberNotUnique saves the method), so it is
        // turned into a response here and the after-apply drop or hold below acts on it like on a success.
        result = await this.execute(request).catch((error: unknown) => this.errorResponse(error, request));
        if (rule?.action === 'drop') result = { status: 0, drop: true };
        else if (rule?.hold === 'after') await this.state.faults.hold(rule.holdMs);
      }
    } catch (error) {
      result = this.errorResponse(error, request);
    }
    result.headers = {
      ...result.headers,
      'request-id': request.requestId,
      'client-request-id': request.clientRequestId,
    };
    this.state.log.add({
      method: request.method,
      path: request.path,
      status: result.drop ? 0 : result.status,
      startedAt,
      endedAt: new Date().toISOString(),
      requestId: request.requestId,
      clientRequestId: request.clientRequestId,
      ...(request.batchId && { batchId: request.batchId }),
      ...(fault && { fault }),
    });
    return result;
  }

  private async execute(request: GraphRequest): Promise<ServiceResult> {
    const randomStatus = this.state.faults.randomStatus();
    if (randomStatus !== undefined) {
      throw new GraphHttpError(randomStatus, DEFAULT_CODES[randomStatus] ?? 'UnknownError', 'Injected random failure.');
    }
    if (request.segments.length === 1 && request.segments[0] === '$batch') {
      if (request.batchId) throw badRequest('A $batch request cannot contain another $batch request.', 'BadRequest');
      if (request.method !== 'POST')
        throw new GraphHttpError(
          405,
          'Request_BadRequest',
          `The HTTP method '${request.method}' is not allowed for $batch.`,
        );
      return this.batch(request);
    }
    const decision = this.state.throttle.decide(request);
    if (!decision.allowed) throw throttled({ ...decision.headers, 'retry-after': String(decision.retryAfterSeconds) });
    // Costed whether the route answers or refuses it, so errors carry the same headers (docs/graph-facts.md §10).
    const response = await router
      .dispatch(this.state.tenant, request, () => new Date())
      .catch((error: unknown) => {
        throw error instanceof GraphHttpError ? error.withHeaders(decision.headers) : error;
      });
    return { ...response, headers: { ...decision.headers, ...response.headers } };
  }

  private errorResponse(error: unknown, request: GraphRequest): ServiceResult {
    if (error instanceof GraphHttpError) {
      return {
        status: error.status,
        headers: error.headers,
        body: errorBody(error.code, error.message, request.requestId, request.clientRequestId),
      };
    }
    return {
      status: 500,
      body: errorBody(
        'InternalServerError',
        `The simulator failed: ${error instanceof Error ? error.message : String(error)}`,
        request.requestId,
        request.clientRequestId,
      ),
    };
  }

  // ---- $batch (docs/graph-facts.md §9) ----

  private parseBatch(body: unknown): BatchRequestItem[] {
    const requests = (body as { requests?: unknown } | null)?.requests;
    if (!Array.isArray(requests))
      throw badRequest('Invalid batch payload format: the body must be {"requests": [...]}.', 'BadRequest');
    if (requests.length === 0)
      throw badRequest('Invalid batch payload format: the batch has no requests.', 'BadRequest');
    if (requests.length > MAX_BATCH_REQUESTS) {
      throw badRequest(
        `The batch contains ${requests.length} requests; at most ${MAX_BATCH_REQUESTS} are allowed.`,
        'BadRequest',
      );
    }
    const items = requests.map((raw: unknown, index): BatchRequestItem => {
      const item = raw as Record<string, unknown> | null;
      if (!item || typeof item !== 'object') throw badRequest(`Batch request ${index} is not an object.`, 'BadRequest');
      if (typeof item.id !== 'string' || item.id === '')
        throw badRequest(`Batch request ${index} needs a string id.`, 'BadRequest');
      if (typeof item.method !== 'string' || typeof item.url !== 'string') {
        throw badRequest(`Batch request '${item.id}' needs a method and a url.`, 'BadRequest');
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries((item.headers as Record<string, unknown> | undefined) ?? {}))
        headers[name.toLowerCase()] = String(value);
      const dependsOn = item.dependsOn === undefined ? [] : item.dependsOn;
      if (!Array.isArray(dependsOn) || dependsOn.some((dependency) => typeof dependency !== 'string')) {
        throw badRequest(`Batch request '${item.id}' has an invalid dependsOn.`, 'BadRequest');
      }
      return {
        id: item.id,
        method: item.method.toUpperCase(),
        url: item.url,
        headers,
        body: item.body,
        dependsOn: dependsOn as string[],
      };
    });
    const ids = new Set<string>();
    for (const item of items) {
      if (ids.has(item.id))
        throw badRequest(`Batch request ids must be unique; '${item.id}' appears more than once.`, 'BadRequest');
      ids.add(item.id);
    }
    for (const item of items) {
      for (const dependency of item.dependsOn) {
        if (!ids.has(dependency) || dependency === item.id) {
          throw badRequest(`Batch request '${item.id}' depends on unknown request '${dependency}'.`, 'BadRequest');
        }
      }
    }
    return items;
  }

  private async batch(request: GraphRequest): Promise<ServiceResult> {
    const items = this.parseBatch(request.body);
    const byId = new Map(items.map((item) => [item.id, item]));
    const results = new Map<
      string,
      Promise<{ id: string; status: number; headers: Record<string, string>; body?: unknown }>
    >();
    const run = (
      item: BatchRequestItem,
      trail: string[],
    ): Promise<{ id: string; status: number; headers: Record<string, string>; body?: unknown }> => {
      const existing = results.get(item.id);
      if (existing) return existing;
      if (trail.includes(item.id))
        throw badRequest(`Batch requests have a circular dependsOn through '${item.id}'.`, 'BadRequest');
      const promise = (async () => {
        const dependencies = await Promise.all(item.dependsOn.map((id) => run(byId.get(id)!, [...trail, item.id])));
        if (dependencies.some((dependency) => dependency.status >= 400)) {
          return {
            id: item.id,
            status: 424,
            headers: { 'content-type': 'application/json' },
            body: errorBody(
              'FailedDependency',
              'A request this request depends on failed.',
              request.requestId,
              request.clientRequestId,
            ),
          };
        }
        return this.inner(request, item);
      })();
      results.set(item.id, promise);
      return promise;
    };
    // Requests without dependsOn run one after another in order, which Graph allows ("any order").
    const responses = [];
    for (const item of items) responses.push(await run(item, []));
    return { status: 200, body: { responses } };
  }

  private async inner(
    outer: GraphRequest,
    item: BatchRequestItem,
  ): Promise<{ id: string; status: number; headers: Record<string, string>; body?: unknown }> {
    const requestId = randomUUID();
    let url: URL;
    try {
      if (/^[a-z]+:/i.test(item.url)) throw new Error('absolute');
      url = new URL(item.url.replace(/^\/?/, '/'), 'http://batch.invalid');
    } catch {
      return this.innerError(
        item,
        400,
        'BadRequest',
        `The url '${item.url}' must be relative to the version root, e.g. /users/{id}.`,
        requestId,
        outer,
      );
    }
    if (item.body !== undefined && !item.headers['content-type']) {
      return this.innerError(
        item,
        400,
        'BadRequest',
        'A request with a body must have a Content-Type header.',
        requestId,
        outer,
      );
    }
    const segments = url.pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
    const result = await this.handle({
      method: item.method,
      segments,
      path: `${url.pathname}${url.search}`,
      query: url.searchParams,
      headers: item.headers,
      body: item.body,
      serviceRoot: outer.serviceRoot,
      requestId,
      clientRequestId: item.headers['client-request-id'] ?? outer.clientRequestId,
      batchId: outer.requestId,
    });
    if (result.drop) return this.innerError(item, 504, 'GatewayTimeout', 'The request timed out.', requestId, outer);
    const headers: Record<string, string> = { ...result.headers };
    if (result.body !== undefined)
      headers['content-type'] = typeof result.body === 'string' ? 'text/plain' : 'application/json';
    return { id: item.id, status: result.status, headers, ...(result.body !== undefined && { body: result.body }) };
  }

  private innerError(
    item: BatchRequestItem,
    status: number,
    code: string,
    message: string,
    requestId: string,
    outer: GraphRequest,
  ) {
    return {
      id: item.id,
      status,
      headers: { 'content-type': 'application/json', 'request-id': requestId },
      body: errorBody(code, message, requestId, outer.clientRequestId),
    };
  }
}
