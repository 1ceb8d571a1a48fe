import { adminRoleWords, isAdmin } from '../account/admin-roles';
import type { Finding } from '../finding';
import type { SignInSnapshot } from '../method-types';

/** SMS is the weakest passwordless method (SIM swap): no admin should sign in with it. */
export function securityFindings(snapshot: SignInSnapshot): Finding[] {
  const mobile = snapshot.phoneMethods.find((method) => method.phoneType === 'mobile');
  if (!isAdmin(snapshot) || mobile?.smsSignInState !== 'ready') return [];
  return [
    {
      id: 'admin-with-sms-sign-in',
      severity: 'warning',
      summary: `${snapshot.user.displayName} holds an admin role (${adminRoleWords(snapshot)}) and can sign in by text message, which someone who takes over their phone number (SIM swap) could use.`,
      fix: 'Turn off SMS sign-in for them; admins should use a passkey or the Authenticator app.',
      proposal: { kind: 'disable-sms-sign-in', tenantWide: false },
    },
  ];
}
