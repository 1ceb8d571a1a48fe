// Graph's objects as phonedesk's snapshots: phone methods and the SMS policy, mapped the same way everywhere.
import type { PhoneAuthenticationMethod, SmsAuthenticationMethodConfiguration } from '@microsoft/microsoft-graph-types';
import type { PhoneMethodSnapshot, PhoneType, SmsPolicySnapshot } from '../snapshot/sign-in-snapshot';

export const SMS_POLICY_PATH = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/sms';

/** Graph's fixed ids of the three phone methods. */
export const PHONE_METHOD_IDS: Readonly<Record<PhoneType, string>> = {
  mobile: '3179e48a-750b-4051-897c-87b9720928f7',
  alternateMobile: 'b6332ec1-7057-4abe-9331-3d72feddfe41',
  office: 'e37fc753-ff3b-4958-9484-eaa9425c82bc',
};

export function phoneSnapshot(method: PhoneAuthenticationMethod): PhoneMethodSnapshot {
  return {
    id: method.id ?? '',
    phoneType: (method.phoneType ?? 'mobile') as PhoneType,
    phoneNumber: method.phoneNumber ?? '',
    smsSignInState: (method.smsSignInState ?? 'unknownFutureValue') as PhoneMethodSnapshot['smsSignInState'],
  };
}

export function policySnapshot(
  configuration: SmsAuthenticationMethodConfiguration,
  names: ReadonlyMap<string, string>,
): SmsPolicySnapshot {
  // The docs show the object wrapped in "value" (docs/graph-facts.md §3.1); accept both shapes.
  const raw = (configuration as { value?: SmsAuthenticationMethodConfiguration }).value ?? configuration;
  const named = (id: string): { displayName?: string } => (names.has(id) ? { displayName: names.get(id) } : {});
  return {
    state: raw.state === 'enabled' ? 'enabled' : 'disabled',
    includeTargets: (raw.includeTargets ?? []).map((target) => ({
      id: target.id ?? '',
      targetType: target.targetType === 'user' ? 'user' : 'group',
      isUsableForSignIn: target.isUsableForSignIn !== false,
      ...named(target.id ?? ''),
    })),
    excludeTargets: (raw.excludeTargets ?? []).map((target) => ({
      id: target.id ?? '',
      targetType: target.targetType === 'user' ? 'user' : 'group',
      ...named(target.id ?? ''),
    })),
    telecomProviderSettings:
      (raw as { telecomProviderSettings?: SmsPolicySnapshot['telecomProviderSettings'] }).telecomProviderSettings ??
      null,
  };
}
