// One contract per store port, run against every adapter: SQLite (the embedded default) and Azure Storage (tables on
// Azurite, started by this file; nothing downloaded). What a caller relies on must hold for both.
import { randomUUID } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import { AzureChangeRequestCards } from '../../src/storage/azure/azure-change-request-cards';
import { AzureConversationReferences } from '../../src/storage/azure/azure-conversation-references';
import { AzureHandoverCards } from '../../src/storage/azure/azure-handover-cards';
import { AzureRateCounters } from '../../src/storage/azure/azure-rate-counters';
import { AzureNumberIndex } from '../../src/storage/azure/azure-number-index';
import type { NumberIndex } from '../../src/number-index/number-index';
import { SqliteNumberIndex } from '../../src/storage/sqlite/sqlite-number-index';
import type { Storage } from 'botbuilder';
import { ETagConflictError, UnstorableValueError } from '../../src/storage/bot-state-values';
import { AzureBlobBotStorage } from '../../src/storage/azure/azure-blob-bot-storage';
import { AzureAuditLog } from '../../src/storage/azure/azure-audit-log';
import type { AuditLog } from '../../src/audit/audit-log';
import type { AuditEntry, AuditRecord } from '../../src/audit/audit-record';
import { SqliteAuditLog } from '../../src/storage/sqlite/sqlite-audit-log';
import { SqliteBotStorage } from '../../src/storage/sqlite/sqlite-bot-storage';
import { AzureTables } from '../../src/storage/azure/azure-tables';
import { MemoryRateCounters, RateLimiter, type RateCounters } from '../../src/access/rate-limiter';
import type { ChangeRequestCards } from '../../src/storage/change-request-cards';
import type { ConversationReferences } from '../../src/storage/conversation-references';
import type { HandoverCards } from '../../src/storage/handover-cards';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import type { NewChangeRequest } from '../../src/changes/change-store';
import { SqliteChangeRequestCards } from '../../src/storage/sqlite/sqlite-change-request-cards';
import { SqliteChangeStore } from '../../src/storage/sqlite/sqlite-change-store';
import { SqliteConversationReferences } from '../../src/storage/sqlite/sqlite-conversation-references';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { SqliteHandoverCards } from '../../src/storage/sqlite/sqlite-handover-cards';
import { useAzurite } from '../helpers/azurite';
import { tempDir } from '../helpers/temp-dir';

interface Ports {
  references: ConversationReferences;
  cards: ChangeRequestCards;
  handovers: HandoverCards;
  /** A change request's id for cards to belong to (SQLite holds them to it by a foreign key). */
  request(): Promise<string>;
  /** Rate-limit counts: this process's own with SQLite (one instance), shared ones with Azure Storage. */
  counters: RateCounters;
  numbers: NumberIndex;
  /** botbuilder state; `another` is a second instance's adapter over the same store. */
  botState: Storage;
  another: () => Storage;
  /** The audit log, and a second instance's over the same store. */
  audit: AuditLog;
  anotherAudit: () => AuditLog;
  /** Rewrites a stored record's JSON as an attacker with write access would; `undefined` deletes it. */
  tamper: (sequence: number, edit: ((json: string) => string) | undefined) => Promise<void>;
}

const PRIYA = { aadObjectId: 'priya.shah', name: 'Priya Shah' };

