// Every card phonedesk sends, validated with the adaptivecards parser (Adaptive Cards 1.5, no unknown elements or
// properties), and the behaviour a user would notice: masked numbers, which buttons appear for whom, ids-only data.
import type { AdaptiveCard, CardAction } from '../../src/cards/adaptive-card';
import { VERBS, buildChangeRequestCard } from '../../src/cards/change-request-card';
import { CHOOSE_WORKER_VERB, MAX_CHOICES, buildWorkerChoiceCard } from '../../src/cards/choice-card';
import { PROPOSE_VERB, buildDiagnosisCard, firstName } from '../../src/cards/diagnosis-card';
import { buildHelpCard } from '../../src/cards/help-card';
import { ANSWER_VERB, buildQuestionCard } from '../../src/cards/question-card';
import { MAX_LISTED, buildPendingCard } from '../../src/cards/pending-card';
import { buildTenantCheckCard, daysUntilRetirement, describeTelecomProvider } from '../../src/cards/tenant-check-card';
import { buildInstructionsCard } from '../../src/cards/worker-instructions';
import { smsInstructions } from '../../src/methods/sms-sign-in/sms-instructions';
import type { ChangeKind } from '../../src/methods/registry';
import { REQUEST_SCHEMA_VERSION, type ChangeRequest, type ChangeStatus } from '../../src/changes/change-request';
import { diagnose, type Diagnosis } from '../../src/diagnosis/diagnose';
import type { Finding } from '../../src/methods/finding';
import type { SmsPolicySnapshot } from '../../src/snapshot/sign-in-snapshot';
import type { SignInSnapshot } from '../../src/methods/method-types';
import { buttons, cardProblems, elementsOf, executes, textOf, type Json } from '../helpers/card-validator';
import { EXCLUDED, MFA_ONLY, readyWorker } from '../helpers/snapshots';

const FULL_NUMBER = '+44 7700900234';
const FULL_DIGITS = '447700900234';

/** Runs of 6 digits from the full number that appear anywhere in the card JSON (data, text, titles). */
function leakedDigits(card: unknown): string[] {
  const json = JSON.stringify(card);
  const leaks: string[] = [];
  for (let start = 0; start + 6 <= FULL_DIGITS.length; start++) {
    const run = FULL_DIGITS.slice(start, start + 6);
    if (json.includes(run)) leaks.push(run);
  }
  return leaks;
}

// `purpose`, `view` and `fix` name one of a fixed few choices, each checked where the click is read.
const ID_KEYS = new Set([
  'userId',
  'finding',
  'purpose',
  'policyTargetId',
  'requestId',
  'verb',
  'answer',
  'view',
  'fix',
]);

