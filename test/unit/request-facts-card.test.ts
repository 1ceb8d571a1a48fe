// The request card with the facts an approver decides on, and the reason box for a rejection: valid 1.5 cards,
// the same facts in every view, numbers masked, conflicts labelled; older requests without facts still render.
import { REJECT_REASON_INPUT, buildChangeRequestCard } from '../../src/cards/change-request-card';
import type { CardElement } from '../../src/cards/adaptive-card';
import { REQUEST_SCHEMA_VERSION, type ChangeRequest } from '../../src/changes/change-request';
import type { RequestFacts } from '../../src/changes/request-facts';
import { cardProblems, elementsOf, textOf } from '../helpers/card-validator';

const FACTS: RequestFacts = {
  worker: {
    stores: ['Manchester Piccadilly'],
    jobTitle: 'Sales Associate',
    signInNow: 'Jane Doe has no mobile number to sign in with.',
  },
  requesterStores: ['Manchester Piccadilly'],
  recent: [
    {
      number: 7,
      summary: 'Lost phone: turn off sign-in by text message for Jane Doe and sign them out everywhere',
      status: 'succeeded',
      createdAt: '2026-11-20T08:00:00.000Z',
    },
  ],
  conflicts: [
    { kind: 'number-reported-lost', text: 'This number was reported lost on 2026-11-20 (request 7).' },
    // Facts are masked when gathered; the card masks again in case an older writer did not.
    { kind: 'number-held-elsewhere', text: 'Another account has +44 7700900234 too.' },
  ],
};

function request(overrides: Partial<ChangeRequest> = {}): ChangeRequest {
  // A fake of any kind: the overrides may change the kind without its payload, which the cards must bear.
  return {
    schemaVersion: REQUEST_SCHEMA_VERSION,
    id: 'request-1',
    number: 8,
    kind: 'add-number',
    status: 'pending',
    requester: { aadObjectId: 'aad-priya', name: 'Priya Shah' },
    target: { userId: 'user-jane', displayName: 'Jane Doe' },
    phoneNumber: '+44 7700900234',
    reason: 'new starter',
    urgent: false,
    tenantWide: false,
    createdAt: '2026-11-27T09:00:00.000Z',
    expiresAt: '2026-11-28T09:00:00.000Z',
    version: 1,
    ...overrides,
  } as ChangeRequest;
}

describe("the approver's view of a request", () => {
  it.each(['approver', 'requester', 'everyone'] as const)(
    'shows the same facts in the %s view, on a valid card',
    (view) => {
      const card = buildChangeRequestCard(request({ facts: FACTS }), view, ['29:hana']);
      expect(cardProblems(card)).toEqual([]);
      const text = textOf(card);
      expect(text).toMatch(/^Worker: Manchester Piccadilly · Sales Associate$/m);
      expect(text).toMatch(/^Sign-in now: Jane Doe has no mobile number to sign in with\.$/m);
      expect(text).toMatch(/^Requester's store: Manchester Piccadilly$/m);
      expect(text).toMatch(/^Last 30 days: 1 change by phonedesk$/m);
      expect(text).toMatch(/^2026-11-20: request 7, Lost phone: .* \(Done\)$/m);
      expect(text).toMatch(/^Check\nThis number was reported lost on 2026-11-20 \(request 7\)\.$/m);
      expect(text).toMatch(/^Check\nAnother account has \+••••0234 too\.$/m);
      expect(JSON.stringify(card)).not.toMatch(/7700 ?900234/);
    },
  );

  it('colours only the short label of a conflict; its meaning is in the default colour', () => {
    const rows = elementsOf(buildChangeRequestCard(request({ facts: FACTS }), 'approver').body).filter(
      (element) => element.type === 'ColumnSet',
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      if (row.type !== 'ColumnSet') continue;
      const [label, meaning] = row.columns.map(
        (column) => column.items[0] as Extract<CardElement, { type: 'TextBlock' }>,
      );
      expect(label).toMatchObject({ text: 'Check', color: 'Attention' });
      expect(meaning.color).toBeUndefined();
    }
  });

  it('renders a request stored before facts were gathered, as before', () => {
    const card = buildChangeRequestCard(request(), 'approver', ['29:hana']);
    expect(cardProblems(card)).toEqual([]);
    expect(textOf(card)).not.toMatch(/Worker:|Sign-in now:|Check/);
    expect(textOf(card)).toMatch(/^Why: new starter$/m);
  });

  it('gives approvers, and only them, a box for why they reject', () => {
    const inputs = (view: 'approver' | 'requester' | 'everyone') =>
      elementsOf(buildChangeRequestCard(request(), view).body).filter((element) => element.type === 'Input.Text');
    expect(inputs('approver')).toEqual([
      expect.objectContaining({ type: 'Input.Text', id: REJECT_REASON_INPUT, maxLength: 300 }),
    ]);
    expect(inputs('requester')).toEqual([]);
    expect(inputs('everyone')).toEqual([]);
    expect(
      elementsOf(buildChangeRequestCard(request({ status: 'rejected' }), 'approver').body).some(
        (element) => element.type === 'Input.Text',
      ),
    ).toBe(false);
  });
});
