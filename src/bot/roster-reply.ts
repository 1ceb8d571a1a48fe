// A roster pasted into the chat: every line checked and answered on one card; "Ask for approval" reads the roster
// again from the button (untrusted text, checked in full once more) and asks for its valid lines as one request,
// approved by helpdesk like any change, then run as a job (src/jobs/onboard-job.ts).
import type { TurnContext } from 'botbuilder';
import type { Person } from '../audit/audit-context';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { buildRosterCard } from '../cards/roster-card';
import { submitChange, type SubmitChangeDeps } from '../conversation/submit-change';
import { checkRoster, type LineVerdict, type RosterCheckDeps } from '../jobs/roster-check';
import { QR_SNAPSHOT } from '../methods/qr-code-pin/qr-snapshot';
import { TAP_SNAPSHOT } from '../methods/temporary-access-pass/tap-snapshot';
import type { GraphGateway } from '../graph/graph-gateway';
import { personOf, WHO_ARE_YOU } from './person-of';
import { rosterOf } from './understanding/roster-lines';

export interface RosterDeps extends SubmitChangeDeps, Omit<RosterCheckDeps, 'gateway' | 'holders'> {
  gateway: RosterCheckDeps['gateway'] & Pick<GraphGateway, 'tenantSlice'>;
}

type Answer = { card: AdaptiveCard } | { text: string } | { posted: string };

const NOT_A_ROSTER =
  'Send a roster as one worker a line: their name or email, then a mobile number or "badge". For example:\nJane Doe, +44 7700 900123\nbob.smith@contoso.com, badge';

async function verdictsFor(
  deps: RosterDeps,
  requester: Person,
  text: string,
): Promise<{ verdicts: LineVerdict[]; leftOver: number } | { text: string }> {
  const roster = rosterOf(text);
  if (!roster) return { text: NOT_A_ROSTER };
  const profile = await deps.directory.profile(requester, { fresh: true });
  if (!deps.access.mayRequest(profile))
    return { text: 'Only store managers and helpdesk staff can ask phonedesk for changes.' };
  return { verdicts: await checkRoster(deps, profile, roster.lines), leftOver: roster.leftOver };
}

export async function rosterAnswer(deps: RosterDeps, requester: Person, text: string): Promise<Answer> {
  const checked = await verdictsFor(deps, requester, text);
  if ('text' in checked) return checked;
  return { card: buildRosterCard(checked.verdicts, text, checked.leftOver) };
}

export async function askRoster(
  deps: RosterDeps,
  context: TurnContext,
  data: Record<string, unknown>,
): Promise<Answer> {
  const requester = personOf(context.activity);
  if (!requester) return { text: WHO_ARE_YOU };
  const text = typeof data.roster === 'string' && data.roster.length <= 8000 ? data.roster : '';
  const checked = await verdictsFor(deps, requester, text);
  if ('text' in checked) return checked;
  const planned = checked.verdicts.flatMap((verdict) => (verdict.ok ? [verdict.entry] : []));
  if (planned.length === 0) return { text: 'Nothing in that roster can be set up now.' };
  const [qr, tap] = await Promise.all([deps.gateway.tenantSlice(QR_SNAPSHOT), deps.gateway.tenantSlice(TAP_SNAPSHOT)]);
  const request = await submitChange(
    deps,
    context,
    {
      requester,
      kind: 'onboard-roster',
      planned,
      lifetimeDays: qr.qrPolicy?.standardQRCodeLifetimeInDays ?? 365,
      passMinutes: tap.tapPolicy?.defaultLifetimeInMinutes ?? 60,
      target: { userId: `roster:${requester.aadObjectId}`, displayName: `${planned.length} workers from a roster` },
      reason: 'Onboarding from a roster',
      urgent: false,
      tenantWide: false,
    },
    undefined,
  );
  return { posted: request ? `Request ${request.number}: see its card below.` : 'Nothing was asked for.' };
}