/** Keys or values in button data that are not ids (a number, a name, a state to trust). */
function nonIdData(card: AdaptiveCard): string[] {
  const actions: CardAction[] = [...buttons(card), ...(card.refresh ? [card.refresh.action] : [])];
  const all = actions.flatMap((action) =>
    action.type === 'Action.Execute' && action.fallback ? [action, action.fallback] : [action],
  );
  return all.flatMap((action) =>
    Object.entries('data' in action ? action.data : {}).flatMap(([key, value]) => {
      const problems: string[] = [];
      if (!ID_KEYS.has(key)) problems.push(`${action.title}: data.${key}`);
      if (
        typeof value !== 'string' ||
        /\+|\d{6,}/.test(value.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ''))
      ) {
        problems.push(`${action.title}: data.${key} = ${JSON.stringify(value)}`);
      }
      return problems;
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

const NOW = new Date('2026-11-27T12:00:00Z');

function worker(change: (snapshot: SignInSnapshot) => void = () => undefined): SignInSnapshot {
  const snapshot = readyWorker();
  snapshot.phoneMethods[0].phoneNumber = FULL_NUMBER;
  change(snapshot);
  return snapshot;
}

const fig6 = (): Diagnosis =>
  diagnose(
    worker((s) => (s.phoneMethods[0].smsSignInState = 'notConfigured')),
    { now: NOW },
  );

/** A worker with two blockers: one fixable (no mobile number), one not (no licence). */
const unlicensedWithoutMobile = (): Diagnosis =>
  diagnose(
    worker((s) => {
      s.phoneMethods = [];
      s.licenses = [];
    }),
    { now: NOW },
  );

const ADMIN_ROLE = {
  roleTemplateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  displayName: 'Helpdesk Administrator',
  directoryScopeId: '/',
};

/** Diagnoses a user would see, each with the full number +44 7700900234 somewhere in the snapshot. */
const DIAGNOSES: Array<[string, () => Diagnosis]> = [
  ['ready', () => diagnose(worker(), { now: NOW })],
  ['FIG6 (notConfigured)', fig6],
  [
    'number in use, holder named',
    () =>
      diagnose(
        worker((s) => (s.phoneMethods[0].smsSignInState = 'phoneNumberNotUnique')),
        { now: NOW, holder: { displayName: 'Sam Okafor' } },
      ),
  ],
  [
    'number saved as an office phone',
    () =>
      diagnose(
        worker((s) => (s.phoneMethods[0].phoneType = 'office')),
        { now: NOW },
      ),
  ],
  [
    'admin who can sign in by SMS',
    () =>
      diagnose(
        worker((s) => (s.roles = [ADMIN_ROLE])),
        { now: NOW },
      ),
  ],
  [
    '"Use for sign-in" unticked',
    () =>
      diagnose(
        worker((s) => (s.groups = [{ id: MFA_ONLY, displayName: 'SMS for MFA only' }])),
        { now: NOW },
      ),
  ],
  ['unlicensed, no mobile', unlicensedWithoutMobile],
  [
    'account off, excluded, signed out today',
    () =>
      diagnose(
        worker((s) => {
          s.user.accountEnabled = false;
          s.groups.push({ id: EXCLUDED, displayName: 'SMS sign-in exclusions' });
          s.user.signInSessionsValidFromDateTime = '2026-11-27T09:00:00Z';
        }),
        { now: NOW },
      ),
  ],
];

function policy(change: (policy: SmsPolicySnapshot) => void = () => undefined): SmsPolicySnapshot {
  const result = readyWorker().policy;
  change(result);
  return result;
}

let sequence = 0;
function request(overrides: Partial<ChangeRequest> = {}): ChangeRequest {
  sequence += 1;
  // A fake of any kind: the overrides may change the kind without its payload, which the cards must bear.
  return {
    schemaVersion: REQUEST_SCHEMA_VERSION,
    id: `request-${sequence}`,
    number: 40 + sequence,
    kind: 'add-number',
    status: 'pending',
    requester: { aadObjectId: 'aad-manager', name: 'Morgan Manager' },
    target: { userId: 'user-jane', displayName: 'Jane Doe' },
    phoneNumber: FULL_NUMBER,
    reason: 'new starter',
    urgent: false,
    tenantWide: false,
    createdAt: '2026-11-27T09:00:00.000Z',
    expiresAt: '2026-11-30T09:00:00.000Z',
    version: 1,
    ...overrides,
  } as ChangeRequest;
}

const APPROVER = { aadObjectId: 'aad-approver', name: 'Ada Approver' };

// ---------------------------------------------------------------------------------------------------------------

describe('the card validator', () => {
  // These prove the validator can fail: without them, a validator that accepts everything would pass every card.
  const base = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'hello', wrap: true }] };

  it('accepts a plain 1.5 card', () => {
    expect(cardProblems(base)).toEqual([]);
  });

  it.each<[string, Json, RegExp]>([
    ['an unknown element', { ...base, body: [{ type: 'Fancy' }] }, /Unknown element type "Fancy"/],
    [
      'an unknown property',
      { ...base, body: [{ type: 'TextBlock', text: 'x', colour: 'Good' }] },
      /\.colour: "Good" dropped/,
    ],
    [
      'an invalid value',
      { ...base, body: [{ type: 'TextBlock', text: 'x', color: 'Red' }] },
      /Invalid value "Red"|color/,
    ],
    ['a card newer than 1.5', { ...base, version: '1.6' }, /version .*1\.6/],
    [
      'a 1.6 property',
      {
        ...base,
        body: [{ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'a', verb: 'v', role: 'Button' }] }],
      },
      /role.*1\.6/,
    ],
    [
      'an element outside the Teams subset',
      { ...base, body: [{ type: 'Table', columns: [{ width: 1 }], rows: [] }] },
      /Table is not in the Teams subset/,
    ],
    [
      'an unknown action in a fallback',
      {
        ...base,
        actions: [{ type: 'Action.Execute', title: 'a', verb: 'v', fallback: { type: 'Action.Nope', title: 'a' } }],
      },
      /fallback 0/,
    ],
    [
      'too many buttons in one set',
      {
        ...base,
        actions: Array.from({ length: 7 }, (_, i) => ({ type: 'Action.Submit', title: `b${i}`, data: { i } })),
      },
      /7 actions in one set/,
    ],
  ])('reports %s', (_label, card, problem) => {
    expect(cardProblems(card).join('\n')).toMatch(problem);
  });
});

