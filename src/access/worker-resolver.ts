// From what a manager typed to a worker: exact UPN, mail or employee id, else a display-name prefix, else a
// close spelling ("Bob Smiht"). Several matches are returned for a choice, never guessed.
import type { User } from '@microsoft/microsoft-graph-types';
import type { GraphGateway } from '../graph/graph-gateway';
import { editDistance } from './edit-distance';

export interface WorkerCandidate {
  userId: string;
  displayName: string;
  userPrincipalName: string;
  detail: string | undefined;
  jobTitle?: string;
}

/** `exact`: what was typed is the person's name, UPN, mail or employee id, not a prefix or a close spelling. */
type WorkerLookup =
  | { kind: 'one'; worker: WorkerCandidate; exact: boolean }
  | { kind: 'several'; candidates: WorkerCandidate[] }
  | { kind: 'none' };

const MAX_CANDIDATES = 10;
const MAX_NAME_LENGTH = 256;

function candidate(user: User): WorkerCandidate {
  const detail = [user.jobTitle, user.officeLocation].filter((part): part is string => Boolean(part)).join(', ');
  return {
    userId: user.id ?? '',
    displayName: user.displayName ?? user.userPrincipalName ?? '',
    userPrincipalName: user.userPrincipalName ?? '',
    detail: detail || undefined,
    ...(user.jobTitle && { jobTitle: user.jobTitle }),
  };
}

function looksLikeIdentifier(text: string): boolean {
  return text.includes('@') || /^[A-Za-z]{0,4}\d{3,}$/.test(text);
}

export class WorkerResolver {
  constructor(private readonly gateway: Pick<GraphGateway, 'findUsersExact' | 'findUsersByNamePrefix'>) {}

  async resolve(typed: string): Promise<WorkerLookup> {
    const text = typed.replace(/\s+/g, ' ').trim();
    if (text === '' || text.length > MAX_NAME_LENGTH) return { kind: 'none' };
    if (looksLikeIdentifier(text)) {
      const users = await this.gateway.findUsersExact(text);
      if (users.length > 0) return this.decide(users.map(candidate), text, true);
    }
    const byPrefix = await this.gateway.findUsersByNamePrefix(text, MAX_CANDIDATES + 1);
    if (byPrefix.length > 0) return this.decide(byPrefix.map(candidate), text, false);
    // A small typo: look at names starting like the typed one and keep the close spellings.
    const start = text.slice(0, 2);
    if (start.length < 2) return { kind: 'none' };
    const similar = (await this.gateway.findUsersByNamePrefix(start, 999)).map(candidate);
    const allowed = Math.max(1, Math.min(2, Math.floor(text.length / 4)));
    const close = similar
      .map((worker) => ({
        worker,
        distance: Math.min(
          editDistance(worker.displayName, text),
          editDistance(worker.displayName.split(' ')[0], text),
        ),
      }))
      .filter((entry) => entry.distance <= allowed)
      .sort((a, b) => a.distance - b.distance);
    if (close.length === 0) return { kind: 'none' };
    const best = close.filter((entry) => entry.distance === close[0].distance).map((entry) => entry.worker);
    return this.decide(best, text, false);
  }

  /** `byIdentifier`: the candidates matched a UPN, mail or employee id exactly. */
  private decide(candidates: WorkerCandidate[], text: string, byIdentifier: boolean): WorkerLookup {
    const exact = candidates.filter((worker) => worker.displayName.toLowerCase() === text.toLowerCase());
    if (exact.length === 1) return { kind: 'one', worker: exact[0], exact: true };
    if (candidates.length === 1) return { kind: 'one', worker: candidates[0], exact: byIdentifier };
    return { kind: 'several', candidates: candidates.slice(0, MAX_CANDIDATES) };
  }
}
