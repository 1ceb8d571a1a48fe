// A number phonedesk turned off as lost gets its own finding: why it is off, and never "turn it back on".
import { buildDiagnosisCard, PROPOSE_VERB } from '../../src/cards/diagnosis-card';
import { diagnose } from '../../src/diagnosis/diagnose';
import type { LostNumberReport } from '../../src/methods/diagnosis-context';
import { readyWorker } from '../helpers/snapshots';

const NOW = new Date('2026-11-27T12:00:00Z');
const REPORT: LostNumberReport = {
  e164: '+447700900123',
  requestNumber: 7,
  reportedBy: 'Priya Shah',
  reportedAt: '2026-11-26T09:14:00.000Z',
  turnedOffAt: '2026-11-26T09:20:30.000Z',
};

function lostWorker() {
  const snapshot = readyWorker();
  snapshot.phoneMethods[0]!.smsSignInState = 'notEnabled';
  return snapshot;
}

describe('a lost number in the diagnosis', () => {
  it('says when and after whose report it was turned off, and offers a new number or removal instead of turning it on', () => {
    const result = diagnose(lostWorker(), { now: NOW, lostNumbers: [REPORT] });
    expect(result.findings.map((finding) => finding.id)).toEqual(['lost-number']);
    const [lost] = result.findings;
    expect(lost!.summary).toBe(
      "Jane Doe's number +44 •••• ••0123 was turned off for sign-in 1 day ago after Priya Shah reported the phone lost or its SIM swapped (request 7, 1 day ago). It stays on the account but can't be used to sign in, and phonedesk will not turn it back on: whoever has that phone would get the codes.",
    );
    expect(JSON.stringify(result)).not.toContain('900123');
    // Read in any zone, on cards and in chat: an age, never a clock time.
    expect(JSON.stringify(result)).not.toMatch(/UTC|\d\d:\d\d/);
    const actions = (
      buildDiagnosisCard(result, { mode: 'diagnose', offerFixes: true }).body as unknown as Array<{
        items?: Array<{ type: string; actions?: Array<{ title: string; verb: string; data: unknown }> }>;
      }>
    )
      .flatMap((element) => element.items ?? [])
      .flatMap((item) => item.actions ?? []);
    expect(actions.map(({ title, verb, data }) => ({ title, verb, data }))).toEqual([
      { title: 'Add their new number', verb: PROPOSE_VERB, data: { userId: result.userId, finding: 'lost-number' } },
      {
        title: 'Remove the lost number',
        verb: PROPOSE_VERB,
        data: { userId: result.userId, finding: 'lost-number', offer: 'remove-number' },
      },
    ]);
  });

  it('keeps the usual FIG6 finding and offer for a number nobody reported lost', () => {
    const result = diagnose(lostWorker(), { now: NOW, lostNumbers: [{ ...REPORT, e164: '+447700900999' }] });
    expect(result.findings.map((finding) => finding.id)).toEqual(['number-not-enabled']);
    expect(result.findings[0]!.proposal?.kind).toBe('enable-sms-sign-in');
  });
});
