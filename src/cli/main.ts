#!/usr/bin/env node
// `phonedesk` command-line tool. Subcommands grow with the project (audit verify/export, roster, …).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMATS, exportAudit, type ExportFormat } from '../audit/audit-export';
import { checkAnchors, type AuditAnchors } from '../audit/audit-anchors';
import type { AuditLog } from '../audit/audit-log';
import { ConfigError, loadConfig, loadDataDir, loadStorageSettings, type Config } from '../config';
import { openAzureAudit } from '../storage/azure/azure-stores';
import { MoveRefused, moveToAzure } from '../storage/move-to-azure';
import { SqliteAuditLog } from '../storage/sqlite/sqlite-audit-log';
import { DATABASE_FILE, openDatabase } from '../storage/sqlite/sqlite-database';
import { MIGRATIONS } from '../storage/sqlite/migrations';
import { parseOptions, UsageError } from './command-options';

const USAGE = `usage: phonedesk <command>

commands:
  config check   validate the settings in the environment and print them (secrets hidden)
  audit verify [--data-dir D]
                 check the audit log's hash chain: exit 0 when it holds, 1 naming the first broken record
  audit export --format jsonl|csv [--since ISO-TIME] [--data-dir D]
                 write the audit log (or the part written since a time) to stdout, e.g. for a SIEM
  storage migrate [--data-dir D]
                 move the SQLite database in the data directory into the Azure Storage account that
                 STORAGE=azure names (an empty prefix), checking the audit chain before and after; stop phonedesk first
  help           show this text

--data-dir defaults to DATA_DIR (./data). With STORAGE=azure the audit commands read the storage account instead
(AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL, AZURE_STORAGE_PREFIX), and verify checks the anchors.
`;

function describe(config: Config): Record<string, string> {
  const hidden = (value: string | undefined): string => (value ? '(set, hidden)' : '(not set)');
  return {
    HOST: config.host,
    PORT: String(config.port),
    PUBLIC_URL: config.publicUrl ?? '(not set: the address phonedesk listens on)',
    BOT_ID: config.bot.appId || '(empty: local anonymous mode)',
    BOT_PASSWORD: hidden(config.bot.appPassword),
    BOT_TYPE: config.bot.appType,
    BOT_TENANT_ID: config.bot.tenantId || '(not set)',
    GRAPH_AUTH: config.graph.auth,
    GRAPH_CLOUD: config.graph.cloud,
    GRAPH_BASE_URL: `${config.graph.baseUrl}${config.graph.baseUrlIsExplicit ? '' : ' (default)'}`,
    SIM_PORT: String(config.simulator.port),
    AZURE_TENANT_ID: config.graph.tenantId ?? '(not set)',
    AZURE_CLIENT_ID: config.graph.clientId ?? '(not set)',
    AZURE_CLIENT_SECRET: hidden(config.graph.clientSecret),
    AZURE_CLIENT_CERTIFICATE_PATH: config.graph.certificatePath ?? '(not set)',
    APPROVER_GROUP_IDS: config.changes.approverGroupIds.join(', '),
    TENANT_ADMIN_GROUP_IDS: config.changes.tenantAdminGroupIds.join(', '),
    APPROVAL_TTL: `${Math.round(config.changes.approvalTtlMs / 60_000)} minutes`,
    LOST_PHONE_TTL: `${Math.round(config.changes.lostPhoneTtlMs / 60_000)} minutes`,
    MANAGER_SCOPE: config.changes.managerScope,
    DEFAULT_REGION: config.changes.defaultRegion,
    DATA_DIR: config.dataDir,
    ...describeStorage(config),
    LOG_LEVEL: config.logLevel,
  };
}

function describeStorage(config: Config): Record<string, string> {
  const { storage } = config;
  if (storage.kind === 'sqlite') return { STORAGE: 'sqlite (one instance; DATA_DIR holds the database)' };
  const { account } = storage;
  const shared = { STORAGE: 'azure (shared by every instance)', AZURE_STORAGE_PREFIX: storage.prefix };
  if ('connectionString' in account)
    return {
      ...shared,
      AZURE_STORAGE_CONNECTION_STRING: `(set, hidden; account ${account.accountName ?? 'named by its endpoints'})`,
    };
  return {
    ...shared,
    AZURE_STORAGE_ACCOUNT_URL: `${account.tableUrl}, ${account.blobUrl} (managed identity)`,
    AZURE_STORAGE_CLIENT_ID: account.managedIdentityClientId ?? '(not set: the system-assigned identity)',
  };
}

/** A date (UTC midnight) or a date and time with its zone: a time without a zone would depend on this machine. */
function parseSince(text: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/i;
  const time = Date.parse(text);
  if (!iso.test(text) || Number.isNaN(time)) {
    throw new UsageError(
      `--since must be an ISO 8601 time with its zone, such as 2025-01-31T08:00:00Z or 2025-01-31 (got "${text}")`,
    );
  }
  return new Date(time);
}

interface OpenAudit {
  log: AuditLog;
  /** Where the chain's head is anchored (Azure Storage); none for one SQLite file. */
  anchors: AuditAnchors | undefined;
  close: () => void;
}