describe('existing cards pass the validator', () => {
  it('help card', () => {
    expect(cardProblems(buildHelpCard())).toEqual([]);
  });

  it.each(['approver', 'requester', 'everyone'] as const)('pending change request card, %s view', (view) => {
    const card = buildChangeRequestCard(request({ urgent: true }), view, ['29:approver-1', '29:approver-2']);
    expect(cardProblems(card)).toEqual([]);
    expect(leakedDigits(card)).toEqual([]);
    expect(nonIdData(card)).toEqual([]);
    const expected = { approver: [VERBS.approve, VERBS.reject], requester: [VERBS.cancel], everyone: [] }[view];
    expect(executes(card).map((action) => action.verb)).toEqual(expected);
    expect(card.refresh?.userIds).toEqual(['29:approver-1', '29:approver-2']);
  });

  it.each<ChangeStatus>(['approved', 'rejected', 'succeeded', 'failed', 'cancelled', 'expired'])(
    'decided (%s) change request card: no buttons, no refresh',
    (status) => {
      for (const view of ['approver', 'requester', 'everyone'] as const) {
        const card = buildChangeRequestCard(
          request({ status, decidedBy: APPROVER, decidedAt: '2026-11-27T10:00:00.000Z', outcome: 'Done.' }),
          view,
          ['29:approver-1'],
        );
        expect(cardProblems(card)).toEqual([]);
        expect(buttons(card)).toEqual([]);
        expect(card.refresh?.userIds).toEqual([]);
      }
    },
  );
});

