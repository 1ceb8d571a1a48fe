// What each SMS sign-in change does in Graph, when it is already done, and how to tell afterwards whether it took.
import type { GraphGateway } from '../../graph/graph-gateway';
import { fromGraph, maskGraphNumber } from '../../phone/phone-number';
import type { SmsPolicySnapshot } from '../../snapshot/sign-in-snapshot';
import { sessionsRevokedSince } from '../account/sessions';
import { failureWords, outcomeUnknown, stopThenSignOut } from '../account/stop-then-sign-out';
import type { ChangeHandler, LiveState, TargetedChange } from '../method-contract';
import type {
  AddNumber,
  DisableSmsSignIn,
  EnableSmsSignIn,
  RemoveNumber,
  ReplaceNumber,
  SecureLostPhone,
  SetUseForSignIn,
  DisableSmsPolicy,
} from './sms-types';

export type SmsGateway = Pick<
  GraphGateway,
  | 'addPhoneMethod'
  | 'updatePhoneMethod'
  | 'deletePhoneMethod'
  | 'enableSmsSignIn'
  | 'disableSmsSignIn'
  | 'setSmsPolicyState'
  | 'revokeSignInSessions'
  | 'setUseForSignIn'
  | 'listPhoneMethods'
  | 'smsPolicy'
>;

type SmsHandler<C> = ChangeHandler<C, SmsGateway>;

const e164 = (graphNumber: string | undefined): string | undefined =>
  graphNumber ? fromGraph(graphNumber)?.e164 : undefined;
const shown = (graphNumber: string | undefined): string => maskGraphNumber(graphNumber, 'the number');
const mobileOf = (live: LiveState) => live.snapshot?.phoneMethods.find((method) => method.phoneType === 'mobile');
const name = (change: TargetedChange<unknown>): string => change.target.displayName;

/** Add or replace the mobile: the result depends on whether Graph could register it for SMS sign-in. */
export const setMobile: SmsHandler<AddNumber | ReplaceNumber> = {
  plan(change, live) {
    const mobile = mobileOf(live);
    if (mobile && e164(mobile.phoneNumber) === e164(change.phoneNumber) && mobile.smsSignInState === 'ready') {
      return {
        action: 'already-done',
        outcome: `${name(change)} already has ${shown(change.phoneNumber)} as their mobile number, ready for sign-in. Nothing needed changing.`,
      };
    }
    return { action: 'apply' };
  },
  async apply(change, gateway, live) {
    const write =
      mobileOf(live) === undefined
        ? await gateway.addPhoneMethod(change.target.userId, 'mobile', change.phoneNumber)
        : await gateway.updatePhoneMethod(change.target.userId, 'mobile', change.phoneNumber);
    if (write.numberInUse) {
      return {
        status: 'partially-succeeded',
        outcome: `${shown(change.phoneNumber)} was saved as ${name(change)}'s mobile number, but it is already used to sign in by another account, so ${name(change)} can't sign in with it yet.`,
      };
    }
    if (write.method.smsSignInState !== 'ready') {
      return {
        status: 'partially-succeeded',
        outcome: `${shown(change.phoneNumber)} was saved as ${name(change)}'s mobile number, but it is not ready for sign-in yet (${write.method.smsSignInState}). Ask phonedesk "why can't ${name(change)} sign in?".`,
      };
    }
    return { status: 'succeeded', outcome: `${name(change)} can now sign in with ${shown(change.phoneNumber)}.` };
  },
  reconcile(change, live) {
    const mobile = mobileOf(live);
    if (!mobile || e164(mobile.phoneNumber) !== e164(change.phoneNumber)) return 'not-applied';
    return mobile.smsSignInState === 'ready' ? 'applied' : 'partly-applied';
  },
};

export const removeMobile: SmsHandler<RemoveNumber> = {
  plan(change, live) {
    const mobile = mobileOf(live);
    if (!mobile)
      return {
        action: 'already-done',
        outcome: `${name(change)} has no mobile number any more. Nothing needed changing.`,
      };
    const defaultMethod = live.snapshot?.defaultMfaMethod;
    if (defaultMethod === 'sms' || defaultMethod === 'voiceMobile') {
      return {
        action: 'refuse',
        outcome: `${name(change)}'s mobile number is their default way to confirm sign-ins, so it can't be removed until they choose another method in My Sign-Ins.`,
      };
    }
    if (live.snapshot?.phoneMethods.some((method) => method.phoneType === 'alternateMobile')) {
      return {
        action: 'refuse',
        outcome: `${name(change)} also has an alternate mobile number, which needs a mobile number; ask IT to remove the alternate one first.`,
      };
    }
    return { action: 'apply' };
  },
  async apply(change, gateway) {
    const { alreadyGone } = await gateway.deletePhoneMethod(change.target.userId, 'mobile');
    return {
      status: 'succeeded',
      outcome: alreadyGone
        ? `${name(change)}'s mobile number was already gone.`
        : `${name(change)}'s mobile number was removed; they can no longer sign in with it.`,
    };
  },
  reconcile(_change, live) {
    return mobileOf(live) ? 'not-applied' : 'applied';
  },
};

