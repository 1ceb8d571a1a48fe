// Export for a SIEM: JSON Lines (each line the canonical JSON of one record, so a reader can recompute its hash)
// or CSV (RFC 4180, one flat row per record, safe to open in a spreadsheet).
import { once } from 'node:events';
import type { AuditLog } from './audit-log';
import type { AuditRecord } from './audit-record';
import { canonicalJson } from './canonical-json';

export type ExportFormat = 'jsonl' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv'];

export const CSV_COLUMNS = [
  'sequence',
  'time',
  'phase',
  'actor_id',
  'actor_name',
  'requester_id',
  'requester_name',
  'request_id',
  'operation',
  'target_user_id',
  'method',
  'path',
  'client_request_id',
  'attempt',
  'status',
  'graph_code',
  'graph_request_id',
  'detail',
  'previous_hash',
  'hash',
] as const;

type CsvColumn = (typeof CSV_COLUMNS)[number];

/** What the flat row cannot hold in its own columns: the event's words, why no answer came, a $batch's contents. */
function detailOf(record: AuditRecord): string {
  const batch = record.graph?.batch;
  return [
    record.detail,
    record.outcome?.failure && `no answer: ${record.outcome.failure}`,
    batch && `batch: ${batch.map((item) => `${item.method} ${item.url}`).join(', ')}`,
  ]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(' | ');
}

function csvValues(record: AuditRecord): Record<CsvColumn, string> {
  const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value));
  return {
    sequence: text(record.sequence),
    time: record.time,
    phase: record.phase,
    actor_id: record.actor.aadObjectId,
    actor_name: record.actor.name,
    requester_id: text(record.requester?.aadObjectId),
    requester_name: text(record.requester?.name),
    request_id: text(record.requestId),
    operation: record.operation,
    target_user_id: text(record.targetUserId),
    method: text(record.graph?.method),
    path: text(record.graph?.path),
    client_request_id: text(record.graph?.clientRequestId),
    attempt: text(record.graph?.attempt),
    status: text(record.outcome?.status),
    graph_code: text(record.outcome?.graphCode),
    graph_request_id: text(record.outcome?.graphRequestId),
    detail: detailOf(record),
    previous_hash: record.previousHash,
    hash: record.hash,
  };
}

/**
 * One CSV cell. A spreadsheet runs a cell starting with = + - @ (or tab / carriage return) as a formula, and names
 * and Graph paths come from people, so such a cell gets a leading apostrophe (OWASP "CSV injection").
 * Then RFC 4180: quoted when it holds a comma, quote or line break, with quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 lines end with CRLF. */
function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvRecordLine(record: AuditRecord): string {
  const values = csvValues(record);
  return csvLine(CSV_COLUMNS.map((column) => values[column]));
}

export function jsonLine(record: AuditRecord): string {
  return `${canonicalJson(record)}\n`;
}

/** Streams the records (optionally only those written at or after `since`) to `out`; resolves with their count. */
export async function exportAudit(
  log: AuditLog,
  format: ExportFormat,
  out: NodeJS.WritableStream,
  options: { since?: Date } = {},
): Promise<number> {
  // Respect back-pressure so a large export to a slow pipe does not pile up in memory.
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  if (format === 'csv') await write(csvLine(CSV_COLUMNS));
  let count = 0;
  for await (const record of log.read({ since: options.since })) {
    await write(format === 'csv' ? csvRecordLine(record) : jsonLine(record));
    count++;
  }
  return count;
}
