// Where the files behind one-time links wait to be opened (bot/one-time-links.ts): ciphertext only, sealed under a
// key that is in the link and nowhere else. One process keeps them in memory (SQLite); several instances share a
// blob container (storage/azure/azure-link-files.ts), so a link offered by one is opened from any.

export interface StoredLink {
  /** The URL path it is served under (/badges, /sheets, /downloads). */
  path: string;
  /** What it belongs to (a request, a job, a store), so that a group's links can be withdrawn at once. */
  group: string;
  ownerId: string;
  /** Epoch milliseconds: from then on it opens no more. */
  until: number;
  contentType: string;
  filename: string;
  sealed: Uint8Array;
}

export interface LinkFiles {
  put(id: string, link: StoredLink): Promise<void>;
  /** The link and a version that `remove` can be made conditional on; undefined once it is gone. */
  get(id: string): Promise<{ link: StoredLink; version: string } | undefined>;
  /** Deletes it, only if still at `version` when one is given; true for the caller whose delete took it. */
  remove(id: string, version?: string): Promise<boolean>;
  /** Deletes every link of a group under a path; returns how many. */
  withdraw(path: string, group: string): Promise<number>;
  /** Deletes links past their time; returns how many. */
  sweep(now: number): Promise<number>;
}

/** One process's links: gone with it, as the links it offered would be. */
export class MemoryLinkFiles implements LinkFiles {
  private readonly links = new Map<string, { link: StoredLink; version: string }>();
  private versions = 0;

  async put(id: string, link: StoredLink): Promise<void> {
    if (this.links.has(id)) throw new Error('a link with that id exists');
    this.links.set(id, { link, version: String(++this.versions) });
  }

  async get(id: string): Promise<{ link: StoredLink; version: string } | undefined> {
    return this.links.get(id);
  }

  async remove(id: string, version?: string): Promise<boolean> {
    const found = this.links.get(id);
    if (!found || (version !== undefined && found.version !== version)) return false;
    return this.links.delete(id);
  }

  async withdraw(path: string, group: string): Promise<number> {
    return this.deleteWhere((link) => link.path === path && link.group === group);
  }

  async sweep(now: number): Promise<number> {
    return this.deleteWhere((link) => link.until <= now);
  }

  private deleteWhere(test: (link: StoredLink) => boolean): number {
    let deleted = 0;
    for (const [id, { link }] of this.links) if (test(link) && this.links.delete(id)) deleted++;
    return deleted;
  }
}
