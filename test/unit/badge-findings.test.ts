// What phonedesk finds and offers around a QR badge and a Temporary Access Pass: the findings that propose a change,
// the change each conversation asks for (or why it refuses), who may never get one, and how a run is planned and
// checked afterwards (methods/qr-code-pin, methods/temporary-access-pass).
import type { AskedSoFar, AskRefused, ChangeAsk } from '../../src/methods/change-ask';
import type { Finding } from '../../src/methods/finding';
import type { LiveState, TargetedChange } from '../../src/methods/method-contract';
import type { ChangeDetails, ChangeKind, SignInSnapshot } from '../../src/methods/method-types';
import { QR_ASKS } from '../../src/methods/qr-code-pin/qr-asks';
import { qrFindings } from '../../src/methods/qr-code-pin/qr-findings';
import { issueBadge, temporaryCode } from '../../src/methods/qr-code-pin/qr-issue-handlers';
import { newStarter } from '../../src/methods/qr-code-pin/qr-new-starter';
import type {
  IssueBadge,
  NewStarter,
  QrCodePinSnapshot,
  QrCodeSnapshot,
  TemporaryCode,
} from '../../src/methods/qr-code-pin/qr-types';
import { specOf } from '../../src/methods/registry';
import { TAP_ASKS } from '../../src/methods/temporary-access-pass/tap-asks';
import { issuePass } from '../../src/methods/temporary-access-pass/tap-handlers';
import type { IssuePass, TemporaryAccessPassSnapshot } from '../../src/methods/temporary-access-pass/tap-types';
import { frontlineQrPolicy, readyWorker } from '../helpers/snapshots';

const NOW = new Date('2026-12-02T09:00:00Z');
const DAY = 86_400_000;
const at = (days: number): string => new Date(NOW.getTime() + days * DAY).toISOString();

// A lifetime unlike Graph's default of 365, so a test sees the policy's own number carried through.
const QR_POLICY = frontlineQrPolicy(200);

// Bounds of 1 to 8 hours and a default unlike phonedesk's fallback of 60 minutes.
const TAP_POLICY: NonNullable<SignInSnapshot['tapPolicy']> = {
  state: 'enabled',
  defaultLifetimeInMinutes: 240,
  minimumLifetimeInMinutes: 60,
  maximumLifetimeInMinutes: 480,
  isUsableOnce: true,
};

const NOT_TARGETED = {
  ...QR_POLICY,
  includeTargets: [{ id: 'group-stores', targetType: 'group' as const, displayName: 'Store staff' }],
};

function code(overrides: Partial<QrCodeSnapshot> = {}): QrCodeSnapshot {
  return { id: 'code-1', createdDateTime: at(-40), startDateTime: at(-40), expireDateTime: at(160), ...overrides };
}

function badge(overrides: Partial<QrCodePinSnapshot> = {}): QrCodePinSnapshot {
  return {
    id: 'qr-1',
    createdDateTime: at(-40),
    standardQRCode: code({ lastUsedDateTime: at(-3) }),
    forceChangePinNextSignIn: false,
    ...overrides,
  };
}

const unusedBadge = (): QrCodePinSnapshot => badge({ standardQRCode: code() });

function pass(overrides: Partial<TemporaryAccessPassSnapshot> = {}): TemporaryAccessPassSnapshot {
  return {
    id: 'tap-1',
    startDateTime: new Date(NOW.getTime() - 600_000).toISOString(),
    lifetimeInMinutes: 480,
    isUsableOnce: true,
    isUsable: true,
    methodUsabilityReason: 'EnabledByPolicy',
    ...overrides,
  };
}

/** Jane Doe, SMS-ready, with both policies on and a sign-in yesterday; overrides change any of it. */
function worker(overrides: Partial<SignInSnapshot> = {}): SignInSnapshot {
  return { ...readyWorker(), qrPolicy: QR_POLICY, tapPolicy: TAP_POLICY, lastSignIn: at(-1), ...overrides };
}

const newcomer = (overrides: Partial<SignInSnapshot> = {}): SignInSnapshot =>
  worker({ lastSignIn: 'never', ...overrides });

