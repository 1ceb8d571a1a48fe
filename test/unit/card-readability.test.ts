// Every card builder's output, read for what a person sees: times in the viewer's own zone (the DATE/TIME card
// functions, never "UTC"), and no green or yellow sentences: colour only on a short label whose words say it.
import type { AdaptiveCard } from '../../src/cards/adaptive-card';
import { buildApproverHelpCard } from '../../src/cards/approver-help-card';
import { cardDateTime } from '../../src/cards/card-time';
import { rfc3339 } from '../../src/time/rfc3339';
import { buildChangeRequestCard } from '../../src/cards/change-request-card';
import { buildWorkerChoiceCard } from '../../src/cards/choice-card';
import { buildDiagnosisCard } from '../../src/cards/diagnosis-card';
import { buildHelpCard } from '../../src/cards/help-card';
import { buildPendingCard } from '../../src/cards/pending-card';
import { buildTenantCheckCard } from '../../src/cards/tenant-check-card';
import { buildInstructionsCard } from '../../src/cards/worker-instructions';
import { smsInstructions } from '../../src/methods/sms-sign-in/sms-instructions';
import { REQUEST_SCHEMA_VERSION, type ChangeRequest, type ChangeStatus } from '../../src/changes/change-request';
import { diagnose } from '../../src/diagnosis/diagnose';
import type { SignInSnapshot } from '../../src/methods/method-types';
import { factsOf, textBlocksOf, wordsOf } from '../helpers/card-walk';
import { MFA_ONLY, readyWorker } from '../helpers/snapshots';

const NOW = new Date('2026-11-27T12:00:00Z');
const STATUSES: ChangeStatus[] = [
  'pending',
  'approved',
  'executing',
  'succeeded',
  'failed',
  'partially-succeeded',
  'rejected',
  'expired',
  'cancelled',
];
const MANAGER = { aadObjectId: 'aad-manager', name: 'Morgan Manager' };

function request(overrides: Partial<ChangeRequest> = {}): ChangeRequest {
  // A fake of any kind: the overrides may change the kind without its payload, which the cards must bear.
  return {
    schemaVersion: REQUEST_SCHEMA_VERSION,
    id: 'request-1',
    number: 41,
    kind: 'add-number',
    status: 'pending',
    requester: MANAGER,
    target: { userId: 'user-jane', displayName: 'Jane Doe' },
    phoneNumber: '+44 7700900234',
    reason: 'new starter',
    urgent: true,
    tenantWide: false,
    createdAt: '2026-11-27T09:00:00.000Z',
    expiresAt: '2026-11-28T09:00:00.000Z',
    version: 1,
    ...overrides,
  } as ChangeRequest;
}

function decided(status: ChangeStatus): ChangeRequest {
  if (status === 'pending') return request();
  return request({
    status,
    decidedBy: { aadObjectId: 'aad-approver', name: 'Ada Approver' },
    decidedAt: '2026-11-27T10:15:00.000Z',
    outcome: 'Jane Doe can now sign in with +44 •••• ••0234, and this sentence is long.',
  });
}

function snapshot(change: (s: SignInSnapshot) => void): SignInSnapshot {
  const s = readyWorker();
  change(s);
  return s;
}

