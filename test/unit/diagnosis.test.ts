import { ageInWords } from '../../src/time/age-in-words';
import { diagnose } from '../../src/diagnosis/diagnose';
import type { Diagnosis } from '../../src/diagnosis/diagnose';
import type { FindingId } from '../../src/methods/method-types';
import { parsePhoneNumber } from '../../src/phone/phone-number';
import { EXCLUDED, FRONTLINE, MFA_ONLY, MOBILE_ID, readyWorker } from '../helpers/snapshots';

const NOW = new Date('2026-11-27T12:00:00Z');
const ids = (diagnosis: Diagnosis): FindingId[] => diagnosis.findings.map((finding) => finding.id);
const finding = (diagnosis: Diagnosis, id: FindingId) => {
  const found = diagnosis.findings.find((item) => item.id === id);
  if (!found) throw new Error(`no ${id} finding in ${ids(diagnosis).join(', ')}`);
  return found;
};

describe('diagnose', () => {
  it('says a ready worker can sign in, with the masked number and how to sign in', () => {
    const result = diagnose(readyWorker(), { now: NOW });
    expect(result.ready).toBe(true);
    // Before 1 February 2027 an SMS worker also hears that SMS sign-in stops (sms-retirement.test.ts).
    expect(ids(result)).toEqual(['sms-retiring', 'ready']);
    const ready = finding(result, 'ready')!;
    expect(ready.summary).toBe('Jane Doe can sign in with their phone number +44 •••• ••0123.');
    expect(ready.fix).toMatch(/6-digit code/);
    expect(JSON.stringify(result)).not.toContain('900123');
  });

  it('explains FIG6 (notConfigured) and offers to enable SMS sign-in', () => {
    const snapshot = readyWorker();
    snapshot.phoneMethods[0].smsSignInState = 'notConfigured';
    const result = diagnose(snapshot, { now: NOW });
    expect(result.ready).toBe(false);
    const fig6 = finding(result, 'number-not-enabled');
    expect(fig6.severity).toBe('blocker');
    expect(fig6.summary).toMatch(/attached but not turned on for sign-in.*FIG6/);
    // Turning SMS sign-in on needs no number: the change acts on the mobile the worker has.
    expect(fig6.proposal).toEqual({ kind: 'enable-sms-sign-in', tenantWide: false });
  });

  it('explains notEnabled (turned off by an admin) as FIG6 too, with the same offer', () => {
    const snapshot = readyWorker();
    snapshot.phoneMethods[0].smsSignInState = 'notEnabled';
    const fig6 = finding(diagnose(snapshot, { now: NOW }), 'number-not-enabled');
    expect(fig6.summary).toMatch(/turned off for sign-in/);
    expect(fig6.proposal?.kind).toBe('enable-sms-sign-in');
  });

  it('never offers to enable SMS sign-in for an admin', () => {
    const snapshot = readyWorker();
    snapshot.phoneMethods[0].smsSignInState = 'notConfigured';
    snapshot.roles = [
      {
        roleTemplateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
        displayName: 'Helpdesk Administrator',
        directoryScopeId: '/',
      },
    ];
    const fig6 = finding(diagnose(snapshot, { now: NOW }), 'number-not-enabled');
    expect(fig6.proposal).toBeUndefined();
    expect(fig6.fix).toMatch(/admin role.*will not turn on/);
  });

  it.each([
    [{ displayName: 'Sam Okafor' }, /already used to sign in by Sam Okafor/],
    ['hidden' as const, /already used to sign in by another account/],
    ['unknown' as const, /already used to sign in by another account/],
    [undefined, /already used to sign in by another account/],
  ])('explains a number in use, naming the holder only when visible (%j)', (holder, summary) => {
    const snapshot = readyWorker();
    snapshot.phoneMethods[0].smsSignInState = 'phoneNumberNotUnique';
    const inUse = finding(diagnose(snapshot, { now: NOW, holder }), 'number-in-use');
    expect(inUse.summary).toMatch(summary);
    expect(inUse.proposal?.kind).toBe('replace-number');
  });

  it('explains a missing mobile and offers to add one', () => {
    const snapshot = readyWorker();
    snapshot.phoneMethods = [];
    const result = diagnose(snapshot, { now: NOW });
    expect(ids(result)).toEqual(['no-mobile-number']);
    expect(result.findings[0].proposal).toEqual({ kind: 'add-number', tenantWide: false });
  });

  it('explains a number stored only as an office phone, offering to add it as the mobile', () => {
    const snapshot = readyWorker();
    snapshot.phoneMethods = [
      {
        id: 'e37fc753-ff3b-4958-9484-eaa9425c82bc',
        phoneType: 'office',
        phoneNumber: '+44 1614960123',
        smsSignInState: 'notSupported',
      },
    ];
    const wrongType = finding(diagnose(snapshot, { now: NOW }), 'number-on-wrong-phone-type');
    expect(wrongType.summary).toMatch(/saved as their office phone, which only takes voice calls/);
    expect(wrongType.proposal).toEqual({ kind: 'add-number', phoneNumber: '+44 1614960123', tenantWide: false });
  });

  it('spots the number the manager means on alternateMobile and offers to make it the mobile', () => {
    const snapshot = readyWorker();
    snapshot.phoneMethods.push({
      id: 'b6332ec1-7057-4abe-9331-3d72feddfe41',
      phoneType: 'alternateMobile',
      phoneNumber: '+44 7700900151',
      smsSignInState: 'notSupported',
    });
    const mentioned = parsePhoneNumber('07700 900151', 'GB');
    if (!mentioned.ok) throw new Error(mentioned.message);
    const result = diagnose(snapshot, { now: NOW, mentionedNumber: mentioned.number });
    const wrongType = finding(result, 'number-on-wrong-phone-type');
    expect(wrongType.summary).toMatch(/\+44 •••• ••0151 is saved as their alternate mobile number/);
    expect(wrongType.proposal).toEqual({ kind: 'replace-number', phoneNumber: '+44 7700900151', tenantWide: false });
    expect(result.ready).toBe(false);
  });

  it('explains a policy turned off for everyone, and nothing else about the policy', () => {
    const snapshot = readyWorker();
    snapshot.policy.state = 'disabled';
    snapshot.phoneMethods[0].smsSignInState = 'notAllowedByPolicy';
    const result = diagnose(snapshot, { now: NOW });
    expect(ids(result)).toEqual(['sms-policy-disabled']);
    expect(result.findings[0].summary).toMatch(/turned off for the whole organisation/);
  });

  it('explains "Use for sign-in" unchecked and offers the tenant-wide fix for that target', () => {
    const snapshot = readyWorker();
    snapshot.groups = [{ id: MFA_ONLY, displayName: 'SMS for MFA only' }];
    snapshot.phoneMethods[0].smsSignInState = 'notAllowedByPolicy';
    const unchecked = finding(diagnose(snapshot, { now: NOW }), 'use-for-sign-in-unchecked');
    expect(unchecked.summary).toMatch(
      /only as a second check.*"Use for sign-in" is not ticked for the group "SMS for MFA only"/,
    );
    expect(unchecked.proposal).toEqual({
      kind: 'set-use-for-sign-in',
      policyTargetId: MFA_ONLY,
      useForSignIn: true,
      tenantWide: true,
    });
  });

  it('explains a worker outside every policy target, naming the group to join', () => {
    const snapshot = readyWorker();
    snapshot.groups = [];
    snapshot.phoneMethods[0].smsSignInState = 'notAllowedByPolicy';
    const missing = finding(diagnose(snapshot, { now: NOW }), 'not-in-policy');
    expect(missing.fix).toBe('Ask IT to add Jane Doe to the group "Frontline workers".');
  });

  it('counts all_users as a target', () => {
    const snapshot = readyWorker();
    snapshot.groups = [];
    snapshot.policy.includeTargets = [{ id: 'all_users', targetType: 'group', isUsableForSignIn: true }];
    expect(diagnose(snapshot, { now: NOW }).ready).toBe(true);
  });

  it('explains an exclusion even when the worker is also targeted', () => {
    const snapshot = readyWorker();
    snapshot.groups.push({ id: EXCLUDED, displayName: 'SMS sign-in exclusions' });
    snapshot.phoneMethods[0].smsSignInState = 'notAllowedByPolicy';
    const excluded = finding(diagnose(snapshot, { now: NOW }), 'excluded-from-policy');
    expect(excluded.summary).toMatch(/is in the group "SMS sign-in exclusions", which is not allowed/);
  });

  it('explains a missing qualifying licence', () => {
    const snapshot = readyWorker();
    snapshot.licenses = ['FLOW_FREE'];
    const result = diagnose(snapshot, { now: NOW });
    expect(result.ready).toBe(false);
    expect(finding(result, 'no-qualifying-licence').fix).toMatch(/Microsoft 365 F1/);
  });

  it('explains a guest account', () => {
    const snapshot = readyWorker();
    snapshot.user.userType = 'Guest';
    snapshot.phoneMethods[0].smsSignInState = 'notSupported';
    expect(finding(diagnose(snapshot, { now: NOW }), 'guest-account').summary).toMatch(
      /guest account.*can't sign in by text message/,
    );
  });

  it('explains a disabled account even when the number is ready', () => {
    const snapshot = readyWorker();
    snapshot.user.accountEnabled = false;
    const result = diagnose(snapshot, { now: NOW });
    expect(result.ready).toBe(false);
    expect(ids(result)[0]).toBe('account-disabled');
  });

  it('warns about an admin who can sign in by SMS and offers to disable it', () => {
    const snapshot = readyWorker();
    snapshot.roles = [
      {
        roleTemplateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
        displayName: 'Helpdesk Administrator',
        directoryScopeId: '/',
      },
    ];
    const result = diagnose(snapshot, { now: NOW });
    const warning = finding(result, 'admin-with-sms-sign-in');
    expect(warning.severity).toBe('warning');
    expect(warning.summary).toMatch(/Helpdesk Administrator.*SIM swap/);
    expect(warning.proposal).toEqual({ kind: 'disable-sms-sign-in', tenantWide: false });
    expect(ids(result)).toEqual(['admin-with-sms-sign-in', 'ready']);
  });

  it('mentions sessions revoked less than a day ago, and not older ones', () => {
    const snapshot = readyWorker();
    snapshot.user.signInSessionsValidFromDateTime = '2026-11-27T09:30:00Z';
    expect(finding(diagnose(snapshot, { now: NOW }), 'sessions-recently-revoked').summary).toBe(
      'Jane Doe was signed out everywhere 2 hours ago.',
    );
    snapshot.user.signInSessionsValidFromDateTime = '2026-11-27T11:30:00Z';
    expect(finding(diagnose(snapshot, { now: NOW }), 'sessions-recently-revoked').summary).toMatch(
      /signed out everywhere less than an hour ago\.$/,
    );
    snapshot.user.signInSessionsValidFromDateTime = '2026-11-25T09:30:00Z';
    expect(ids(diagnose(snapshot, { now: NOW }))).not.toContain('sessions-recently-revoked');
  });

  it('lists blockers before warnings and information', () => {
    const snapshot = readyWorker();
    snapshot.user.signInSessionsValidFromDateTime = '2026-11-27T11:00:00Z';
    snapshot.phoneMethods[0].smsSignInState = 'notConfigured';
    snapshot.licenses = [];
    const severities = diagnose(snapshot, { now: NOW }).findings.map((item) => item.severity);
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) => ['blocker', 'warning', 'info', 'ok'].indexOf(a) - ['blocker', 'warning', 'info', 'ok'].indexOf(b),
      ),
    );
    expect(severities[0]).toBe('blocker');
  });

  it('keeps every summary to one sentence on one line', () => {
    const snapshot = readyWorker();
    snapshot.phoneMethods = [
      { id: MOBILE_ID, phoneType: 'mobile', phoneNumber: '+44 7700900123', smsSignInState: 'phoneNumberNotUnique' },
    ];
    snapshot.licenses = [];
    snapshot.user.accountEnabled = false;
    snapshot.groups = [
      { id: FRONTLINE, displayName: 'Frontline workers' },
      { id: EXCLUDED, displayName: 'SMS sign-in exclusions' },
    ];
    for (const item of diagnose(snapshot, { now: NOW }).findings) {
      expect(item.summary).not.toContain('\n');
      expect(item.summary.replace(/e\.g\.|\.\d/g, '').match(/\.(\s|$)/g) ?? []).toHaveLength(1);
    }
  });
});

describe('ages in words', () => {
  it('says how long ago in hours under a day and in days after, never a clock time', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(ageInWords('2026-12-01T11:30:00Z', now)).toBe('less than an hour ago');
    expect(ageInWords('2026-12-01T11:00:00Z', now)).toBe('1 hour ago');
    expect(ageInWords('2026-11-30T13:00:00Z', now)).toBe('23 hours ago');
    expect(ageInWords('2026-11-30T12:00:00Z', now)).toBe('1 day ago');
    expect(ageInWords('2026-11-21T12:00:00Z', now)).toBe('10 days ago');
  });
});
