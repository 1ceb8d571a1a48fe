// The files behind one-time links, against both stores: this process's memory beside SQLite, and a blob container
// on Azurite that two instances share. A link offered by one instance opens from the other, once, even when both
// are asked at the same moment; what is stored cannot be read without the link.
import { OneTimeLinks, type LinkedFile } from '../../src/bot/one-time-links';
import type { LinkFiles } from '../../src/storage/link-files';
import { useAdapters } from '../helpers/storage-adapters';

const BASE = 'https://phonedesk.example';
const MINUTE = 60_000;
// Bytes no text encoding would keep, and a name with non-ASCII letters (blob metadata is ASCII only).
const PDF: LinkedFile = {
  body: Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80, 0x0a, 0x7f]),
  contentType: 'application/pdf',
  filename: 'Zoë-Łódź badges.pdf',
};

function linksOver(files: LinkFiles, path = '/sheets'): OneTimeLinks {
  const links = new OneTimeLinks(path, files);
  links.serveAt(BASE);
  return links;
}

const tokenOf = (url: string): string => url.slice(url.lastIndexOf('/') + 1);

describe.each(useAdapters())('%s', (_name, make) => {
  it('a link offered on one instance opens on the other, byte for byte, and then on neither', async () => {
    const { links, anotherLinks } = make();
    const [mine, theirs] = [linksOver(links), linksOver(anotherLinks())];
    const token = tokenOf(await mine.offer('job-1', 'priya.shah', Date.now() + 10 * MINUTE, PDF));
    const file = await theirs.take(token);
    expect(file && { ...file, body: [...file.body] }).toEqual({ ...PDF, body: [...PDF.body] });
    expect(await theirs.take(token)).toBeUndefined();
    expect(await mine.take(token)).toBeUndefined();
  });

  it('asked on both instances at once, exactly one gives the file, and what follows runs once', async () => {
    const { links, anotherLinks } = make();
    const taken: string[] = [];
    const instances = [linksOver(links), linksOver(anotherLinks())];
    for (const instance of instances) instance.whenTaken(async (group) => void taken.push(group));
    const token = tokenOf(await instances[0]!.offer('job-2', 'priya.shah', Date.now() + 10 * MINUTE, PDF));
    const answers = await Promise.all([...instances, ...instances].map((instance) => instance.take(token)));
    expect(answers.filter((answer) => answer !== undefined)).toHaveLength(1);
    expect(taken).toEqual(['job-2']);
  });

  it('stores neither the file nor its key, and a wrong key leaves the link to its holder', async () => {
    const { links, anotherLinks } = make();
    const token = tokenOf(await linksOver(links).offer('job-3', 'priya.shah', Date.now() + 10 * MINUTE, PDF));
    const [id, key] = token.split('.') as [string, string];
    const stored = await anotherLinks().get(id);
    expect(stored?.link).toMatchObject({ path: '/sheets', group: 'job-3', filename: PDF.filename });
    expect(Buffer.from(stored!.link.sealed).includes(Buffer.from(PDF.body))).toBe(false);
    expect(Buffer.from(stored!.link.sealed).toString('base64url')).not.toContain(key);
    const otherKey = `${key.slice(0, 20)}${key[20] === 'A' ? 'B' : 'A'}${key.slice(21)}`;
    expect(await linksOver(anotherLinks()).take(`${id}.${otherKey}`)).toBeUndefined();
    expect((await linksOver(anotherLinks()).take(token))?.filename).toBe(PDF.filename);
  });

  it("withdrawing a group on one instance drops its links on both, and nothing of another group's or path's", async () => {
    const { links, anotherLinks } = make();
    const until = Date.now() + 10 * MINUTE;
    const sheets = linksOver(links);
    const a4 = tokenOf(await sheets.offer('job-4', 'priya.shah', until, PDF));
    const letter = tokenOf(await sheets.offer('job-4', 'priya.shah', until, PDF));
    const otherJob = tokenOf(await sheets.offer('job-5', 'priya.shah', until, PDF));
    const sameGroupOtherPath = tokenOf(await linksOver(links, '/badges').offer('job-4', 'priya.shah', until, PDF));
    await linksOver(anotherLinks()).withdraw('job-4');
    expect(await sheets.take(a4)).toBeUndefined();
    expect(await sheets.take(letter)).toBeUndefined();
    expect(await sheets.take(otherJob)).toBeDefined();
    expect(await linksOver(links, '/badges').take(sameGroupOtherPath)).toBeDefined();
  });

  it('the sweep deletes the links past their time and keeps the rest', async () => {
    const { links, anotherLinks } = make();
    const now = Date.now();
    const sheets = linksOver(links);
    const past = tokenOf(await sheets.offer('job-6', 'priya.shah', now - 1, PDF));
    const live = tokenOf(await sheets.offer('job-6', 'priya.shah', now + 10 * MINUTE, PDF));
    expect(await anotherLinks().sweep(now)).toBe(1);
    expect(await links.get(past.split('.')[0]!)).toBeUndefined();
    expect(await sheets.take(live)).toBeDefined();
  });

  it('a delete conditional on a version read before another change does nothing', async () => {
    const { links, anotherLinks } = make();
    const token = tokenOf(await linksOver(links).offer('job-8', 'priya.shah', Date.now() + MINUTE, PDF));
    const [id] = token.split('.') as [string];
    const read = (await links.get(id))!;
    expect(await anotherLinks().remove(id, read.version)).toBe(true);
    await links.put(id, read.link);
    expect(await links.remove(id, read.version)).toBe(false);
    expect(await links.get(id)).toBeDefined();
  });
});
