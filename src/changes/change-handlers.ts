// What each kind of change does in Graph, when it is already done, and how to tell afterwards whether it
// took effect. New frontline sign-in methods (QR code + PIN) add handlers here; the pipeline stays as it is.
import type { SignInSnapshot, SmsPolicySnapshot } from '../snapshot/sign-in-snapshot';
import { GraphFailure } from '../graph/graph-errors';
import type { GraphGateway } from '../graph/graph-gateway';
import { fromGraph, maskPhoneNumber } from '../phone/phone-number';
import type { ChangeKind } from './change-kind';
import type { ChangeRequest } from './change-request';

/** Live state re-read just before executing (and when reconciling after a crash). */
export interface LiveState {
  snapshot?: SignInSnapshot;
  policy?: SmsPolicySnapshot;
  /** When the execution started, for checks like "sessions revoked since". */
  executionStartedAt?: Date;
}

export type Plan = { action: 'apply' } | { action: 'already-done'; outcome: string } | { action: 'refuse'; outcome: string };

export interface ApplyResult {
  status: 'succeeded' | 'partially-succeeded' | 'failed';
  outcome: string;
}

export type Reconciled = 'applied' | 'partly-applied' | 'not-applied';

export type Gateway = Pick<
  GraphGateway,
  'addPhoneMethod' | 'updatePhoneMethod' | 'deletePhoneMethod' | 'enableSmsSignIn' | 'disableSmsSignIn' | 'revokeSignInSessions' | 'setUseForSignIn' | 'listPhoneMethods'
>;

export interface ChangeHandler {
  /** Whether the change needs the worker's snapshot (else the SMS policy). */
  scope: 'user' | 'tenant';
  plan(request: ChangeRequest, live: LiveState): Plan;
  apply(request: ChangeRequest, gateway: Gateway, live: LiveState): Promise<ApplyResult>;
  reconcile(request: ChangeRequest, live: LiveState): Reconciled;
}

const e164 = (graphNumber: string | undefined): string | undefined => (graphNumber ? fromGraph(graphNumber)?.e164 : undefined);
const shown = (graphNumber: string | undefined): string => {
  const number = graphNumber ? fromGraph(graphNumber) : undefined;
  return number ? maskPhoneNumber(number) : 'the number';
};
const mobileOf = (live: LiveState) => live.snapshot?.phoneMethods.find((method) => method.phoneType === 'mobile');
const name = (request: ChangeRequest): string => request.target.displayName;

/** Add or replace the mobile: the result depends on whether Graph could register it for SMS sign-in. */
const setMobile: ChangeHandler = {
  scope: 'user',
  plan(request, live) {
    const mobile = mobileOf(live);
    if (mobile && e164(mobile.phoneNumber) === e164(request.phoneNumber) && mobile.smsSignInState === 'ready') {
      return { action: 'already-done', outcome: `${name(request)} already has ${shown(request.phoneNumber)} as their mobile number, ready for sign-in. Nothing needed changing.` };
    }
    return { action: 'apply' };
  },
  async apply(request, gateway, live) {
    const mobile = mobileOf(live);
    const write =
      mobile === undefined
        ? await gateway.addPhoneMethod(request.target.userId, 'mobile', request.phoneNumber!)
        : await gateway.updatePhoneMethod(request.target.userId, 'mobile', request.phoneNumber!);
    if (write.numberInUse) {
      return {
        status: 'partially-succeeded',
        outcome: `${shown(request.phoneNumber)} was saved as ${name(request)}'s mobile number, but it is already used to sign in by another account, so ${name(request)} can't sign in with it yet.`,
      };
    }
    if (write.method.smsSignInState !== 'ready') {
      return {
        status: 'partially-succeeded',
        outcome: `${shown(request.phoneNumber)} was saved as ${name(request)}'s mobile number, but it is not ready for sign-in yet (${write.method.smsSignInState}). Ask phonedesk "why can't ${name(request)} sign in?".`,
      };
    }
    return { status: 'succeeded', outcome: `${name(request)} can now sign in with ${shown(request.phoneNumber)}.` };
  },
  reconcile(request, live) {
    const mobile = mobileOf(live);
    if (!mobile || e164(mobile.phoneNumber) !== e164(request.phoneNumber)) return 'not-applied';
    return mobile.smsSignInState === 'ready' ? 'applied' : 'partly-applied';
  },
};

