// Profiles of people who ask and approve, read from Graph and kept for a minute (decisions and execution
// ask for a fresh one, so a removed role or group takes effect at once where it matters).
// A profile's person carries the Entra display name: the name a client sends (activity.from.name) is never kept.
import type { Person } from '../audit/audit-context';
import type { GraphGateway, RequesterData } from '../graph/graph-gateway';
import type { RequesterProfile } from './requester-profile';

const TTL_MS = 60_000;

/** Stands for a name when the directory could not be read: the object id still says who it was. */
const NAME_NOT_READ = '(name not read from the directory)';

function profileOf(person: Person, data: RequesterData): RequesterProfile {
  // Entra gives every user a display name; should Graph leave it out, say so rather than use the client's.
  const name = data.displayName ?? NAME_NOT_READ;
  return {
    person: { aadObjectId: person.aadObjectId, name },
    groupIds: data.groupIds,
    roles: data.roles,
    ...(data.displayName !== undefined && { displayName: data.displayName }),
    ...(data.stores !== undefined && { stores: data.stores }),
  };
}

export class RequesterDirectory {
  private readonly cache = new Map<string, { profile: RequesterProfile; at: number }>();

  constructor(
    private readonly gateway: Pick<GraphGateway, 'requesterProfile'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps a profile read together with something else (the snapshot batch), so the next turn needs no read. */
  remember(person: Person, data: RequesterData): RequesterProfile {
    const profile = profileOf(person, data);
    this.cache.set(person.aadObjectId, { profile, at: this.now() });
    return profile;
  }

  async profile(person: Person, options: { fresh?: boolean } = {}): Promise<RequesterProfile> {
    const cached = this.cache.get(person.aadObjectId);
    if (!options.fresh && cached && this.now() - cached.at < TTL_MS) return cached.profile;
    const data = await this.gateway.requesterProfile(person.aadObjectId);
    return this.remember(person, data);
  }

  /** The person as the directory names them (read if not known from the last minute). */
  async named(person: Person, options: { fresh?: boolean } = {}): Promise<Person> {
    return (await this.profile(person, options)).person;
  }

  /** The name from the last profile read (however old), without reading: for records made before the read. */
  knownName(person: Person): Person {
    return (
      this.cache.get(person.aadObjectId)?.profile.person ?? { aadObjectId: person.aadObjectId, name: NAME_NOT_READ }
    );
  }

  /**
   * For records that must be written even when Graph cannot be read just then (a refused decision): the
   * directory's name, or NAME_NOT_READ with the id; never the name the client sent.
   */
  async namedForRecord(person: Person): Promise<Person> {
    return this.named(person).catch(() => ({ aadObjectId: person.aadObjectId, name: NAME_NOT_READ }));
  }
}
