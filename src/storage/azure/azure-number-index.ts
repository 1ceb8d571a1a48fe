// The number index in an Azure table: a partition per number (its holders, one row per user and phone type, so a
// lookup reads one partition) and a row per user listing the numbers it holds, so that the next record can remove
// the ones gone. Tables write one partition atomically, not two: a row left by two instances recording the same user
// at once is harmless, since every holder the index names is confirmed against Graph before anyone is told.
import { fromGraph } from '../../phone/phone-number';
import type { NumberIndex, NumberIndexEntry, SweepState } from '../../number-index/number-index';
import type { PhoneMethodSnapshot } from '../../snapshot/sign-in-snapshot';
import { isNotFound, isPreconditionFailed, literal, safeKey, type AzureTables } from './azure-tables';

const SWEEP = { partitionKey: 'sweep', rowKey: 'state' };
const USERS = 'user';

interface HolderEntity {
  e164: string;
  userId: string;
  phoneType: NumberIndexEntry['phoneType'];
  smsSignInState: NumberIndexEntry['smsSignInState'];
  seenAt: string;
}

interface HeldEntity {
  /** JSON: the [e164, phoneType] pairs the user held at the last record. */
  held: string;
}

interface SweepEntity {
  /** JSON of the SweepState, as bytes: a page's pending user ids can outgrow a string property (32K characters). */
  state: Uint8Array;
}

const holderKey = (userId: string, phoneType: string): string => safeKey(`${userId}\n${phoneType}`);

export class AzureNumberIndex implements NumberIndex {
  constructor(private readonly tables: AzureTables) {}

  async record(userId: string, methods: readonly PhoneMethodSnapshot[], seenAt: Date): Promise<void> {
    const table = await this.tables.table('Numbers');
    const rows: HolderEntity[] = methods.flatMap((method) => {
      const number = fromGraph(method.phoneNumber);
      return number
        ? [
            {
              e164: number.e164,
              userId,
              phoneType: method.phoneType,
              smsSignInState: method.smsSignInState,
              seenAt: seenAt.toISOString(),
            },
          ]
        : [];
    });
    let before: Array<[string, string]> = [];
    let etag: string | undefined;
    try {
      const held = await table.getEntity<HeldEntity>(USERS, safeKey(userId));
      before = JSON.parse(held.held) as Array<[string, string]>;
      etag = held.etag;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    for (const row of rows)
      await table.upsertEntity(
        { partitionKey: safeKey(row.e164), rowKey: holderKey(userId, row.phoneType), ...row },
        'Replace',
      );
    const kept = new Set(rows.map((row) => `${row.e164}\n${row.phoneType}`));
    for (const [e164, phoneType] of before.filter(([e164, type]) => !kept.has(`${e164}\n${type}`))) {
      try {
        await table.deleteEntity(safeKey(e164), holderKey(userId, phoneType));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    const held = {
      partitionKey: USERS,
      rowKey: safeKey(userId),
      held: JSON.stringify(rows.map((row) => [row.e164, row.phoneType])),
    };
    try {
      if (etag === undefined) await table.upsertEntity<HeldEntity>(held, 'Replace');
      else await table.updateEntity<HeldEntity>(held, 'Replace', { etag });
    } catch (error) {
      // Another instance recorded this user meanwhile: its list is as fresh as ours.
      if (!isPreconditionFailed(error)) throw error;
    }
  }

  async holdersOf(e164: string): Promise<NumberIndexEntry[]> {
    const table = await this.tables.table('Numbers');
    const entries: NumberIndexEntry[] = [];
    for await (const entity of table.listEntities<HolderEntity>({
      queryOptions: { filter: `PartitionKey eq ${literal(safeKey(e164))}` },
    }))
      entries.push({
        e164: entity.e164,
        userId: entity.userId,
        phoneType: entity.phoneType,
        smsSignInState: entity.smsSignInState,
        seenAt: entity.seenAt,
      });
    return entries.sort((a, b) => b.seenAt.localeCompare(a.seenAt));
  }

  async sweepState(): Promise<SweepState | undefined> {
    const table = await this.tables.table('Numbers');
    try {
      const entity = await table.getEntity<SweepEntity>(SWEEP.partitionKey, SWEEP.rowKey);
      return JSON.parse(Buffer.from(entity.state).toString('utf8')) as SweepState;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async saveSweepState(state: SweepState): Promise<void> {
    const table = await this.tables.table('Numbers');
    const json = JSON.stringify(state);
    await table.upsertEntity<SweepEntity>({ ...SWEEP, state: new Uint8Array(Buffer.from(json, 'utf8')) }, 'Replace');
  }
}
