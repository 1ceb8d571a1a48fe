// Profiles of people who ask and approve, read from Graph and kept for a minute (decisions and execution
// ask for a fresh one, so a removed role or group takes effect at once where it matters).
import type { Person } from '../audit/audit-context';
import type { GraphGateway } from '../graph/graph-gateway';
import type { RequesterProfile } from './requester-profile';

const TTL_MS = 60_000;

export class RequesterDirectory {
  private readonly cache = new Map<string, { profile: RequesterProfile; at: number }>();

  constructor(private readonly gateway: Pick<GraphGateway, 'requesterProfile'>, private readonly now: () => number = Date.now) {}

  /** Keeps a profile read together with something else (the snapshot batch), so the next turn needs no read. */
  remember(person: Person, data: { groupIds: string[]; roles: RequesterProfile['roles'] }): RequesterProfile {
    const profile: RequesterProfile = { person, groupIds: data.groupIds, roles: data.roles };
    this.cache.set(person.aadObjectId, { profile, at: this.now() });
    return profile;
  }

  async profile(person: Person, options: { fresh?: boolean } = {}): Promise<RequesterProfile> {
    const cached = this.cache.get(person.aadObjectId);
    if (!options.fresh && cached && this.now() - cached.at < TTL_MS) return { ...cached.profile, person };
    const data = await this.gateway.requesterProfile(person.aadObjectId);
    const profile: RequesterProfile = { person, groupIds: data.groupIds, roles: data.roles };
    this.cache.set(person.aadObjectId, { profile, at: this.now() });
    return profile;
  }
}