const findingOf = (snapshot: SignInSnapshot, id: Finding['id']): Finding | undefined =>
  qrFindings(snapshot, { now: NOW }).find((finding) => finding.id === id);

type Asked = ChangeDetails | AskRefused;

/** The change an ask makes for this worker; each ask tested here builds it from the worker. */
function askedChange(
  asks: ReadonlyArray<ChangeAsk>,
  intent: string,
  snapshot: SignInSnapshot,
  said: AskedSoFar = {},
): Asked {
  const ask = asks.find((candidate) => candidate.intent === intent);
  if (!ask) throw new Error(`no ask ${intent}`);
  if (ask.needsNumber || typeof ask.change !== 'function') throw new Error(`${intent} is not built from the worker`);
  return ask.change(snapshot, said);
}

const refusal = (asked: Asked): string => {
  if (!('refused' in asked)) throw new Error(`expected a refusal, got ${JSON.stringify(asked)}`);
  return asked.refused;
};

const TARGET = { userId: 'user-jane', displayName: 'Jane Doe' };
const targeted = <C>(change: C): TargetedChange<C> => ({ ...change, target: TARGET });

describe('an admin with a working badge', () => {
  const HELPDESK = [{ roleTemplateId: 'role-helpdesk', displayName: 'Helpdesk Administrator', directoryScopeId: '/' }];

  it('is told it is too weak for an admin, and offered removing the badge', () => {
    const finding = findingOf(worker({ roles: HELPDESK, qrCodePin: badge() }), 'qr-admin-badge');
    expect(finding).toMatchObject({ severity: 'warning', proposal: { kind: 'remove-qr-method', tenantWide: false } });
    expect(finding?.summary).toContain(
      'Jane Doe holds an admin role (Helpdesk Administrator) and has a working QR badge',
    );
  });

  it('is not told for an expired badge, nor for a worker without a role', () => {
    const expired = badge({ standardQRCode: code({ expireDateTime: at(-1) }) });
    expect(findingOf(worker({ roles: HELPDESK, qrCodePin: expired }), 'qr-admin-badge')).toBeUndefined();
    expect(findingOf(worker({ qrCodePin: badge() }), 'qr-admin-badge')).toBeUndefined();
  });
});

describe('a worker who signs in with their badge and still has SMS sign-in', () => {
  it('is offered turning off their SMS sign-in, for them alone', () => {
    const finding = findingOf(worker({ qrCodePin: badge() }), 'qr-sms-still-on');
    expect(finding).toMatchObject({
      severity: 'info',
      proposal: { kind: 'disable-sms-sign-in', tenantWide: false },
    });
    expect(finding!.summary).toContain('Jane Doe');
    // The number itself stays: only sign-in by text ends.
    expect(finding!.fix).toMatch(/number stays/);
  });

  it('is not offered it while the badge has never been used', () => {
    expect(findingOf(worker({ qrCodePin: unusedBadge() }), 'qr-sms-still-on')).toBeUndefined();
  });

  it.each([
    ['SMS sign-in is already off', [{ ...readyWorker().phoneMethods[0]!, smsSignInState: 'notEnabled' as const }]],
    ['they have no phone', []],
    [
      'only an alternate mobile, which cannot sign in by text',
      [{ ...readyWorker().phoneMethods[0]!, phoneType: 'alternateMobile' as const }],
    ],
  ])('is not offered it when %s', (_case, phoneMethods) => {
    expect(findingOf(worker({ qrCodePin: badge(), phoneMethods }), 'qr-sms-still-on')).toBeUndefined();
  });

  // Turning SMS off beside a badge that does not work would leave them no way in.
  it.each([
    ['the QR policy is off', { qrPolicy: { ...QR_POLICY, state: 'disabled' as const } }],
    ['the QR policy no longer includes them', { qrPolicy: { ...QR_POLICY, includeTargets: [] } }],
  ])('is not offered it when %s', (_case, overrides) => {
    expect(findingOf(worker({ qrCodePin: badge(), ...overrides }), 'qr-sms-still-on')).toBeUndefined();
  });
});

