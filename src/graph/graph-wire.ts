// What travels over the wire to Graph and back: $batch items and answers, collection pages, next links.
import { GraphError } from '@microsoft/microsoft-graph-client';
import { toGraphFailure } from './graph-errors';

/** Graph takes at most 20 requests in one $batch. */
export const MAX_BATCH = 20;

export interface BatchItem {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type Collection<T> = { value: T[]; '@odata.nextLink'?: string };

/** An @odata.nextLink as a path after the version: the Graph client only follows absolute https links itself. */
export function relativeToVersion(link: string): string {
  const url = new URL(link);
  return `${url.pathname.replace(/^\/(v1\.0|beta)/, '')}${url.search}`;
}

/** An inner $batch answer's error (or its absence) as a GraphFailure. */
export function answerFailure(response: BatchResponse | undefined, key: string): ReturnType<typeof toGraphFailure> {
  const body = response?.body as { error?: { code?: string; message?: string } } | undefined;
  const error = new GraphError(response?.status ?? 0, body?.error?.message ?? `no answer for ${key}`);
  error.code = body?.error?.code ?? null;
  error.requestId = response?.headers?.['request-id'] ?? null;
  return toGraphFailure(error);
}

/** The body of one inner $batch response, or its error as a GraphFailure. */
export function innerBody<T>(responses: ReadonlyMap<string, BatchResponse>, key: string): T {
  const response = responses.get(key);
  if (!response || response.status >= 400) throw answerFailure(response, key);
  return response.body as T;
}
