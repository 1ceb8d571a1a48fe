// One contract per store port, run against SQLite and Azure Storage (Azurite): the records several instances share
// (conversation references, request and handover cards, rate-limit counts, the number index).
import { randomUUID } from 'node:crypto';
import { RateLimiter } from '../../src/access/rate-limiter';
import { PERSON, reference, useAdapters } from '../helpers/storage-adapters';

describe.each(useAdapters())('%s', (_name, make) => {
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

  describe('leases', () => {
    it('is held by one owner at a time, renewed by it, and taken over once it runs out or is given up', async () => {
      const { leases } = make();
      expect(await leases.acquire('sweep.expiry', 'instance-a', 30_000, 1_000)).toBe(true);
      expect(await leases.acquire('sweep.expiry', 'instance-b', 30_000, 2_000)).toBe(false);
      expect(await leases.acquire('sweep.expiry', 'instance-a', 30_000, 20_000)).toBe(true);
      expect(await leases.acquire('sweep.expiry', 'instance-b', 30_000, 40_000)).toBe(false);
      expect(await leases.acquire('sweep.expiry', 'instance-b', 30_000, 50_001)).toBe(true);
      expect(await leases.acquire('sweep.numbers', 'instance-a', 30_000, 50_001)).toBe(true);
      await leases.release('sweep.expiry', 'instance-a');
      expect(await leases.acquire('sweep.expiry', 'instance-a', 30_000, 50_002)).toBe(false);
      await leases.release('sweep.expiry', 'instance-b');
      expect(await leases.acquire('sweep.expiry', 'instance-a', 30_000, 50_003)).toBe(true);
    });

    it('goes to exactly one of several reaching for it at once', async () => {
      const { leases } = make();
      const owners = ['a', 'b', 'c', 'd'];
      const taken = await Promise.all(owners.map((owner) => leases.acquire('job.42', owner, 30_000, 1_000)));
      expect(taken.filter(Boolean)).toHaveLength(1);
    });
  });
});