describe('a worker whose badge waits for a first sign-in', () => {
  it('is offered a Temporary Access Pass for the policy default lifetime', () => {
    const finding = findingOf(newcomer({ qrCodePin: unusedBadge() }), 'qr-first-sign-in-needed');
    expect(finding?.proposal).toEqual({
      kind: 'issue-pass',
      lifetimeMinutes: TAP_POLICY.defaultLifetimeInMinutes,
      tenantWide: false,
    });
    expect(finding!.fix).toMatch(/Temporary Access Pass/);
    expect(finding!.summary).toMatch(/Incorrect QR code/);
  });

  it('is offered a pass again once their pass is used up', () => {
    const used = [pass({ isUsable: false, methodUsabilityReason: 'OneTimeUsed' })];
    const finding = findingOf(
      newcomer({ qrCodePin: unusedBadge(), temporaryAccessPasses: used }),
      'qr-first-sign-in-needed',
    );
    expect(finding?.proposal).toMatchObject({ kind: 'issue-pass' });
  });

  it('is not offered a second pass while theirs still works, and is told to use it', () => {
    const finding = findingOf(
      newcomer({ qrCodePin: unusedBadge(), temporaryAccessPasses: [pass()] }),
      'qr-first-sign-in-needed',
    );
    expect(finding).toBeDefined();
    expect(finding!.proposal).toBeUndefined();
    expect(finding!.fix).toMatch(/They have a Temporary Access Pass/);
  });

  it('is not offered a pass the organisation has turned off', () => {
    const finding = findingOf(
      newcomer({ qrCodePin: unusedBadge(), tapPolicy: { ...TAP_POLICY, state: 'disabled' } }),
      'qr-first-sign-in-needed',
    );
    expect(finding).toBeDefined();
    expect(finding!.proposal).toBeUndefined();
    expect(finding!.fix).toMatch(/sign in once another way/);
    expect(finding!.fix).not.toMatch(/^Give them a Temporary Access Pass/);
  });

  it('does not need one once they have signed in', () => {
    expect(findingOf(worker({ qrCodePin: unusedBadge() }), 'qr-first-sign-in-needed')).toBeUndefined();
  });
});

describe.each(['issue-badge', 'move-to-badge', 'new-starter'])('asking for a badge ("%s")', (intent) => {
  const ask = (snapshot: SignInSnapshot) => askedChange(QR_ASKS, intent, snapshot);
  const lifetimeDays = QR_POLICY.standardQRCodeLifetimeInDays;

  it('sets up a worker who never signed in with a pass as well, for the policy lifetimes', () => {
    expect(ask(newcomer())).toEqual({
      kind: 'new-starter',
      lifetimeDays,
      passMinutes: TAP_POLICY.defaultLifetimeInMinutes,
    });
  });

  it('gives a worker who has signed in just the badge', () => {
    expect(ask(worker())).toEqual({ kind: 'issue-badge', lifetimeDays });
  });

  it('adds no pass for a newcomer whose pass still works, or when passes are turned off', () => {
    expect(ask(newcomer({ temporaryAccessPasses: [pass()] }))).toEqual({ kind: 'issue-badge', lifetimeDays });
    expect(ask(newcomer({ tapPolicy: { ...TAP_POLICY, state: 'disabled' } }))).toEqual({
      kind: 'issue-badge',
      lifetimeDays,
    });
  });

  it('refuses, naming the worker, when the organisation has QR sign-in turned off', () => {
    const words = refusal(ask(worker({ qrPolicy: { ...QR_POLICY, state: 'disabled' } })));
    expect(words).toContain('Jane Doe');
    expect(words).toMatch(/turned off/);
  });

  it('refuses a worker outside the QR policy, and says which group they need', () => {
    const words = refusal(ask(worker({ qrPolicy: NOT_TARGETED })));
    expect(words).toContain('Jane Doe');
    expect(words).toContain('Store staff');
  });
});

