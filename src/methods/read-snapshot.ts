// The sign-in snapshot of a worker: the gateway's core reads and every method's slice (registry.ts) in one $batch.
import type { GraphGateway } from '../graph/graph-gateway';
import type { RequesterData } from '../graph/requester-reads';
import type { SignInSnapshot } from './method-types';
import { SNAPSHOT_SLICES } from './registry';

export type SnapshotGateway = Pick<GraphGateway, 'readWorker'>;

async function read(
  gateway: SnapshotGateway,
  userId: string,
  requesterId?: string,
): Promise<{ snapshot: SignInSnapshot; requester?: RequesterData }> {
  const { worker, slices, requester } = await gateway.readWorker(userId, SNAPSHOT_SLICES, requesterId);
  // Every method's slice is in SNAPSHOT_SLICES and SignInSnapshot names the same ones, so the parts are the whole.
  const snapshot = Object.assign({}, worker, ...slices) as SignInSnapshot;
  return { snapshot, ...(requester && { requester }) };
}

/** Everything the diagnosis needs about one worker, in one $batch (tenant-wide policies from the short cache). */
export async function signInSnapshot(gateway: SnapshotGateway, userId: string): Promise<SignInSnapshot> {
  return (await read(gateway, userId)).snapshot;
}

/** The snapshot plus the groups and roles of the person asking, still in one $batch. */
export async function snapshotForRequester(
  gateway: SnapshotGateway,
  userId: string,
  requesterId: string,
): Promise<{ snapshot: SignInSnapshot; requester: RequesterData }> {
  const { snapshot, requester } = await read(gateway, userId, requesterId);
  return { snapshot, requester: requester! };
}
