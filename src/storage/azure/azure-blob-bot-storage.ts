// Adapter: botbuilder `Storage` for conversation, user and dialog state in Azure Blobs, shared by every instance,
// with the SQLite adapter's eTag rules: '*' or no eTag writes; a key not stored yet is created (If-None-Match: *);
// otherwise the write is conditional on the eTag read (If-Match) and fails with ETagConflictError. The value checks
// are the same (plain JSON, at most 1 MB) and refuse before anything is written. Unlike SQLite, a write of several
// keys is not all-or-nothing: each key is its own blob, written in order, and a conflict stops the rest.
import type { BlobRequestConditions, ContainerClient } from '@azure/storage-blob';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { ETagConflictError, serialiseStoreItem } from '../bot-state-values';
import { bodyOf, openContainer, type AzureBlobSettings } from './azure-blobs';
import { statusOf } from './azure-tables';

/** Blob names may hold most characters, but not all of them safely in a URL: every key, reversibly. */
const blobName = (key: string): string => encodeURIComponent(key);

export class AzureBlobBotStorage implements Storage {
  private container: Promise<ContainerClient> | undefined;

  constructor(private readonly settings: AzureBlobSettings) {}

  private open(): Promise<ContainerClient> {
    this.container ??= openContainer(this.settings, 'phonedesk-bot-state');
    this.container.catch(() => (this.container = undefined));
    return this.container;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const container = await this.open();
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        try {
          // The body and its eTag from one answer: a later write must be conditional on exactly what was read.
          const answer = await container.getBlockBlobClient(blobName(key)).download();
          const item = JSON.parse((await bodyOf(answer.readableStreamBody)).toString('utf8')) as StoreItem;
          item.eTag = answer.etag ?? '*';
          items[key] = item;
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
        }
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const writes = Object.keys(changes).map((key) => {
      const item: unknown = changes[key];
      const eTag: unknown = (item as StoreItem).eTag;
      return { key, json: serialiseStoreItem(key, item), expected: eTag === '*' || !eTag ? undefined : String(eTag) };
    });
    const container = await this.open();
    for (const { key, json, expected } of writes) {
      const blob = container.getBlockBlobClient(blobName(key));
      const upload = (conditions: BlobRequestConditions) =>
        blob.upload(json, Buffer.byteLength(json, 'utf8'), {
          conditions,
          blobHTTPHeaders: { blobContentType: 'application/json' },
        });
      if (expected === undefined) {
        await upload({});
        continue;
      }
      try {
        await upload({ ifMatch: expected });
        continue;
      } catch (error) {
        const status = statusOf(error);
        if (status !== 412 && status !== 404) throw error;
      }
      // Not stored yet: written whatever the eTag, as MemoryStorage does; created only if still absent.
      try {
        await upload({ ifNoneMatch: '*' });
      } catch (error) {
        const status = statusOf(error);
        if (status === 409 || status === 412) throw new ETagConflictError(key);
        throw error;
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    const container = await this.open();
    await Promise.all(keys.map((key) => container.getBlockBlobClient(blobName(key)).deleteIfExists()));
  }
}
