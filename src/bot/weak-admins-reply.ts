// "Which admins can sign in by text message?": tenant admins only. The list is read live; a fix button asks for the
// usual change (SMS sign-in off, or the QR badge removed) for that one person, approved by a second person. The
// button carries only who and which fix: both are checked again against a fresh read before anything is asked.
import type { TurnContext } from 'botbuilder';
import type { Person } from '../audit/audit-context';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { buildWeakAdminsCard } from '../cards/weak-admins-card';
import { readWeakAdmins, type WeakAdminGateway } from '../checks/weak-admin-read';
import { submitChange, type SubmitChangeDeps } from '../conversation/submit-change';
import { workerById, type WorkerLookupDeps } from '../conversation/worker-lookup';
import type { WeakWay } from '../diagnosis/weak-admins';
import { personOf, WHO_ARE_YOU } from './person-of';

export interface WeakAdminDeps extends SubmitChangeDeps, WorkerLookupDeps {
  gateway: WeakAdminGateway & WorkerLookupDeps['gateway'];
}

type Answer = { card: AdaptiveCard } | { text: string } | { posted: string };

const ONLY_TENANT_ADMINS = 'Only tenant admins can see which admins sign in with a single check.';

const REASONS: Record<WeakWay, string> = {
  sms: 'holds an admin role and can sign in by text message, which a SIM swap could use',
  badge: 'holds an admin role and has a working QR badge, a single check too weak for an admin account',
};

export async function weakAdminsAnswer(deps: WeakAdminDeps, requester: Person): Promise<Answer> {
  const profile = await deps.directory.profile(requester, { fresh: true });
  if (!deps.access.isTenantAdmin(profile)) return { text: ONLY_TENANT_ADMINS };
  return { card: buildWeakAdminsCard(await readWeakAdmins(deps.gateway, new Date())) };
}

/** A fix button: still an admin, still that way in? Then the change is asked for, as any fix is. */
export async function fixWeakAdmin(
  deps: WeakAdminDeps,
  context: TurnContext,
  data: Record<string, unknown>,
): Promise<Answer> {
  const requester = personOf(context.activity);
  if (!requester) return { text: WHO_ARE_YOU };
  const userId = typeof data.userId === 'string' ? data.userId : '';
  const way = data.fix === 'sms' || data.fix === 'badge' ? data.fix : undefined;
  if (!userId || !way) return { text: 'That card is no longer valid.' };
  const profile = await deps.directory.profile(requester, { fresh: true });
  if (!deps.access.isTenantAdmin(profile)) return { text: ONLY_TENANT_ADMINS };
  const now = await readWeakAdmins(deps.gateway, new Date());
  const admin = now.admins.find((candidate) => candidate.userId === userId);
  if (!admin || !admin.ways.includes(way))
    return {
      text: 'That is no longer so: ask "which admins can sign in by text message?" to see the list as it is now.',
    };
  const found = await workerById(deps, requester, userId, admin.displayName);
  if (found.kind === 'none') return { text: found.message };
  if (found.kind !== 'found') return { text: 'Please try again.' };
  const request = await submitChange(
    deps,
    context,
    {
      requester,
      kind: way === 'sms' ? 'disable-sms-sign-in' : 'remove-qr-method',
      target: { userId, displayName: found.snapshot.user.displayName },
      reason: `${found.snapshot.user.displayName} ${REASONS[way]}`.slice(0, 500),
      urgent: false,
      tenantWide: false,
    },
    found.snapshot,
  );
  return { posted: request ? `Request ${request.number}: see its card below.` : 'Nothing was asked for.' };
}
