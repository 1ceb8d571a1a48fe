// Conversation references: where the bot can reach a person (approver, requester) or the approvals channel
// later, without them writing first. Stored in SQLite so they outlive a restart.
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { createAdapter } from '../../src/bot/create-adapter';
import { createLogger } from '../../src/log/logger';
import type { ConversationReferences } from '../../src/storage/conversation-references';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteConversationReferences } from '../../src/storage/sqlite/sqlite-conversation-references';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { teamsMessage } from '../helpers/activities';
import { CaptureServer } from '../helpers/capture-server';
import { testConfig } from '../helpers/config';
import { tempDir } from '../helpers/temp-dir';

const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const MANAGER_AAD = '00000000-0000-0000-0000-00000000a001';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function open(dataDir: string): SqliteDatabase {
  const db = openDatabase(dataDir, MIGRATIONS);
  cleanups.push(() => {
    if (db.open) db.close();
  });
  return db;
}

function fresh(): { dataDir: string; references: ConversationReferences } {
  const { dir, cleanup } = tempDir('phonedesk-references-');
  cleanups.push(cleanup);
  return { dataDir: dir, references: new SqliteConversationReferences(open(dir)) };
}

/** The reference Teams' activity gives, exactly as the bot would take it in a turn. */
function referenceFrom(activity: Partial<Activity>): Partial<ConversationReference> {
  return TurnContext.getConversationReference(activity);
}

const approvalsChannel = referenceFrom(
  teamsMessage('hello', SERVICE_URL, {
    conversation: {
      id: '19:approvals@thread.tacv2',
      conversationType: 'channel',
      isGroup: true,
      name: 'Approvals',
      tenantId: 'tenant-1',
    },
    from: { id: '29:helpdesk', name: 'Helpdesk', aadObjectId: '00000000-0000-0000-0000-00000000b001' },
  }),
);