describe('diagnosis card', () => {
  describe.each(DIAGNOSES)('%s', (_label, make) => {
    it.each([
      ['status', false],
      ['status', true],
      ['diagnose', false],
      ['diagnose', true],
    ] as const)('%s mode, offerFixes %s: a valid card, masked numbers, ids-only data', (mode, offerFixes) => {
      const card = buildDiagnosisCard(make(), { mode, offerFixes });
      expect(cardProblems(card)).toEqual([]);
      expect(leakedDigits(card)).toEqual([]);
      expect(nonIdData(card)).toEqual([]);
    });
  });

  it('titles the card by whether the worker is ready', () => {
    expect(textOf(buildDiagnosisCard(diagnose(worker(), { now: NOW }), { mode: 'status', offerFixes: false }))).toMatch(
      /^Jane Doe can sign in with their phone$/m,
    );
    expect(textOf(buildDiagnosisCard(fig6(), { mode: 'status', offerFixes: false }))).toMatch(
      /^Jane Doe can't sign in with their phone yet$/m,
    );
  });

  it('status mode shows the top finding only and, when not ready, how to ask for details', () => {
    const diagnosis = unlicensedWithoutMobile();
    expect(diagnosis.findings.length).toBeGreaterThan(1);
    const text = textOf(buildDiagnosisCard(diagnosis, { mode: 'status', offerFixes: false }));
    expect(text).toContain(diagnosis.findings[0].summary);
    for (const other of diagnosis.findings.slice(1)) expect(text).not.toContain(other.summary);
    expect(text).toContain('Ask "why can\'t Jane sign in?" for details.');

    const ready = textOf(buildDiagnosisCard(diagnose(worker(), { now: NOW }), { mode: 'status', offerFixes: false }));
    expect(ready).toContain('Jane Doe can sign in with their phone number +44 •••• ••0234.');
    expect(ready).not.toMatch(/why can't/);
  });

  it('diagnose mode shows every finding, blockers first, each with what to do', () => {
    const warning: Finding = {
      id: 'sessions-recently-revoked',
      severity: 'info',
      summary: 'Signed out today.',
      fix: 'Sign in again.',
    };
    const blocker: Finding = {
      id: 'account-disabled',
      severity: 'blocker',
      summary: 'Account is off.',
      fix: 'Ask IT.',
    };
    const diagnosis: Diagnosis = {
      userId: 'user-jane',
      displayName: 'Jane Doe',
      ready: false,
      means: 'their phone',
      findings: [warning, blocker],
    };
    const text = textOf(buildDiagnosisCard(diagnosis, { mode: 'diagnose', offerFixes: false }));
    expect(text.indexOf('Account is off.')).toBeGreaterThan(-1);
    expect(text.indexOf('Account is off.')).toBeLessThan(text.indexOf('Signed out today.'));
    expect(text).toContain('What to do: Ask IT.');
    expect(text).toContain('What to do: Sign in again.');
    expect(text).not.toMatch(/why can't/);
  });

  it('colours findings by severity', () => {
    const card = buildDiagnosisCard(
      diagnose(
        worker((s) => (s.roles = [ADMIN_ROLE])),
        { now: NOW },
      ),
      { mode: 'diagnose', offerFixes: false },
    );
    const colours = elementsOf(card.body).flatMap((element) =>
      element.type === 'TextBlock' && element.weight === 'Bolder' && element.size === 'Small'
        ? [`${element.text}:${element.color}`]
        : [],
    );
    expect(colours).toEqual(['Needs attention:Warning', 'Ready:Good']);
    const blocked = buildDiagnosisCard(fig6(), { mode: 'diagnose', offerFixes: false });
    expect(JSON.stringify(blocked)).toContain('"text":"Stops sign-in","weight":"Bolder","color":"Attention"');
  });

  it('offers no buttons unless offerFixes', () => {
    for (const [, make] of DIAGNOSES) {
      for (const mode of ['status', 'diagnose'] as const)
        expect(buttons(buildDiagnosisCard(make(), { mode, offerFixes: false }))).toEqual([]);
    }
  });

  it('offers one button per finding with a proposal, carrying the user and finding ids only', () => {
    const diagnosis = unlicensedWithoutMobile();
    const fixable = diagnosis.findings.filter((finding) => finding.proposal);
    expect(fixable.map((finding) => finding.id)).toEqual(['no-mobile-number']);
    expect(diagnosis.findings.length).toBeGreaterThan(fixable.length);
    const actions = executes(buildDiagnosisCard(diagnosis, { mode: 'diagnose', offerFixes: true }));
    expect(actions.map(({ title, verb, data }) => ({ title, verb, data }))).toEqual([
      { title: 'Add a number', verb: PROPOSE_VERB, data: { userId: 'user-jane', finding: 'no-mobile-number' } },
    ]);
    expect(actions[0].fallback).toEqual({
      type: 'Action.Submit',
      title: 'Add a number',
      data: { userId: 'user-jane', finding: 'no-mobile-number', verb: 'change.propose' },
    });
  });

  it('offers the FIG6 fix in status mode too, without the number in its data', () => {
    const card = buildDiagnosisCard(fig6(), { mode: 'status', offerFixes: true });
    expect(executes(card).map((action) => [action.title, action.data])).toEqual([
      ['Turn on SMS sign-in', { userId: 'user-jane', finding: 'number-not-enabled' }],
    ]);
    expect(fig6().findings[0].proposal).toEqual({ kind: 'enable-sms-sign-in', tenantWide: false }); // no number to leak
    expect(leakedDigits(card)).toEqual([]);
  });

  it.each<[ChangeKind, boolean | undefined, string]>([
    ['enable-sms-sign-in', undefined, 'Turn on SMS sign-in'],
    ['add-number', undefined, 'Add a number'],
    ['replace-number', undefined, 'Replace the number'],
    ['disable-sms-sign-in', undefined, 'Turn off SMS sign-in'],
    ['set-use-for-sign-in', true, "Tick 'Use for sign-in'"],
  ])('labels a %s proposal (useForSignIn %s) "%s"', (kind, useForSignIn, label) => {
    const finding: Finding = {
      id: 'number-not-enabled',
      severity: 'blocker',
      summary: 's',
      fix: 'f',
      proposal: { kind, useForSignIn, phoneNumber: FULL_NUMBER, tenantWide: kind === 'set-use-for-sign-in' },
    };
    const card = buildDiagnosisCard(
      { userId: 'u-1', displayName: 'Bob', ready: false, means: 'their phone', findings: [finding] },
      { mode: 'diagnose', offerFixes: true },
    );
    expect(executes(card).map((action) => action.title)).toEqual([label]);
    expect(cardProblems(card)).toEqual([]);
    expect(leakedDigits(card)).toEqual([]);
  });

  it('uses the first name in the hint', () => {
    expect(firstName('Ali Khan')).toBe('Ali');
    expect(firstName('Cher')).toBe('Cher');
  });
});

describe('worker choice card', () => {
  const people = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      userId: `user-${i}`,
      displayName: `Jane Doe ${i}`,
      detail: i % 2 ? `Store ${i}` : undefined,
    }));

  it('asks which one, with a button per person carrying the user id and purpose', () => {
    const card = buildWorkerChoiceCard('Which Jane do you want the status of?', people(3), 'status');
    expect(cardProblems(card)).toEqual([]);
    expect(nonIdData(card)).toEqual([]);
    const text = textOf(card);
    expect(text).toContain('Which one do you mean?');
    expect(text).toContain('Which Jane do you want the status of?');
    expect(text).toContain('Store 1');
    expect(text).not.toMatch(/more (people|person)/);
    expect(executes(card).map(({ title, verb, data }) => ({ title, verb, data }))).toEqual(
      [0, 1, 2].map((i) => ({
        title: `Jane Doe ${i}`,
        verb: CHOOSE_WORKER_VERB,
        data: { userId: `user-${i}`, purpose: 'status' },
      })),
    );
  });

  it.each([
    [10, 10, undefined],
    [11, 10, '1 more person matches'],
    [25, 10, '15 more people match'],
  ])('shows at most 10 of %i people and says how many more matched', (count, shown, more) => {
    const card = buildWorkerChoiceCard('Which Jane?', people(count), 'diagnose');
    expect(cardProblems(card)).toEqual([]);
    expect(buttons(card)).toHaveLength(shown);
    expect(shown).toBeLessThanOrEqual(MAX_CHOICES);
    if (more) expect(textOf(card)).toContain(more);
    else expect(textOf(card)).not.toMatch(/more (people|person)/);
  });
});

