// A roster sent as a CSV file: in Teams a file in the 1:1 chat arrives as a download link to the user's OneDrive
// (SharePoint); other channels (the Agents Playground, Web Chat) send it inline. Only those two are read: a link
// elsewhere is never fetched (phonedesk must not be made to call arbitrary addresses), and a file is read only up to
// MAX_FILE_BYTES. Rows become the lines of a pasted roster: "name or email, number or badge".
import type { Attachment } from 'botbuilder';

export const MAX_FILE_BYTES = 256 * 1024;
const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';
const SHAREPOINT = /^(?:[a-z0-9-]+\.)*sharepoint(?:-df)?\.(?:com|us|de|cn)$/i;
const HEADER_WORDS = /^(?:name|worker|email|upn|user|employee|number|mobile|phone|badge|method|how)\b/i;

export type RosterFile = { text: string } | { refused: string } | undefined;

/** RFC 4180 rows: quoted cells may hold commas, quotes ("") and line breaks. */
function csvRows(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < csv.length; index++) {
    const char = csv[index]!;
    if (quoted) {
      if (char === '"' && csv[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',' || char === ';' || char === '\t') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && csv[index + 1] === '\n') index++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  row.push(cell);
  rows.push(row);
  return rows
    .map((cells) => cells.map((value) => value.replace(/[\r\n]+/g, ' ').trim()))
    .filter((cells) => cells.some(Boolean));
}

/** The roster a CSV's rows make, as if pasted: a header row (if any) is left out. */
export function rosterFromCsv(csv: string): string {
  const rows = csvRows(csv.replace(/^\uFEFF/, ''));
  const body =
    rows.length > 0 && rows[0]!.every((cell) => cell === '' || HEADER_WORDS.test(cell)) ? rows.slice(1) : rows;
  return ['onboard:', ...body.map((cells) => cells.filter(Boolean).join(', '))].join('\n');
}

function isCsv(attachment: Attachment): boolean {
  const name = (attachment.name ?? '').toLowerCase();
  const fileType = (attachment.content as { fileType?: unknown } | undefined)?.fileType;
  return name.endsWith('.csv') || attachment.contentType === 'text/csv' || fileType === 'csv';
}

async function readLimited(response: Response): Promise<string | undefined> {
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > MAX_FILE_BYTES) return undefined;
  const body = new Uint8Array(await response.arrayBuffer());
  return body.byteLength > MAX_FILE_BYTES ? undefined : new TextDecoder('utf-8').decode(body);
}

const TOO_BIG = `That file is too big for a roster: phonedesk reads up to ${MAX_FILE_BYTES / 1024} KB (a few thousand lines).`;

/** The roster in the message's CSV file, why it cannot be read, or undefined when there is none. */
export async function rosterFile(
  attachments: readonly Attachment[] | undefined,
  fetcher: typeof fetch = fetch,
): Promise<RosterFile> {
  const file = (attachments ?? []).find(isCsv);
  if (!file) return undefined;
  const inline = file.contentUrl?.startsWith('data:') ? file.contentUrl : undefined;
  if (inline) {
    const [meta, data = ''] = inline.slice('data:'.length).split(',', 2);
    const text = meta?.endsWith(';base64') ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data);
    return Buffer.byteLength(text) > MAX_FILE_BYTES ? { refused: TOO_BIG } : { text: rosterFromCsv(text) };
  }
  const link = file.contentType === TEAMS_FILE ? (file.content as { downloadUrl?: unknown }).downloadUrl : undefined;
  let url: URL | undefined;
  try {
    url = typeof link === 'string' ? new URL(link) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || !SHAREPOINT.test(url.hostname))
    return {
      refused: 'phonedesk reads a roster file only when Teams sends it from your OneDrive. Paste the lines instead.',
    };
  const response = await fetcher(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) }).catch(
    () => undefined,
  );
  if (!response?.ok)
    return { refused: 'phonedesk could not download that file from Teams. Try again, or paste the lines.' };
  const text = await readLimited(response);
  return text === undefined ? { refused: TOO_BIG } : { text: rosterFromCsv(text) };
}
