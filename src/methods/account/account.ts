// The account itself, whatever method the worker signs in with: what the diagnosis says about it (guest, turned off,
// licence, a recent sign-out) and the changes to it (sign out everywhere; a leaver's every way in).
import type { GraphGateway } from '../../graph/graph-gateway';
import type { MethodModule } from '../method-contract';
import { sessionsRevokedSince } from './sessions';
import { leaver, type LeaverGateway } from './leaver';
import { ACCOUNT_ASKS } from './account-asks';
import type { AccountAskIntent, AccountChange } from './account-types';
import { accountFindings } from './account-findings';

import { onboardRoster } from './onboard-roster';

export type AccountGateway = Pick<GraphGateway, 'revokeSignInSessions'> & LeaverGateway;

export const ACCOUNT: MethodModule<AccountChange, AccountGateway, AccountAskIntent> = {
  id: 'account',
  asks: ACCOUNT_ASKS,
  findings: accountFindings,
  // The account is not a way to sign in: whether the worker can sign in is for the methods to say.
  readyWay: () => undefined,
  kinds: {
    'onboard-roster': onboardRoster,
    'revoke-sessions': {
      kind: 'revoke-sessions',
      reads: 'worker',
      changesPhoneMethods: false,
      summary: (change) => `Sign ${change.target.displayName} out everywhere`,
      label: () => 'Sign them out everywhere',
      handler: {
        plan: () => ({ action: 'apply' }),
        async apply(change, gateway) {
          await gateway.revokeSignInSessions(change.target.userId);
          return {
            status: 'succeeded',
            outcome: `${change.target.displayName} was signed out everywhere; it can take a few minutes to reach every device.`,
          };
        },
        reconcile: (_change, live) => (sessionsRevokedSince(live) ? 'applied' : 'not-applied'),
      },
    },
    leaver: {
      kind: 'leaver',
      reads: 'worker',
      changesPhoneMethods: true,
      summary: (change) =>
        `Leaver ${change.target.displayName}: remove every way they sign in (mobile number, QR badge, pass) and sign them out everywhere`,
      label: () => 'Remove every way in (leaver)',
      handler: leaver,
    },
  },
};