const removeMobile: ChangeHandler = {
  scope: 'user',
  plan(request, live) {
    const snapshot = live.snapshot!;
    const mobile = mobileOf(live);
    if (!mobile) return { action: 'already-done', outcome: `${name(request)} has no mobile number any more. Nothing needed changing.` };
    if (snapshot.defaultMfaMethod === 'sms' || snapshot.defaultMfaMethod === 'voiceMobile') {
      return {
        action: 'refuse',
        outcome: `${name(request)}'s mobile number is their default way to confirm sign-ins, so it can't be removed until they choose another method in My Sign-Ins.`,
      };
    }
    if (snapshot.phoneMethods.some((method) => method.phoneType === 'alternateMobile')) {
      return { action: 'refuse', outcome: `${name(request)} also has an alternate mobile number, which needs a mobile number; ask IT to remove the alternate one first.` };
    }
    return { action: 'apply' };
  },
  async apply(request, gateway) {
    const { alreadyGone } = await gateway.deletePhoneMethod(request.target.userId, 'mobile');
    return { status: 'succeeded', outcome: alreadyGone ? `${name(request)}'s mobile number was already gone.` : `${name(request)}'s mobile number was removed; they can no longer sign in with it.` };
  },
  reconcile(_request, live) {
    return mobileOf(live) ? 'not-applied' : 'applied';
  },
};

const enableSms: ChangeHandler = {
  scope: 'user',
  plan(request, live) {
    const mobile = mobileOf(live);
    if (!mobile) return { action: 'refuse', outcome: `${name(request)} has no mobile number to turn on for sign-in; add one first.` };
    if (mobile.smsSignInState === 'ready') return { action: 'already-done', outcome: `${name(request)} can already sign in with ${shown(mobile.phoneNumber)}. Nothing needed changing.` };
    return { action: 'apply' };
  },
  async apply(request, gateway, live) {
    await gateway.enableSmsSignIn(request.target.userId);
    const mobile = (await gateway.listPhoneMethods(request.target.userId)).find((method) => method.phoneType === 'mobile');
    if (mobile?.smsSignInState !== 'ready') {
      return { status: 'partially-succeeded', outcome: `SMS sign-in was turned on, but ${name(request)}'s number is not ready yet (${mobile?.smsSignInState ?? 'no mobile'}).` };
    }
    return { status: 'succeeded', outcome: `${name(request)} can now sign in with ${shown(mobileOf(live)?.phoneNumber)}.` };
  },
  reconcile(_request, live) {
    return mobileOf(live)?.smsSignInState === 'ready' ? 'applied' : 'not-applied';
  },
};

const disableSms: ChangeHandler = {
  scope: 'user',
  plan(request, live) {
    const mobile = mobileOf(live);
    if (!mobile || mobile.smsSignInState === 'notEnabled') {
      return { action: 'already-done', outcome: `${name(request)} already can't sign in by text message. Nothing needed changing.` };
    }
    return { action: 'apply' };
  },
  async apply(request, gateway) {
    await gateway.disableSmsSignIn(request.target.userId);
    return { status: 'succeeded', outcome: `${name(request)} can no longer sign in by text message.` };
  },
  reconcile(_request, live) {
    const mobile = mobileOf(live);
    return !mobile || mobile.smsSignInState === 'notEnabled' ? 'applied' : 'not-applied';
  },
};

const sessionsRevokedSince = (live: LiveState): boolean => {
  const since = live.snapshot?.user.signInSessionsValidFromDateTime;
  return since !== undefined && live.executionStartedAt !== undefined && Date.parse(since) >= Math.floor(live.executionStartedAt.getTime() / 1000) * 1000;
};

/** No answer or a 5xx on some attempt: the write may have been made all the same. */
const outcomeUnknown = (error: unknown): boolean => error instanceof GraphFailure && error.mayHaveApplied;
const userMessageOf = (error: unknown): string => (error instanceof GraphFailure ? error.userMessage.replace(/\.$/, '') : 'please try again');

