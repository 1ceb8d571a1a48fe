// Every store the composition root wires, from one backend: one SQLite file for one instance (the embedded default),
// or Azure Storage that several instances share. Callers see ports only; the backend is picked in services.ts.
import type { Storage } from 'botbuilder';
import type { RateCounters } from '../access/rate-limiter';
import type { AuditAnchors } from '../audit/audit-anchors';
import type { AuditLog } from '../audit/audit-log';
import type { ChangeStore } from '../changes/change-store';
import type { UnreadableRequest } from '../changes/request-schema';
import type { NumberIndex } from '../number-index/number-index';
import type { ChangeRequestCards } from './change-request-cards';
import type { ConversationReferences } from './conversation-references';
import type { HandoverCards } from './handover-cards';
import type { JobStore } from './job-store';
import type { LinkFiles } from './link-files';
import type { Leases } from '../changes/leases';

export interface Stores {
  audit: AuditLog;
  changes: ChangeStore;
  numberIndex: NumberIndex;
  jobs: JobStore;
  /** botbuilder conversation and dialog state. */
  botState: Storage;
  conversations: ConversationReferences;
  cards: ChangeRequestCards;
  handovers: HandoverCards;
  /** Rate-limit counts: shared by every instance where several can run. */
  counters: RateCounters;
  /** Which instance runs a sweep or a job's rows. */
  leases: Leases;
  /** The sealed files behind one-time links: in memory for one SQLite process, shared blobs on Azure. */
  links: LinkFiles;
  /** Where the audit chain's head is anchored out of the log's reach; none for one SQLite file. */
  anchors: AuditAnchors | undefined;
  close(): Promise<void>;
}

/** Hears of a stored request a list had to leave out (written by a newer release, say, after a rollback). */
export type OnUnreadableRequest = (id: string, error: UnreadableRequest) => void;
