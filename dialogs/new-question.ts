// Whether a reply to "why is this needed?" (or "what is the number?") is really a new request or question
// ("why can't Bob sign in?"), which must not be filed as the reason. Ordinary reasons often read like requests
// ("new phone" is add-number, "she left" a leaver), so only a message that asks something, names someone else,
// or is a command counts as new.
import { parseIntent } from '../src/bot/understanding/parse-intent';
import type { Intent } from '../src/bot/understanding/intent';
import { isChangeIntent } from '../src/methods/registry';

/** The worker the waiting request is about, as shown and as typed. */
export interface WaitingFor {
  displayName?: string;
  typed?: string;
}

const QUESTION =
  /\?\s*$|^(?:why|what|how|who|whose|when|where|which|is|are|can|could|does|do|did|has|have|will|would|should)\b/iu;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}'-]+/u)
    .filter((word) => word !== '');
}

/** "Jane", "jane doe", "Doe" for Jane Doe: the worker already being talked about. */
function sameWorker(named: string, waiting: WaitingFor): boolean {
  const said = words(named);
  if (said.length === 0) return false;
  return [waiting.displayName, waiting.typed].some((name) => {
    const known = words(name ?? '');
    return known.length > 0 && said.every((word) => known.includes(word));
  });
}

function workerOf(intent: Intent): string | undefined {
  return 'worker' in intent ? intent.worker : undefined;
}

export function isNewQuestion(text: string, waiting: WaitingFor): boolean {
  const intent = parseIntent(text);
  if (intent.kind === 'unknown') return false;
  if (isChangeIntent(intent.kind) || intent.kind === 'diagnose') {
    // "new phone", "she left", "Jane can't sign in" (about the same worker) explain the request.
    const worker = workerOf(intent);
    if (worker === undefined) return false;
    return !sameWorker(worker, waiting) || QUESTION.test(text.trim());
  }
  // Questions about a worker, a number, the tenant or the queue, and request commands ("approve 42").
  return true;
}
