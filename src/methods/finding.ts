// What a method says about a worker's sign-in, and how findings are ordered.
import type { FindingId, ProposedChange } from './method-types';

/** blocker: sign-in by phone cannot work; warning: it works but should not stay so; info: worth knowing; ok: ready. */
export type Severity = 'blocker' | 'warning' | 'info' | 'ok';

/** Most important first: the one order every list of findings is shown in. */
const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { blocker: 0, warning: 1, info: 2, ok: 3 };

/** For Array.prototype.sort (stable): blockers first, findings of one severity keep their order. */
export const bySeverity = (a: { severity: Severity }, b: { severity: Severity }): number =>
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];

export interface Finding {
  id: FindingId;
  severity: Severity;
  /** One plain sentence a store manager understands. */
  summary: string;
  /** What to do next, in plain words. */
  fix: string;
  /** The change phonedesk can request to fix it, if any. */
  proposal?: ProposedChange;
  /** Further changes offered for the same finding, each with its own button. */
  otherProposals?: ProposedChange[];
}
