import { fromGraph, maskGraphNumber } from '../../phone/phone-number';
import type { DiagnosisContext } from '../diagnosis-context';
import type { Finding } from '../finding';
import { lostNumberFinding, lostReportOf } from './lost-number-findings';
import { isAdmin } from '../account/admin-roles';
import type { PhoneMethodSnapshot } from '../../snapshot/sign-in-snapshot';
import type { SignInSnapshot } from '../method-types';

const TYPE_NAMES = {
  mobile: 'mobile number',
  alternateMobile: 'alternate mobile number',
  office: 'office phone',
} as const;

export function masked(method: Pick<PhoneMethodSnapshot, 'phoneNumber'>): string {
  return maskGraphNumber(method.phoneNumber, 'a number in an unexpected format');
}

/** Findings about the worker's phone methods and their smsSignInState (docs/graph-facts.md §1.3, §2, §12). */
export function numberFindings(snapshot: SignInSnapshot, context: DiagnosisContext): Finding[] {
  const name = snapshot.user.displayName;
  const mobile = snapshot.phoneMethods.find((method) => method.phoneType === 'mobile');
  const others = snapshot.phoneMethods.filter((method) => method.phoneType !== 'mobile');
  const findings: Finding[] = [];

  // The number the manager means is stored as a voice-only phone.
  const mentioned = context.mentionedNumber;
  const misplaced = mentioned
    ? others.find((method) => fromGraph(method.phoneNumber)?.e164 === mentioned.e164)
    : undefined;
  const voiceOnly = misplaced ?? (mobile ? undefined : others[0]);
  if (voiceOnly) {
    findings.push({
      id: 'number-on-wrong-phone-type',
      severity: 'blocker',
      summary: `${name}'s number ${masked(voiceOnly)} is saved as their ${TYPE_NAMES[voiceOnly.phoneType]}, which only takes voice calls; sign-in needs it as their mobile number.`,
      fix: mobile
        ? `Replace the mobile number ${masked(mobile)} with ${masked(voiceOnly)}.`
        : `Add ${masked(voiceOnly)} as ${name}'s mobile number.`,
      proposal: {
        kind: mobile ? 'replace-number' : 'add-number',
        phoneNumber: voiceOnly.phoneNumber,
        tenantWide: false,
      },
    });
  }
  if (!mobile) {
    if (!voiceOnly) {
      findings.push({
        id: 'no-mobile-number',
        severity: 'blocker',
        summary: `${name} has no mobile number to sign in with.`,
        fix: `Add ${name}'s mobile number, with its country code, for example "add +44 7700 900123 for ${name}".`,
        proposal: { kind: 'add-number', tenantWide: false },
      });
    }
    return findings;
  }

  const lost = mobile.smsSignInState !== 'ready' ? lostReportOf(mobile, context.lostNumbers) : undefined;
  if (lost) {
    findings.push(lostNumberFinding(name, mobile, lost, context.now));
    return findings;
  }

  switch (mobile.smsSignInState) {
    case 'notConfigured':
    case 'notEnabled': {
      const admin = isAdmin(snapshot);
      findings.push({
        id: 'number-not-enabled',
        severity: 'blocker',
        summary:
          mobile.smsSignInState === 'notEnabled'
            ? `${name}'s number ${masked(mobile)} was turned off for sign-in (for example after a lost phone), so signing in with it fails with the error frontline guides call FIG6.`
            : `${name}'s number ${masked(mobile)} is attached but not turned on for sign-in, which causes the error frontline guides call FIG6.`,
        fix: admin
          ? `${name} holds an admin role, so phonedesk will not turn on SMS sign-in for them; they should use a stronger sign-in method.`
          : `Turn on SMS sign-in for ${masked(mobile)}. phonedesk can request it for approval now.`,
        ...(!admin && { proposal: { kind: 'enable-sms-sign-in', tenantWide: false } }),
      });
      break;
    }
    case 'phoneNumberNotUnique': {
      const holder = context.holder;
      const who = holder && typeof holder === 'object' ? holder.displayName : 'another account';
      findings.push({
        id: 'number-in-use',
        severity: 'blocker',
        summary: `${name}'s number ${masked(mobile)} is already used to sign in by ${who}, and a number can sign in only one person.`,
        fix: `Use ${name}'s own mobile number, or remove ${masked(mobile)} from ${who} first if it is really ${name}'s.`,
        proposal: { kind: 'replace-number', tenantWide: false },
      });
      break;
    }
    case 'notSupported':
      // Explained by the guest finding; nothing to add for a mobile.
      break;
    default:
      break;
  }
  return findings;
}
