// Links that answer once: a file made for one person (a badge PDF, a store's CSV) at `<base><path>/<id>.<HMAC>`,
// signed with a key that lives only in this process. Used, expired, withdrawn or tampered with, a link is 404.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface LinkedFile {
  body: Uint8Array;
  contentType: string;
  filename: string;
}

interface Link {
  /** What the link belongs to (a request, a store overview), so that all its links can be withdrawn at once. */
  group: string;
  ownerId: string;
  until: number;
  make: () => Promise<LinkedFile | undefined>;
}

export class OneTimeLinks {
  private readonly key = randomBytes(32);
  private readonly links = new Map<string, Link>();
  private baseUrl = '';

  constructor(
    readonly path: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Where phonedesk is reached from the person's browser (PUBLIC_URL, or the address it listens on). */
  serveAt(baseUrl: string): void {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** A new link to what `make` produces when it is first opened, valid until `until`. */
  offer(group: string, ownerId: string, until: number, make: Link['make']): string {
    this.sweep();
    const id = randomBytes(18).toString('base64url');
    const link: Link = { group, ownerId, until, make };
    this.links.set(id, link);
    return `${this.baseUrl}${this.path}/${id}.${this.sign(id, link)}`;
  }

  /** Drops every link of a group. */
  withdraw(group: string): void {
    for (const [id, link] of this.links) if (link.group === group) this.links.delete(id);
  }

  /** GET <path>/:token: the file once; undefined (404) for anything else. */
  async take(token: string): Promise<LinkedFile | undefined> {
    this.sweep();
    if (token.length > 200) return undefined;
    const [id, signature] = token.split('.');
    const link = id ? this.links.get(id) : undefined;
    if (!id || !link || !signature) return undefined;
    const expected = Buffer.from(this.sign(id, link));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    this.links.delete(id);
    return link.make();
  }

  private sign(id: string, link: Link): string {
    return createHmac('sha256', this.key)
      .update(`${id}|${link.group}|${link.ownerId.toLowerCase()}|${link.until}`)
      .digest('base64url');
  }

  /** Links past their time are dropped. */
  sweep(): void {
    const now = this.now();
    for (const [id, link] of this.links) if (link.until <= now) this.links.delete(id);
  }
}
