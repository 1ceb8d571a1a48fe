// How a store manager asks for a Temporary Access Pass: "give Peter Clark a temporary access pass", "TAP for Jane".
import { mentions, type ChangeAsk } from '../change-ask';
import { hoursAsked } from '../qr-code-pin/qr-keywords';
import type { TapAskIntent } from './tap-types';

/** "temporary access pass", "TAP", "access pass". */
export const PASS_WORDS = [/\b(?:temporary\s+)?access\s+pass(?:es)?\b/, /\btaps?\b/];

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
    const minutes = said.hours !== undefined ? said.hours * 60 : (policy?.defaultLifetimeInMinutes ?? 60);
    if (policy && (minutes < policy.minimumLifetimeInMinutes || minutes > policy.maximumLifetimeInMinutes))
      return {
        refused: `A Temporary Access Pass here lasts from ${policy.minimumLifetimeInMinutes} minutes to ${policy.maximumLifetimeInMinutes / 60} hours, so ${said.hours} hours cannot be given.`,
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
