// Leases in an Azure table shared by every instance: a row per lease naming its owner and until when. Taking a free
// or run-out lease, or renewing one's own, is a write conditional on the row read (If-Match, or create-if-absent),
// so two instances reaching for it at once never both hold it.
import type { Leases } from '../../changes/leases';
import { isConflict, isNotFound, isPreconditionFailed, safeKey, type AzureTables } from './azure-tables';

const PARTITION = 'lease';

interface LeaseEntity {
  owner: string;
  /** Epoch milliseconds. */
  until: number;
}

export class AzureLeases implements Leases {
  constructor(private readonly tables: AzureTables) {}

  async acquire(name: string, owner: string, ttlMs: number, now: number): Promise<boolean> {
    const table = await this.tables.table('Leases');
    const row = { partitionKey: PARTITION, rowKey: safeKey(name), owner, until: now + ttlMs };
    let current: (LeaseEntity & { etag: string }) | undefined;
    try {
      current = (await table.getEntity<LeaseEntity>(PARTITION, safeKey(name))) as LeaseEntity & { etag: string };
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    try {
      if (!current) await table.createEntity<LeaseEntity>(row);
      else if (current.owner === owner || current.until <= now)
        await table.updateEntity<LeaseEntity>(row, 'Replace', { etag: current.etag });
      else return false;
      return true;
    } catch (error) {
      if (isConflict(error) || isPreconditionFailed(error)) return false;
      throw error;
    }
  }

  async release(name: string, owner: string): Promise<void> {
    const table = await this.tables.table('Leases');
    try {
      const current = await table.getEntity<LeaseEntity>(PARTITION, safeKey(name));
      if (current.owner !== owner) return;
      await table.deleteEntity(PARTITION, safeKey(name), { etag: current.etag });
    } catch (error) {
      // Gone, or taken over meanwhile: either way no longer this owner's to give up.
      if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
    }
  }
}
