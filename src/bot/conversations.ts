// The single-turn conversations: status, diagnose, history, who has, tenant check, pending, instructions, and decisions
// typed as text ("approve 42"). Multi-turn changes live in dialogs/.
import { CardFactory, type TurnContext } from 'botbuilder';
import type { CountryCode } from 'libphonenumber-js';
import type { Person } from '../audit/audit-context';
import { buildWorkerChoiceCard } from '../cards/choice-card';
import { buildDiagnosisCard } from '../cards/diagnosis-card';
import { HISTORY_SHOWN, buildHistoryCard } from '../cards/history-card';
import { buildPendingCard } from '../cards/pending-card';
import { buildTenantCheckCard } from '../cards/tenant-check-card';
import { buildInstructionsCard } from '../cards/worker-instructions';
import { maskPhoneNumber, parsePhoneNumber } from '../phone/phone-number';
import { instructionsFor } from '../methods/registry';
import type { ChangeRequest } from '../changes/change-request';
import { checkDecisionNote } from '../changes/decision-note';
import { textTimeWords } from '../time/text-time';
import type { WorkerChecker } from '../checks/worker-check';
import { readAccessCheck, type AccessGateway } from '../checks/access-check';
import type { ChangeService } from '../changes/change-service';
import type { GraphGateway } from '../graph/graph-gateway';
import type { NumberHolderFinder } from '../number-index/number-holder-finder';
import { lookUpWorker, workerById, type WorkerFound, type WorkerLookupDeps } from '../conversation/worker-lookup';
import type { AppTurnState } from './app-turn-state';
import { decide, whereItStands, type DecisionDeps } from './change-flow';
import type { Notifier } from './notifier';
import type { Intent } from './understanding/intent';

export interface ConversationDeps extends WorkerLookupDeps, DecisionDeps {
  gateway: Pick<GraphGateway, 'readWorker' | 'scopesOf' | 'smsPolicy'> & AccessGateway;
  changes: Pick<ChangeService, 'decide' | 'get' | 'getByNumber' | 'list' | 'cancel' | 'isFinal'>;
  notifier: Pick<Notifier, 'tellRequester' | 'announceOutcome' | 'refreshCards'>;
  checker: WorkerChecker;
  holders: NumberHolderFinder;
  /** Country for numbers typed without a country code. */
  defaultRegion: CountryCode;
}

type WorkerIntent = Extract<Intent, { kind: 'status' | 'diagnose' | 'instructions' | 'history' }>;

const card = (content: Parameters<typeof CardFactory.adaptiveCard>[0]) => ({
  attachments: [CardFactory.adaptiveCard(content)],
});

