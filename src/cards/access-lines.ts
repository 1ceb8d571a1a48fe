// The tenant check's Conditional Access lines: for tenant admins, per group that signs in by text message or with a
// QR badge, what enforced policies ask of it, the gaps and what to add, each covering policy linked to the Entra
// admin center; for everyone else, one line. phonedesk never writes Conditional Access: it explains and points.
import { openToEveryApp, type AccessCheck, type Cover, type GroupCoverage } from '../diagnosis/access-coverage';
import type { CardElement } from './adaptive-card';
import { plural, text } from './card-words';

/** Where an admin opens one policy in the Microsoft Entra admin center. */
export function policyLink(policy: { id: string; displayName: string }): string {
  const name = policy.displayName.replace(/[[\]]/g, '');
  return `[${name}](https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/PolicyBlade/policyId/${encodeURIComponent(policy.id)})`;
}

function how(line: GroupCoverage): string {
  const { methods } = line.group;
  if (methods.length > 1) return 'by text message or with a QR badge';
  return methods[0] === 'sms' ? 'by text message' : 'with a QR badge';
}

function covered(cover: Cover): string {
  return cover.by.map((policy) => `${policyLink(policy)} ${policy.detail}`).join('; ');
}

function reportOnly(cover: Cover): CardElement[] {
  return cover.reportOnly.map((policy) =>
    text(
      `${policyLink(policy)} is report-only, so it does not count: it only logs what it would do (it ${policy.detail}). Turn it on to enforce it.`,
    ),
  );
}

function groupLines(line: GroupCoverage): CardElement[] {
  const who = line.group.name;
  const lines: CardElement[] = [text(`${who}, who sign in ${how(line)}`, { weight: 'Bolder' })];
  lines.push(
    line.apps.by.length > 0
      ? text(`Kept to named apps: ${covered(line.apps)}.`)
      : text(
          `Workers in ${who} can sign in ${how(line)} to every app, including admin portals. Add a Conditional Access policy for ${who} that blocks all cloud apps except the ones they need (such as Microsoft Teams, where Shifts lives).`,
        ),
    ...reportOnly(line.apps),
  );
  lines.push(
    line.device.by.length > 0
      ? text(`Device required: ${covered(line.device)}.`)
      : text(
          `No enforced policy requires a compliant or shared device for ${who}. Add one that requires a compliant device, or that blocks devices other than shared ones (a device filter on device.profileType -eq "Shared").`,
        ),
    ...reportOnly(line.device),
  );
  lines.push(
    line.strength.by.length > 0
      ? text(`Authentication strength: ${covered(line.strength)}.`)
      : text(
          `No enforced policy asks ${who} for an authentication strength. Microsoft advises requiring a stronger method off-site, for example outside your store networks.`,
        ),
    ...reportOnly(line.strength),
  );
  return lines;
}

/** Tenant admins: every group in full. */
export function accessSection(access: AccessCheck): CardElement {
  const items: CardElement[] = [text('Conditional Access', { weight: 'Bolder' })];
  if (access.kind === 'unreadable') items.push(text(access.message));
  else if (access.coverage.length === 0)
    items.push(
      text('Nobody signs in by text message or with a QR badge, so Conditional Access has nothing to cover here.'),
    );
  else {
    items.push(
      text(
        'Text messages and QR badges are single checks. Microsoft advises keeping those workers to the apps they need, on compliant shared devices, with a stronger method off-site. Only policies that are on count.',
        { isSubtle: true },
      ),
    );
    for (const line of access.coverage) items.push(...groupLines(line));
  }
  return { type: 'Container', separator: true, items };
}

/** Helpdesk and approvers: one line, the details left to a tenant admin. */
export function accessLine(access: AccessCheck): CardElement {
  if (access.kind === 'unreadable') return text(access.message, { isSubtle: true });
  const open = openToEveryApp(access.coverage).map((line) => line.group.name);
  if (open.length === 0)
    return text(
      access.coverage.length === 0
        ? 'Conditional Access: nobody signs in by text message or with a QR badge.'
        : 'Conditional Access keeps every group that signs in by text message or QR badge to named apps.',
      { isSubtle: true },
    );
  return text(
    `Conditional Access: ${plural(open.length, 'group')} (${open.join(', ')}) can sign in to every app with a single check. A tenant admin sees the details and what to add in this check.`,
    { isSubtle: true },
  );
}
