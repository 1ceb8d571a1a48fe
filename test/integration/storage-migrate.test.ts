// `phonedesk storage migrate`: a SQLite data directory that a real bot wrote moved into Azure Storage (Azurite), as a
// separate process. Everything comes across as it stood (requests, transitions, the audit chain hash for hash, jobs
// without their sealed secrets, people, cards, conversation state), a bot started on the account carries on from it,
// and a second move, a broken chain or no Azure settings are refused in plain words.
import { randomUUID } from 'node:crypto';
import { openAzureStores } from '../../src/storage/azure/azure-stores';
import type { StorageSettings } from '../../src/config';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { openSqliteStores } from '../../src/storage/sqlite/sqlite-stores';
import { openDatabase } from '../../src/storage/sqlite/sqlite-database';
import { useAzurite } from '../helpers/azurite';
import { BotHarness, HANA, PRIYA, findButton, textOf, waitUntil } from '../helpers/bot-harness';
import { runNode, type Finished } from '../helpers/processes';
import { demoUser } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

jest.setTimeout(60_000);
const azurite = useAzurite();
const temp = tempDir('phonedesk-migrate-');
afterAll(() => temp.cleanup());

const prefix = () => `g${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const target = (name: string) => ({
  STORAGE: 'azure',
  AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
  AZURE_STORAGE_PREFIX: name,
});
const migrate = (env: Record<string, string>, dir = temp.dir): Promise<Finished> =>
  runNode('dist/src/cli/main.js', ['storage', 'migrate', '--data-dir', dir], env, 30_000);
const settings = (name: string): Extract<StorageSettings, { kind: 'azure' }> => ({
  kind: 'azure',
  prefix: name,
  account: { connectionString: azurite.connectionString, accountName: 'devstoreaccount1' },
});

let approvedId: string;
let pendingId: string;

beforeAll(async () => {
  // A bot on SQLite does real work: a change approved and made, another waiting, a job.
  const bot = new BotHarness({ env: { DATA_DIR: temp.dir } });
  await bot.start();
  try {
    for (const person of [PRIYA, HANA]) await bot.open(person);
    const first = await bot.say(PRIYA, 'add +44 7700 900123 for Jane Doe because new starter');
    approvedId = findButton(first, 'change.cancel')!.requestId as string;
    await bot.click(HANA, 'change.approve', { requestId: approvedId });
    await waitUntil('the change to end', async () => {
      return (await bot.bot.services.stores.changes.get(approvedId))?.status === 'succeeded' || undefined;
    });
    const second = await bot.say(PRIYA, "remove Hannah Lewis's number because she left");
    pendingId = findButton(second, 'change.cancel')!.requestId as string;
    const { jobs } = bot.bot.services.stores;
    await jobs.create({
      id: pendingId,
      kind: 'move-store-to-badges',
      requestNumber: 2,
      requester: { aadObjectId: demoUser('priya.shah'), name: 'Priya Shah' },
      approver: { aadObjectId: demoUser('hana.kim'), name: 'Hana Kim' },
      storeId: 'store',
      storeName: 'Manchester Piccadilly',
      createdAt: '2026-12-02T09:00:00.000Z',
      workers: [{ userId: demoUser('quinn.baker'), displayName: 'Quinn Baker', withPass: false }],
    });
    await jobs.moveWorker(
      pendingId,
      demoUser('quinn.baker'),
      ['planned'],
      { state: 'issued', sealed: 'v1.sealed-under-a-dead-key' },
      '2026-12-02T09:01:00.000Z',
    );
  } finally {
    await bot.stop();
  }
});

it('moves everything, the audit chain hash for hash, and a bot on the account carries on from it', async () => {
  const name = prefix();
  const moved = await migrate(target(name));
  expect(moved.stderr).toBe('');
  expect(moved.code).toBe(0);
  expect(moved.stdout).toMatch(/^moved to Azure Storage \(prefix "g\w+"\): \d+ records of audit log \(chain verified/);
  expect(moved.stdout).toMatch(/2 change requests, 1 jobs, 2 people and 0 channels to reach/);

  const sqlite = openSqliteStores(temp.dir);
  const azure = openAzureStores(settings(name));
  try {
    for (const id of [approvedId, pendingId]) {
      expect(await azure.changes.get(id)).toEqual(await sqlite.changes.get(id));
      expect(await azure.changes.transitions(id)).toEqual(await sqlite.changes.transitions(id));
      expect(await azure.cards.cardsOf(id)).toEqual(await sqlite.cards.cardsOf(id));
    }
    expect(await azure.audit.newest()).toEqual(await sqlite.audit.newest());
    expect(await azure.audit.verify()).toEqual(await sqlite.audit.verify());
    const byId = (people: Array<{ aadObjectId: string }>) =>
      [...people].sort((a, b) => a.aadObjectId.localeCompare(b.aadObjectId));
    expect(byId(await azure.conversations.people())).toEqual(byId(await sqlite.conversations.people()));
    const { sealed: _dropped, ...issued } = (await sqlite.jobs.workers(pendingId))[0]!;
    expect(await azure.jobs.workers(pendingId)).toEqual([issued]);
    expect(await azure.jobs.get(pendingId)).toEqual(await sqlite.jobs.get(pendingId));
    const keys = (sqlite.db.prepare('SELECT key FROM bot_state').all() as Array<{ key: string }>).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    const strip = (items: Record<string, Record<string, unknown>>) =>
      Object.fromEntries(Object.entries(items).map(([key, { eTag: _eTag, ...item }]) => [key, item]));
    expect(strip(await azure.botState.read(keys))).toEqual(strip(await sqlite.botState.read(keys)));
  } finally {
    await sqlite.close();
  }

  // A bot started on the account knows what the SQLite one did, and the next request gets the next number.
  const bot = new BotHarness({ env: target(name) });
  await bot.start();
  try {
    const history = textOf(await bot.say(PRIYA, 'history of Jane Doe'));
    expect(history).toMatch(/Jane Doe: the last change by phonedesk/);
    expect(history).toMatch(/Approved by Hana Kim/);
    const next = await bot.say(PRIYA, 'add +44 7700 900124 for Ali Khan because new phone');
    const nextId = findButton(next, 'change.cancel')!.requestId as string;
    expect((await bot.bot.services.stores.changes.get(nextId))?.number).toBe(3);
  } finally {
    await bot.stop();
  }
  const verified = await runNode('dist/src/cli/main.js', ['audit', 'verify'], target(name));
  expect(verified.code).toBe(0);
});

it('refuses a second move into the same prefix, and says why', async () => {
  const name = prefix();
  expect((await migrate(target(name))).code).toBe(0);
  const again = await migrate(target(name));
  expect(again.stderr).toBe(
    `phonedesk: the storage account already holds phonedesk data under the prefix "${name}"; move into an empty one (another AZURE_STORAGE_PREFIX)\n`,
  );
  expect(again.code).toBe(2);
});

it('refuses to move a broken chain, or to move without Azure settings, and writes nothing', async () => {
  const broken = tempDir('phonedesk-broken-');
  try {
    const db = openDatabase(broken.dir, MIGRATIONS);
    const stores = openSqliteStores(broken.dir);
    for (let step = 1; step <= 3; step++)
      await stores.audit.append({
        phase: 'event',
        actor: { aadObjectId: 'x', name: 'X' },
        operation: 'test',
        detail: `step ${step}`,
      });
    await stores.close();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET record = replace(record, 'step 2', 'step 9') WHERE sequence = 2").run();
    db.close();
    const name = prefix();
    const refused = await migrate(target(name), broken.dir);
    expect(refused.stderr).toMatch(
      /^phonedesk: the audit log in the data directory is broken at record 2 \(.*\); it is not moved\n$/,
    );
    expect(refused.code).toBe(2);
    expect(await openAzureStores(settings(name)).audit.newest()).toBeUndefined();

    const nowhere = await migrate({}, temp.dir);
    expect(nowhere.stderr).toBe(
      'phonedesk: storage migrate moves into Azure Storage: set STORAGE=azure and the account to move into\n',
    );
    expect(nowhere.code).toBe(2);
  } finally {
    broken.cleanup();
  }
});
