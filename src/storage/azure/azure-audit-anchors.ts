// Audit anchors in an append blob, a line of JSON per anchor: blocks can only be added, never changed. In production
// the container has a time-based immutability policy (docs/operations.md), so not even the account's keys can
// rewrite or delete them; Azurite has no WORM, so tests check the chain against the anchors, not the policy.
import type { ContainerClient } from '@azure/storage-blob';
import type { AuditAnchor, AuditAnchors } from '../../audit/audit-anchors';
import { openContainer, type AzureBlobSettings } from './azure-blobs';

// An append blob takes at most 50,000 blocks (one per anchor): a blob per month of anchors stays far below it.
const PREFIX = 'audit-anchors-';
const blobOf = (at: string): string => `${PREFIX}${at.slice(0, 7)}.jsonl`;

export class AzureAuditAnchors implements AuditAnchors {
  private container: Promise<ContainerClient> | undefined;
  private readonly created = new Set<string>();

  constructor(private readonly settings: AzureBlobSettings) {}

  private open(): Promise<ContainerClient> {
    this.container ??= openContainer(this.settings, 'phonedesk-audit-anchors');
    this.container.catch(() => (this.container = undefined));
    return this.container;
  }

  async anchor(point: AuditAnchor): Promise<void> {
    const name = blobOf(point.at);
    const blob = (await this.open()).getAppendBlobClient(name);
    if (!this.created.has(name)) {
      await blob.createIfNotExists();
      this.created.add(name);
    }
    const line = `${JSON.stringify({ sequence: point.sequence, hash: point.hash, at: point.at })}\n`;
    await blob.appendBlock(line, Buffer.byteLength(line, 'utf8'));
  }

  /** Oldest first: the months' blobs in name order, each line in the order appended. */
  async list(): Promise<AuditAnchor[]> {
    const container = await this.open();
    const names: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix: PREFIX })) names.push(blob.name);
    const anchors: AuditAnchor[] = [];
    for (const name of names.sort()) {
      const body = await container.getAppendBlobClient(name).downloadToBuffer();
      for (const line of body.toString('utf8').split('\n'))
        if (line.trim() !== '') anchors.push(JSON.parse(line) as AuditAnchor);
    }
    return anchors;
  }
}
