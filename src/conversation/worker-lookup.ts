// Finding the worker a requester means, within the people they may act on. "Not found" and "not yours" get
// the same answer, so nobody learns who exists outside their stores.
import type { AccessPolicy } from '../access/access-policy';
import type { RequesterDirectory } from '../access/requester-directory';
import type { RequesterProfile } from '../access/requester-profile';
import type { WorkerCandidate, WorkerResolver } from '../access/worker-resolver';
import type { Person } from '../audit/audit-context';
import type { SignInSnapshot } from '../methods/method-types';
import { GraphFailure } from '../graph/graph-errors';
import type { GraphGateway } from '../graph/graph-gateway';
import { snapshotForRequester } from '../methods/read-snapshot';

/** What finding a worker uses: the directory search, the snapshot batch and scopes, the requester's profile, the rules. */
export interface WorkerLookupDeps {
  resolver: WorkerResolver;
  gateway: Pick<GraphGateway, 'readWorker' | 'scopesOf'>;
  directory: RequesterDirectory;
  access: AccessPolicy;
}

export type WorkerFound =
  /** `guessed`: picked by a prefix or a close spelling, or the only one of several in scope; not typed exactly. */
  | { kind: 'found'; snapshot: SignInSnapshot; profile: RequesterProfile; guessed?: WorkerCandidate }
  | { kind: 'choose'; candidates: WorkerCandidate[] }
  | { kind: 'none'; message: string };

export function notFound(text: string): string {
  return `I couldn't find anyone called "${text.slice(0, 80)}" among the people you look after. Check the spelling, or use their email address or employee id.`;
}

/** Reads the worker's snapshot and the requester's profile in one batch, then checks scope. */
export async function workerById(
  deps: WorkerLookupDeps,
  requester: Person,
  userId: string,
  typed: string,
): Promise<WorkerFound> {
  let read;
  try {
    read = await snapshotForRequester(deps.gateway, userId, requester.aadObjectId);
  } catch (error) {
    if (error instanceof GraphFailure && error.kind === 'not-found') return { kind: 'none', message: notFound(typed) };
    throw error;
  }
  const profile = deps.directory.remember(requester, read.requester);
  const { snapshot } = read;
  const scope = {
    userId: snapshot.user.id,
    administrativeUnitIds: snapshot.administrativeUnits.map((unit) => unit.id),
    managerId: snapshot.user.managerId,
  };
  if (!deps.access.canActOn(profile, scope)) return { kind: 'none', message: notFound(typed) };
  return { kind: 'found', snapshot, profile };
}

function guessedIf(guessed: boolean, candidate: WorkerCandidate, found: WorkerFound): WorkerFound {
  return guessed && found.kind === 'found' ? { ...found, guessed: candidate } : found;
}

export async function lookUpWorker(deps: WorkerLookupDeps, requester: Person, typed: string): Promise<WorkerFound> {
  const lookup = await deps.resolver.resolve(typed);
  if (lookup.kind === 'none') return { kind: 'none', message: notFound(typed) };
  if (lookup.kind === 'one')
    return guessedIf(!lookup.exact, lookup.worker, await workerById(deps, requester, lookup.worker.userId, typed));
  const profile = await deps.directory.profile(requester);
  let candidates = lookup.candidates;
  if (!deps.access.isApprover(profile)) {
    const scopes = await deps.gateway.scopesOf(candidates.map((candidate) => candidate.userId));
    candidates = candidates.filter((candidate) => {
      const scope = scopes.get(candidate.userId);
      return scope !== undefined && deps.access.canActOn(profile, { userId: candidate.userId, ...scope });
    });
  }
  if (candidates.length === 0) return { kind: 'none', message: notFound(typed) };
  if (candidates.length === 1)
    return guessedIf(true, candidates[0], await workerById(deps, requester, candidates[0].userId, typed));
  return { kind: 'choose', candidates };
}
