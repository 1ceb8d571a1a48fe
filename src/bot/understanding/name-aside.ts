// A name set apart from the request by a dash: "can't sign in - Bob Smith", "Jane Doe - leaver", "new starter -
// Eli Brooks, (425) 555-0199". The dash there does not start a reason; the two sides are one request.
import { extractWorker } from './extract-worker';
import { findPhoneNumber } from './extract-phone-number';
import { splitReason, type ReasonSplit } from './split-reason';

/** Words only, for comparing a text with the name found in it. */
function wordsOf(text: string): string {
  return text
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** Whether the text is a name and nothing else, but for a phone number: "Bob Smith", "Eli Brooks, (425) 555-0199". */
function onlyName(text: string): boolean {
  const phone = findPhoneNumber(text);
  const rest = phone ? `${text.slice(0, phone.start)} ${text.slice(phone.end)}` : text;
  const worker = extractWorker(rest);
  return worker !== undefined && wordsOf(worker) === wordsOf(rest);
}

/** Joins the request and a "reason" that is only the name, or a name and the request that follows it. */
export function joinNameAside(split: ReasonSplit): ReasonSplit {
  const { main, reason } = split;
  if (reason === undefined) return split;
  const nameFirst = onlyName(main);
  if (!nameFirst && !(extractWorker(main) === undefined && onlyName(reason))) return split;
  const rest = splitReason(reason);
  const joined = `${main}, ${rest.main}`;
  return rest.reason === undefined ? { main: joined } : { main: joined, reason: rest.reason };
}