const revokeSessions: ChangeHandler = {
  scope: 'user',
  plan: () => ({ action: 'apply' }),
  async apply(request, gateway) {
    await gateway.revokeSignInSessions(request.target.userId);
    return { status: 'succeeded', outcome: `${name(request)} was signed out everywhere; it can take a few minutes to reach every device.` };
  },
  reconcile: (_request, live) => (sessionsRevokedSince(live) ? 'applied' : 'not-applied'),
};

/** Lost phone or SIM swap: stop SMS sign-in, then sign the worker out everywhere. */
const secureLostPhone: ChangeHandler = {
  scope: 'user',
  plan: () => ({ action: 'apply' }),
  async apply(request, gateway, live) {
    const mobile = mobileOf(live);
    const alreadyStopped = !mobile || mobile.smsSignInState === 'notEnabled';
    // Signing out follows whatever became of the first step: whoever holds the phone must lose their sessions.
    let stopError: unknown;
    if (!alreadyStopped) {
      try {
        await gateway.disableSmsSignIn(request.target.userId);
      } catch (error) {
        stopError = error;
      }
    }
    let signOutError: unknown;
    try {
      await gateway.revokeSignInSessions(request.target.userId);
    } catch (error) {
      signOutError = error;
    }
    // Unsure whether SMS sign-in was stopped, or nothing worked: the executor looks at Graph and says what it finds.
    if (stopError !== undefined && (outcomeUnknown(stopError) || signOutError !== undefined)) throw stopError;
    if (stopError !== undefined) {
      return { status: 'partially-succeeded', outcome: `${name(request)} was signed out everywhere, but SMS sign-in could not be turned off: ${userMessageOf(stopError)}.` };
    }
    if (signOutError !== undefined) {
      return {
        status: 'partially-succeeded',
        outcome: outcomeUnknown(signOutError)
          ? `${name(request)} can no longer sign in by text message, but Microsoft 365 did not confirm signing them out everywhere. Say "sign out ${name(request)}" to make sure.`
          : `${name(request)} can no longer sign in by text message, but signing them out everywhere failed: ${userMessageOf(signOutError)}.`,
      };
    }
    return {
      status: 'succeeded',
      outcome: `${name(request)} can no longer sign in by text message and was signed out everywhere. The number stays on their account but can't be used to sign in; add their new number when they have one.`,
    };
  },
  reconcile(request, live) {
    const stopped = disableSms.reconcile(request, live) === 'applied';
    const revoked = sessionsRevokedSince(live);
    return stopped && revoked ? 'applied' : stopped || revoked ? 'partly-applied' : 'not-applied';
  },
};

const useForSignIn: ChangeHandler = {
  scope: 'tenant',
  plan(request, live) {
    const target = live.policy?.includeTargets.find((candidate) => candidate.id === request.policyTargetId);
    if (!target) return { action: 'refuse', outcome: 'That group is no longer a target of the SMS sign-in policy.' };
    if (target.isUsableForSignIn === request.useForSignIn) {
      return { action: 'already-done', outcome: `"Use for sign-in" is already ${request.useForSignIn ? 'ticked' : 'unticked'} for ${request.target.displayName}. Nothing needed changing.` };
    }
    return { action: 'apply' };
  },
  async apply(request, gateway) {
    await gateway.setUseForSignIn(request.policyTargetId!, request.useForSignIn === true);
    return { status: 'succeeded', outcome: `"Use for sign-in" is now ${request.useForSignIn ? 'ticked' : 'unticked'} for ${request.target.displayName}.` };
  },
  reconcile(request, live) {
    const target = live.policy?.includeTargets.find((candidate) => candidate.id === request.policyTargetId);
    return target?.isUsableForSignIn === request.useForSignIn ? 'applied' : 'not-applied';
  },
};

export const CHANGE_HANDLERS: Readonly<Record<ChangeKind, ChangeHandler>> = {
  'add-number': setMobile,
  'replace-number': setMobile,
  'remove-number': removeMobile,
  'enable-sms-sign-in': enableSms,
  'disable-sms-sign-in': disableSms,
  'revoke-sessions': revokeSessions,
  'secure-lost-phone': secureLostPhone,
  'set-use-for-sign-in': useForSignIn,
};