const azurite = useAzurite();
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function sqlite(): Ports {
  const { dir, cleanup } = tempDir('phonedesk-ports-');
  const db: SqliteDatabase = openDatabase(dir, MIGRATIONS);
  cleanups.push(() => {
    if (db.open) db.close();
    cleanup();
  });
  /** A second bot instance's connection to the same data directory. */
  const secondConnection = (): SqliteDatabase => {
    const second = openDatabase(dir, MIGRATIONS);
    cleanups.push(() => {
      if (second.open) second.close();
    });
    return second;
  };
  return {
    references: new SqliteConversationReferences(db),
    cards: new SqliteChangeRequestCards(db),
    handovers: new SqliteHandoverCards(db),
    counters: new MemoryRateCounters(),
    numbers: new SqliteNumberIndex(db),
    botState: new SqliteBotStorage(db),
    another: () => new SqliteBotStorage(secondConnection()),
    audit: new SqliteAuditLog(db),
    anotherAudit: () => new SqliteAuditLog(secondConnection()),
    tamper: async (sequence, edit) => {
      db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
      if (!edit) {
        db.prepare('DELETE FROM audit_log WHERE sequence = ?').run(sequence);
        return;
      }
      const row = db.prepare('SELECT record FROM audit_log WHERE sequence = ?').get(sequence) as { record: string };
      db.prepare('UPDATE audit_log SET record = ? WHERE sequence = ?').run(edit(row.record), sequence);
    },
    request: async () => {
      const request = await new SqliteChangeStore(db).create({
        kind: 'disable-sms-sign-in',
        requester: PRIYA,
        target: { userId: 'jane.doe', displayName: 'Jane Doe' },
        reason: 'a test request for cards to belong to',
        urgent: false,
        tenantWide: false,
        createdAt: '2026-12-01T09:00:00.000Z',
        expiresAt: '2026-12-02T09:00:00.000Z',
      } as NewChangeRequest);
      return request.id;
    },
  };
}