/** Every card phonedesk builds, over the inputs that change their colours and times. */
function everyCard(): Array<[string, AdaptiveCard]> {
  const cards: Array<[string, AdaptiveCard]> = [];
  for (const status of STATUSES) {
    for (const view of ['approver', 'requester', 'everyone'] as const)
      cards.push([`change request ${status} ${view}`, buildChangeRequestCard(decided(status), view, ['29:a'])]);
  }
  const listed = [request(), request({ id: 'r2', number: 42, urgent: false, status: 'executing' })];
  for (const view of ['approver', 'requester'] as const) {
    cards.push([
      `pending ${view} with ages`,
      buildPendingCard(listed, view, { now: NOW, viewerAadObjectId: MANAGER.aadObjectId, ended: 2 }),
    ]);
    cards.push([`pending ${view} without ages`, buildPendingCard(listed, view)]);
    cards.push([`pending ${view} empty`, buildPendingCard([], view, { ended: 1 })]);
  }
  const snapshots: Array<[string, SignInSnapshot]> = [
    ['ready', readyWorker()],
    ['FIG6', snapshot((s) => (s.phoneMethods[0].smsSignInState = 'notConfigured'))],
    ['unticked', snapshot((s) => (s.groups = [{ id: MFA_ONLY, displayName: 'SMS for MFA only' }]))],
    [
      'admin',
      snapshot(
        (s) =>
          (s.roles = [
            {
              roleTemplateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
              displayName: 'Helpdesk Administrator',
              directoryScopeId: '/',
            },
          ]),
      ),
    ],
    ['signed out this morning', snapshot((s) => (s.user.signInSessionsValidFromDateTime = '2026-11-27T09:30:00Z'))],
  ];
  for (const [label, s] of snapshots) {
    for (const mode of ['status', 'diagnose'] as const)
      cards.push([
        `diagnosis ${label} ${mode}`,
        buildDiagnosisCard(diagnose(s, { now: NOW }), { mode, offerFixes: true }),
      ]);
  }
  const policies = [
    readyWorker().policy,
    { ...readyWorker().policy, state: 'disabled' as const },
    { ...readyWorker().policy, includeTargets: [] },
  ];
  for (const policy of policies) {
    for (const isTenantAdmin of [true, false]) {
      for (const today of [NOW, new Date('2027-03-01T12:00:00Z')])
        cards.push([
          `tenant check ${policy.state} admin=${isTenantAdmin} ${today.toISOString()}`,
          buildTenantCheckCard({ policy, isTenantAdmin, today }),
        ]);
    }
  }
  cards.push(
    ['help', buildHelpCard()],
    ['help with a request', buildHelpCard({ openRequestNumber: 7 })],
    ['approver help', buildApproverHelpCard()],
  );
  cards.push(['instructions', buildInstructionsCard(smsInstructions({ displayName: 'Jane Doe' }))]);
  cards.push([
    'choice',
    buildWorkerChoiceCard(
      'Several people match "Ja".',
      [{ userId: 'u1', displayName: 'Jane Doe', detail: 'Manchester' }],
      'status',
    ),
  ]);
  return cards;
}

/** A label: a word or three ("Urgent", "Stops sign-in", "Needs attention"), never a sentence. */
function isShortLabel(text: string): boolean {
  return text.trim().split(/\s+/).length <= 3 && !/[.:]\s*\S/.test(text);
}

describe('every card', () => {
  const cards = everyCard();

  it.each(cards)('%s: says no "UTC" and shows times only through DATE/TIME in TextBlocks', (_label, card) => {
    expect(JSON.stringify(card)).not.toMatch(/UTC/);
    for (const fact of factsOf(card)) expect(fact.value).not.toMatch(/\{\{|\d{4}-\d{2}-\d{2}/);
    for (const block of textBlocksOf(card)) {
      // A raw ISO time would show in UTC; a malformed function would show as "{{DATE(…)}}" to the person.
      expect(
        block.text.replace(
          /\{\{(DATE\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z, SHORT\)|TIME\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\))\}\}/g,
          '',
        ),
      ).not.toMatch(/\{\{|\}\}|\d{4}-\d{2}-\d{2}T|\d{1,2}:\d{2}/);
    }
  });

  it.each(cards)(
    '%s: no green or yellow sentence; Good, Warning and Attention only on short labels',
    (_label, card) => {
      const coloured = textBlocksOf(card).filter(
        (block) => block.color === 'Good' || block.color === 'Warning' || block.color === 'Attention',
      );
      expect(
        coloured.filter((block) => !isShortLabel(block.text)).map((block) => `${block.color}: ${block.text}`),
      ).toEqual([]);
    },
  );

  it('the checks can fail: a sentence in Warning and a time in UTC are found', () => {
    expect(
      isShortLabel('"Use for sign-in" is unticked for \'SMS for MFA only\': workers there can only use texts.'),
    ).toBe(false);
    expect(isShortLabel('Needs attention')).toBe(true);
    expect(JSON.stringify({ text: '2026-11-27 09:00 UTC' })).toMatch(/UTC/);
  });
});

