// One contract per store port, run against SQLite and Azure Storage (Azurite): bot and dialog state, the audit chain
// and change requests, each raced by two instances where exactly-once matters.
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../src/audit/audit-log';
import type { AuditEntry, AuditRecord } from '../../src/audit/audit-record';
import { TransitionRefused } from '../../src/changes/change-request';
import type { ChangeStore } from '../../src/changes/change-store';
import { ETagConflictError, UnstorableValueError } from '../../src/storage/bot-state-values';
import { HANA, PRIYA, newRequest, useAdapters } from '../helpers/storage-adapters';

describe.each(useAdapters())('%s', (_name, make) => {
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

    it('gives each of many appends at once its own record, in one chain, more than a transaction holds', async () => {
      const { audit } = make();
      const appended = await Promise.all(Array.from({ length: 150 }, (_, index) => audit.append(entry(index))));
      // Each caller gets the record of its own entry, whichever group it was written in.
      expect(appended.map((record) => record.detail)).toEqual(appended.map((_, index) => entry(index).detail));
      expect(new Set(appended.map((record) => record.sequence)).size).toBe(150);
      expect(await audit.verify()).toEqual({ ok: true, records: 150 });
      expect(await audit.newest()).toEqual({ sequence: 150, hash: appended.find((r) => r.sequence === 150)!.hash });
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

  describe('change requests', () => {
    const event = (operation: string, requestId?: string): AuditEntry => ({
      phase: 'event',
      actor: PRIYA,
      operation,
      ...(requestId && { requestId }),
    });

    it('numbers requests one after another and finds them by id and by number, each filed with its audit event', async () => {
      const { changes, audit } = make();
      const first = await changes.create(newRequest(), (created) => event('change.request', created.id));
      const second = await changes.create(newRequest({ target: { userId: 'bob.smith', displayName: 'Bob Smith' } }));
      expect([first.number, second.number]).toEqual([1, 2]);
      expect(first).toMatchObject({ status: 'pending', version: 1 });
      expect(await changes.get(first.id)).toEqual(first);
      expect(await changes.getByNumber(2)).toEqual(second);
      expect(await changes.get(randomUUID())).toBeUndefined();
      const records: AuditRecord[] = [];
      for await (const record of audit.read()) records.push(record);
      expect(records.map((record) => [record.operation, record.requestId])).toEqual([['change.request', first.id]]);
      expect((await changes.transitions(first.id)).map((step) => [step.from, step.to])).toEqual([[null, 'pending']]);
    });

    it('of two instances deciding one request at once, exactly one wins, with one audit record', async () => {
      const { changes, anotherChanges, audit } = make();
      const request = await changes.create(newRequest());
      const other = anotherChanges();
      const decide = (store: ChangeStore, to: 'approved' | 'rejected') =>
        store.transition(request.id, 'pending', {
          to,
          actor: HANA,
          at: new Date('2026-12-01T10:00:00Z'),
          decision: { by: HANA },
          event: event(`change.${to}`, request.id),
        });
      const results = await Promise.allSettled([decide(changes, 'approved'), decide(other, 'rejected')]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect((results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(
        TransitionRefused,
      );
      const now = await other.get(request.id);
      expect(now).toMatchObject({ version: 2, decidedBy: HANA, decidedAt: '2026-12-01T10:00:00.000Z' });
      expect((await changes.transitions(request.id)).map((step) => step.to)).toEqual(['pending', now!.status]);
      let decisions = 0;
      for await (const record of audit.read()) if (record.operation.startsWith('change.')) decisions++;
      expect(decisions).toBe(1);
      expect(await audit.verify()).toEqual({ ok: true, records: 1 });
    });

    it('refuses a move from a state the request is not in, and changes nothing', async () => {
      const { changes } = make();
      const request = await changes.create(newRequest());
      await expect(
        changes.transition(request.id, 'approved', { to: 'executing', actor: HANA, at: new Date() }),
      ).rejects.toBeInstanceOf(TransitionRefused);
      expect(await changes.get(request.id)).toEqual(request);
    });

    it('lists newest first, by status, requester, worker, number, time and at most as many as asked', async () => {
      const { changes } = make();
      const a = await changes.create(
        newRequest({ kind: 'add-number', phoneNumber: '+44 7700900123', createdAt: '2026-12-01T08:00:00.000Z' }),
      );
      const b = await changes.create(newRequest({ requester: HANA, createdAt: '2026-12-01T09:00:00.000Z' }));
      const c = await changes.create(
        newRequest({
          target: { userId: 'bob.smith', displayName: 'Bob Smith' },
          createdAt: '2026-12-01T10:00:00.000Z',
        }),
      );
      await changes.transition(b.id, 'pending', { to: 'cancelled', actor: HANA, at: new Date() });
      const ids = async (filter: Parameters<ChangeStore['list']>[0]) =>
        (await changes.list(filter)).map((found) => found.id);
      expect(await ids({})).toEqual([c.id, b.id, a.id]);
      expect(await ids({ statuses: ['pending'] })).toEqual([c.id, a.id]);
      expect(await ids({ requesterId: HANA.aadObjectId })).toEqual([b.id]);
      expect(await ids({ targetUserId: 'bob.smith' })).toEqual([c.id]);
      expect(await ids({ phoneNumberE164: '+447700900123' })).toEqual([a.id]);
      expect(await ids({ kinds: ['add-number'] })).toEqual([a.id]);
      expect(await ids({ createdSince: '2026-12-01T09:00:00.000Z' })).toEqual([c.id, b.id]);
      expect(await ids({ limit: 2 })).toEqual([c.id, b.id]);
    });

    it('claims the notice of an expired, undecided request for exactly one of two instances', async () => {
      const { changes, anotherChanges } = make();
      const request = await changes.create(newRequest());
      expect(await changes.claimExpiryNotice(request.id, new Date())).toBe(false);
      await changes.transition(request.id, 'pending', { to: 'expired', actor: HANA, at: new Date() });
      const other = anotherChanges();
      const claims = await Promise.all([
        changes.claimExpiryNotice(request.id, new Date('2026-12-02T09:01:00Z')),
        other.claimExpiryNotice(request.id, new Date('2026-12-02T09:01:01Z')),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect((await changes.get(request.id))?.expiryToldAt).toMatch(/^2026-12-02T09:01:0[01]/);
      expect(await other.claimExpiryNotice(request.id, new Date())).toBe(false);
    });

    it('gives every request its own number when two instances file at once', async () => {
      const { changes, anotherChanges } = make();
      const other = anotherChanges();
      const filed = await Promise.all(
        Array.from({ length: 8 }, (_, index) => (index % 2 ? other : changes).create(newRequest())),
      );
      expect(filed.map((request) => request.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
  });
});