describe('question card', () => {
  it('asks one question with a button per answer, carrying the answer and ids only', () => {
    const card = buildQuestionCard(
      'Do you mean Ali Khan (Manchester Piccadilly, Sales Associate)?',
      'Please check.',
      [
        { title: 'Yes', answer: 'yes', style: 'positive' },
        { title: 'No, choose someone else', answer: 'no' },
      ],
      { userId: 'user-1' },
    );
    expect(cardProblems(card)).toEqual([]);
    expect(nonIdData(card)).toEqual([]);
    expect(textOf(card)).toContain('Do you mean Ali Khan (Manchester Piccadilly, Sales Associate)?');
    expect(executes(card).map(({ title, verb, data }) => ({ title, verb, data }))).toEqual([
      { title: 'Yes', verb: ANSWER_VERB, data: { userId: 'user-1', answer: 'yes' } },
      { title: 'No, choose someone else', verb: ANSWER_VERB, data: { userId: 'user-1', answer: 'no' } },
    ]);
  });
});

describe('tenant check card', () => {
  const before = new Date('2026-11-27T12:00:00Z');

  it.each([
    ['tenant admin', true],
    ['non-admin', false],
  ])(
    'is a valid card for a %s, before and after the retirement, with and without a provider',
    (_label, isTenantAdmin) => {
      for (const today of [before, new Date('2027-02-01T08:00:00Z'), new Date('2027-03-01T12:00:00Z')]) {
        for (const settings of [
          null,
          undefined,
          {
            url: 'https://contoso-sms.azurewebsites.net/api/route',
            appId: 'app-1',
            isEvaluationModeEnabled: true,
            migrationPercentage: 25,
          },
        ]) {
          const card = buildTenantCheckCard({
            policy: policy((p) => (p.telecomProviderSettings = settings)),
            isTenantAdmin,
            today,
          });
          expect(cardProblems(card)).toEqual([]);
          expect(nonIdData(card)).toEqual([]);
        }
      }
    },
  );

  it('says in plain words where SMS sign-in is on, where "Use for sign-in" is unticked, and who is left out', () => {
    const card = buildTenantCheckCard({ policy: policy(), isTenantAdmin: false, today: before });
    const text = textOf(card);
    expect(text).toContain("SMS sign-in is on for 'Frontline workers'.");
    expect(text).toContain(
      '"Use for sign-in" is unticked for \'SMS for MFA only\': workers there can only use text messages as a second check',
    );
    expect(text).toContain(
      "People in 'SMS sign-in exclusions' can't sign in by text message, even when they are in an included group.",
    );
  });

  it('says when the policy is off, or nobody can sign in', () => {
    expect(
      textOf(
        buildTenantCheckCard({ policy: policy((p) => (p.state = 'disabled')), isTenantAdmin: false, today: before }),
      ),
    ).toMatch(/SMS sign-in is off for the whole organisation/);
    const noneTicked = policy((p) => (p.includeTargets = p.includeTargets.filter((target) => target.id === MFA_ONLY)));
    expect(textOf(buildTenantCheckCard({ policy: noneTicked, isTenantAdmin: false, today: before }))).toMatch(
      /Nobody can sign in with their phone number yet/,
    );
    const everyone = policy(
      (p) => (p.includeTargets = [{ id: 'all_users', targetType: 'group', isUsableForSignIn: true }]),
    );
    expect(textOf(buildTenantCheckCard({ policy: everyone, isTenantAdmin: false, today: before }))).toContain(
      'SMS sign-in is on for all users.',
    );
  });

  it('gives a tenant admin a button per unticked target, with the target id only', () => {
    const twoUnticked = policy((p) =>
      p.includeTargets.push({
        id: 'group-night',
        targetType: 'group',
        isUsableForSignIn: false,
        displayName: 'Night shift',
      }),
    );
    const card = buildTenantCheckCard({ policy: twoUnticked, isTenantAdmin: true, today: before });
    const proposals = (of: AdaptiveCard) => executes(of).filter((action) => action.verb === PROPOSE_VERB);
    expect(proposals(card).map(({ title, verb, data }) => ({ title, verb, data }))).toEqual([
      { title: 'Tick "Use for sign-in" for SMS for MFA only', verb: PROPOSE_VERB, data: { policyTargetId: MFA_ONLY } },
      { title: 'Tick "Use for sign-in" for Night shift', verb: PROPOSE_VERB, data: { policyTargetId: 'group-night' } },
    ]);
    expect(
      proposals(
        buildTenantCheckCard({ policy: policy((p) => p.includeTargets.splice(1)), isTenantAdmin: true, today: before }),
      ),
    ).toEqual([]);
  });

  it('gives a non-admin neither buttons nor the retirement notice', () => {
    const card = buildTenantCheckCard({ policy: policy(), isTenantAdmin: false, today: before });
    expect(buttons(card)).toEqual([]);
    const text = textOf(card);
    expect(text).not.toMatch(/retire|1 February 2027|QR code|telecom provider/i);
    expect(text).toContain('Only a tenant admin can change these settings');
  });

  it('tells a tenant admin, before 2027-02-01, how many days are left and that SMS sign-in will not survive', () => {
    const text = textOf(buildTenantCheckCard({ policy: policy(), isTenantAdmin: true, today: before }));
    expect(text).toContain('SMS retirement is coming');
    expect(text).toContain('Microsoft stops sending SMS and voice codes itself on 1 February 2027, in 66 days');
    expect(text).toContain('No customer-managed telecom provider is configured.');
    expect(text).toMatch(
      /SMS sign-in as a primary method .* does not survive the retirement, even with a customer-managed telecom provider/,
    );
    expect(text).toContain("QR code + PIN is Microsoft's successor for frontline workers");
    expect(text).not.toMatch(/stopped|has happened/);
  });

  it.each([
    ['2027-01-31T23:30:00Z', 'on 1 February 2027, tomorrow'],
    ['2027-02-01T00:00:00Z', 'today, 1 February 2027'],
  ])('counts down by UTC day (%s)', (today, phrase) => {
    expect(textOf(buildTenantCheckCard({ policy: policy(), isTenantAdmin: true, today: new Date(today) }))).toContain(
      phrase,
    );
  });

  it('says the retirement has happened after 2027-02-01', () => {
    const text = textOf(
      buildTenantCheckCard({ policy: policy(), isTenantAdmin: true, today: new Date('2027-03-01T12:00:00Z') }),
    );
    expect(text).toContain('SMS retirement has happened');
    expect(text).toContain('Microsoft stopped sending SMS and voice codes itself on 1 February 2027, 28 days ago');
    expect(text).toMatch(/SMS sign-in as a primary method .* ended with it/);
    expect(text).toContain('QR code + PIN');
    expect(text).not.toMatch(/stops sending|in \d+ days|plan to move/);
  });

  it('computes days until 2027-02-01 from today', () => {
    expect(daysUntilRetirement(new Date('2026-11-27T00:00:00Z'))).toBe(66);
    expect(daysUntilRetirement(new Date('2026-11-27T23:59:59Z'))).toBe(66);
    expect(daysUntilRetirement(new Date('2027-02-01T12:00:00Z'))).toBe(0);
    expect(daysUntilRetirement(new Date('2027-02-02T00:00:00Z'))).toBe(-1);
  });

  it('describes telecomProviderSettings in plain words', () => {
    expect(describeTelecomProvider(null)).toBe('No customer-managed telecom provider is configured.');
    expect(describeTelecomProvider(undefined)).toBe('No customer-managed telecom provider is configured.');
    expect(
      describeTelecomProvider({ url: null, appId: null, isEvaluationModeEnabled: null, migrationPercentage: null }),
    ).toBe('No customer-managed telecom provider is configured.');
    const url = 'https://contoso-sms.azurewebsites.net/api/route';
    const evaluating = describeTelecomProvider({
      url,
      appId: 'app-1',
      isEvaluationModeEnabled: true,
      migrationPercentage: 25,
    });
    expect(evaluating).toMatch(
      /^A customer-managed telecom provider is configured: a routing URL is set, an app id is set, evaluation mode is on .*, 25% of text messages are sent through it\.$/,
    );
    expect(evaluating).not.toContain(url);
    expect(describeTelecomProvider({ url, isEvaluationModeEnabled: false, migrationPercentage: 100 })).toBe(
      'A customer-managed telecom provider is configured: a routing URL is set, no app id is set, evaluation mode is off, 100% of text messages are sent through it.',
    );
    const card = buildTenantCheckCard({
      policy: policy(
        (p) =>
          (p.telecomProviderSettings = { url, appId: 'app-1', isEvaluationModeEnabled: true, migrationPercentage: 25 }),
      ),
      isTenantAdmin: true,
      today: before,
    });
    expect(textOf(card)).toContain('25% of text messages are sent through it');
  });
});

