import { ageInWords } from '../../time/age-in-words';
import type { DiagnosisContext } from '../diagnosis-context';
import type { Finding } from '../finding';
import { QUALIFYING_LICENCES, hasQualifyingLicence } from './qualifying-licences';
import type { SignInSnapshot } from '../method-types';

const RECENT_REVOKE_MS = 24 * 60 * 60 * 1000;

export function accountFindings(snapshot: SignInSnapshot, context: DiagnosisContext): Finding[] {
  const { user } = snapshot;
  const findings: Finding[] = [];
  if (user.userType === 'Guest') {
    findings.push({
      id: 'guest-account',
      severity: 'blocker',
      summary: `${user.displayName} has a guest account from another organisation, and guest accounts can't sign in by text message or with a QR code.`,
      fix: 'Give them a member account in your organisation, or let them sign in the way their own organisation allows.',
    });
  }
  if (!user.accountEnabled) {
    findings.push({
      id: 'account-disabled',
      severity: 'blocker',
      summary: `${user.displayName}'s account is turned off, so they can't sign in at all.`,
      fix: 'If they still work here, ask IT to turn the account back on.',
    });
  }
  if (!hasQualifyingLicence(snapshot.licenses)) {
    const examples = [...new Set(Object.values(QUALIFYING_LICENCES))].slice(0, 4).join(', ');
    findings.push({
      id: 'no-qualifying-licence',
      severity: 'blocker',
      summary: `${user.displayName} has no licence that includes sign-in by text message or QR code.`,
      fix: `Ask IT to assign one of: ${examples} (or another licence that includes Entra ID P1).`,
    });
  }
  const revokedAt = user.signInSessionsValidFromDateTime ? Date.parse(user.signInSessionsValidFromDateTime) : NaN;
  const age = context.now.getTime() - revokedAt;
  if (Number.isFinite(revokedAt) && age >= 0 && age < RECENT_REVOKE_MS) {
    findings.push({
      id: 'sessions-recently-revoked',
      severity: 'info',
      // An age, not a clock time: the reader's zone is not known here, and this text also goes on cards.
      summary: `${user.displayName} was signed out everywhere ${ageInWords(user.signInSessionsValidFromDateTime!, context.now)}.`,
      fix: 'They need to sign in again on each device; it can take a few minutes to apply everywhere.',
    });
  }
  return findings;
}
