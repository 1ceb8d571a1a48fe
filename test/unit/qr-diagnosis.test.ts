// What status and diagnosis say about a worker's QR badge (methods/qr-code-pin), beside SMS sign-in: a method the
// worker has is explained, one they lack stays quiet, and a blocker of one method does not stop another that works.
import { diagnose, type Diagnosis } from '../../src/diagnosis/diagnose';
import { buildDiagnosisCard } from '../../src/cards/diagnosis-card';
import { instructionsFor } from '../../src/methods/registry';
import type { SignInSnapshot } from '../../src/methods/method-types';
import type { QrCodePinSnapshot } from '../../src/methods/qr-code-pin/qr-types';
import { FRONTLINE, frontlineQrPolicy, readyWorker } from '../helpers/snapshots';

const NOW = new Date('2026-12-02T09:00:00Z');
const DAY = 86_400_000;
const at = (days: number): string => new Date(NOW.getTime() + days * DAY).toISOString();

const QR_POLICY = frontlineQrPolicy(365);

function badge(overrides: Partial<QrCodePinSnapshot> = {}): QrCodePinSnapshot {
  return {
    id: 'qr-1',
    createdDateTime: at(-40),
    standardQRCode: { id: 'code-1', startDateTime: at(-40), expireDateTime: at(325), lastUsedDateTime: at(-3) },
    forceChangePinNextSignIn: false,
    ...overrides,
  };
}

/** A worker with a badge; `sms: false` takes their phone away. */
function withBadge(qrCodePin: QrCodePinSnapshot, options: { sms?: boolean } = {}): SignInSnapshot {
  const worker = readyWorker();
  return {
    ...worker,
    phoneMethods: options.sms === false ? [] : worker.phoneMethods,
    qrCodePin,
    qrPolicy: QR_POLICY,
    lastSignIn: at(-1),
  };
}

const ids = (diagnosis: Diagnosis) => diagnosis.findings.map((finding) => [finding.id, finding.severity]);
const title = (diagnosis: Diagnosis) =>
  JSON.stringify(buildDiagnosisCard(diagnosis, { mode: 'status', offerFixes: false }));

describe('a worker who signs in with a badge only', () => {
  it('is ready with their QR badge, and hears nothing about a phone they do not have', () => {
    const diagnosis = diagnose(withBadge(badge(), { sms: false }), { now: NOW });
    expect(diagnosis.ready).toBe(true);
    expect(diagnosis.means).toBe('their QR badge');
    expect(ids(diagnosis)).toEqual([['ready', 'ok']]);
    expect(diagnosis.findings[0]!.summary).toBe('Jane Doe can sign in with their QR badge (last used 3 days ago).');
    expect(title(diagnosis)).toContain('Jane Doe can sign in with their QR badge');
  });

  it('cannot sign in with an expired badge', () => {
    const expired = badge({ standardQRCode: { id: 'c', startDateTime: at(-370), expireDateTime: at(-5) } });
    const diagnosis = diagnose(withBadge(expired, { sms: false }), { now: NOW });
    expect(diagnosis.ready).toBe(false);
    expect(ids(diagnosis)).toEqual([['qr-badge-expired', 'blocker']]);
    expect(diagnosis.findings[0]!.summary).toBe("Jane Doe's badge expired 5 days ago.");
    expect(title(diagnosis)).toContain("Jane Doe can't sign in with their QR badge yet");
  });

  it('is warned two weeks before the badge expires', () => {
    const expiring = badge({
      standardQRCode: { id: 'c', startDateTime: at(-355), expireDateTime: at(10), lastUsedDateTime: at(-1) },
    });
    const diagnosis = diagnose(withBadge(expiring, { sms: false }), { now: NOW });
    expect(diagnosis.ready).toBe(true);
    expect(ids(diagnosis)).toEqual([
      ['qr-badge-expiring', 'warning'],
      ['ready', 'ok'],
    ]);
    expect(diagnosis.findings[0]!.summary).toBe("Jane Doe's badge expires in 10 days.");
  });

  it('hears "Incorrect QR code" is coming when they have never signed in, with a Temporary Access Pass as the way', () => {
    const unused = badge({ standardQRCode: { id: 'c', startDateTime: at(-2), expireDateTime: at(363) } });
    const diagnosis = diagnose({ ...withBadge(unused, { sms: false }), lastSignIn: 'never' }, { now: NOW });
    expect(diagnosis.ready).toBe(false);
    expect(ids(diagnosis)).toEqual([['qr-first-sign-in-needed', 'blocker']]);
    expect(diagnosis.findings[0]!.fix).toMatch(/Temporary Access Pass/);
  });

  it('is told a badge was never used, when they have signed in before', () => {
    const unused = badge({ standardQRCode: { id: 'c', startDateTime: at(-2), expireDateTime: at(363) } });
    const diagnosis = diagnose(withBadge(unused, { sms: false }), { now: NOW });
    expect(ids(diagnosis)).toEqual([
      ['qr-badge-never-used', 'info'],
      ['ready', 'ok'],
    ]);
    expect(diagnosis.findings[0]!.summary).toBe("Jane Doe's badge was issued 2 days ago and has not been used yet.");
  });

  it('sees a temporary code for a forgotten badge, and when it ends', () => {
    const temporary = badge({
      temporaryQRCode: {
        id: 't',
        startDateTime: at(-0.1),
        expireDateTime: new Date(NOW.getTime() + 6 * 3_600_000).toISOString(),
      },
    });
    const diagnosis = diagnose(withBadge(temporary, { sms: false }), { now: NOW });
    expect(ids(diagnosis)).toContainEqual(['qr-temporary-code', 'info']);
    expect(diagnosis.findings.find((finding) => finding.id === 'qr-temporary-code')!.summary).toMatch(
      /stops working in 6 hours\.$/,
    );
  });

  it.each([
    ['the policy is off', { ...QR_POLICY, state: 'disabled' as const }, 'qr-policy-off'],
    [
      'they are not targeted',
      { ...QR_POLICY, includeTargets: [{ id: 'other', targetType: 'group' as const }] },
      'qr-not-in-policy',
    ],
    [
      'they are excluded',
      { ...QR_POLICY, excludeTargets: [{ id: FRONTLINE, targetType: 'group' as const }] },
      'qr-not-in-policy',
    ],
  ])('cannot use the badge when %s', (_case, qrPolicy, id) => {
    const diagnosis = diagnose({ ...withBadge(badge(), { sms: false }), qrPolicy }, { now: NOW });
    expect(diagnosis.ready).toBe(false);
    expect(ids(diagnosis)).toEqual([[id, 'blocker']]);
  });
});

