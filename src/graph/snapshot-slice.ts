// What a sign-in method reads about a worker, as part of the worker's one $batch: its own per-worker reads and its
// tenant-wide ones (its policy), which the gateway keeps for a short while. The method maps the answers itself.
import type { BatchResponse } from './graph-wire';
import { innerBody } from './graph-wire';

/** A GET in the worker's $batch; the id is the slice's own (the gateway keeps slices apart). */
export interface SliceRead {
  id: string;
  /** Relative to /v1.0, query included. */
  url: string;
}

/** The answers a slice gets back. */
export interface SliceAnswers {
  /** The answer to one of the slice's reads; an error answer throws its GraphFailure. */
  ok<T>(id: string): T;
  /** The answer, or undefined when Graph has none or phonedesk may not read it (an error status). */
  optional<T>(id: string): T | undefined;
  /** Group names the gateway has seen, for naming policy targets. */
  groupNames: ReadonlyMap<string, string>;
}

export interface SnapshotSlice<S extends object = object> {
  /** Reads about the worker. */
  workerReads(userIdSegment: string): SliceRead[];
  /** Tenant-wide reads (the method's policy): in the batch only when the gateway's short cache lacks them. */
  tenantReads?: readonly SliceRead[];
  /** The slice's fields of the sign-in snapshot. */
  map(answers: SliceAnswers): S;
}

/** Answers looked up under a prefix: a slice sees only its own ids. */
export function sliceAnswers(
  responses: ReadonlyMap<string, BatchResponse>,
  prefixOf: (id: string) => string,
  groupNames: ReadonlyMap<string, string>,
): SliceAnswers {
  return {
    ok: <T>(id: string): T => innerBody<T>(responses, prefixOf(id)),
    optional: <T>(id: string): T | undefined => {
      const response = responses.get(prefixOf(id));
      return response && response.status < 400 ? (response.body as T) : undefined;
    },
    groupNames,
  };
}