describe('pending card', () => {
  const older = () => request({ number: 41, createdAt: '2026-11-27T09:00:00.000Z' });
  const urgent = () =>
    request({
      number: 42,
      kind: 'secure-lost-phone',
      urgent: true,
      phoneNumber: undefined,
      createdAt: '2026-11-27T11:30:00.000Z',
      target: { userId: 'user-ali', displayName: 'Ali Khan' },
    });
  const executing = () => request({ number: 43, status: 'executing', kind: 'enable-sms-sign-in' });
  const mine = () => request({ number: 44, requester: APPROVER });

  it('lists urgent requests first, with number, masked summary, requester and age', () => {
    const card = buildPendingCard([older(), urgent()], 'approver', { now: NOW });
    expect(cardProblems(card)).toEqual([]);
    expect(leakedDigits(card)).toEqual([]);
    const text = textOf(card);
    expect(text).toContain('Waiting for your approval (2)');
    expect(text.indexOf('#42')).toBeLessThan(text.indexOf('#41'));
    expect(text).toContain("Add +44 •••• ••0234 as Jane Doe's mobile number for sign-in");
    expect(text).toContain('Asked by Morgan Manager, 3 hours ago. Waiting for approval.');
    expect(text).toContain('Asked by Morgan Manager, 30 minutes ago.');
    expect(text).toMatch(/Urgent\nLost phone: turn off sign-in by text message for Ali Khan/);
  });

  it('gives approvers Approve / Reject per pending request, with the request id only, and none on their own', () => {
    const requests = [older(), urgent(), executing(), mine()];
    const card = buildPendingCard(requests, 'approver', { now: NOW, viewerAadObjectId: APPROVER.aadObjectId });
    expect(cardProblems(card)).toEqual([]);
    expect(nonIdData(card)).toEqual([]);
    const [o, u] = requests;
    expect(executes(card).map(({ title, verb, data }) => [title, verb, data])).toEqual([
      ['Approve', VERBS.approve, { requestId: u.id }],
      ['Reject', VERBS.reject, { requestId: u.id }],
      ['Approve', VERBS.approve, { requestId: o.id }],
      ['Reject', VERBS.reject, { requestId: o.id }],
    ]);
    expect(textOf(card)).toContain('Your own request: another approver decides.');
  });

  it('gives a requester Cancel on their own pending requests only', () => {
    const someoneElses = request({ number: 45, requester: { aadObjectId: 'aad-other', name: 'Other Manager' } });
    const requests = [older(), executing(), someoneElses];
    const card = buildPendingCard(requests, 'requester', { viewerAadObjectId: 'aad-manager' });
    expect(cardProblems(card)).toEqual([]);
    expect(executes(card).map(({ title, verb, data }) => [title, verb, data])).toEqual([
      ['Cancel request', VERBS.cancel, { requestId: requests[0].id }],
    ]);
    const text = textOf(card);
    expect(text).toContain('Your open requests (3)');
    expect(text).toContain('Approved, being made now');
    expect(text).toContain(
      'Asked {{DATE(2026-11-27T09:00:00Z, SHORT)}} {{TIME(2026-11-27T09:00:00Z)}}. Waiting for approval.',
    );
  });

  it.each(['approver', 'requester'] as const)('says so in a friendly sentence when the %s list is empty', (view) => {
    const card = buildPendingCard([], view);
    expect(cardProblems(card)).toEqual([]);
    expect(buttons(card)).toEqual([]);
    expect(textOf(card)).toMatch(
      view === 'approver' ? /Nothing is waiting for your approval/ : /You have no open requests/,
    );
  });

  it(`lists at most ${MAX_LISTED} and says how many more there are`, () => {
    const many = Array.from({ length: MAX_LISTED + 3 }, (_, i) =>
      request({ createdAt: `2026-11-27T0${i % 10}:00:00.000Z` }),
    );
    const card = buildPendingCard(many, 'approver', { now: NOW });
    expect(cardProblems(card)).toEqual([]);
    expect(buttons(card)).toHaveLength(MAX_LISTED * 2);
    expect(textOf(card)).toContain('3 more not shown');
  });
});

