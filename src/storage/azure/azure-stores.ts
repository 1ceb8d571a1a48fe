// Every store in one Azure Storage account that several instances share: tables for records (conditional writes),
// blobs for bot state and the audit anchors; every table and container named with the deployment's prefix.
import { ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { AuditAnchors } from '../../audit/audit-anchors';
import type { AuditLog } from '../../audit/audit-log';
import type { StorageSettings } from '../../config';
import type { OnUnreadableRequest, Stores } from '../stores';
import { AzureAuditAnchors } from './azure-audit-anchors';
import { AUDIT_TABLE, AzureAuditLog } from './azure-audit-log';
import { AzureBlobBotStorage } from './azure-blob-bot-storage';
import type { AzureBlobSettings } from './azure-blobs';
import { AzureChangeRequestCards } from './azure-change-request-cards';
import { AzureChangeStore } from './azure-change-store';
import { AzureConversationReferences } from './azure-conversation-references';
import { AzureHandoverCards } from './azure-handover-cards';
import { AzureJobStore } from './azure-job-store';
import { AzureLeases } from './azure-leases';
import { AzureLinkFiles } from './azure-link-files';
import { AzureNumberIndex } from './azure-number-index';
import { AzureRateCounters } from './azure-rate-counters';
import { AzureTables, type AzureTablesSettings } from './azure-tables';

type AzureStorageSettings = Extract<StorageSettings, { kind: 'azure' }>;

export interface AzureAccess {
  tables: AzureTablesSettings;
  /** The settings of a container of the prefix's: `<prefix>-bot-state`, `<prefix>-audit-anchors`, `<prefix>-links`. */
  container(name: string): AzureBlobSettings;
}

/** How this deployment reaches its account: the connection string, or the account's URLs with managed identity. */
export function azureAccess(settings: AzureStorageSettings): AzureAccess {
  const { account, prefix } = settings;
  if ('connectionString' in account) {
    const { connectionString } = account;
    return {
      tables: { connectionString, tablePrefix: prefix },
      container: (name) => ({ connectionString, container: `${prefix}-${name}` }),
    };
  }
  const credential: TokenCredential = account.managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: account.managedIdentityClientId })
    : new ManagedIdentityCredential();
  return {
    tables: { accountUrl: account.tableUrl, credential, tablePrefix: prefix },
    container: (name) => ({ accountUrl: account.blobUrl, credential, container: `${prefix}-${name}` }),
  };
}

export function openAzureStores(settings: AzureStorageSettings, onUnreadable?: OnUnreadableRequest): Stores {
  const access = azureAccess(settings);
  const tables = new AzureTables(access.tables);
  const audit = new AzureAuditLog(tables);
  const changes = new AzureChangeStore(tables, audit, onUnreadable);
  return {
    audit,
    changes,
    numberIndex: new AzureNumberIndex(tables),
    jobs: new AzureJobStore(tables, changes),
    botState: new AzureBlobBotStorage(access.container('bot-state')),
    conversations: new AzureConversationReferences(tables),
    cards: new AzureChangeRequestCards(tables),
    handovers: new AzureHandoverCards(tables),
    counters: new AzureRateCounters(tables),
    leases: new AzureLeases(tables),
    links: new AzureLinkFiles(access.container('links')),
    anchors: new AzureAuditAnchors(access.container('audit-anchors')),
    // Each request is its own HTTP call: nothing is held open.
    async close() {},
  };
}

/** The audit log and its anchors alone, for `phonedesk audit`; undefined when the account holds no audit log. */
export async function openAzureAudit(
  settings: AzureStorageSettings,
): Promise<{ log: AuditLog; anchors: AuditAnchors } | undefined> {
  const access = azureAccess(settings);
  const tables = new AzureTables(access.tables);
  if (!(await tables.has(AUDIT_TABLE))) return undefined;
  return { log: new AzureAuditLog(tables), anchors: new AzureAuditAnchors(access.container('audit-anchors')) };
}
