/** An error the simulator answers in Graph's envelope: {"error":{"code","message","innerError":{…}}}. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphHttpError';
  }

  /** The same error with more response headers (those of the request's evaluation, e.g. x-ms-resource-unit). */
  withHeaders(headers: Record<string, string>): GraphHttpError {
    return new GraphHttpError(this.status, this.code, this.message, { ...headers, ...this.headers });
  }
}

interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export function errorBody(code: string, message: string, requestId: string, clientRequestId: string): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}

export const notFound = (id: string): GraphHttpError =>
  new GraphHttpError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

export const badRequest = (message: string, code = 'Request_BadRequest'): GraphHttpError =>
  new GraphHttpError(400, code, message);

export const unsupportedQuery = (message: string): GraphHttpError =>
  new GraphHttpError(400, 'Request_UnsupportedQuery', message);

/**
 * The code of a throttled (429) answer: Graph's error page lists `activityLimitReached` for throttling. Clients must
 * detect throttling by the 429 status, not by this code (docs/graph-facts.md §11, docs/simulator.md).
 */
export const THROTTLED_CODE = 'activityLimitReached';

export const throttled = (headers: Record<string, string>): GraphHttpError =>
  new GraphHttpError(429, THROTTLED_CODE, 'The request has been throttled. Please retry again later.', headers);