/** Fresh tables per test (a prefix of its own), as a fresh SQLite file is. */
function azure(): Ports {
  const container = `state-${randomUUID()}`;
  const prefix = `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const tables = new AzureTables({ connectionString: azurite.connectionString, tablePrefix: prefix });
  return {
    references: new AzureConversationReferences(tables),
    cards: new AzureChangeRequestCards(tables),
    handovers: new AzureHandoverCards(tables),
    counters: new AzureRateCounters(tables),
    numbers: new AzureNumberIndex(tables),
    botState: new AzureBlobBotStorage({ connectionString: azurite.connectionString, container }),
    another: () => new AzureBlobBotStorage({ connectionString: azurite.connectionString, container }),
    audit: new AzureAuditLog(tables),
    anotherAudit: () =>
      new AzureAuditLog(new AzureTables({ connectionString: azurite.connectionString, tablePrefix: prefix })),
    tamper: async (sequence, edit) => {
      const table = await tables.table('Audit');
      const rowKey = `r${String(sequence).padStart(15, '0')}`;
      if (!edit) {
        await table.deleteEntity('chain', rowKey);
        return;
      }
      const entity = await table.getEntity<{ record: string }>('chain', rowKey);
      await table.updateEntity({ partitionKey: 'chain', rowKey, record: edit(entity.record) }, 'Merge');
    },
    // The change store's Azure adapter comes later (issue 17): any id will do for these tables today.
    request: async () => randomUUID(),
  };
}

function reference(conversationId: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    bot: { id: '28:bot', name: 'phonedesk' },
  };
}

const PERSON = '0F8FAD5B-D9CB-469F-A165-70867728950E';

describe.each([
  ['SQLite', sqlite],
  ['Azure Storage', azure],
] as const)('%s', (_name, make) => {
  describe('conversation references', () => {
    it('keeps the latest reference per person, whatever the case of their id, and forgets it on delete', async () => {
      const { references } = make();
      await references.save(PERSON, reference('a:first'));
      await references.save(PERSON.toLowerCase(), reference('a:second'));
      expect((await references.get(PERSON))?.conversation?.id).toBe('a:second');
      expect((await references.people()).map((person) => person.aadObjectId)).toEqual([PERSON.toLowerCase()]);
      await references.delete(PERSON);
      expect(await references.get(PERSON)).toBeUndefined();
      await references.delete(PERSON);
    });

    it('lists people most recently seen first', async () => {
      const { references } = make();
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      for (const id of ids) {
        await references.save(id, reference(`a:${id}`));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect((await references.people()).map((person) => person.aadObjectId)).toEqual([...ids].reverse());
    });

    it('refuses a reference no message could be sent with, and keeps the one it had', async () => {
      const { references } = make();
      await references.save(PERSON, reference('a:good'));
      await expect(references.save(PERSON, { channelId: 'msteams' })).rejects.toThrow(/has no serviceUrl/);
      expect((await references.get(PERSON))?.conversation?.id).toBe('a:good');
    });

    it('keeps named channels apart from people, names with any characters', async () => {
      const { references } = make();
      const name = 'approvals / night #2?';
      await references.saveChannel(name, reference('19:channel'));
      expect((await references.getChannel(` ${name} `))?.conversation?.id).toBe('19:channel');
      expect(await references.people()).toEqual([]);
      await references.deleteChannel(name);
      expect(await references.getChannel(name)).toBeUndefined();
    });
  });

  describe('request cards', () => {
    it('remembers each posted card once and gives every copy of a request', async () => {
      const ports = make();
      const { cards } = ports;
      const requestId = await ports.request();
      const posted = { requestId, activityId: 'act-1', audience: 'approver' as const, reference: reference('a:one') };
      await cards.remember(posted);
      await cards.remember(posted);
      await cards.remember({ ...posted, activityId: 'act-2', audience: 'requester', reference: reference('a:two') });
      await cards.remember({ ...posted, requestId: await ports.request() });
      const mine = await cards.cardsOf(requestId);
      expect(mine.map((card) => [card.activityId, card.audience, card.reference.conversation?.id]).sort()).toEqual([
        ['act-1', 'approver', 'a:one'],
        ['act-2', 'requester', 'a:two'],
      ]);
      expect(await cards.cardsOf(randomUUID())).toEqual([]);
    });
  });

  describe('handover cards', () => {
    const card = (requestId: string, postedAt: string) => ({
      requestId,
      activityId: `act-${requestId}`,
      reference: reference('a:requester'),
      what: "Jane Doe's badge",
      postedAt,
    });

    it('is cleared exactly once, even by two callers at the same moment', async () => {
      const ports = make();
      const { handovers } = ports;
      const r1 = await ports.request();
      await handovers.remember(card(r1, '2026-12-01T09:00:00.000Z'));
      const results = await Promise.all([
        handovers.clear(r1, '2026-12-01T10:00:00.000Z'),
        handovers.clear(r1, '2026-12-01T10:00:01.000Z'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await handovers.get(r1))?.clearedAt).toMatch(/^2026-12-01T10:00:0[01]/);
      expect(await handovers.clear(r1, '2026-12-01T11:00:00.000Z')).toBe(false);
      expect(await handovers.clear('unknown', '2026-12-01T11:00:00.000Z')).toBe(false);
    });

    it('a reissue replaces the card and shows the secret again until cleared', async () => {
      const ports = make();
      const { handovers } = ports;
      const r2 = await ports.request();
      await handovers.remember(card(r2, '2026-12-01T09:00:00.000Z'));
      await handovers.clear(r2, '2026-12-01T09:30:00.000Z');
      await handovers.remember({ ...card(r2, '2026-12-01T10:00:00.000Z'), activityId: 'act-new' });
      expect(await handovers.get(r2)).toEqual({ ...card(r2, '2026-12-01T10:00:00.000Z'), activityId: 'act-new' });
    });

    it('lists the cards still showing a secret posted before a time, oldest first, at most as many as asked', async () => {
      const ports = make();
      const { handovers } = ports;
      const [late, old, mid, gone] = [
        await ports.request(),
        await ports.request(),
        await ports.request(),
        await ports.request(),
      ];
      await handovers.remember(card(late, '2026-12-01T12:00:00.000Z'));
      await handovers.remember(card(old, '2026-12-01T08:00:00.000Z'));
      await handovers.remember(card(mid, '2026-12-01T09:00:00.000Z'));
      await handovers.remember(card(gone, '2026-12-01T07:00:00.000Z'));
      await handovers.clear(gone, '2026-12-01T07:30:00.000Z');
      const due = await handovers.showingSince('2026-12-01T11:00:00.000Z', 10);
      expect(due.map((shown) => shown.requestId)).toEqual([old, mid]);
      expect((await handovers.showingSince('2026-12-01T11:00:00.000Z', 1)).map((shown) => shown.requestId)).toEqual([
        old,
      ]);
    });
  });

  describe('rate-limit counters', () => {
    it('allows the limit within the window, per key, then again once the window slides', async () => {
      const { counters } = make();
      const rate = { limit: 3, windowMs: 60_000 };
      const taken: boolean[] = [];
      for (let index = 0; index < 4; index++) taken.push(await counters.take('reads:priya', rate, 1_000 + index));
      expect(taken).toEqual([true, true, true, false]);
      expect(await counters.take('reads:hana', rate, 1_000)).toBe(true);
      expect(await counters.take('changes:priya', rate, 1_000)).toBe(true);
      expect(await counters.take('reads:priya', rate, 61_001)).toBe(true);
    });

    it('counts concurrent actions once each: of ten at once under a limit of four, exactly four pass', async () => {
      const { counters } = make();
      const limiters = [0, 1].map(() => new RateLimiter({ limit: 4, windowMs: 60_000 }, 'changes', counters));
      const results = await Promise.all(Array.from({ length: 10 }, (_, index) => limiters[index % 2]!.take('victor')));
      expect(results.filter(Boolean)).toHaveLength(4);
    });
  });

  describe('number index', () => {
    const mobile = (phoneNumber: string, smsSignInState: 'ready' | 'notEnabled' = 'ready') => ({
      id: '3179e48a-750b-4051-897c-87b9720928f7',
      phoneType: 'mobile' as const,
      phoneNumber,
      smsSignInState,
    });
    const office = (phoneNumber: string) => ({
      id: 'e37fc753-ff3b-4958-9484-eaa9425c82bc',
      phoneType: 'office' as const,
      phoneNumber,
      smsSignInState: 'notSupported' as const,
    });

    it("names every holder of a number, newest first, and a record replaces what was known of the user's phones", async () => {
      const { numbers } = make();
      await numbers.record(
        'ali',
        [mobile('+44 7700900456', 'notEnabled'), office('+44 1614960123')],
        new Date('2026-12-01T09:00:00Z'),
      );
      await numbers.record('sam', [mobile('+44 7700900456')], new Date('2026-12-01T10:00:00Z'));
      expect((await numbers.holdersOf('+447700900456')).map((entry) => [entry.userId, entry.smsSignInState])).toEqual([
        ['sam', 'ready'],
        ['ali', 'notEnabled'],
      ]);
      expect((await numbers.holdersOf('+441614960123')).map((entry) => entry.phoneType)).toEqual(['office']);
      await numbers.record('ali', [mobile('+44 7700900999')], new Date('2026-12-01T11:00:00Z'));
      expect((await numbers.holdersOf('+447700900456')).map((entry) => entry.userId)).toEqual(['sam']);
      expect(await numbers.holdersOf('+441614960123')).toEqual([]);
      expect((await numbers.holdersOf('+447700900999'))[0]).toEqual({
        e164: '+447700900999',
        userId: 'ali',
        phoneType: 'mobile',
        smsSignInState: 'ready',
        seenAt: '2026-12-01T11:00:00.000Z',
      });
      await numbers.record('ali', [], new Date('2026-12-01T12:00:00Z'));
      expect(await numbers.holdersOf('+447700900999')).toEqual([]);
    });

    it("keeps the sweep's place, with a whole page of pending users", async () => {
      const { numbers } = make();
      expect(await numbers.sweepState()).toBeUndefined();
      const state = {
        startedAt: '2026-12-01T09:00:00.000Z',
        nextLink: 'https://graph.microsoft.com/v1.0/reports/authenticationMethods/userRegistrationDetails?$skiptoken=x',
        pendingUserIds: Array.from({ length: 999 }, () => randomUUID()),
        finishedAt: undefined,
        usersRead: 1998,
      };
      await numbers.saveSweepState(state);
      expect(await numbers.sweepState()).toEqual(state);
      const done = { ...state, nextLink: undefined, pendingUserIds: [], finishedAt: '2026-12-01T09:30:00.000Z' };
      await numbers.saveSweepState(done);
      expect(await numbers.sweepState()).toEqual(done);
    });
  });

  describe('bot and dialog state', () => {
    const KEY = 'msteams/conversations/a:1Xq-é/dialogState';

    it("writes, reads back with an eTag, and refuses a write from a stale read with MemoryStorage's message", async () => {
      const { botState } = make();
      await botState.write({ [KEY]: { step: 1 } });
      const first = (await botState.read([KEY]))[KEY];
      expect(first).toMatchObject({ step: 1 });
      expect(typeof first.eTag).toBe('string');
      await botState.write({ [KEY]: { ...first, step: 2 } });
      const error = await botState.write({ [KEY]: { ...first, step: 3 } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ETagConflictError);
      expect((error as Error).message).toBe(`Storage: error writing "${KEY}" due to eTag conflict.`);
      expect((await botState.read([KEY]))[KEY]).toMatchObject({ step: 2 });
      await botState.write({ [KEY]: { step: 4, eTag: '*' } });
      expect((await botState.read([KEY]))[KEY]).toMatchObject({ step: 4 });
    });

    it('writes a key not stored yet whatever its eTag, and forgets deleted keys', async () => {
      const { botState } = make();
      await botState.write({ fresh: { value: 'x', eTag: 'from-elsewhere' } });
      expect(await botState.read(['fresh', 'missing'])).toEqual({ fresh: expect.objectContaining({ value: 'x' }) });
      await botState.delete(['fresh', 'missing']);
      expect(await botState.read(['fresh'])).toEqual({});
    });

    it('two instances that read the same eTag: exactly one write wins', async () => {
      const { botState, another } = make();
      const second = another();
      await botState.write({ [KEY]: { count: 0 } });
      const [mine, theirs] = [(await botState.read([KEY]))[KEY], (await second.read([KEY]))[KEY]];
      const results = await Promise.allSettled([
        botState.write({ [KEY]: { ...mine, count: 1 } }),
        second.write({ [KEY]: { ...theirs, count: 2 } }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ETagConflictError);
    });

    it('refuses a value JSON would change before writing anything', async () => {
      const { botState } = make();
      await expect(botState.write({ [KEY]: { seen: new Map([['a', 1]]) } })).rejects.toBeInstanceOf(
        UnstorableValueError,
      );
      expect(await botState.read([KEY])).toEqual({});
    });
  });

  describe('audit log', () => {
    const entry = (step: number): AuditEntry => ({
      phase: 'event',
      actor: { aadObjectId: 'hana.kim', name: 'Hana Kim' },
      operation: 'change.approve',
      requestId: `request-${step}`,
      detail: `approved, step ${step}`,
    });

    async function all(log: AuditLog, options = {}): Promise<AuditRecord[]> {
      const records: AuditRecord[] = [];
      for await (const record of log.read(options)) records.push(record);
      return records;
    }

    it('chains each record to the one before, and reads them back in order, from a sequence or a time', async () => {
      const { audit } = make();
      const written: AuditRecord[] = [];
      for (let step = 1; step <= 5; step++) written.push(await audit.append(entry(step)));
      expect(written.map((record) => record.sequence)).toEqual([1, 2, 3, 4, 5]);
      expect(written[1]!.previousHash).toBe(written[0]!.hash);
      expect(await all(audit)).toEqual(written);
      expect((await all(audit, { fromSequence: 4 })).map((record) => record.sequence)).toEqual([4, 5]);
      expect((await all(audit, { limit: 2 })).map((record) => record.sequence)).toEqual([1, 2]);
      expect(await all(audit, { since: new Date(Date.now() + 60_000) })).toEqual([]);
      expect(await audit.verify()).toEqual({ ok: true, records: 5 });
    });

    it('stays one chain when two instances append at once', async () => {
      const { audit, anotherAudit } = make();
      const second = anotherAudit();
      const appended = await Promise.all(
        Array.from({ length: 16 }, (_, index) => (index % 2 === 0 ? audit : second).append(entry(index))),
      );
      expect(appended.map((record) => record.sequence).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 16 }, (_, index) => index + 1),
      );
      expect(await second.verify()).toEqual({ ok: true, records: 16 });
    });

    it('names an edited record and a deleted one', async () => {
      const { audit, tamper } = make();
      for (let step = 1; step <= 6; step++) await audit.append(entry(step));
      await tamper(4, (json) => json.replace('approved, step 4', 'rejected, step 4'));
      expect(await audit.verify()).toMatchObject({
        ok: false,
        records: 3,
        broken: { sequence: 4, problem: 'hash-mismatch' },
      });
      const { audit: other, tamper: cut } = make();
      for (let step = 1; step <= 6; step++) await other.append(entry(step));
      await cut(6, undefined);
      expect(await other.verify()).toMatchObject({ ok: false, broken: { problem: 'sequence-gap' } });
    });
  });
});
