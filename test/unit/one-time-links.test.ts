// Links that answer once (a badge PDF, a badge sheet, a store's CSV file): each gives its file to the first request
// only, and nothing to a tampered, expired, withdrawn or oversized token, so a link forwarded or guessed gives nothing
// away. What is stored is ciphertext that only the link's key opens.
import { OneTimeLinks, type LinkedFile } from '../../src/bot/one-time-links';
import { MemoryLinkFiles } from '../../src/storage/link-files';

const BASE = 'https://phonedesk.example';
const PATH = '/files';
const START = Date.parse('2026-12-02T09:00:00Z');
const MINUTE = 60_000;

const file = (name: string): LinkedFile => ({
  body: new TextEncoder().encode(`contents of ${name}`),
  contentType: 'text/csv',
  filename: name,
});

interface SetUp {
  links: OneTimeLinks;
  files: MemoryLinkFiles;
  clock: { now: number };
}

/** Links on a clock the test moves, served from BASE (given with a trailing slash, as PUBLIC_URL may be). */
function setUp(): SetUp {
  const clock = { now: START };
  const files = new MemoryLinkFiles();
  const links = new OneTimeLinks(PATH, files, undefined, () => clock.now);
  links.serveAt(`${BASE}/`);
  return { links, files, clock };
}

/** The token a browser sends: the URL's last path segment. */
function tokenOf(url: string): string {
  const prefix = `${BASE}${PATH}/`;
  if (!url.startsWith(prefix)) throw new Error(`${url} is not under ${prefix}`);
  return url.slice(prefix.length);
}

async function offer(
  links: OneTimeLinks,
  name: string,
  group = 'store-leeds',
  until = START + 10 * MINUTE,
): Promise<string> {
  return tokenOf(await links.offer(group, 'aad-manager', until, file(name)));
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The character at `at` replaced by its neighbour in the alphabet (lowest bit flipped). */
const swapAt = (token: string, at: number): string =>
  token.slice(0, at) + BASE64URL[BASE64URL.indexOf(token[at]!) ^ 1] + token.slice(at + 1);

describe('OneTimeLinks', () => {
  it('offers a URL under the base and path, one segment long, different each time', async () => {
    const { links } = setUp();
    const first = await links.offer('store-leeds', 'aad-manager', START + MINUTE, file('a.csv'));
    const second = await links.offer('store-leeds', 'aad-manager', START + MINUTE, file('a.csv'));
    expect(first.startsWith(`${BASE}${PATH}/`)).toBe(true);
    // The base's trailing slash is not doubled.
    expect(first.slice('https://'.length)).not.toContain('//');
    expect(tokenOf(first)).not.toContain('/');
    expect(first).not.toBe(second);
  });

  it('stores only ciphertext: the file cannot be read from what is kept', async () => {
    const { links, files } = setUp();
    const token = await offer(links, 'leeds.csv');
    const stored = await files.get(token.split('.')[0]!);
    expect(stored?.link).toMatchObject({ path: PATH, group: 'store-leeds', filename: 'leeds.csv' });
    expect(Buffer.from(stored!.link.sealed).toString('latin1')).not.toContain('contents of');
    // Nor the key: it is in the link alone.
    expect(Buffer.from(stored!.link.sealed).toString('base64url')).not.toContain(token.split('.')[1]!);
  });

  it('gives the file once, then nothing', async () => {
    const { links } = setUp();
    const token = await offer(links, 'leeds.csv');
    expect(await links.take(token)).toEqual({ ...file('leeds.csv'), body: Buffer.from(file('leeds.csv').body) });
    expect(await links.take(token)).toBeUndefined();
  });

  it.each<[string, (token: string) => string]>([
    ['a key with one character changed', (token) => swapAt(token, token.length - 10)],
    // The last character carries 2 bits that decode to nothing: the same key, spelled another way.
    ['a key with its spare bits changed', (token) => swapAt(token, token.length - 1)],
    ['a key cut short', (token) => token.slice(0, -4)],
    ['no key', (token) => token.split('.')[0]!],
    ['an id changed', (token) => (token.startsWith('A') ? 'B' : 'A') + token.slice(1)],
    ['an empty token', () => ''],
  ])('gives nothing for %s, and the link still opens with its own key', async (_label, tamper) => {
    const { links } = setUp();
    const token = await offer(links, 'leeds.csv');
    expect(tamper(token)).not.toBe(token);
    expect(await links.take(tamper(token))).toBeUndefined();
    expect((await links.take(token))?.filename).toBe('leeds.csv');
  });

  it("gives nothing for one link's id with another link's key", async () => {
    const { links } = setUp();
    const [idA] = (await offer(links, 'a.csv')).split('.');
    const [, keyB] = (await offer(links, 'b.csv')).split('.');
    expect(await links.take(`${idA}.${keyB}`)).toBeUndefined();
  });

  it('gives nothing when what the link is bound to was changed in storage (its time moved on)', async () => {
    const { links, files } = setUp();
    const token = await offer(links, 'leeds.csv');
    const [id] = token.split('.');
    const stored = (await files.get(id!))!.link;
    await files.remove(id!);
    await files.put(id!, { ...stored, until: stored.until + 60 * MINUTE });
    expect(await links.take(token)).toBeUndefined();
  });

  it('is served only under its own path', async () => {
    const { links, files, clock } = setUp();
    const token = await offer(links, 'leeds.csv');
    const other = new OneTimeLinks('/other', files, undefined, () => clock.now);
    expect(await other.take(token)).toBeUndefined();
    expect((await links.take(token))?.filename).toBe('leeds.csv');
  });

  it('works until its time, and gives nothing from then on', async () => {
    const { links, clock } = setUp();
    const until = START + 5 * MINUTE;
    const early = await offer(links, 'early.csv', 'store-leeds', until);
    const late = await offer(links, 'late.csv', 'store-leeds', until);
    clock.now = until - 1;
    expect((await links.take(early))?.filename).toBe('early.csv');
    clock.now = until;
    expect(await links.take(late)).toBeUndefined();
    // Nor later, once the clock has moved on further.
    clock.now = until + 60 * MINUTE;
    expect(await links.take(late)).toBeUndefined();
  });

  it('withdrawing a group drops all of its links and only its links', async () => {
    const { links } = setUp();
    const first = await offer(links, 'a.csv', 'request-1');
    const second = await offer(links, 'b.csv', 'request-1');
    const other = await offer(links, 'c.csv', 'request-2');
    await links.withdraw('request-1');
    expect(await links.take(first)).toBeUndefined();
    expect(await links.take(second)).toBeUndefined();
    expect((await links.take(other))?.filename).toBe('c.csv');
  });

  it('tells what follows a download once, with the group, after the file was taken', async () => {
    const { links } = setUp();
    const taken: string[] = [];
    links.whenTaken(async (group) => void taken.push(group));
    const token = await offer(links, 'a.csv', 'job-7');
    await links.take(swapAt(token, token.length - 10));
    expect(taken).toEqual([]);
    await links.take(token);
    await links.take(token);
    expect(taken).toEqual(['job-7']);
  });

  it('gives nothing for a token longer than 200 characters, even one that starts with a good link', async () => {
    const { links } = setUp();
    const token = await offer(links, 'leeds.csv');
    const long = `${token}.${'x'.repeat(201)}`;
    expect(long.length).toBeGreaterThan(200);
    expect(await links.take(long)).toBeUndefined();
    // The link itself was good: the length alone refused it.
    expect((await links.take(token))?.filename).toBe('leeds.csv');
  });
});