/** The audit log STORAGE names; refuses to create an empty one where there was none. */
async function openAuditLog(options: Map<string, string>): Promise<OpenAudit> {
  const storage = loadStorageSettings();
  if (storage.kind === 'azure') {
    if (options.has('data-dir')) throw new UsageError('--data-dir is for STORAGE=sqlite; this is STORAGE=azure');
    const audit = await openAzureAudit(storage);
    if (!audit)
      throw new UsageError(
        `there is no phonedesk audit log in the storage account under the prefix "${storage.prefix}" (check AZURE_STORAGE_PREFIX)`,
      );
    return { ...audit, close: () => undefined };
  }
  const dataDir = path.resolve(options.get('data-dir') ?? loadDataDir());
  if (!existsSync(path.join(dataDir, DATABASE_FILE))) {
    throw new UsageError(`there is no phonedesk database in ${dataDir} (give --data-dir or set DATA_DIR)`);
  }
  const db = openDatabase(dataDir, MIGRATIONS);
  return { log: new SqliteAuditLog(db), anchors: undefined, close: () => db.close() };
}

const records = (count: number): string => `${count} record${count === 1 ? '' : 's'}`;

async function auditVerify(args: readonly string[], out: NodeJS.WritableStream): Promise<number> {
  const { log, anchors, close } = await openAuditLog(parseOptions(args, ['data-dir']));
  try {
    const result = await log.verify();
    if (!result.ok) {
      out.write(`audit record ${result.broken.sequence} is broken: ${result.broken.reason}\n`);
      return 1;
    }
    if (!anchors) {
      out.write(`audit log OK: ${records(result.records)}, chain intact\n`);
      return 0;
    }
    // A chain rewritten whole, hashes and all, passes its own verify: only the anchors kept apart can tell.
    const anchored = await checkAnchors(log, await anchors.list());
    if (!anchored.ok) {
      out.write(`audit record ${anchored.sequence} does not match its anchor: ${anchored.reason}\n`);
      return 1;
    }
    out.write(
      `audit log OK: ${records(result.records)}, chain intact, ${anchored.anchors} anchor${anchored.anchors === 1 ? '' : 's'} matched\n`,
    );
    return 0;
  } finally {
    close();
  }
}

async function auditExport(args: readonly string[], out: NodeJS.WritableStream): Promise<number> {
  const options = parseOptions(args, ['format', 'since', 'data-dir']);
  const format = options.get('format');
  if (format === undefined) throw new UsageError('audit export needs --format jsonl or --format csv');
  if (!EXPORT_FORMATS.includes(format as ExportFormat))
    throw new UsageError(`--format must be jsonl or csv (got "${format}")`);
  const since = options.has('since') ? parseSince(options.get('since')!) : undefined;
  const { log, close } = await openAuditLog(options);
  try {
    await exportAudit(log, format as ExportFormat, out, { since });
    return 0;
  } finally {
    close();
  }
}

async function storageMigrate(args: readonly string[], out: NodeJS.WritableStream): Promise<number> {
  const options = parseOptions(args, ['data-dir']);
  const target = loadStorageSettings();
  if (target.kind !== 'azure')
    throw new UsageError('storage migrate moves into Azure Storage: set STORAGE=azure and the account to move into');
  const dataDir = path.resolve(options.get('data-dir') ?? loadDataDir());
  if (!existsSync(path.join(dataDir, DATABASE_FILE)))
    throw new UsageError(`there is no phonedesk database in ${dataDir} (give --data-dir or set DATA_DIR)`);
  const db = openDatabase(dataDir, MIGRATIONS);
  try {
    const moved = await moveToAzure(db, target);
    out.write(
      [
        `moved to Azure Storage (prefix "${target.prefix}"): ${records(moved.auditRecords)} of audit log (chain verified, newest hash the same)`,
        `${moved.requests} change requests, ${moved.jobs} jobs, ${moved.people} people and ${moved.channels} channels to reach`,
        `${moved.cards + moved.handoverCards} cards, ${moved.stateItems} conversation state items`,
        'the number index is rebuilt by its sweep when phonedesk starts',
      ].join('\n') + '\n',
    );
    return 0;
  } catch (error) {
    if (error instanceof MoveRefused) throw new UsageError(error.message);
    throw error;
  } finally {
    db.close();
  }
}

/** A refused command or a bad setting: one line on stderr and exit 2; anything else is the caller's. */
async function plainErrors(command: Promise<number>, err: NodeJS.WritableStream): Promise<number> {
  try {
    return await command;
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`phonedesk: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      err.write(`phonedesk: configuration error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function audit(args: readonly string[], out: NodeJS.WritableStream): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'verify') return auditVerify(rest, out);
  if (subcommand === 'export') return auditExport(rest, out);
  throw new UsageError(
    `unknown command "audit${subcommand === undefined ? '' : ` ${subcommand}`}"; use audit verify or audit export`,
  );
}

/** Exit code of the command; the audit commands read the database asynchronously, so they answer with a promise. */
export function run(
  args: readonly string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): number | Promise<number> {
  const [command, subcommand] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    out.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'audit') return plainErrors(audit(args.slice(1), out), err);
  if (command === 'storage' && subcommand === 'migrate') return plainErrors(storageMigrate(args.slice(2), out), err);
  if (command === 'config' && subcommand === 'check') {
    try {
      const settings = describe(loadConfig());
      const width = Math.max(...Object.keys(settings).map((key) => key.length));
      for (const [key, value] of Object.entries(settings)) out.write(`${key.padEnd(width)}  ${value}\n`);
      return 0;
    } catch (error) {
      if (error instanceof ConfigError) {
        err.write(`phonedesk: configuration error: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  }
  err.write(`phonedesk: unknown command "${args.join(' ')}"\n${USAGE}`);
  return 2;
}

if (require.main === module) {
  Promise.resolve(run(process.argv.slice(2), process.stdout, process.stderr)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // An unreadable database, a full disk…: one line, not a stack trace.
      process.stderr.write(`phonedesk: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