describe('times on cards', () => {
  it('are RFC 3339 without milliseconds inside the DATE and TIME functions', () => {
    expect(rfc3339('2026-12-01T10:00:00.000Z')).toBe('2026-12-01T10:00:00Z');
    expect(rfc3339('2026-12-01T11:00:00+01:00')).toBe('2026-12-01T10:00:00Z');
    expect(rfc3339('not a time')).toBeUndefined();
    expect(cardDateTime('2026-12-01T10:00:00.123Z')).toBe(
      '{{DATE(2026-12-01T10:00:00Z, SHORT)}} {{TIME(2026-12-01T10:00:00Z)}}',
    );
    expect(cardDateTime('yesterday')).toBe('an unknown time');
  });

  it('show who asked, who decided and the deadline, each with its time, on a change request card', () => {
    const pending = wordsOf(buildChangeRequestCard(request(), 'approver'));
    expect(pending).toContain(
      'Asked by Morgan Manager, {{DATE(2026-11-27T09:00:00Z, SHORT)}} {{TIME(2026-11-27T09:00:00Z)}}',
    );
    expect(pending).toContain('Decide by {{DATE(2026-11-28T09:00:00Z, SHORT)}} {{TIME(2026-11-28T09:00:00Z)}}');
    const rejected = wordsOf(buildChangeRequestCard(decided('rejected'), 'everyone'));
    expect(rejected).toContain(
      'Rejected by Ada Approver, {{DATE(2026-11-27T10:15:00Z, SHORT)}} {{TIME(2026-11-27T10:15:00Z)}}',
    );
    expect(rejected).not.toContain('Decide by');
  });

  it('give the time asked on a pending list without ages', () => {
    expect(wordsOf(buildPendingCard([request()], 'approver'))).toContain(
      'Asked by Morgan Manager, {{DATE(2026-11-27T09:00:00Z, SHORT)}} {{TIME(2026-11-27T09:00:00Z)}}.',
    );
  });
});

describe('the tenant check', () => {
  it('says each fact once, as sentences, not again as a table', () => {
    const card = buildTenantCheckCard({ policy: readyWorker().policy, isTenantAdmin: false, today: NOW });
    expect(card.body.some((element) => element.type === 'FactSet')).toBe(false);
    const text = wordsOf(card);
    for (const name of ['Frontline workers', 'SMS for MFA only', 'SMS sign-in exclusions'])
      expect(text.split(name)).toHaveLength(2);
    expect(text).toContain("People in 'SMS sign-in exclusions' can't sign in by text message");
  });
});

describe('the pending list', () => {
  const mine = (number: number, createdAt: string, urgent = false): ChangeRequest =>
    request({ id: `mine-${number}`, number, createdAt, urgent });

  it('shows a requester\'s own requests newest first, without "Asked by" themselves, and counts ended ones apart', () => {
    const others = request({
      id: 'other',
      number: 50,
      createdAt: '2026-11-27T08:00:00.000Z',
      requester: { aadObjectId: 'aad-other', name: 'Other Manager' },
    });
    const card = buildPendingCard(
      [mine(41, '2026-11-27T09:00:00.000Z', true), mine(43, '2026-11-27T11:00:00.000Z'), others],
      'requester',
      { now: NOW, viewerAadObjectId: MANAGER.aadObjectId, ended: 3 },
    );
    const text = wordsOf(card);
    expect(text.indexOf('#43')).toBeLessThan(text.indexOf('#41'));
    expect(text.indexOf('#41')).toBeLessThan(text.indexOf('#50'));
    expect(text).toContain('Asked 1 hour ago. Waiting for approval.');
    expect(text).not.toContain('Asked by Morgan Manager');
    expect(text).toContain('Asked by Other Manager, 4 hours ago.');
    expect(text).toContain(
      '3 earlier requests have ended (done, not done, rejected, expired or cancelled) and are not listed.',
    );
  });

  it('keeps the approver queue urgent first, then oldest first', () => {
    const text = wordsOf(
      buildPendingCard(
        [
          mine(43, '2026-11-27T11:00:00.000Z'),
          mine(42, '2026-11-27T10:00:00.000Z'),
          mine(41, '2026-11-27T11:30:00.000Z', true),
        ],
        'approver',
        { now: NOW },
      ),
    );
    expect(text.indexOf('#41')).toBeLessThan(text.indexOf('#42'));
    expect(text.indexOf('#42')).toBeLessThan(text.indexOf('#43'));
  });
});

describe('help', () => {
  it("never names a request number that may not exist; names the viewer's own open one when given", () => {
    expect(wordsOf(buildHelpCard())).not.toMatch(/(cancel|approve|reject) \d/);
    expect(wordsOf(buildHelpCard({ openRequestNumber: 7 }))).toContain('Cancel your request: "cancel 7"');
    expect(wordsOf(buildApproverHelpCard())).not.toMatch(/(cancel|approve|reject) \d/);
  });

  it('tells approvers what they decide, how to see what waits, how to decide by typing, and the channel command', () => {
    const text = wordsOf(buildApproverHelpCard());
    expect(text).toContain('You decide: each request comes to you as a card with Approve and Reject.');
    expect(text).toContain('What waits for you: "pending"');
    expect(text).toContain('Approve by typing: "approve" and the request\'s number');
    expect(text).toContain('Reject by typing: "reject" and the number, then "because" and why');
    expect(text).toContain('"use this channel for approvals"');
  });
});
