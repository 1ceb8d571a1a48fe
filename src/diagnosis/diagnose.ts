// From a sign-in snapshot to findings in plain words, most important first: what each sign-in method module finds,
// and whether the worker can sign in now, and how. Pure: no I/O.
import type { DiagnosisContext } from '../methods/diagnosis-context';
import { bySeverity, type Finding } from '../methods/finding';
import { SIGN_IN_MODULES } from '../methods/registry';
import type { SignInSnapshot } from '../methods/method-types';

export interface Diagnosis {
  userId: string;
  displayName: string;
  /** True when the worker can sign in with some method now. */
  ready: boolean;
  /** How they sign in, or would ("their phone", "their QR badge"), for the card's title. */
  means: string;
  findings: Finding[];
}

/** A blocker of a method the worker does not sign in with only needs attention while another way works. */
const needsAttention = (finding: Finding): Finding =>
  finding.severity === 'blocker' ? { ...finding, severity: 'warning' } : finding;

export function diagnose(snapshot: SignInSnapshot, context: DiagnosisContext): Diagnosis {
  const read = SIGN_IN_MODULES.map((module) => ({
    module,
    findings: module.findings(snapshot, context),
    way: module.readyWay(snapshot, context.now),
  }));
  const blocks = (findings: Finding[]): boolean => findings.some((finding) => finding.severity === 'blocker');
  // The account's blockers (a guest, turned off, no licence) stop every method.
  const accountBlocked = read.some((entry) => entry.module.means === undefined && blocks(entry.findings));
  // Graph's own verdict wins: a method that says ready, with nothing of its own blocking it.
  const usable = accountBlocked
    ? undefined
    : read.find((entry) => entry.module.means !== undefined && entry.way && !blocks(entry.findings));
  const enrolledInAny = read.some((entry) => entry.module.enrolled?.(snapshot) === true);
  const findings = read.flatMap((entry) => {
    if (entry === usable || entry.module.means === undefined) return entry.findings;
    // A method the worker does not have is beside the point once they have one; with none, each says what it needs.
    if (!entry.module.enrolled?.(snapshot)) return enrolledInAny ? [] : entry.findings;
    return usable ? entry.findings.map(needsAttention) : entry.findings;
  });
  if (usable?.way) findings.push({ id: 'ready', severity: 'ok', ...usable.way });
  findings.sort(bySeverity);
  const methods = read.filter((entry) => entry.module.means !== undefined);
  const means =
    usable?.module.means ??
    methods.find((entry) => entry.module.enrolled?.(snapshot))?.module.means ??
    methods[0]?.module.means ??
    'their phone';
  return {
    userId: snapshot.user.id,
    displayName: snapshot.user.displayName,
    ready: usable !== undefined,
    means,
    findings,
  };
}