/** Full numbers only in a 1:1 chat; masked in group chats and channels. */
function isPersonalChat(context: TurnContext): boolean {
  return (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
}

/** Status, diagnosis or instructions for a worker the requester named (or picked from a choice card). */
export async function reportOnWorker(
  deps: ConversationDeps,
  context: TurnContext,
  state: AppTurnState,
  requester: Person,
  intent: WorkerIntent,
  chosenUserId?: string,
): Promise<void> {
  const typed = intent.worker ?? '';
  if (!chosenUserId && typed.trim() === '') {
    await context.sendActivity(
      `Who do you mean? For example "${intent.kind === 'history' ? 'history of' : 'status of'} Jane Doe".`,
    );
    return;
  }
  const found: WorkerFound = chosenUserId
    ? await workerById(deps, requester, chosenUserId, typed)
    : await lookUpWorker(deps, requester, typed);
  if (found.kind === 'none') {
    await context.sendActivity(found.message);
    return;
  }
  if (found.kind === 'choose') {
    state.conversation.pendingIntent = intent;
    await context.sendActivity(
      card(buildWorkerChoiceCard(`Several people match "${typed}".`, found.candidates, intent.kind)),
    );
    return;
  }
  const { snapshot, profile } = found;
  if (intent.kind === 'history') {
    const requests = await deps.changes.list({ targetUserId: snapshot.user.id, limit: HISTORY_SHOWN + 1 });
    await context.sendActivity(card(buildHistoryCard(snapshot.user.displayName, requests)));
    return;
  }
  if (intent.kind === 'instructions') {
    const steps = instructionsFor(snapshot, { personalChat: isPersonalChat(context) });
    await context.sendActivity(card(buildInstructionsCard(steps)));
    return;
  }
  const mentioned =
    'number' in intent && intent.number ? parsePhoneNumber(intent.number, deps.defaultRegion) : undefined;
  const check = await deps.checker.checkSnapshot(snapshot, {
    ...(mentioned?.ok && { mentionedNumber: mentioned.number }),
    canSee: async (userId) => {
      const scopes = await deps.gateway.scopesOf([userId]);
      const scope = scopes.get(userId);
      return scope !== undefined && deps.access.canActOn(profile, { userId, ...scope });
    },
  });
  const offerFixes = deps.access.mayRequest(profile);
  await context.sendActivity(
    card(buildDiagnosisCard(check.diagnosis, { mode: intent.kind === 'status' ? 'status' : 'diagnose', offerFixes })),
  );
}

/** "who has 07700 900456?": the holder when the requester may see them, else "another account". */
export async function whoHas(
  deps: ConversationDeps,
  context: TurnContext,
  requester: Person,
  typedNumber: string,
): Promise<void> {
  const parsed = parsePhoneNumber(typedNumber, deps.defaultRegion);
  if (!parsed.ok) {
    await context.sendActivity(parsed.message);
    return;
  }
  const shown = maskPhoneNumber(parsed.number);
  const lookup = await deps.holders.find(parsed.number.e164);
  if (lookup.holders.length === 0) {
    await context.sendActivity(
      `I don't know anyone with ${shown}. phonedesk learns numbers as it reads them; if it was added recently, ask again in a few minutes.`,
    );
    return;
  }
  const profile = await deps.directory.profile(requester);
  const scopes = await deps.gateway.scopesOf(lookup.holders.map((holder) => holder.userId));
  const lines = lookup.holders.map((holder) => {
    const scope = scopes.get(holder.userId);
    const visible = scope !== undefined && deps.access.canActOn(profile, { userId: holder.userId, ...scope });
    const who = visible ? holder.displayName : 'another account';
    const how =
      holder.phoneType === 'mobile'
        ? holder.smsSignInState === 'ready'
          ? 'as their mobile number, and signs in with it'
          : 'as their mobile number, but cannot sign in with it'
        : 'as a voice-only phone';
    return `${shown} is held by ${who} ${how}.`;
  });
  await context.sendActivity(lines.join('\n\n'));
}

/** "is SMS sign-in set up?": the policy in plain words; fixes and the retirement notice for tenant admins. */
export async function tenantCheck(deps: ConversationDeps, context: TurnContext, requester: Person): Promise<void> {
  const [policy, profile] = await Promise.all([
    deps.gateway.smsPolicy({ fresh: true, withGroupNames: true }),
    deps.directory.profile(requester),
  ]);
  const access = await readAccessCheck(deps.gateway, policy);
  await context.sendActivity(
    card(
      buildTenantCheckCard({ policy, isTenantAdmin: deps.access.isTenantAdmin(profile), today: new Date(), access }),
    ),
  );
}

/** How many of a requester's latest requests "pending" looks at (open and ended). */
const OWN_REQUESTS_READ = 100;

/** The requests that are still open, and how many have ended (read through the change service, so as they stand). */
function openAndEnded(
  deps: ConversationDeps,
  requests: ReadonlyArray<ChangeRequest>,
): { open: ChangeRequest[]; ended: number } {
  const open = requests.filter((request) => !deps.changes.isFinal(request));
  return { open, ended: requests.length - open.length };
}

/** "pending": an approver's queue, or the requester's own open requests (and how many have ended). */
export async function pending(deps: ConversationDeps, context: TurnContext, requester: Person): Promise<void> {
  const profile = await deps.directory.profile(requester);
  const now = new Date();
  if (deps.access.isApprover(profile)) {
    const { open } = openAndEnded(deps, await deps.changes.list({ statuses: ['pending'], limit: 50 }));
    const mayDecide = open.filter(
      (request) =>
        request.status === 'pending' &&
        request.requester.aadObjectId !== requester.aadObjectId &&
        (!request.tenantWide || deps.access.isTenantAdmin(profile)),
    );
    await context.sendActivity(
      card(buildPendingCard(mayDecide, 'approver', { now, viewerAadObjectId: requester.aadObjectId })),
    );
    return;
  }
  const { open, ended } = openAndEnded(
    deps,
    await deps.changes.list({ requesterId: requester.aadObjectId, limit: OWN_REQUESTS_READ }),
  );
  await context.sendActivity(
    card(buildPendingCard(open, 'requester', { now, viewerAadObjectId: requester.aadObjectId, ended })),
  );
}

/** "approve 42", "reject 42 because …", "cancel 42": for channels without card buttons. */
export async function decideByNumber(
  deps: ConversationDeps,
  context: TurnContext,
  requester: Person,
  intent: Extract<Intent, { kind: 'approve' | 'reject' | 'cancel' }>,
): Promise<void> {
  if (intent.requestNumber === undefined) {
    await context.sendActivity(`Which request? For example "${intent.kind} 42".`);
    return;
  }
  // Through the change service: a request past its deadline reads as expired, so "cancel 42" says so.
  const request = await deps.changes.getByNumber(intent.requestNumber);
  if (!request) {
    await context.sendActivity(`There is no request ${intent.requestNumber}.`);
    return;
  }
  if (intent.kind === 'cancel') {
    const result = await deps.changes.cancel(request.id, requester, textTimeWords(context.activity.localTimezone));
    if (result.ok) await deps.notifier.refreshCards(result.request);
    await context.sendActivity(result.ok ? `Request ${request.number} is cancelled.` : result.reason);
    return;
  }
  const note = checkDecisionNote('note' in intent ? intent.note : undefined);
  if (!note.ok) {
    await context.sendActivity(note.message);
    return;
  }
  const result = await decide(
    deps,
    request.id,
    requester,
    intent.kind,
    note.note,
    textTimeWords(context.activity.localTimezone),
  );
  if (!result.ok) {
    await context.sendActivity(result.reason);
    return;
  }
  // A change that already ended has had its result put on every card; refreshing now could overwrite it.
  const { request: current, resultShown } = await whereItStands(deps, result.request, result.running);
  if (!resultShown) await deps.notifier.refreshCards(current);
  if (intent.kind === 'reject')
    await context.sendActivity(`Rejected request ${request.number}. I've told ${request.requester.name}.`);
  else if (resultShown)
    await context.sendActivity(
      `Approved request ${request.number}. ${current.outcome ?? ''} I've told ${request.requester.name}.`.replace(
        /\s+/g,
        ' ',
      ),
    );
  else
    await context.sendActivity(
      `Approved request ${request.number}. I'm making the change now and will tell ${request.requester.name} when it's done.`,
    );
}
