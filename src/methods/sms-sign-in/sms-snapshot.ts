// SMS sign-in's slice of the worker's snapshot: their phone methods (with Graph's smsSignInState) and the tenant's
// SMS policy, read in the worker's one $batch (the policy from the gateway's short cache when it is fresh).
import type { PhoneAuthenticationMethod, SmsAuthenticationMethodConfiguration } from '@microsoft/microsoft-graph-types';
import type { Collection } from '../../graph/graph-wire';
import { SMS_POLICY_PATH, phoneSnapshot, policySnapshot } from '../../graph/snapshot-mapping';
import type { SnapshotSlice } from '../../graph/snapshot-slice';
import type { PhoneMethodSnapshot, SmsPolicySnapshot } from '../../snapshot/sign-in-snapshot';

export interface SmsSnapshot {
  phoneMethods: PhoneMethodSnapshot[];
  policy: SmsPolicySnapshot;
}

/** Whether their mobile is ready for SMS sign-in: they sign in with a text message today. */
export function signsInBySms(phones: Pick<SmsSnapshot, 'phoneMethods'>): boolean {
  return phones.phoneMethods.some((method) => method.phoneType === 'mobile' && method.smsSignInState === 'ready');
}

export const SMS_SNAPSHOT: SnapshotSlice<SmsSnapshot> = {
  workerReads: (user) => [{ id: 'phones', url: `/users/${user}/authentication/phoneMethods` }],
  tenantReads: [{ id: 'policy', url: SMS_POLICY_PATH }],
  map: (answers) => ({
    phoneMethods: answers.ok<Collection<PhoneAuthenticationMethod>>('phones').value.map(phoneSnapshot),
    policy: policySnapshot(answers.ok<SmsAuthenticationMethodConfiguration>('policy'), answers.groupNames),
  }),
};
