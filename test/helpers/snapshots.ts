import type { SignInSnapshot } from '../../src/methods/method-types';

export const FRONTLINE = 'group-frontline';
export const MFA_ONLY = 'group-mfa-only';
export const EXCLUDED = 'group-excluded';
export const MOBILE_ID = '3179e48a-750b-4051-897c-87b9720928f7';

/** A worker who can sign in by phone: licensed, targeted with "Use for sign-in", mobile ready. */
export function readyWorker(): SignInSnapshot {
  return {
    user: {
      id: 'user-jane',
      displayName: 'Jane Doe',
      userPrincipalName: 'jane.doe@contoso.example',
      accountEnabled: true,
      userType: 'Member',
      signInSessionsValidFromDateTime: '2026-01-01T00:00:00Z',
    },
    phoneMethods: [{ id: MOBILE_ID, phoneType: 'mobile', phoneNumber: '+44 7700900123', smsSignInState: 'ready' }],
    licenses: ['SPE_F1'],
    groups: [{ id: FRONTLINE, displayName: 'Frontline workers' }],
    administrativeUnits: [{ id: 'au-1', displayName: 'Manchester Piccadilly' }],
    roles: [],
    policy: {
      state: 'enabled',
      includeTargets: [
        { id: FRONTLINE, targetType: 'group', isUsableForSignIn: true, displayName: 'Frontline workers' },
        { id: MFA_ONLY, targetType: 'group', isUsableForSignIn: false, displayName: 'SMS for MFA only' },
      ],
      excludeTargets: [{ id: EXCLUDED, targetType: 'group', displayName: 'SMS sign-in exclusions' }],
      telecomProviderSettings: null,
    },
    readAt: '2026-11-27T12:00:00Z',
  };
}

/** The QR code policy for the frontline group, badges for `lifetimeDays` (pick one unlike Graph's 365 to see it used). */
export function frontlineQrPolicy(lifetimeDays = 365): NonNullable<SignInSnapshot['qrPolicy']> {
  return {
    state: 'enabled',
    includeTargets: [{ id: FRONTLINE, targetType: 'group', displayName: 'Frontline workers' }],
    excludeTargets: [],
    pinLength: 8,
    standardQRCodeLifetimeInDays: lifetimeDays,
  };
}