export const enableSms: SmsHandler<EnableSmsSignIn> = {
  plan(change, live) {
    const mobile = mobileOf(live);
    if (!mobile)
      return {
        action: 'refuse',
        outcome: `${name(change)} has no mobile number to turn on for sign-in; add one first.`,
      };
    if (mobile.smsSignInState === 'ready')
      return {
        action: 'already-done',
        outcome: `${name(change)} can already sign in with ${shown(mobile.phoneNumber)}. Nothing needed changing.`,
      };
    return { action: 'apply' };
  },
  async apply(change, gateway, live) {
    await gateway.enableSmsSignIn(change.target.userId);
    const mobile = (await gateway.listPhoneMethods(change.target.userId)).find(
      (method) => method.phoneType === 'mobile',
    );
    if (mobile?.smsSignInState !== 'ready') {
      return {
        status: 'partially-succeeded',
        outcome: `SMS sign-in was turned on, but ${name(change)}'s number is not ready yet (${mobile?.smsSignInState ?? 'no mobile'}).`,
      };
    }
    return {
      status: 'succeeded',
      outcome: `${name(change)} can now sign in with ${shown(mobileOf(live)?.phoneNumber)}.`,
    };
  },
  reconcile(_change, live) {
    return mobileOf(live)?.smsSignInState === 'ready' ? 'applied' : 'not-applied';
  },
};

const smsStopped = (live: LiveState): boolean => {
  const mobile = mobileOf(live);
  return !mobile || mobile.smsSignInState === 'notEnabled';
};

export const disableSms: SmsHandler<DisableSmsSignIn> = {
  plan(change, live) {
    if (smsStopped(live))
      return {
        action: 'already-done',
        outcome: `${name(change)} already can't sign in by text message. Nothing needed changing.`,
      };
    return { action: 'apply' };
  },
  async apply(change, gateway) {
    await gateway.disableSmsSignIn(change.target.userId);
    return { status: 'succeeded', outcome: `${name(change)} can no longer sign in by text message.` };
  },
  reconcile: (_change, live) => (smsStopped(live) ? 'applied' : 'not-applied'),
};

/** Lost phone or SIM swap: stop SMS sign-in, then sign the worker out everywhere. */
export const secureLostPhone: SmsHandler<SecureLostPhone> = {
  plan: () => ({ action: 'apply' }),
  async apply(change, gateway, live) {
    const { stopError, signOutError } = await stopThenSignOut(
      async () => {
        if (!smsStopped(live)) await gateway.disableSmsSignIn(change.target.userId);
      },
      () => gateway.revokeSignInSessions(change.target.userId),
    );
    if (stopError !== undefined) {
      return {
        status: 'partially-succeeded',
        outcome: `${name(change)} was signed out everywhere, but SMS sign-in could not be turned off: ${failureWords(stopError)}.`,
      };
    }
    if (signOutError !== undefined) {
      return {
        status: 'partially-succeeded',
        outcome: outcomeUnknown(signOutError)
          ? `${name(change)} can no longer sign in by text message, but Microsoft 365 did not confirm signing them out everywhere. Say "sign out ${name(change)}" to make sure.`
          : `${name(change)} can no longer sign in by text message, but signing them out everywhere failed: ${failureWords(signOutError)}.`,
      };
    }
    return {
      status: 'succeeded',
      outcome: `${name(change)} can no longer sign in by text message and was signed out everywhere. The number stays on their account but can't be used to sign in; add their new number when they have one.`,
    };
  },
  reconcile(_change, live) {
    const stopped = smsStopped(live);
    const revoked = sessionsRevokedSince(live);
    return stopped && revoked ? 'applied' : stopped || revoked ? 'partly-applied' : 'not-applied';
  },
};

const policyTargetOf = (change: SetUseForSignIn, live: LiveState<SmsPolicySnapshot>) =>
  live.policy?.includeTargets.find((candidate) => candidate.id === change.policyTargetId);

export const useForSignIn: ChangeHandler<SetUseForSignIn, SmsGateway, SmsPolicySnapshot> = {
  plan(change, live) {
    const target = policyTargetOf(change, live);
    if (!target) return { action: 'refuse', outcome: 'That group is no longer a target of the SMS sign-in policy.' };
    if (target.isUsableForSignIn === change.useForSignIn) {
      return {
        action: 'already-done',
        outcome: `"Use for sign-in" is already ${change.useForSignIn ? 'ticked' : 'unticked'} for ${change.target.displayName}. Nothing needed changing.`,
      };
    }
    return { action: 'apply' };
  },
  async apply(change, gateway) {
    await gateway.setUseForSignIn(change.policyTargetId, change.useForSignIn);
    return {
      status: 'succeeded',
      outcome: `"Use for sign-in" is now ${change.useForSignIn ? 'ticked' : 'unticked'} for ${change.target.displayName}.`,
    };
  },
  reconcile: (change, live) =>
    policyTargetOf(change, live)?.isUsableForSignIn === change.useForSignIn ? 'applied' : 'not-applied',
};

/** The whole SMS policy off (tenant-wide): everyone's SMS sign-in stops; their numbers stay. */
export const smsPolicyOff: ChangeHandler<DisableSmsPolicy, SmsGateway, SmsPolicySnapshot> = {
  plan: (_change, live) =>
    live.policy?.state === 'disabled'
      ? { action: 'already-done', outcome: 'The SMS policy is already off. Nothing needed changing.' }
      : { action: 'apply' },
  async apply(_change, gateway) {
    await gateway.setSmsPolicyState('disabled');
    return {
      status: 'succeeded',
      outcome: 'The SMS policy is off: nobody signs in by text message now. Every number stays where it was.',
    };
  },
  reconcile: (_change, live) => (live.policy?.state === 'disabled' ? 'applied' : 'not-applied'),
};
