// Adapter: the files behind one-time links as blobs that every instance shares, one per link, named by its random
// id, with what the link is bound to in the blob's metadata. A link is taken by whoever's conditional delete
// (If-Match on the ETag read) succeeds, so a file is given once across instances.
import type { BlobItem, ContainerClient } from '@azure/storage-blob';
import type { LinkFiles, StoredLink } from '../link-files';
import { bodyOf, openContainer, type AzureBlobSettings } from './azure-blobs';
import { statusOf } from './azure-tables';

// Metadata values must be ASCII: the free-text ones travel base64url-encoded.
const encode = (value: string): string => Buffer.from(value, 'utf8').toString('base64url');
const decode = (value: string | undefined): string => Buffer.from(value ?? '', 'base64url').toString('utf8');

function metadataOf(link: StoredLink): Record<string, string> {
  return {
    path: encode(link.path),
    group: encode(link.group),
    owner: encode(link.ownerId),
    until: String(link.until),
    contenttype: encode(link.contentType),
    filename: encode(link.filename),
  };
}

function linkOf(metadata: Record<string, string> | undefined, sealed: Uint8Array): StoredLink | undefined {
  const until = Number(metadata?.until);
  if (!metadata || !Number.isFinite(until)) return undefined;
  return {
    path: decode(metadata.path),
    group: decode(metadata.group),
    ownerId: decode(metadata.owner),
    until,
    contentType: decode(metadata.contenttype),
    filename: decode(metadata.filename),
    sealed,
  };
}

export class AzureLinkFiles implements LinkFiles {
  private container: Promise<ContainerClient> | undefined;

  constructor(private readonly settings: AzureBlobSettings) {}

  private open(): Promise<ContainerClient> {
    this.container ??= openContainer(this.settings, 'phonedesk-links');
    this.container.catch(() => (this.container = undefined));
    return this.container;
  }

  async put(id: string, link: StoredLink): Promise<void> {
    const blob = (await this.open()).getBlockBlobClient(id);
    await blob.uploadData(link.sealed, {
      metadata: metadataOf(link),
      conditions: { ifNoneMatch: '*' },
      blobHTTPHeaders: { blobContentType: 'application/octet-stream' },
    });
  }

  async get(id: string): Promise<{ link: StoredLink; version: string } | undefined> {
    try {
      // The body, metadata and ETag from one answer: the delete is conditional on exactly what was read.
      const answer = await (await this.open()).getBlockBlobClient(id).download();
      const link = linkOf(answer.metadata, await bodyOf(answer.readableStreamBody));
      return link && answer.etag ? { link, version: answer.etag } : undefined;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async remove(id: string, version?: string): Promise<boolean> {
    try {
      await (
        await this.open()
      )
        .getBlockBlobClient(id)
        .delete(version === undefined ? {} : { conditions: { ifMatch: version } });
      return true;
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 412) return false;
      throw error;
    }
  }

  async withdraw(path: string, group: string): Promise<number> {
    return this.deleteWhere((blob) => decode(blob.metadata?.path) === path && decode(blob.metadata?.group) === group);
  }

  async sweep(now: number): Promise<number> {
    return this.deleteWhere((blob) => !(Number(blob.metadata?.until) > now));
  }

  // Live links are few (a link lives minutes to a day), so a listing of them all is short.
  private async deleteWhere(test: (blob: BlobItem) => boolean): Promise<number> {
    let deleted = 0;
    for await (const blob of (await this.open()).listBlobsFlat({ includeMetadata: true }))
      if (test(blob) && (await this.remove(blob.name))) deleted++;
    return deleted;
  }
}
