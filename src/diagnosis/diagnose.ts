// From a sign-in snapshot to findings in plain words, most important first: what each sign-in method module finds,
// and whether the worker can sign in now. Pure: no I/O.
import type { DiagnosisContext } from '../methods/diagnosis-context';
import { bySeverity, type Finding } from '../methods/finding';
import { SIGN_IN_MODULES } from '../methods/registry';
import type { SignInSnapshot } from '../methods/method-types';

export interface Diagnosis {
  userId: string;
  displayName: string;
  /** True when the worker can sign in with some method now. */
  ready: boolean;
  findings: Finding[];
}

export function diagnose(snapshot: SignInSnapshot, context: DiagnosisContext): Diagnosis {
  const findings = SIGN_IN_MODULES.flatMap((module) => module.findings(snapshot, context));
  const blocked = findings.some((finding) => finding.severity === 'blocker');
  // Graph's own verdict wins: if a method says ready and nothing blocks, the worker can sign in.
  const way = blocked
    ? undefined
    : SIGN_IN_MODULES.map((module) => module.readyWay(snapshot)).find((found) => found !== undefined);
  if (way) findings.push({ id: 'ready', severity: 'ok', ...way });
  findings.sort(bySeverity);
  return { userId: snapshot.user.id, displayName: snapshot.user.displayName, ready: way !== undefined, findings };
}
