// Temporary Access Pass: a time-limited pass for a new starter's first sign-in, the one a QR badge needs before it
// works (docs/graph-facts.md §18). It reads and explains a worker's pass (never its value) and makes one, handed to
// the requester once.
import { adminRoleWords, isAdmin } from '../account/admin-roles';
import { timeLeftInWords } from '../../time/time-left';
import type { MethodModule } from '../method-contract';
import type { SignInSnapshot } from '../method-types';
import { TAP_SNAPSHOT } from './tap-snapshot';
import { TAP_ASKS } from './tap-asks';
import { issuePass, type TapGateway } from './tap-handlers';
import type { TapAskIntent, TapChange } from './tap-types';

/** The worker's pass that works now, if any. */
export const usablePass = (snapshot: SignInSnapshot) =>
  snapshot.temporaryAccessPasses?.find((pass) => pass.isUsable && pass.methodUsabilityReason === 'EnabledByPolicy');

const endOf = (pass: { startDateTime: string; lifetimeInMinutes: number }): string =>
  new Date(Date.parse(pass.startDateTime) + pass.lifetimeInMinutes * 60_000).toISOString();

/** A pass is a whole sign-in: never made for an admin (a store manager must not reach one), and not for guests. */
function refusalFor(snapshot: SignInSnapshot): string | undefined {
  const name = snapshot.user.displayName;
  if (isAdmin(snapshot))
    return `${name} holds an admin role (${adminRoleWords(snapshot)}), and phonedesk never makes a Temporary Access Pass for an admin: it would let whoever holds it sign in as them.`;
  if (snapshot.user.userType === 'Guest')
    return `${name} has a guest account, which signs in at their own organisation, so a pass here would not help.`;
  return undefined;
}

export const TEMPORARY_ACCESS_PASS: MethodModule<TapChange, TapGateway, TapAskIntent> = {
  id: 'temporary-access-pass',
  means: 'their Temporary Access Pass',
  snapshot: TAP_SNAPSHOT,
  enrolled: (snapshot) => usablePass(snapshot) !== undefined,
  findings: () => [],
  readyWay(snapshot, now) {
    const pass = usablePass(snapshot);
    if (!pass) return undefined;
    return {
      summary: `${snapshot.user.displayName} can sign in with their Temporary Access Pass${pass.isUsableOnce ? ' once' : ''}; it stops working ${timeLeftInWords(endOf(pass), now)}.`,
      fix: 'They type their username and then the pass instead of a password. After that first sign-in their badge works.',
    };
  },
  kinds: {
    'issue-pass': {
      kind: 'issue-pass',
      reads: 'worker',
      requires: ['lifetimeMinutes'],
      changesPhoneMethods: false,
      refusalFor,
      summary: (change) =>
        `Give ${change.target.displayName} a one-time Temporary Access Pass for their first sign-in (${change.lifetimeMinutes} minutes)`,
      label: () => 'Give a Temporary Access Pass',
      ...issuePass,
    },
  },
  asks: TAP_ASKS,
};
