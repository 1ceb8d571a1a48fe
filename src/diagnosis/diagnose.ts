// From a sign-in snapshot to findings in plain words, most important first. Pure: no I/O.
import { accountFindings } from './account-findings';
import type { DiagnosisContext } from './diagnosis-context';
import { bySeverity, type Finding } from './finding';
import { masked, numberFindings } from './number-findings';
import { policyFindings } from './policy-findings';
import { securityFindings } from './security-findings';
import type { SignInSnapshot } from './sign-in-snapshot';

export interface Diagnosis {
  userId: string;
  displayName: string;
  /** True when the worker can sign in with their phone number now. */
  ready: boolean;
  findings: Finding[];
}

export function diagnose(snapshot: SignInSnapshot, context: DiagnosisContext): Diagnosis {
  const findings = [...accountFindings(snapshot, context), ...policyFindings(snapshot), ...numberFindings(snapshot, context), ...securityFindings(snapshot)];
  const mobile = snapshot.phoneMethods.find((method) => method.phoneType === 'mobile');
  const blocked = findings.some((finding) => finding.severity === 'blocker');
  // Graph's own verdict wins: if it says ready and nothing blocks, the worker can sign in.
  const ready = !blocked && mobile?.smsSignInState === 'ready';
  if (ready && mobile) {
    findings.push({
      id: 'ready',
      severity: 'ok',
      summary: `${snapshot.user.displayName} can sign in with their phone number ${masked(mobile)}.`,
      fix: 'They type their mobile number, with the country code, as the username and enter the 6-digit code from the text message.',
    });
  }
  findings.sort(bySeverity);
  return { userId: snapshot.user.id, displayName: snapshot.user.displayName, ready, findings };
}