describe('conversation references (SQLite)', () => {
  it('returns the saved reference of a person, and nothing for someone never seen', async () => {
    const { references } = fresh();
    const reference = referenceFrom(teamsMessage('hi', SERVICE_URL));
    await references.save(MANAGER_AAD, reference);
    expect(await references.get(MANAGER_AAD)).toEqual(reference);
    expect(await references.get('00000000-0000-0000-0000-00000000ffff')).toBeUndefined();
  });

  it('finds a person whatever the case or surrounding spaces of their object id', async () => {
    const { references } = fresh();
    const reference = referenceFrom(teamsMessage('hi', SERVICE_URL));
    await references.save(` ${MANAGER_AAD.toUpperCase()} `, reference);
    expect(await references.get(MANAGER_AAD)).toEqual(reference);
  });

  it('replaces a person’s reference with the latest one', async () => {
    const { references } = fresh();
    await references.save(MANAGER_AAD, referenceFrom(teamsMessage('hi', SERVICE_URL)));
    const moved = referenceFrom(
      teamsMessage('hi again', 'https://smba.trafficmanager.net/amer/', {
        conversation: { id: 'a:personal-chat-2', conversationType: 'personal', isGroup: false, name: '' },
      }),
    );
    await references.save(MANAGER_AAD, moved);
    expect(await references.get(MANAGER_AAD)).toEqual(moved);
  });

  it('keeps named channels apart from people', async () => {
    const { references } = fresh();
    const person = referenceFrom(teamsMessage('hi', SERVICE_URL));
    await references.save('approvals', person); // an odd id, but it must not be taken for the channel
    await references.saveChannel('approvals', approvalsChannel);
    expect(await references.getChannel('approvals')).toEqual(approvalsChannel);
    expect((await references.getChannel('approvals'))?.conversation?.id).toBe('19:approvals@thread.tacv2');
    expect(await references.get('approvals')).toEqual(person);
    expect(await references.getChannel('escalations')).toBeUndefined();
  });

  it('forgets a person or a channel on request (e.g. after Teams says the bot was removed)', async () => {
    const { references } = fresh();
    await references.save(MANAGER_AAD, referenceFrom(teamsMessage('hi', SERVICE_URL)));
    await references.saveChannel('approvals', approvalsChannel);
    await references.delete(MANAGER_AAD.toUpperCase());
    await references.deleteChannel('approvals');
    expect(await references.get(MANAGER_AAD)).toBeUndefined();
    expect(await references.getChannel('approvals')).toBeUndefined();
    await expect(references.delete(MANAGER_AAD)).resolves.toBeUndefined(); // already gone: no error
  });

  it('refuses a reference that could not be used to send a message, and keeps the previous one', async () => {
    const { references } = fresh();
    const good = referenceFrom(teamsMessage('hi', SERVICE_URL));
    await references.save(MANAGER_AAD, good);
    const { serviceUrl: _serviceUrl, conversation: _conversation, ...broken } = good;
    await expect(references.save(MANAGER_AAD, broken)).rejects.toThrow(
      `Conversation references: the reference for person ${MANAGER_AAD} has no serviceUrl, conversation.id, so no message could be sent with it`,
    );
    await expect(references.saveChannel('approvals', { ...approvalsChannel, channelId: '' })).rejects.toThrow(
      'Conversation references: the reference for channel "approvals" has no channelId',
    );
    expect(await references.get(MANAGER_AAD)).toEqual(good);
    expect(await references.getChannel('approvals')).toBeUndefined();
  });

  it('refuses an empty object id or channel name', async () => {
    const { references } = fresh();
    const reference = referenceFrom(teamsMessage('hi', SERVICE_URL));
    await expect(references.save('  ', reference)).rejects.toThrow(
      'Conversation references: an AAD object id is required',
    );
    await expect(references.get('')).rejects.toThrow('an AAD object id is required');
    await expect(references.saveChannel('', reference)).rejects.toThrow(
      'Conversation references: a channel name is required',
    );
  });

  it('survives a restart (close and reopen the database)', async () => {
    const { dataDir, references } = fresh();
    const reference = referenceFrom(teamsMessage('hi', SERVICE_URL));
    await references.save(MANAGER_AAD, reference);
    await references.saveChannel('approvals', approvalsChannel);
    cleanups.pop(); // close the first connection now (the directory's cleanup stays queued)
    const reopened = new SqliteConversationReferences(open(dataDir));
    expect(await reopened.get(MANAGER_AAD)).toEqual(reference);
    expect(await reopened.getChannel('approvals')).toEqual(approvalsChannel);
  });
});

describe('a stored reference reaches the person proactively after a restart', () => {
  const connector = new CaptureServer();
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());

  it('posts the message to the saved conversation at the saved service URL', async () => {
    const { dataDir, references } = fresh();
    // In a turn: the manager wrote to the bot in their 1:1 chat; the bot remembers where that was.
    const incoming = teamsMessage('add a worker', connector.url);
    await references.save(incoming.from?.aadObjectId ?? '', referenceFrom(incoming));
    cleanups.pop(); // the bot stops

    const afterRestart = new SqliteConversationReferences(open(dataDir));
    const reference = await afterRestart.get(MANAGER_AAD);
    expect(reference).toBeDefined();
    const adapter = createAdapter(testConfig().bot, createLogger('silent'));
    await adapter.continueConversationAsync('', reference ?? {}, async (context) => {
      await context.sendActivity('Your request to add Ana Silva was approved.');
    });

    const [call] = await connector.waitForCalls(1);
    expect(call.method).toBe('POST');
    expect(call.path.startsWith(`/v3/conversations/${encodeURIComponent('a:personal-chat-1')}/activities`)).toBe(true);
    expect(call.activity.text).toBe('Your request to add Ana Silva was approved.');
    expect(call.activity.recipient?.id).toBe('29:manager');
  });
});