describe('asking for a temporary code for a forgotten badge', () => {
  const ask = (snapshot: SignInSnapshot, said: AskedSoFar = {}) =>
    askedChange(QR_ASKS, 'temporary-code', snapshot, said);

  it('refuses a worker with no badge, and says how to ask for one', () => {
    expect(refusal(ask(worker()))).toContain('"give Jane Doe a QR badge"');
  });

  it('lasts a shift of 8 hours unless told otherwise', () => {
    expect(ask(worker({ qrCodePin: badge() }))).toEqual({ kind: 'temporary-code', hours: 8 });
  });

  it.each([1, 12])('gives a %i-hour code when asked', (hours) => {
    expect(ask(worker({ qrCodePin: badge() }), { hours })).toEqual({ kind: 'temporary-code', hours });
  });

  it.each([0, 13])('refuses %i hours, saying a code lasts 1 to 12 hours', (hours) => {
    const words = refusal(ask(worker({ qrCodePin: badge() }), { hours }));
    expect(words).toMatch(/1 to 12 hours/);
    expect(words).toContain(`${hours} hours`);
  });

  it('refuses a worker the QR policy no longer lets use a badge', () => {
    expect(refusal(ask(worker({ qrCodePin: badge(), qrPolicy: NOT_TARGETED })))).toContain('Jane Doe');
  });
});

describe('asking to reset a badge PIN', () => {
  it('refuses a worker with no badge, naming them', () => {
    expect(refusal(askedChange(QR_ASKS, 'reset-pin', worker()))).toContain('Jane Doe has no QR badge');
  });

  it('resets the PIN of a worker with a badge', () => {
    expect(askedChange(QR_ASKS, 'reset-pin', worker({ qrCodePin: badge() }))).toEqual({ kind: 'reset-pin' });
  });
});

describe('asking for a Temporary Access Pass', () => {
  const ask = (snapshot: SignInSnapshot, said: AskedSoFar = {}) => askedChange(TAP_ASKS, 'issue-pass', snapshot, said);

  it('lasts the policy default when no time is said', () => {
    expect(ask(newcomer())).toEqual({ kind: 'issue-pass', lifetimeMinutes: TAP_POLICY.defaultLifetimeInMinutes });
  });

  it.each([1, 6, 8])('lasts %i hour(s) when asked, within the policy', (hours) => {
    expect(ask(newcomer(), { hours })).toEqual({ kind: 'issue-pass', lifetimeMinutes: hours * 60 });
  });

  it('refuses longer than the policy allows, saying its bounds', () => {
    const words = refusal(ask(newcomer(), { hours: 9 }));
    // The fixture policy: 60 minutes to 480, 240 by default, said in hours.
    expect(words).toContain('9 hours cannot be given');
    expect(words).toContain('from 1 hour to 8 hours');
    expect(words).toContain('the usual 4 hours');
  });

  it('refuses shorter than the policy allows', () => {
    const short = { ...TAP_POLICY, minimumLifetimeInMinutes: 120 };
    expect(refusal(ask(newcomer({ tapPolicy: short }), { hours: 1 }))).toContain('from 2 hours to 8 hours, so 1 hour');
  });

  it('refuses, naming the worker, when passes are turned off', () => {
    const words = refusal(ask(newcomer({ tapPolicy: { ...TAP_POLICY, state: 'disabled' } })));
    expect(words).toContain('Jane Doe');
    expect(words).toMatch(/turned off/);
  });
});

describe.each<ChangeKind>(['issue-badge', 'new-starter', 'temporary-code', 'reset-pin', 'issue-pass'])(
  'who may never get "%s"',
  (kind) => {
    const refusalFor = (snapshot: SignInSnapshot) => specOf({ kind }).refusalFor?.(snapshot);

    it('an admin: a single check is too weak for them', () => {
      const admin = worker({
        roles: [{ roleTemplateId: 'role-helpdesk', displayName: 'Helpdesk Administrator', directoryScopeId: '/' }],
      });
      const words = refusalFor(admin);
      expect(words).toContain('Jane Doe');
      expect(words).toMatch(/admin/);
    });

    it('a guest', () => {
      const words = refusalFor(worker({ user: { ...readyWorker().user, userType: 'Guest' } }));
      expect(words).toContain('Jane Doe');
      expect(words).toMatch(/guest/);
    });

    it('but not a plain worker', () => {
      expect(refusalFor(worker())).toBeUndefined();
    });
  },
);

// A run that began part-way through a second: Graph keeps whole seconds, so anything made in that second counts.
const STARTED = new Date('2026-12-02T09:00:00.400Z');
const SAME_SECOND = '2026-12-02T09:00:00Z';
const SECOND_BEFORE = '2026-12-02T08:59:59Z';
const live = (snapshot: SignInSnapshot): LiveState => ({ snapshot, executionStartedAt: STARTED });

