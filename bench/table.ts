/** Prints rows as an aligned text table; numbers are right-aligned. */
export function printTable(title: string, rows: Array<Record<string, string | number>>): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const cell = (value: string | number | undefined): string =>
    typeof value === 'number' ? formatNumber(value) : (value ?? '');
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row[column]).length)));
  const line = (values: string[]): string =>
    values
      .map((value, index) =>
        typeof rows[0][columns[index]] === 'number' ? value.padStart(widths[index]) : value.padEnd(widths[index]),
      )
      .join('  ');
  process.stdout.write(`\n${title}\n${line(columns)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(columns.map((column) => cell(row[column])))}\n`);
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
