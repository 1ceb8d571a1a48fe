// The simulator's internal request/response: one shape for HTTP requests and for $batch's inner requests.

export interface GraphRequest {
  method: string;
  /** Path after /v1.0, split and percent-decoded: /users/a%40b → ["users", "a@b"]. */
  segments: string[];
  /** Path after /v1.0 as sent, for logs and fault matching. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: unknown;
  /** e.g. http://127.0.0.1:5080/v1.0, used for @odata.context and @odata.nextLink. */
  serviceRoot: string;
  requestId: string;
  clientRequestId: string;
  /** Set for inner requests of a $batch. */
  batchId?: string;
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON body; a string is sent as text/plain (e.g. /$count). */
  body?: unknown;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): GraphResponse => ({
  status,
  body,
  headers,
});

export const noContent = (): GraphResponse => ({ status: 204 });

export function isWrite(method: string): boolean {
  return method === 'POST' || method === 'PATCH' || method === 'PUT' || method === 'DELETE';
}