describe('running a badge request', () => {
  const change = targeted<IssueBadge>({ kind: 'issue-badge', lifetimeDays: 200 });

  it.each([
    ['is outside the QR policy', NOT_TARGETED],
    ['has QR sign-in turned off', { ...QR_POLICY, state: 'disabled' as const }],
  ])('stops, changing nothing, when the worker %s', (_case, qrPolicy) => {
    const plan = issueBadge.handler.plan(change, live(worker({ qrPolicy })));
    expect(plan.action).toBe('refuse');
    if (plan.action !== 'refuse') return;
    expect(plan.outcome).toContain('Jane Doe');
    expect(plan.outcome).toMatch(/nothing was changed/i);
  });

  it('goes ahead for a worker the policy allows', () => {
    expect(issueBadge.handler.plan(change, live(worker()))).toEqual({ action: 'apply' });
  });
});

describe('running a temporary code request', () => {
  const plan = (hours: number, snapshot: SignInSnapshot) =>
    temporaryCode.handler.plan(targeted<TemporaryCode>({ kind: 'temporary-code', hours }), live(snapshot));

  it('stops for a worker whose badge is gone, changing nothing', () => {
    const result = plan(4, worker());
    expect(result.action).toBe('refuse');
    if (result.action === 'refuse') expect(result.outcome).toMatch(/Jane Doe has no QR badge.*Nothing was changed/);
  });

  it.each([0, 13])('stops for %i hours, which Graph would refuse', (hours) => {
    const result = plan(hours, worker({ qrCodePin: badge() }));
    expect(result.action).toBe('refuse');
    if (result.action === 'refuse') expect(result.outcome).toMatch(/1 to 12 hours/);
  });

  it.each([1, 12])('goes ahead for a %i-hour code', (hours) => {
    expect(plan(hours, worker({ qrCodePin: badge() }))).toEqual({ action: 'apply' });
  });
});

describe('checking after a crash whether a new starter was set up', () => {
  const change = targeted<NewStarter>({ kind: 'new-starter', lifetimeDays: 200, passMinutes: 240 });
  const check = (made: { pass?: string; code?: string }) =>
    newStarter.handler.reconcile(
      change,
      live(
        newcomer({
          temporaryAccessPasses: made.pass ? [pass({ startDateTime: made.pass })] : [],
          qrCodePin: made.code ? badge({ standardQRCode: code({ createdDateTime: made.code }) }) : undefined,
        }),
      ),
    );

  it('is done when both the pass and the badge were made in this run', () => {
    expect(check({ pass: SAME_SECOND, code: SAME_SECOND })).toBe('applied');
    expect(check({ pass: '2026-12-02T09:00:05Z', code: '2026-12-02T09:00:06Z' })).toBe('applied');
  });

  it('is partly done with only one of them', () => {
    expect(check({ pass: SAME_SECOND })).toBe('partly-applied');
    expect(check({ code: SAME_SECOND })).toBe('partly-applied');
    expect(check({ pass: SAME_SECOND, code: SECOND_BEFORE })).toBe('partly-applied');
  });

  it('is not done with neither, or with ones made before the run', () => {
    expect(check({})).toBe('not-applied');
    expect(check({ pass: SECOND_BEFORE, code: SECOND_BEFORE })).toBe('not-applied');
  });
});

describe('checking after a crash whether a pass was made', () => {
  const change = targeted<IssuePass>({ kind: 'issue-pass', lifetimeMinutes: 240 });
  const check = (passes: TemporaryAccessPassSnapshot[] | undefined) =>
    issuePass.handler.reconcile(change, live(newcomer({ temporaryAccessPasses: passes })));

  it('is done with a pass from this run', () => {
    expect(check([pass({ startDateTime: SAME_SECOND })])).toBe('applied');
  });

  it('is not done with only an older pass, or none', () => {
    expect(check([pass({ startDateTime: SECOND_BEFORE })])).toBe('not-applied');
    expect(check([])).toBe('not-applied');
    expect(check(undefined)).toBe('not-applied');
  });
});
