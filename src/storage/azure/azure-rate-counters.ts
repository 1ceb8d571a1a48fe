// Rate-limit counts shared by every instance: a row per person and limit holding the times of their recent actions,
// rewritten only if unchanged since read (If-Match), so that two instances counting at once never both slip under
// the limit. A lost race reads again; a row that keeps changing is refused rather than counted twice.
import type { RateCounters, RateLimit } from '../../access/rate-limiter';
import { isConflict, isNotFound, isPreconditionFailed, safeKey, type AzureTables } from './azure-tables';

const PARTITION = 'rate';
/** Races lost in a row before the action is refused: more people at once than this is a flood anyway. */
const ATTEMPTS = 8;

interface CountEntity {
  /** JSON array of epoch milliseconds, oldest first. */
  times: string;
}

export class AzureRateCounters implements RateCounters {
  constructor(private readonly tables: AzureTables) {}

  async take(key: string, rate: RateLimit, now: number): Promise<boolean> {
    const table = await this.tables.table('RateLimits');
    const rowKey = safeKey(key);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      let etag: string | undefined;
      let times: number[] = [];
      try {
        const entity = await table.getEntity<CountEntity>(PARTITION, rowKey);
        etag = entity.etag;
        times = (JSON.parse(entity.times) as number[]).filter((at) => now - at < rate.windowMs);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      if (times.length >= rate.limit) return false;
      const next = { partitionKey: PARTITION, rowKey, times: JSON.stringify([...times, now]) };
      try {
        if (etag === undefined) await table.createEntity<CountEntity>(next);
        else await table.updateEntity<CountEntity>(next, 'Replace', { etag });
        return true;
      } catch (error) {
        if (!isConflict(error) && !isPreconditionFailed(error)) throw error;
      }
    }
    return false;
  }
}
