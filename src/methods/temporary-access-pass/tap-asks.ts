// How a store manager asks for a Temporary Access Pass: "give Peter Clark a temporary access pass", "TAP for Jane".
import { mentions, type ChangeAsk } from '../change-ask';
import { hoursAsked } from '../asked-hours';
import type { TapAskIntent } from './tap-types';

/** "temporary access pass", "TAP", "access pass". */
export const PASS_WORDS = [/\b(?:temporary\s+)?access\s+pass(?:es)?\b/, /\btaps?\b/];

/** "45 minutes", "1 hour", "8 hours", "1 hour 30 minutes". */
function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    hours > 0 && `${hours} ${hours === 1 ? 'hour' : 'hours'}`,
    (rest > 0 || hours === 0) && `${rest} ${rest === 1 ? 'minute' : 'minutes'}`,
  ].filter(Boolean);
  return parts.join(' ');
}

const ISSUE_PASS_ASK: ChangeAsk<'issue-pass'> = {
  intent: 'issue-pass',
  dialogId: 'issuePass',
  precedence: 13,
  asked: (words) => !words.question && mentions(words.request, PASS_WORDS),
  hours: (words) => hoursAsked(words.request),
  needsNumber: false,
  change: (worker, said) => {
    const policy = worker.tapPolicy;
    const name = worker.user.displayName;
    if (policy?.state === 'disabled')
      return {
        refused: `Temporary Access Pass is turned off for the whole organisation, so ${name} cannot have one. A tenant admin can turn it on in the Entra authentication methods policy.`,
      };
    if (said.hours === undefined)
      return { kind: 'issue-pass', lifetimeMinutes: policy?.defaultLifetimeInMinutes ?? 60 };
    const minutes = said.hours * 60;
    if (policy && (minutes < policy.minimumLifetimeInMinutes || minutes > policy.maximumLifetimeInMinutes))
      return {
        refused: `A Temporary Access Pass here lasts from ${duration(policy.minimumLifetimeInMinutes)} to ${duration(policy.maximumLifetimeInMinutes)}, so ${duration(minutes)} cannot be given. Ask again with a time in between, or say none for the usual ${duration(policy.defaultLifetimeInMinutes)}.`,
      };
    return { kind: 'issue-pass', lifetimeMinutes: minutes };
  },
  makes: ['issue-pass'],
  urgent: false,
  defaultReason: (said) => said.reason ?? 'first sign-in',
  suggestion: { title: 'Temporary Access Pass', words: ['temporary', 'access', 'pass', 'tap', 'starter', 'first'] },
  help: { title: 'Temporary Access Pass (first sign-in)', example: 'give Peter Clark a temporary access pass' },
};

export const TAP_ASKS: ReadonlyArray<ChangeAsk<TapAskIntent>> = [ISSUE_PASS_ASK];
