// A mobile number phonedesk turned off because the phone was lost or its SIM swapped. Whoever has the phone
// receives the codes, so the number is never turned back on: the offers are a new number or removing this one.
import { fromGraph, maskGraphNumber } from '../../phone/phone-number';
import { ageInWords } from '../../time/age-in-words';
import type { LostNumberReport } from '../diagnosis-context';
import type { Finding } from '../finding';
import type { PhoneMethodSnapshot } from '../../snapshot/sign-in-snapshot';

const masked = (method: PhoneMethodSnapshot): string => maskGraphNumber(method.phoneNumber, 'the number');

/** The report of this mobile number, if phonedesk knows it as lost. */
export function lostReportOf(
  mobile: PhoneMethodSnapshot,
  reports: readonly LostNumberReport[] | undefined,
): LostNumberReport | undefined {
  const e164 = fromGraph(mobile.phoneNumber)?.e164;
  return e164 === undefined ? undefined : reports?.find((report) => report.e164 === e164);
}

export function lostNumberFinding(
  name: string,
  mobile: PhoneMethodSnapshot,
  report: LostNumberReport,
  now: Date,
): Finding {
  const turnedOff = report.turnedOffAt
    ? `was turned off for sign-in ${ageInWords(report.turnedOffAt, now)}`
    : 'is being turned off for sign-in';
  return {
    id: 'lost-number',
    severity: 'blocker',
    summary: `${name}'s number ${masked(mobile)} ${turnedOff} after ${report.reportedBy} reported the phone lost or its SIM swapped (request ${report.requestNumber}, ${ageInWords(report.reportedAt, now)}). It stays on the account but can't be used to sign in, and phonedesk will not turn it back on: whoever has that phone would get the codes.`,
    fix: `${name} signs in again once their new number is added. Add their new number; you can also remove the lost number.`,
    proposal: { kind: 'replace-number', tenantWide: false, title: 'Add their new number' },
    otherProposals: [{ kind: 'remove-number', tenantWide: false, title: 'Remove the lost number' }],
  };
}
