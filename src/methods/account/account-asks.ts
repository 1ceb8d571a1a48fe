// "sign Ali out everywhere": how a change to the account itself is asked for.
import { mentions, type ChangeAsk } from '../change-ask';
import type { AccountAskIntent } from './account-types';
import { REVOKE } from './account-keywords';

const SIGN_OUT: ChangeAsk<'revoke-sessions'> = {
  intent: 'revoke-sessions',
  dialogId: 'signOut',
  precedence: 40,
  // "is Ali signed out?" asks about a state.
  asked: (words) => !words.question && mentions(words.request, REVOKE),
  needsNumber: false,
  change: { kind: 'revoke-sessions' },
  makes: ['revoke-sessions'],
  urgent: false,
  suggestion: {
    title: 'Sign someone out everywhere',
    words: ['signout', 'logout', 'out', 'sessions', 'session', 'kick', 'revoke', 'everywhere'],
  },
};

export const ACCOUNT_ASKS: ReadonlyArray<ChangeAsk<AccountAskIntent>> = [SIGN_OUT];