describe('a new starter with a badge and a Temporary Access Pass', () => {
  it('signs in with the pass first; the badge waits for that, and says so', () => {
    const unused = badge({ standardQRCode: { id: 'c', startDateTime: at(-0.1), expireDateTime: at(365) } });
    const starter: SignInSnapshot = {
      ...withBadge(unused, { sms: false }),
      lastSignIn: 'never',
      temporaryAccessPasses: [
        {
          id: 'tap-1',
          startDateTime: new Date(NOW.getTime() - 600_000).toISOString(),
          lifetimeInMinutes: 480,
          isUsableOnce: true,
          isUsable: true,
          methodUsabilityReason: 'EnabledByPolicy',
        },
      ],
    };
    const diagnosis = diagnose(starter, { now: NOW });
    expect(diagnosis.ready).toBe(true);
    expect(diagnosis.means).toBe('their Temporary Access Pass');
    expect(ids(diagnosis)).toEqual([
      ['qr-first-sign-in-needed', 'warning'],
      ['ready', 'ok'],
    ]);
    expect(diagnosis.findings[0]!.fix).toBe(
      'They have a Temporary Access Pass: let them sign in with it once, then the badge works.',
    );
    expect(diagnosis.findings[1]!.summary).toBe(
      'Jane Doe can sign in with their Temporary Access Pass once; it stops working in 8 hours.',
    );
  });

  it('is not ready once the pass is used up, and the badge asks for a pass again', () => {
    const unused = badge({ standardQRCode: { id: 'c', startDateTime: at(-0.1), expireDateTime: at(365) } });
    const used: SignInSnapshot = {
      ...withBadge(unused, { sms: false }),
      lastSignIn: 'never',
      temporaryAccessPasses: [
        {
          id: 'tap-1',
          startDateTime: at(-1),
          lifetimeInMinutes: 480,
          isUsableOnce: true,
          isUsable: false,
          methodUsabilityReason: 'OneTimeUsed',
        },
      ],
    };
    const diagnosis = diagnose(used, { now: NOW });
    expect(diagnosis.ready).toBe(false);
    expect(ids(diagnosis)).toEqual([['qr-first-sign-in-needed', 'blocker']]);
    expect(diagnosis.findings[0]!.fix).toMatch(/^Give them a Temporary Access Pass/);
  });
});

describe('a worker with a badge and SMS sign-in', () => {
  it('can still sign in by phone when the badge has expired: the badge only needs attention', () => {
    const expired = badge({ standardQRCode: { id: 'c', startDateTime: at(-370), expireDateTime: at(-5) } });
    const diagnosis = diagnose(withBadge(expired), { now: NOW });
    expect(diagnosis.ready).toBe(true);
    expect(diagnosis.means).toBe('their phone');
    expect(ids(diagnosis)).toEqual([
      ['qr-badge-expired', 'warning'],
      ['ready', 'ok'],
    ]);
  });

  it('can sign in with the badge when SMS sign-in stops working (FIG6)', () => {
    const worker = withBadge(badge());
    const fig6 = {
      ...worker,
      phoneMethods: worker.phoneMethods.map((m) => ({ ...m, smsSignInState: 'notConfigured' as const })),
    };
    const diagnosis = diagnose(fig6, { now: NOW });
    expect(diagnosis.ready).toBe(true);
    expect(diagnosis.means).toBe('their QR badge');
    expect(ids(diagnosis)).toEqual([
      ['number-not-enabled', 'warning'],
      ['ready', 'ok'],
    ]);
  });

  it('gets both sets of sign-in steps, the badge with the policy PIN length', () => {
    const steps = instructionsFor({ ...withBadge(badge()), readAt: NOW.toISOString() }, { personalChat: true });
    expect(steps).toContain('How Jane Doe signs in with their phone');
    expect(steps).toContain('How Jane Doe signs in with their QR badge');
    expect(steps).toMatch(/choose your own PIN of 8 or more digits/);
    expect(steps).toMatch(/Temporary Access Pass/);
  });
});

describe('a worker without a badge', () => {
  it('signs in by SMS and hears only that SMS sign-in stops, with a badge offered', () => {
    const diagnosis = diagnose({ ...readyWorker(), qrPolicy: QR_POLICY }, { now: NOW });
    expect(ids(diagnosis)).toEqual([
      ['sms-retiring', 'info'],
      ['ready', 'ok'],
    ]);
    expect(instructionsFor({ ...readyWorker(), qrPolicy: QR_POLICY }, { personalChat: false })).not.toMatch(/QR/);
  });
});
