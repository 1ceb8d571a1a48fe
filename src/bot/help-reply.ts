// "help" and the welcome on install: approvers get their own card; store managers get theirs, with a "cancel"
// example that names one of their open requests (or no number at all, never one that may not exist).
import type { AdaptiveCard } from '../cards/adaptive-card';
import { buildApproverHelpCard } from '../cards/approver-help-card';
import { buildHelpCard } from '../cards/help-card';
import type { AccessPolicy } from '../access/access-policy';
import type { RequesterDirectory } from '../access/requester-directory';
import type { Person } from '../audit/audit-context';
import type { ChangeService } from '../changes/change-service';
import { remainingMs, withinDeadline } from '../graph/turn-deadline';
import type { Logger } from '../log/logger';

export interface HelpDeps {
  directory: RequesterDirectory;
  access: AccessPolicy;
  changes: Pick<ChangeService, 'list'>;
  logger: Logger;
}

/** Help is wanted at once: tailoring it may wait this long for Graph, then the general card is given. */
const HELP_LOOKUP_MS = 3000;

/** The viewer's newest request that can still be cancelled (pending and before its deadline). */
async function openRequestNumber(deps: HelpDeps, requester: Person, now: Date): Promise<number | undefined> {
  const mine = await deps.changes.list({ requesterId: requester.aadObjectId, statuses: ['pending'], limit: 10 });
  return mine.find((request) => Date.parse(request.expiresAt) > now.getTime())?.number;
}

/** The help card for this person; the general one when who they are cannot be checked just now. */
export async function helpCardFor(deps: HelpDeps, requester: Person | undefined): Promise<AdaptiveCard> {
  if (!requester) return buildHelpCard();
  try {
    const profile = await withinDeadline(Math.min(HELP_LOOKUP_MS, remainingMs()), () =>
      deps.directory.profile(requester),
    );
    if (deps.access.isApprover(profile)) return buildApproverHelpCard();
    const number = await openRequestNumber(deps, requester, new Date());
    return buildHelpCard(number === undefined ? {} : { openRequestNumber: number });
  } catch (error) {
    // Help must answer even when Graph or storage does not: the general card names no request.
    deps.logger.warn({ err: error }, 'could not tailor the help card');
    return buildHelpCard();
  }
}
