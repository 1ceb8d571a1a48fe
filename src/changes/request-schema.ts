// Stored request bodies outlive releases: each carries the schema version it was written with, and a reader
// upgrades an older body step by step before use. Never edit a released step; add one.
import { isChangeKind } from '../methods/registry';
import { REQUEST_SCHEMA_VERSION, type ChangeRequest } from './change-request';

/** A body that cannot be read as a request (an unknown kind, a newer release's shape); nothing is guessed. */
export class UnreadableRequest extends Error {
  override name = 'UnreadableRequest';
}

type StoredBody = Record<string, unknown>;

/**
 * 1 → 2: release 0.1.0 wrote no version. Its payload fields were the same flat ones (phoneNumber, policyTargetId,
 * useForSignIn), so the body is kept; fields a kind no longer has (a number on a sign-in switch) stay, unread.
 */
const STEPS: Readonly<Record<number, (body: StoredBody) => StoredBody>> = {
  1: (body) => ({ ...body, schemaVersion: 2 }),
};

export function upgradeStoredRequest(stored: unknown): ChangeRequest {
  if (typeof stored !== 'object' || stored === null)
    throw new UnreadableRequest('a stored change request is not an object');
  let body = stored as StoredBody;
  let version = typeof body.schemaVersion === 'number' ? body.schemaVersion : 1;
  if (version > REQUEST_SCHEMA_VERSION)
    throw new UnreadableRequest(
      `change request ${String(body.id)} was written by a newer phonedesk (schema ${version})`,
    );
  while (version < REQUEST_SCHEMA_VERSION) {
    body = STEPS[version]!(body);
    version++;
  }
  if (typeof body.kind !== 'string' || !isChangeKind(body.kind))
    throw new UnreadableRequest(`change request ${String(body.id)} has an unknown kind`);
  return body as unknown as ChangeRequest;
}
