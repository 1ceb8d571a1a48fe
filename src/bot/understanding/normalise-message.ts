// A message as understanding reads it: bounded in length, without the bot's own @mention or Teams markup, with
// typographic quotes and dashes flattened to their plain forms, on one line with single spaces.

/** Only the start of a message is read: enough for any request, and bounded work for a 100 KB paste. */
export const MAX_MESSAGE_CHARS = 2000;

const BOT_NAME = /^\s*@?\s*phone\s?desk\s*$/i;
const MENTION = /<at\b[^<>]{0,200}>([^<]{0,200})<\/at>/gi;
const MARKUP = /<\/?(?:p|div|span|br|b|i|u|strong|em|at)\b[^<>]{0,200}>/gi;
const BOT_NAME_WORD = /(?:^|\s)@\s?phone\s?desk\b|\bphonedesk\b/gi;

const ENTITIES: Readonly<Record<string, string>> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
};

export function normaliseMessage(raw: string): string {
  return (
    raw
      .slice(0, MAX_MESSAGE_CHARS)
      // Another person's mention names them (often the worker); the bot's own names nobody.
      .replace(MENTION, (_whole, name: string) => (BOT_NAME.test(name) ? ' ' : ` ${name} `))
      .replace(MARKUP, ' ')
      .replace(/&(?:nbsp|amp|lt|gt|quot|#39|apos);/gi, (entity) => ENTITIES[entity.toLowerCase()] ?? entity)
      .replace(BOT_NAME_WORD, ' ')
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
