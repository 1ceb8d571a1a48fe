// A store's workers as a CSV file (RFC 4180): name, sign-in name, where they stand, what to do. No phone numbers.
// Names are untrusted text: a cell that a spreadsheet would run as a formula is prefixed with a quote mark.
import { NEEDS_ACTION, STANDINGS, STANDING_WORDS, type StoreOverview } from '../diagnosis/store-standing';

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function overviewCsv(overview: StoreOverview): string {
  const header = ['Name', 'Sign-in name', 'Store', 'Where they stand', 'Needs action', 'What phonedesk offers'];
  const rows = [...overview.workers]
    .sort(
      (a, b) =>
        STANDINGS.indexOf(a.standing) - STANDINGS.indexOf(b.standing) || a.displayName.localeCompare(b.displayName),
    )
    .map((worker) => [
      worker.displayName,
      worker.userPrincipalName,
      overview.store.displayName,
      STANDING_WORDS[worker.standing],
      NEEDS_ACTION.has(worker.standing) ? 'yes' : 'no',
      worker.fix?.label ?? '',
    ]);
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
