// Links that answer once: a file made for one person (a badge PDF, a badge sheet, a store's CSV), sealed when the
// link is offered under a key that is only in the link (`<base><path>/<id>.<key>`), and kept sealed in LinkFiles,
// which every instance shares. Used, expired, withdrawn or with a wrong key, a link is 404; a wrong key leaves the
// link working for whoever holds the right one.
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log/logger';
import { openWithKey, sealUnderNewKey } from '../secret/key-in-link-seal';
import type { LinkFiles, StoredLink } from '../storage/link-files';

export interface LinkedFile {
  body: Uint8Array;
  contentType: string;
  filename: string;
}

// An 18-byte id and a 32-byte key, base64url: anything else is refused before storage is asked.
const TOKEN = /^([\w-]{24})\.([\w-]{43})$/;

/** What the sealed file is bound to: a copy under another link, owner or time does not open. */
const bindingOf = (id: string, link: Omit<StoredLink, 'sealed'>): string =>
  [link.path, id, link.group, link.ownerId.toLowerCase(), link.until, link.contentType, link.filename].join('|');

export class OneTimeLinks {
  private baseUrl = '';
  private afterTake: ((group: string) => Promise<void>) | undefined;

  constructor(
    readonly path: string,
    private readonly files: LinkFiles,
    private readonly logger?: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Where phonedesk is reached from the person's browser (PUBLIC_URL, or the address it listens on). */
  serveAt(baseUrl: string): void {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Runs, on whichever instance serves it, once a link of this path has been taken. */
  whenTaken(handler: (group: string) => Promise<void>): void {
    this.afterTake = handler;
  }

  /** A new link to `file`, valid until `until`: sealed and stored now, the key only in the URL returned. */
  async offer(group: string, ownerId: string, until: number, file: LinkedFile): Promise<string> {
    const id = randomBytes(18).toString('base64url');
    const link = { path: this.path, group, ownerId, until, contentType: file.contentType, filename: file.filename };
    const { key, sealed } = sealUnderNewKey(file.body, bindingOf(id, link));
    await this.files.put(id, { ...link, sealed });
    return `${this.baseUrl}${this.path}/${id}.${key}`;
  }

  /** Drops every link of a group. */
  async withdraw(group: string): Promise<void> {
    await this.files.withdraw(this.path, group);
  }

  /** GET <path>/:token: the file once; undefined (404) for anything else. */
  async take(token: string): Promise<LinkedFile | undefined> {
    const [, id, key] = TOKEN.exec(token) ?? [];
    if (!id || !key) return undefined;
    const found = await this.files.get(id);
    if (!found || found.link.path !== this.path) return undefined;
    const { link, version } = found;
    if (link.until <= this.now()) {
      await this.files.remove(id, version);
      return undefined;
    }
    const body = openWithKey(link.sealed, key, bindingOf(id, link));
    // Only the delete that succeeds gives the file: two browsers, or two instances, cannot both have it.
    if (!body || !(await this.files.remove(id, version))) return undefined;
    // By name only: an error from the Bot Connector can quote the card it failed to send.
    await this.afterTake?.(link.group).catch((error: unknown) =>
      this.logger?.warn(
        { path: this.path, error: error instanceof Error ? error.name : 'unknown' },
        'what follows a one-time download could not be done',
      ),
    );
    return { body, contentType: link.contentType, filename: link.filename };
  }
}
