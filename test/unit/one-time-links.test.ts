// Links that answer once (a badge PDF, a store's CSV file): each gives its file to the first request only, and
// nothing to a tampered, expired, withdrawn or oversized token, so a link forwarded or guessed gives nothing away.
import { OneTimeLinks, type LinkedFile } from '../../src/bot/one-time-links';

const BASE = 'https://phonedesk.example';
const PATH = '/files';
const START = Date.parse('2026-12-02T09:00:00Z');
const MINUTE = 60_000;

const file = (name: string): LinkedFile => ({
  body: new TextEncoder().encode(`contents of ${name}`),
  contentType: 'text/csv',
  filename: name,
});

/** Links on a clock the test moves, served from BASE (given with a trailing slash, as PUBLIC_URL may be). */
function setUp(): { links: OneTimeLinks; clock: { now: number } } {
  const clock = { now: START };
  const links = new OneTimeLinks(PATH, () => clock.now);
  links.serveAt(`${BASE}/`);
  return { links, clock };
}

/** The token a browser sends: the URL's last path segment. */
function tokenOf(url: string): string {
  const prefix = `${BASE}${PATH}/`;
  if (!url.startsWith(prefix)) throw new Error(`${url} is not under ${prefix}`);
  return url.slice(prefix.length);
}

function offer(links: OneTimeLinks, name: string, group = 'store-leeds', until = START + 10 * MINUTE): string {
  return tokenOf(links.offer(group, 'aad-manager', until, async () => file(name)));
}

describe('OneTimeLinks', () => {
  it('offers a URL under the base and path, one segment long, different each time', () => {
    const { links } = setUp();
    const first = links.offer('store-leeds', 'aad-manager', START + MINUTE, async () => file('a.csv'));
    const second = links.offer('store-leeds', 'aad-manager', START + MINUTE, async () => file('a.csv'));
    expect(first.startsWith(`${BASE}${PATH}/`)).toBe(true);
    // The base's trailing slash is not doubled.
    expect(first.slice('https://'.length)).not.toContain('//');
    expect(tokenOf(first)).not.toContain('/');
    expect(first).not.toBe(second);
  });

  it('makes the file only when the link is opened', async () => {
    const { links } = setUp();
    const make = jest.fn(async () => file('late.csv'));
    const url = links.offer('store-leeds', 'aad-manager', START + MINUTE, make);
    expect(make).not.toHaveBeenCalled();
    await links.take(tokenOf(url));
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('gives the file once, then nothing', async () => {
    const { links } = setUp();
    const token = offer(links, 'leeds.csv');
    expect(await links.take(token)).toEqual(file('leeds.csv'));
    expect(await links.take(token)).toBeUndefined();
  });

  it.each<[string, (token: string) => string]>([
    ['a signature with one character changed', (token) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')],
    ['a signature cut short', (token) => token.slice(0, -4)],
    ['no signature', (token) => token.split('.')[0]!],
    ['an id changed', (token) => (token.startsWith('A') ? 'B' : 'A') + token.slice(1)],
    ['an empty token', () => ''],
  ])('gives nothing for %s', async (_label, tamper) => {
    const { links } = setUp();
    const token = offer(links, 'leeds.csv');
    expect(tamper(token)).not.toBe(token);
    expect(await links.take(tamper(token))).toBeUndefined();
  });

  it("gives nothing for one link's id with another link's signature", async () => {
    const { links } = setUp();
    const [idA] = offer(links, 'a.csv').split('.');
    const [, signatureB] = offer(links, 'b.csv').split('.');
    expect(await links.take(`${idA}.${signatureB}`)).toBeUndefined();
  });

  it('works until its time, and gives nothing from then on', async () => {
    const { links, clock } = setUp();
    const until = START + 5 * MINUTE;
    const early = offer(links, 'early.csv', 'store-leeds', until);
    const late = offer(links, 'late.csv', 'store-leeds', until);
    clock.now = until - 1;
    expect(await links.take(early)).toEqual(file('early.csv'));
    clock.now = until;
    expect(await links.take(late)).toBeUndefined();
    // Nor later, once the clock has moved on further.
    clock.now = until + 60 * MINUTE;
    expect(await links.take(late)).toBeUndefined();
  });

  it('withdrawing a group drops all of its links and only its links', async () => {
    const { links } = setUp();
    const first = offer(links, 'a.csv', 'request-1');
    const second = offer(links, 'b.csv', 'request-1');
    const other = offer(links, 'c.csv', 'request-2');
    links.withdraw('request-1');
    expect(await links.take(first)).toBeUndefined();
    expect(await links.take(second)).toBeUndefined();
    expect(await links.take(other)).toEqual(file('c.csv'));
  });

  it('gives nothing for a token longer than 200 characters, even one that starts with a good link', async () => {
    const { links } = setUp();
    const token = offer(links, 'leeds.csv');
    // Only the id and signature are read from a token, so this would open the link without the length limit.
    const long = `${token}.${'x'.repeat(201)}`;
    expect(long.length).toBeGreaterThan(200);
    expect(await links.take(long)).toBeUndefined();
    // The link itself was good: the length alone refused it.
    expect(await links.take(token)).toEqual(file('leeds.csv'));
  });
});
