// The tenant-posture cards as a tenant admin reads them: valid for Teams, buttons carrying only who and which fix,
// and each line of the readiness card saying what to do next for the state it reads.
import { buildReadinessCard } from '../../src/cards/readiness-card';
import { buildWeakAdminsCard } from '../../src/cards/weak-admins-card';
import type { Readiness } from '../../src/diagnosis/readiness';
import type { WeakAdmin } from '../../src/diagnosis/weak-admins';
import { cardProblems, executes, textOf } from '../helpers/card-validator';

const NOW = new Date('2026-12-02T12:00:00Z');

const RACHEL: WeakAdmin = {
  userId: '6d0c2a4e-3b1f-4c9a-9e2d-1f5a7b8c9d0e',
  displayName: 'Rachel Green',
  userPrincipalName: 'rachel.green@contoso.example',
  roles: [{ displayName: 'Helpdesk Administrator', eligible: false, scoped: false }],
  ways: ['sms'],
};
const KYLE: WeakAdmin = {
  userId: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
  displayName: 'Kyle Adams',
  userPrincipalName: 'kyle.adams@contoso.example',
  roles: [
    { displayName: 'Password Administrator', eligible: true, scoped: false },
    { displayName: 'User Administrator', eligible: false, scoped: true, throughGroup: "'Shift leads'" },
  ],
  ways: ['sms', 'badge'],
};

describe('admins with weak sign-in', () => {
  it('is a valid card with one fix per way in, carrying only the person and the fix', () => {
    const card = buildWeakAdminsCard({ admins: [KYLE, RACHEL], holders: 9, unread: 0, readAt: NOW.toISOString() });
    expect(cardProblems(card)).toEqual([]);
    expect(executes(card).map((action) => [action.title, action.data])).toEqual([
      ['Turn off SMS sign-in for Kyle', { userId: KYLE.userId, fix: 'sms' }],
      ["Remove Kyle's QR badge", { userId: KYLE.userId, fix: 'badge' }],
      ['Turn off SMS sign-in for Rachel', { userId: RACHEL.userId, fix: 'sms' }],
    ]);
    const text = textOf(card);
    expect(text).toContain('2 people with an admin role can sign in with a single check.');
    expect(text).toContain(
      "Password Administrator (eligible, not active), User Administrator (for one store, through 'Shift leads')",
    );
  });

  it('says when nobody is left, and when eligible roles or some holders could not be read', () => {
    const card = buildWeakAdminsCard({
      admins: [],
      holders: 4,
      unread: 1,
      eligibleNote: 'Eligible roles (Privileged Identity Management) are not shown: phonedesk cannot read them.',
      readAt: NOW.toISOString(),
    });
    expect(cardProblems(card)).toEqual([]);
    expect(executes(card)).toEqual([]);
    const text = textOf(card);
    expect(text).toContain('Nobody holding an admin role can sign in by text message or with a QR badge.');
    expect(text).toContain('1 role holder could not be read just now');
    expect(text).toContain('Eligible roles (Privileged Identity Management) are not shown');
  });
});

function readiness(overrides: Partial<Readiness> = {}): Readiness {
  return {
    readAt: NOW.toISOString(),
    policy: { state: 'enabled', includeTargets: [], excludeTargets: [], telecomProviderSettings: null },
    stores: [
      { store: 'Leeds Briggate', workers: 11, onSms: 7, usedBadge: 1, onSmsOnly: 6 },
      { store: 'Bristol Cabot Circus', workers: 10, onSms: 2, usedBadge: 2, onSmsOnly: 0 },
      { store: 'Redmond Town Center', workers: 10, onSms: 0, usedBadge: 10, onSmsOnly: 0 },
    ],
    total: { workers: 31, onSms: 9, usedBadge: 13, onSmsOnly: 6 },
    outsideStores: { workers: 0, onSms: 0, usedBadge: 0, onSmsOnly: 0 },
    unread: 0,
    settings: { policyMigrationState: 'migrationComplete', campaignState: 'default' },
    ...overrides,
  };
}

describe('readiness for 1 February 2027', () => {
  it('gives each store its next step: move, finish, or nothing left', () => {
    const card = buildReadinessCard(readiness(), NOW);
    expect(cardProblems(card)).toEqual([]);
    const text = textOf(card);
    expect(text).toContain('61 days left');
    expect(text).toContain('9 workers still sign in by text message; 6 of them have no used badge');
    expect(text).toContain(
      '7 of 11 on SMS, 1 with a used badge; move 6 to badges ("move Leeds Briggate to QR badges")',
    );
    expect(text).toContain('everyone on SMS has used a badge: "finish moving Bristol Cabot Circus"');
    expect(text).toContain('0 of 10 on SMS, 10 with a used badge; nothing left to do');
  });

  it('tells a provider that it keeps SMS for MFA only, and a migration or campaign that needs a hand', () => {
    const card = buildReadinessCard(
      readiness({
        policy: {
          state: 'enabled',
          includeTargets: [],
          excludeTargets: [],
          telecomProviderSettings: { url: 'https://sms.example', appId: 'app', migrationPercentage: 50 },
        },
        settings: { policyMigrationState: 'migrationInProgress', campaignState: 'disabled' },
      }),
      NOW,
    );
    const text = textOf(card);
    expect(text).toContain('A customer-managed telecom provider is configured');
    expect(text).toContain('A provider keeps text messages for MFA and password reset only, not for signing in');
    expect(text).toMatch(/Policy migration: migrationInProgress\. Until it is complete .* finish the migration/);
    expect(text).toMatch(/Registration campaign: off\. Nobody is nudged away from SMS: turn it on/);
  });

  it('tells a methods policy it could not read, and the day after the retirement', () => {
    const card = buildReadinessCard(
      readiness({
        settings: { unreadable: 'phonedesk cannot read the authentication methods policy: grant it Policy.Read.All.' },
      }),
      new Date('2027-02-02T09:00:00Z'),
    );
    const text = textOf(card);
    expect(text).toContain('Sign-in by text message ended on 1 February 2027.');
    expect(text).toContain('grant it Policy.Read.All');
    expect(text).not.toContain('Registration campaign');
  });
});
