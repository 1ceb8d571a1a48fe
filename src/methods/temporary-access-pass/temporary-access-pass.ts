// Temporary Access Pass: a time-limited pass for a new starter's first sign-in, the one a QR badge needs before it
// works (docs/graph-facts.md §18). This slice reads and explains a worker's pass; issuing one comes with its
// one-time delivery.
import { timeLeftInWords } from '../../time/time-left';
import type { MethodModule } from '../method-contract';
import type { SignInSnapshot } from '../method-types';
import { TAP_SNAPSHOT } from './tap-snapshot';

/** The worker's pass that works now, if any. */
export const usablePass = (snapshot: SignInSnapshot) =>
  snapshot.temporaryAccessPasses?.find((pass) => pass.isUsable && pass.methodUsabilityReason === 'EnabledByPolicy');

const endOf = (pass: { startDateTime: string; lifetimeInMinutes: number }): string =>
  new Date(Date.parse(pass.startDateTime) + pass.lifetimeInMinutes * 60_000).toISOString();

export const TEMPORARY_ACCESS_PASS: MethodModule<never, never> = {
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
  kinds: {},
  asks: [],
};
