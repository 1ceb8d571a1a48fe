// The few lines an approver needs to decide, from the facts stored with the request: who the worker is, their
// sign-in now, where the requester works, recent changes, and what conflicts. Pure: no I/O.
import type { RequestFacts } from '../changes/request-facts';
import { maskPhoneNumbers } from '../phone/mask-phone-numbers';
import type { CardElement } from './adaptive-card';
import { STATUS_WORDS } from './change-summary';

const CONFLICT_LABEL = 'Check';

const listed = (names: readonly string[], none: string): string => (names.length > 0 ? names.join(', ') : none);

export function requestFactsElements(facts: RequestFacts | undefined): CardElement[] {
  // Requests made before facts were gathered show what they always showed.
  if (!facts) return [];
  const worker = [listed(facts.worker.stores, 'no store'), facts.worker.jobTitle].filter(Boolean).join(' · ');
  const recent = facts.recent.map(
    (change) =>
      `${change.createdAt.slice(0, 10)}: request ${change.number}, ${change.summary} (${STATUS_WORDS[change.status]})`,
  );
  const elements: CardElement[] = [
    {
      type: 'FactSet',
      facts: [
        { title: 'Worker', value: maskPhoneNumbers(worker) },
        { title: 'Sign-in now', value: maskPhoneNumbers(facts.worker.signInNow) },
        { title: "Requester's store", value: maskPhoneNumbers(listed(facts.requesterStores, 'none (helpdesk)')) },
        {
          title: 'Last 30 days',
          value:
            recent.length > 0
              ? `${recent.length} change${recent.length === 1 ? '' : 's'} by phonedesk`
              : 'no changes by phonedesk',
        },
      ],
    },
    ...recent.map((line): CardElement => ({
      type: 'TextBlock',
      text: maskPhoneNumbers(line),
      wrap: true,
      spacing: 'Small',
    })),
  ];
  for (const conflict of facts.conflicts) {
    // The label carries the colour; the meaning stays in the default colour, readable in every theme.
    elements.push({
      type: 'ColumnSet',
      spacing: 'Small',
      columns: [
        {
          type: 'Column',
          width: 'auto',
          items: [{ type: 'TextBlock', text: CONFLICT_LABEL, weight: 'Bolder', color: 'Attention', wrap: true }],
        },
        {
          type: 'Column',
          width: 'stretch',
          items: [{ type: 'TextBlock', text: maskPhoneNumbers(conflict.text), wrap: true }],
        },
      ],
    });
  }
  return elements;
}