describe('worker instructions', () => {
  const stepsOf = (text: string) => text.split('\n').filter((line) => /^\d+\. /.test(line));

  it('are 5 to 7 short numbered steps covering sign-in, the code, no text, and never sharing it', () => {
    const text = smsInstructions({ displayName: 'Jane Doe', organisation: 'Contoso Retail' });
    const steps = stepsOf(text);
    expect(steps.length).toBeGreaterThanOrEqual(5);
    expect(steps.length).toBeLessThanOrEqual(7);
    steps.forEach((step, index) => {
      expect(step.startsWith(`${index + 1}. `)).toBe(true);
      expect(step.length).toBeLessThanOrEqual(160);
    });
    expect(text.split('\n')[0]).toBe('How Jane Doe signs in with their phone at Contoso Retail');
    expect(text).toMatch(/Teams.*office\.com/);
    expect(text).toMatch(/mobile number with its country code.*username|username.*mobile number with its country code/);
    expect(text).toContain('6-digit code');
    expect(text).toMatch(/WhatsApp/);
    expect(text).toMatch(/RCS/);
    expect(text).toMatch(/Wait a minute/);
    expect(text).toMatch(/manager to check that the number/);
    expect(text).toMatch(/Never share the code.*Nobody from Contoso Retail will ever ask/);
  });

  it('prints the number as given: full for a 1:1 chat, masked (with its last four digits) elsewhere', () => {
    expect(smsInstructions({ displayName: 'Jane Doe', number: '+44 7700 900234' })).toContain(
      'type your mobile number with its country code: +44 7700 900234.',
    );
    const masked = smsInstructions({ displayName: 'Jane Doe', number: '+44 •••• ••0234' });
    expect(masked).toContain('the one ending 0234');
    expect(leakedDigits(masked)).toEqual([]);
  });

  it('wrap into a valid card with the steps as one numbered list', () => {
    const text = smsInstructions({ displayName: 'Jane Doe', number: '+44 •••• ••0234' });
    const card = buildInstructionsCard(text);
    expect(cardProblems(card)).toEqual([]);
    expect(buttons(card)).toEqual([]);
    expect(leakedDigits(card)).toEqual([]);
    const blocks = elementsOf(card.body).flatMap((element) => (element.type === 'TextBlock' ? [element.text] : []));
    expect(blocks[0]).toBe('How Jane Doe signs in with their phone');
    expect(blocks[1]).toBe(stepsOf(text).join('\r'));
  });
});

describe('masked numbers everywhere', () => {
  it('finds a leak when there is one (the check itself can fail)', () => {
    expect(leakedDigits({ text: 'call +44 7700 900234' })).toEqual(['900234']);
    expect(leakedDigits({ data: { phone: FULL_NUMBER } })).toContain('770090');
  });

  it('no card built from a snapshot with +44 7700900234 carries 6 of its digits in a row', () => {
    const cards: AdaptiveCard[] = [
      ...DIAGNOSES.flatMap(([, make]) => [
        buildDiagnosisCard(make(), { mode: 'status', offerFixes: true }),
        buildDiagnosisCard(make(), { mode: 'diagnose', offerFixes: true }),
      ]),
      buildPendingCard([request(), request({ kind: 'replace-number' })], 'approver', { now: NOW }),
      buildPendingCard([request()], 'requester'),
      buildChangeRequestCard(request(), 'approver', ['29:a']),
    ];
    for (const card of cards) expect(leakedDigits(card)).toEqual([]);
    // The full number was there to leak: a card that showed the request's number as stored would contain it.
    expect(JSON.stringify(request())).toContain('7700900234');
  });
});
