// The change store's look-ups by worker, kind and number, which the pipeline's judgement (lost numbers, open
// duplicates, recent changes on a card) is built on.
import type { Person } from '../../src/audit/audit-context';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteChangeStore } from '../../src/storage/sqlite/sqlite-change-store';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import type { NewChangeRequest } from '../../src/changes/change-store';
import { tempDir } from '../helpers/temp-dir';

const PRIYA: Person = { aadObjectId: 'priya', name: 'Priya Shah' };
let temp: { dir: string; cleanup: () => void };
let db: SqliteDatabase;
let store: SqliteChangeStore;

function input(fields: Partial<NewChangeRequest> & Pick<NewChangeRequest, 'kind'>): NewChangeRequest {
  return {
    requester: PRIYA,
    target: { userId: 'jane', displayName: 'Jane Doe' },
    reason: 'test',
    urgent: false,
    tenantWide: false,
    createdAt: '2026-11-20T10:00:00.000Z',
    expiresAt: '2026-11-21T10:00:00.000Z',
    ...fields,
  } as NewChangeRequest;
}

beforeEach(async () => {
  temp = tempDir();
  db = openDatabase(temp.dir, MIGRATIONS);
  store = new SqliteChangeStore(db);
  await store.create(input({ kind: 'add-number', phoneNumber: '+44 7700900123' }));
  await store.create(
    input({ kind: 'secure-lost-phone', phoneNumber: '+44 7700900123', createdAt: '2026-11-25T10:00:00.000Z' }),
  );
  await store.create(
    input({ kind: 'add-number', phoneNumber: '+44 7700900123', target: { userId: 'sam', displayName: 'Sam Okafor' } }),
  );
  await store.create(input({ kind: 'remove-number', target: { userId: 'sam', displayName: 'Sam Okafor' } }));
});

afterEach(() => {
  db.close();
  temp.cleanup();
});

const numbers = (requests: ReadonlyArray<{ number: number }>) => requests.map((request) => request.number);

it("finds a worker's requests, newest first", async () => {
  expect(numbers(await store.list({ targetUserId: 'jane' }))).toEqual([2, 1]);
  expect(numbers(await store.list({ targetUserId: 'sam' }))).toEqual([4, 3]);
});

it('finds the requests that name a number, in any stored form', async () => {
  expect(numbers(await store.list({ phoneNumberE164: '+447700900123' }))).toEqual([3, 2, 1]);
  expect(numbers(await store.list({ phoneNumberE164: '+447700900999' }))).toEqual([]);
});

it('combines kind, worker and time', async () => {
  expect(numbers(await store.list({ targetUserId: 'jane', kinds: ['secure-lost-phone'] }))).toEqual([2]);
  expect(numbers(await store.list({ targetUserId: 'jane', createdSince: '2026-11-24T00:00:00.000Z' }))).toEqual([2]);
  expect(numbers(await store.list({ kinds: ['add-number', 'remove-number'], targetUserId: 'sam' }))).toEqual([4, 3]);
});

it('leaves out a request it cannot read (a newer release wrote it), says which, and still lists the rest', async () => {
  const unreadable: string[] = [];
  const reporting = new SqliteChangeStore(db, undefined, (id, error) => unreadable.push(`${id}: ${error.message}`));
  const [newest] = await reporting.list({ targetUserId: 'sam' });
  db.prepare("UPDATE change_requests SET body = json_set(body, '$.schemaVersion', 99) WHERE id = ?").run(newest!.id);
  expect(numbers(await reporting.list({ targetUserId: 'sam' }))).toEqual([3]);
  expect(unreadable).toEqual([
    `${newest!.id}: change request ${newest!.id} was written by a newer phonedesk (schema 99)`,
  ]);
  // Asked for by id, it is refused in those words rather than guessed at.
  await expect(reporting.get(newest!.id)).rejects.toThrow(/written by a newer phonedesk \(schema 99\)/);
});
