// The answer to "status of Jane" and "why can't Bob sign in?": the diagnosis findings in plain words, most
// important first, with a button per fixable finding. Buttons carry ids only: the click handler re-runs the
// diagnosis and builds the change from what it finds then, so no phone number ever travels in card data.
import { specOf, type ProposedChange } from '../methods/registry';
import type { Diagnosis } from '../diagnosis/diagnose';
import { bySeverity, type Finding, type Severity } from '../methods/finding';
import { adaptiveCard, executeAction, type AdaptiveCard, type CardElement, type TextBlock } from './adaptive-card';

export const PROPOSE_VERB = 'change.propose';

interface DiagnosisCardOptions {
  /** status: the top finding only (the ready line and one more when they can sign in); diagnose: every finding. */
  mode: 'status' | 'diagnose';
  /** Whether the person asking may request changes for this worker. */
  offerFixes: boolean;
}

const SEVERITY_LABEL: Readonly<Record<Severity, { text: string; color: NonNullable<TextBlock['color']> }>> = {
  blocker: { text: 'Stops sign-in', color: 'Attention' },
  warning: { text: 'Needs attention', color: 'Warning' },
  info: { text: 'Good to know', color: 'Accent' },
  ok: { text: 'Ready', color: 'Good' },
};

/** The button title for a proposed change. */
function proposalLabel(proposal: ProposedChange): string {
  return proposal.title ?? specOf(proposal).label(proposal);
}

/** "Jane" from "Jane Doe"; the whole name when it is one word. */
export function firstName(displayName: string): string {
  const first = displayName.trim().split(/\s+/)[0] ?? '';
  return first.replace(/[,;]+$/, '') || displayName;
}

function findingBlock(diagnosis: Diagnosis, finding: Finding, offerFixes: boolean, first: boolean): CardElement {
  const label = SEVERITY_LABEL[finding.severity];
  const items: CardElement[] = [
    { type: 'TextBlock', text: label.text, weight: 'Bolder', color: label.color, size: 'Small', wrap: true },
    { type: 'TextBlock', text: finding.summary, wrap: true, spacing: 'Small' },
    { type: 'TextBlock', text: `What to do: ${finding.fix}`, wrap: true, isSubtle: true, spacing: 'Small' },
  ];
  if (offerFixes && finding.proposal) {
    // Further offers name their kind; the click handler takes it only from the finding as diagnosed again.
    const others = (finding.otherProposals ?? []).map((other) =>
      executeAction(proposalLabel(other), PROPOSE_VERB, {
        userId: diagnosis.userId,
        finding: finding.id,
        offer: other.kind,
      }),
    );
    items.push({
      type: 'ActionSet',
      actions: [
        executeAction(proposalLabel(finding.proposal), PROPOSE_VERB, { userId: diagnosis.userId, finding: finding.id }),
        ...others,
      ],
    });
  }
  return { type: 'Container', items, ...(!first && { separator: true }), spacing: 'Medium' };
}

export function buildDiagnosisCard(diagnosis: Diagnosis, options: DiagnosisCardOptions): AdaptiveCard {
  const name = diagnosis.displayName;
  const title = diagnosis.ready
    ? `${name} can sign in with ${diagnosis.means}`
    : `${name} can't sign in with ${diagnosis.means} yet`;
  // Blockers first, whatever order the findings arrive in (the sort is stable within a severity).
  const findings = [...diagnosis.findings].sort(bySeverity);
  // Status: the top finding; for a worker who can sign in, the way they can and then the top thing to know.
  const readyLine = findings.find((finding) => finding.id === 'ready');
  const shown =
    options.mode === 'diagnose'
      ? findings
      : readyLine
        ? [readyLine, ...findings.filter((finding) => finding !== readyLine).slice(0, 1)]
        : findings.slice(0, 1);
  const body: CardElement[] = [
    // A sentence in the default colour (green or yellow text is hard to read on white); the words say it.
    { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
  ];
  if (shown.length === 0) {
    body.push({
      type: 'TextBlock',
      text: 'I found nothing more to say about their sign-in.',
      wrap: true,
      isSubtle: true,
    });
  }
  shown.forEach((finding, index) => body.push(findingBlock(diagnosis, finding, options.offerFixes, index === 0)));
  if (options.mode === 'status' && !diagnosis.ready) {
    body.push({
      type: 'TextBlock',
      text: `Ask "why can't ${firstName(name)} sign in?" for details.`,
      wrap: true,
      isSubtle: true,
      separator: true,
    });
  }
  return adaptiveCard(body);
}
