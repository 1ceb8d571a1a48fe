// SMS sign-in stops on 1 February 2027: a worker who signs in by text message and has no badge hears it in one
// line, with the days left counted from the reader's now, and is offered a badge while SMS can still do its first
// sign-in; nobody else is told.
import { diagnose } from '../../src/diagnosis/diagnose';
import { daysUntilSmsEnds, retirementFindings } from '../../src/methods/sms-sign-in/sms-retirement';
import type { SignInSnapshot } from '../../src/methods/method-types';
import { specOf } from '../../src/methods/registry';
import { frontlineQrPolicy, readyWorker } from '../helpers/snapshots';

const QR_POLICY = frontlineQrPolicy(200);
const DECEMBER_2 = new Date('2026-12-02T09:00:00Z');

const worker = (overrides: Partial<SignInSnapshot> = {}): SignInSnapshot => ({
  ...readyWorker(),
  qrPolicy: QR_POLICY,
  ...overrides,
});

describe('days until SMS sign-in stops', () => {
  it.each([
    ['2026-12-02T09:00:00Z', 61],
    ['2027-01-31T00:00:01Z', 1],
    ['2027-01-31T23:59:59Z', 1],
    ['2027-02-01T00:00:00Z', 0],
    ['2027-03-01T00:00:00Z', 0],
  ])('on %s: %i', (now, days) => {
    expect(daysUntilSmsEnds(new Date(now))).toBe(days);
  });
});

describe('an SMS worker without a badge', () => {
  it('is told the date and the days left, and offered a badge for the policy lifetime', () => {
    const [finding] = retirementFindings(worker(), DECEMBER_2);
    expect(finding).toMatchObject({ id: 'sms-retiring', severity: 'info' });
    expect(finding!.summary).toMatch(/SMS sign-in stops on 1 February 2027, in 61 days/);
    expect(finding!.summary).toContain(readyWorker().user.displayName);
    expect(finding!.proposal).toEqual({
      kind: 'issue-badge',
      lifetimeDays: 200,
      tenantWide: false,
      title: 'Give a badge',
    });
  });

  it('says one day, not "1 days", on the last day', () => {
    expect(retirementFindings(worker(), new Date('2027-01-31T12:00:00Z'))[0]!.summary).toMatch(/in 1 day:/);
  });

  it('is told whom to ask when the QR policy does not include them, and offered no badge', () => {
    const outside = {
      ...QR_POLICY,
      includeTargets: [{ id: 'group-stores', targetType: 'group' as const, displayName: 'Store staff' }],
    };
    const [finding] = retirementFindings(worker({ qrPolicy: outside }), DECEMBER_2);
    expect(finding!.fix).toMatch(/ask IT to add them to the group "Store staff"|ask IT to add them to .*Store staff/);
    expect(finding!.proposal).toBeUndefined();
  });

  it('still gets the ready line first: the reminder never stops them', () => {
    const diagnosis = diagnose(worker(), { now: DECEMBER_2 });
    expect(diagnosis.findings.map((finding) => finding.id)).toContain('sms-retiring');
    expect(diagnosis.findings.find((finding) => finding.severity === 'blocker')).toBeUndefined();
  });
});

describe('nobody else is told', () => {
  const admin = {
    ...worker(),
    roles: [{ roleTemplateId: 'r', displayName: 'Helpdesk Administrator', directoryScopeId: '/' }],
  };
  it.each<[string, SignInSnapshot, Date]>([
    ['after the day itself', worker(), new Date('2027-02-01T00:00:00Z')],
    [
      'a worker whose SMS sign-in is not on',
      { ...worker(), phoneMethods: [{ ...readyWorker().phoneMethods[0]!, smsSignInState: 'notEnabled' }] },
      DECEMBER_2,
    ],
    ['a worker with no phone', { ...worker(), phoneMethods: [] }, DECEMBER_2],
    ['an admin, who gets no badge from phonedesk', admin as SignInSnapshot, DECEMBER_2],
    ['a guest', { ...worker(), user: { ...readyWorker().user, userType: 'Guest' } }, DECEMBER_2],
  ])('%s', (_case, snapshot, now) => {
    expect(retirementFindings(snapshot, now)).toEqual([]);
  });
});

describe('from 1 February 2027, a number is no longer set up for sign-in', () => {
  const readAt = (iso: string): SignInSnapshot => ({ ...worker(), readAt: iso });
  const name = readyWorker().user.displayName;

  it.each(['add-number', 'replace-number', 'enable-sms-sign-in'] as const)(
    '%s is refused on the day and after, with a badge offered instead',
    (kind) => {
      const spec = specOf({ kind });
      expect(spec.refusalFor?.(readAt('2027-01-31T23:59:59Z'))).toBeUndefined();
      for (const at of ['2027-02-01T00:00:00Z', '2027-06-01T12:00:00Z']) {
        const refusal = spec.refusalFor?.(readAt(at));
        expect(refusal).toMatch(/^SMS sign-in stopped on 1 February 2027/);
        expect(refusal).toContain(`say "give ${name} a QR badge"`);
      }
    },
  );

  it('still removes a number or turns SMS sign-in off after the date', () => {
    for (const kind of ['remove-number', 'disable-sms-sign-in'] as const)
      expect(specOf({ kind }).refusalFor?.(readAt('2027-03-01T00:00:00Z'))).toBeUndefined();
  });

  it('tells the requester of a new number, on their card, the days left and how to ask for a badge', () => {
    const change = {
      kind: 'add-number' as const,
      phoneNumber: '+44 7700900123',
      target: { userId: 'u1', displayName: 'Jane Doe' },
    };
    expect(specOf(change).requesterNotice?.(change, DECEMBER_2)).toBe(
      'SMS sign-in stops on 1 February 2027, in 61 days: after that Jane Doe needs a QR badge. To give one now, say "give Jane Doe a QR badge".',
    );
    expect(specOf(change).requesterNotice?.(change, new Date('2027-01-31T12:00:00Z'))).toMatch(/in 1 day:/);
    expect(specOf({ kind: 'remove-number' }).requesterNotice).toBeUndefined();
  });
});
