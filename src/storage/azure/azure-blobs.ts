// Azure Blob containers for what is kept as blobs (bot state, audit anchors, one-time link files): a connection string (Azurite, or an
// account key) or an account URL with a credential (managed identity); the container created on first use.
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import type { TokenCredential } from '@azure/identity';

export type AzureBlobSettings =
  | { connectionString: string; container?: string }
  | { accountUrl: string; credential: TokenCredential; container?: string };

export async function openContainer(settings: AzureBlobSettings, defaultName: string): Promise<ContainerClient> {
  const service =
    'connectionString' in settings
      ? BlobServiceClient.fromConnectionString(settings.connectionString)
      : new BlobServiceClient(settings.accountUrl, settings.credential);
  const container = service.getContainerClient(settings.container ?? defaultName);
  await container.createIfNotExists();
  return container;
}

/** A downloaded blob's body, whole. */
export async function bodyOf(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  if (stream) for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
