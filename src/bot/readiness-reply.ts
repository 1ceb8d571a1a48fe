// "Are we ready for February?": tenant admins only. Read live and shown as one card; nothing changes.
import type { Person } from '../audit/audit-context';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { buildReadinessCard } from '../cards/readiness-card';
import { readReadiness, type ReadinessGateway } from '../checks/readiness-read';
import type { SubmitChangeDeps } from '../conversation/submit-change';

export interface ReadinessDeps extends Pick<SubmitChangeDeps, 'directory' | 'access'> {
  gateway: ReadinessGateway;
}

export async function readinessAnswer(
  deps: ReadinessDeps,
  requester: Person,
): Promise<{ card: AdaptiveCard } | { text: string }> {
  const profile = await deps.directory.profile(requester, { fresh: true });
  if (!deps.access.isTenantAdmin(profile))
    return {
      text: 'Only tenant admins can see the readiness for 1 February 2027; ask "how is my store doing?" for your store.',
    };
  const now = new Date();
  return { card: buildReadinessCard(await readReadiness(deps.gateway, now), now) };
}
