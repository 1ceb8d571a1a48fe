// The workers a typed name most likely means, among the people the requester may act on: for "Did you mean …?".
// One resolver look-up (exact, prefix, close spelling) and one scope read; nobody outside the requester's stores is
// ever offered, so "not found" and "not yours" look the same.
import { editDistance } from '../access/edit-distance';
import type { WorkerCandidate } from '../access/worker-resolver';
import type { Person } from '../audit/audit-context';
import type { WorkerLookupDeps } from '../conversation/worker-lookup';

/** "Did you mean" offers the nearest two or three, not a list to scroll. */
const MAX_SUGGESTED_WORKERS = 3;

/** How far the typed text is from a name: the whole name, its first name, or its start as long as the typed text. */
function distance(typed: string, displayName: string): number {
  const firstName = displayName.split(' ')[0] ?? displayName;
  return Math.min(
    editDistance(displayName, typed),
    editDistance(firstName, typed),
    editDistance(displayName.slice(0, typed.length), typed),
  );
}

/** Nearest first; ties keep the directory's order. Pure. */
export function nearestFirst<T extends { displayName: string }>(
  typed: string,
  candidates: readonly T[],
  max = MAX_SUGGESTED_WORKERS,
): T[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, distance: distance(typed, candidate.displayName) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, max)
    .map((entry) => entry.candidate);
}

export async function nearestWorkers(
  deps: WorkerLookupDeps,
  requester: Person,
  typed: string,
): Promise<WorkerCandidate[]> {
  const lookup = await deps.resolver.resolve(typed);
  if (lookup.kind === 'none') return [];
  const candidates = lookup.kind === 'one' ? [lookup.worker] : lookup.candidates;
  const profile = await deps.directory.profile(requester);
  let visible = candidates;
  if (!deps.access.isApprover(profile)) {
    const scopes = await deps.gateway.scopesOf(candidates.map((candidate) => candidate.userId));
    visible = candidates.filter((candidate) => {
      const scope = scopes.get(candidate.userId);
      return scope !== undefined && deps.access.canActOn(profile, { userId: candidate.userId, ...scope });
    });
  }
  return nearestFirst(typed, visible);
}
