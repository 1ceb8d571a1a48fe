// The reason an approver gives with a decision, typed on the card or after "reject 42 because": untrusted text.
export const MAX_DECISION_NOTE = 300;

type NoteCheck = { ok: true; note?: string } | { ok: false; message: string };

/** The note tidied to one line, or a plain refusal; an empty note is no note. */
export function checkDecisionNote(value: unknown): NoteCheck {
  if (value === undefined || value === null) return { ok: true };
  if (typeof value !== 'string')
    return { ok: false, message: 'I could not read that reason. Please type it again. Nothing was changed.' };
  // Line breaks and control characters would break the chat line and the audit record it goes into.
  const note = value
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (note === '') return { ok: true };
  if (note.length > MAX_DECISION_NOTE) {
    return {
      ok: false,
      message: `Please keep the reason to ${MAX_DECISION_NOTE} characters (it has ${note.length}). Nothing was changed.`,
    };
  }
  return { ok: true, note };
}
