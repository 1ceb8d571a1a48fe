// A leaver, whatever they sign in with: in one approved request their mobile number goes (unless Entra needs it
// kept, which is said), their QR badge and PIN, any Temporary Access Pass, and they are signed out everywhere.
// Each step is safe to repeat (a method already gone counts as removed), so a step that fails leaves the others done.
import type { GraphGateway } from '../../graph/graph-gateway';
import type { ChangeHandler, LiveState } from '../method-contract';
import { removeMobile } from '../sms-sign-in/sms-handlers';
import type { Leaver } from './account-types';
import { sessionsRevokedSince } from './sessions';
import { failureWords } from './stop-then-sign-out';

export type LeaverGateway = Pick<
  GraphGateway,
  'deletePhoneMethod' | 'deleteQrCodePinMethod' | 'deleteTemporaryAccessPass' | 'revokeSignInSessions'
>;

const mobileOf = (live: LiveState) => live.snapshot?.phoneMethods.find((method) => method.phoneType === 'mobile');

export const leaver: ChangeHandler<Leaver, LeaverGateway> = {
  // Signing a leaver out is always right, whatever is left to remove.
  plan: () => ({ action: 'apply' }),
  async apply(change, gateway, live) {
    const userId = change.target.userId;
    const name = change.target.displayName;
    const done: string[] = [];
    const left: string[] = [];
    const step = async (did: string, could: string, run: () => Promise<unknown>): Promise<void> => {
      try {
        await run();
        done.push(did);
      } catch (error) {
        left.push(`${could} (${failureWords(error)})`);
      }
    };
    if (mobileOf(live)) {
      const plan = removeMobile.plan({ ...change, kind: 'remove-number' }, live);
      if (plan.action === 'apply')
        await step('their mobile number was removed', 'their mobile number could not be removed', () =>
          gateway.deletePhoneMethod(userId, 'mobile'),
        );
      else if (plan.action === 'refuse') left.push(plan.outcome);
    }
    if (live.snapshot?.qrCodePin)
      await step('their QR badge and PIN were removed', 'their QR badge could not be removed', () =>
        gateway.deleteQrCodePinMethod(userId),
      );
    for (const pass of live.snapshot?.temporaryAccessPasses ?? [])
      await step('their Temporary Access Pass was removed', 'their Temporary Access Pass could not be removed', () =>
        gateway.deleteTemporaryAccessPass(userId, pass.id),
      );
    await step('they were signed out everywhere', 'signing them out everywhere failed', () =>
      gateway.revokeSignInSessions(userId),
    );
    const status = left.length === 0 ? 'succeeded' : done.length > 0 ? 'partially-succeeded' : 'failed';
    const still = left.length > 0 ? ` Still to do: ${left.join('; ')}.` : '';
    return { status, outcome: `${name} (leaver): ${done.join('; ') || 'nothing could be done'}.${still}` };
  },
  reconcile(_change, live) {
    const gone = !live.snapshot?.qrCodePin && (live.snapshot?.temporaryAccessPasses ?? []).length === 0;
    const revoked = sessionsRevokedSince(live);
    return gone && revoked && !mobileOf(live) ? 'applied' : gone || revoked ? 'partly-applied' : 'not-applied';
  },
};
