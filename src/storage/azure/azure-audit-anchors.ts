// Audit anchors in an append blob, a line of JSON per anchor: blocks can only be added, never changed. In production
// the container has a time-based immutability policy (docs/operations.md), so not even the account's keys can
// rewrite or delete them; Azurite has no WORM, so tests check the chain against the anchors, not the policy.
import type { AppendBlobClient } from '@azure/storage-blob';
import type { AuditAnchor, AuditAnchors } from '../../audit/audit-anchors';
import { openContainer, type AzureBlobSettings } from './azure-blobs';

const BLOB = 'audit-anchors.jsonl';

export class AzureAuditAnchors implements AuditAnchors {
  private blob: Promise<AppendBlobClient> | undefined;

  constructor(private readonly settings: AzureBlobSettings) {}

  private open(): Promise<AppendBlobClient> {
    this.blob ??= (async () => {
      const container = await openContainer(this.settings, 'phonedesk-audit-anchors');
      const blob = container.getAppendBlobClient(BLOB);
      await blob.createIfNotExists();
      return blob;
    })();
    this.blob.catch(() => (this.blob = undefined));
    return this.blob;
  }

  async anchor(point: AuditAnchor): Promise<void> {
    const line = `${JSON.stringify({ sequence: point.sequence, hash: point.hash, at: point.at })}\n`;
    await (await this.open()).appendBlock(line, Buffer.byteLength(line, 'utf8'));
  }

  async list(): Promise<AuditAnchor[]> {
    const body = await (await this.open()).downloadToBuffer();
    return body
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as AuditAnchor);
  }
}
