// SMS sign-in, the first frontline method: a worker signs in with their mobile number and a texted code. Microsoft
// retires it on 2027-02-01 (docs/architecture.md, "Sign-in methods").
import { adminRoleWords, isAdmin } from '../account/admin-roles';
import { maskGraphNumber } from '../../phone/phone-number';
import type { SmsPolicySnapshot } from '../../snapshot/sign-in-snapshot';
import type { SignInSnapshot } from '../method-types';
import type { ChangeKindSpec, MethodModule } from '../method-contract';
import { masked as maskedMethod, numberFindings } from './number-findings';
import { policyFindings } from './policy-findings';
import { retiredRefusal, retirementFindings, retirementNotice } from './sms-retirement';
import { finishStoreMove } from './sms-store-finish';
import { securityFindings } from './security-findings';
import { SMS_ASKS } from './sms-asks';
import { smsInstructionsFor } from './sms-instructions';
import { SMS_SNAPSHOT } from './sms-snapshot';
import type { SetUseForSignIn, SmsAskIntent, SmsChange } from './sms-types';
import {
  disableSms,
  enableSms,
  removeMobile,
  secureLostPhone,
  setMobile,
  smsPolicyOff,
  useForSignIn,
  type SmsGateway,
} from './sms-handlers';

const masked = (graphNumber: string | undefined): string => maskGraphNumber(graphNumber, 'a number');

const mobileNumber = (snapshot: SignInSnapshot): string | undefined =>
  snapshot.phoneMethods.find((method) => method.phoneType === 'mobile')?.phoneNumber;

/** SMS sign-in is single-factor and open to SIM swaps: never for an admin, and Entra refuses it for guests. */
function refusalFor(snapshot: SignInSnapshot): string | undefined {
  const name = snapshot.user.displayName;
  if (isAdmin(snapshot)) {
    return `${name} holds an admin role (${adminRoleWords(snapshot)}), and phonedesk never sets up sign-in by text message for admins: it is too easy to take over with a SIM swap.`;
  }
  if (snapshot.user.userType === 'Guest')
    return `${name} has a guest account, and guest accounts can't sign in by text message.`;
  return undefined;
}

/** For a change that sets up SMS sign-in: the admin and guest refusals, and none after SMS sign-in has stopped. */
const setUpRefusalFor = (snapshot: SignInSnapshot): string | undefined =>
  refusalFor(snapshot) ?? retiredRefusal(snapshot);
const setUpNotice = (change: { target: { displayName: string } }, at: Date): string | undefined =>
  retirementNotice(change.target.displayName, at);

/** Tenant-wide: checked against the SMS policy read fresh, not against a worker. */
const useForSignInSpec: ChangeKindSpec<SetUseForSignIn, SmsGateway, SmsPolicySnapshot> = {
  kind: 'set-use-for-sign-in',
  reads: { policy: (gateway) => gateway.smsPolicy({ fresh: true }), askToSee: 'is SMS sign-in set up?' },
  requires: ['policyTargetId', 'useForSignIn'],
  changesPhoneMethods: false,
  sameAsk: (a, b) => a.policyTargetId === b.policyTargetId && a.useForSignIn === b.useForSignIn,
  summary: (change) =>
    `${change.useForSignIn ? 'Tick' : 'Untick'} "Use for sign-in" for ${change.target.displayName} in the SMS policy (whole organisation)`,
  label: (proposal) => (proposal.useForSignIn === false ? "Untick 'Use for sign-in'" : "Tick 'Use for sign-in'"),
  handler: useForSignIn,
};

export const SMS_SIGN_IN: MethodModule<SmsChange, SmsGateway, SmsAskIntent> = {
  id: 'sms-sign-in',
  means: 'their phone',
  enrolled: (snapshot) => snapshot.phoneMethods.some((method) => method.phoneType === 'mobile'),
  asks: SMS_ASKS,
  snapshot: SMS_SNAPSHOT,
  instructions: smsInstructionsFor,
  findings: (snapshot, context) => [
    ...policyFindings(snapshot),
    ...numberFindings(snapshot, context),
    ...securityFindings(snapshot),
    ...retirementFindings(snapshot, context.now),
  ],
  readyWay(snapshot) {
    const mobile = snapshot.phoneMethods.find((method) => method.phoneType === 'mobile');
    if (mobile?.smsSignInState !== 'ready') return undefined;
    return {
      summary: `${snapshot.user.displayName} can sign in with their phone number ${maskedMethod(mobile)}.`,
      fix: 'They type their mobile number, with the country code, as the username and enter the 6-digit code from the text message.',
    };
  },
  kinds: {
    'add-number': {
      kind: 'add-number',
      reads: 'worker',
      requires: ['phoneNumber'],
      changesPhoneMethods: true,
      refusalFor: setUpRefusalFor,
      requesterNotice: setUpNotice,
      newNumber: (change) => change.phoneNumber,
      summary: (change) =>
        `Add ${masked(change.phoneNumber)} as ${change.target.displayName}'s mobile number for sign-in`,
      label: () => 'Add a number',
      handler: setMobile,
    },
    'replace-number': {
      kind: 'replace-number',
      reads: 'worker',
      requires: ['phoneNumber'],
      changesPhoneMethods: true,
      refusalFor: setUpRefusalFor,
      requesterNotice: setUpNotice,
      newNumber: (change) => change.phoneNumber,
      summary: (change) => `Change ${change.target.displayName}'s mobile number to ${masked(change.phoneNumber)}`,
      label: () => 'Replace the number',
      handler: setMobile,
    },
    'remove-number': {
      kind: 'remove-number',
      reads: 'worker',
      changesPhoneMethods: true,
      summary: (change) => `Remove ${change.target.displayName}'s mobile number`,
      label: () => 'Remove the number',
      handler: removeMobile,
    },
    'enable-sms-sign-in': {
      kind: 'enable-sms-sign-in',
      reads: 'worker',
      changesPhoneMethods: true,
      refusalFor: setUpRefusalFor,
      requesterNotice: setUpNotice,
      numberTurnedOn: (_change, snapshot) => mobileNumber(snapshot),
      summary: (change) => `Turn on sign-in by text message for ${change.target.displayName}`,
      label: () => 'Turn on SMS sign-in',
      handler: enableSms,
    },
    'finish-store-move': finishStoreMove,
    'disable-sms-policy': {
      kind: 'disable-sms-policy',
      reads: { policy: (gateway) => gateway.smsPolicy({ fresh: true }), askToSee: 'is SMS sign-in set up?' },
      changesPhoneMethods: false,
      sameAsk: () => true,
      summary: () =>
        'Turn off the SMS policy for the whole organisation: nobody signs in by text message (numbers stay)',
      label: () => 'Turn off the SMS policy',
      handler: smsPolicyOff,
    },
    'disable-sms-sign-in': {
      kind: 'disable-sms-sign-in',
      reads: 'worker',
      changesPhoneMethods: true,
      summary: (change) => `Turn off sign-in by text message for ${change.target.displayName}`,
      label: () => 'Turn off SMS sign-in',
      handler: disableSms,
    },
    'secure-lost-phone': {
      kind: 'secure-lost-phone',
      reads: 'worker',
      changesPhoneMethods: true,
      urgent: true,
      reportsLostNumber: true,
      summary: (change) =>
        `Lost phone: turn off sign-in by text message for ${change.target.displayName} and sign them out everywhere`,
      label: () => 'Secure the lost phone',
      handler: secureLostPhone,
    },
    'set-use-for-sign-in': useForSignInSpec,
  },
};
