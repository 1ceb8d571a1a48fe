// Card buttons. The data carries ids only and is never trusted: the request, the worker and the finding are
// reloaded from the store and Graph, and the clicker is checked again. Answers are quick; changes run after.
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { buildChangeRequestCard, REJECT_REASON_INPUT, VERBS } from '../cards/change-request-card';
import type { ChangeRequest } from '../changes/change-request';
import { checkDecisionNote } from '../changes/decision-note';
import type { FindingId } from '../methods/method-types';
import { askMaking, proposedChange } from '../methods/registry';
import { textTimeWords } from '../time/text-time';
import type { AppTurnState } from './app-turn-state';
import type { BotDependencies } from './bot-dependencies';
import { submitChange } from '../conversation/submit-change';
import { workerById } from '../conversation/worker-lookup';
import { decide, whereItStands } from './change-flow';
import { reportOnWorker } from './conversations';
import { dialogSetFor, dispatch } from './message-handler';
import { personOf, WHO_ARE_YOU } from './person-of';

import { PROPOSE_VERB } from '../cards/diagnosis-card';
import { CHOOSE_WORKER_VERB } from '../cards/choice-card';
import { SUGGEST_VERB } from '../cards/suggestions-card';
import { runSuggestion } from './suggestion-action';
import { ANSWER_VERB } from '../cards/question-card';
import { answerQuestion } from './dialog-answer';
import { HANDOVER_VERBS } from '../cards/handover-card';
import { OVERVIEW_VERBS } from '../cards/store-overview-card';
import { overviewAction } from './store-overview-reply';
import { MOVE_VERBS } from '../cards/store-move-card';
import { askToFinish, askToMove, stopJob } from './store-move-reply';
import { SMS_OFF_VERB } from '../cards/sms-off-card';
import { askSmsOff } from './sms-off-reply';
import { ROSTER_VERB } from '../cards/roster-card';
import { askRoster } from './roster-reply';
import { POSTURE_VERB } from '../cards/tenant-check-card';
import { WEAK_ADMIN_VERB } from '../cards/weak-admins-card';
import { fixWeakAdmin } from './weak-admins-reply';

/**
 * What the click is answered with: a card to replace the clicked one, a text, or `posted`: the answer (a request's
 * card, a refusal) is already in the chat, and the text only acknowledges the click in Teams, posted nowhere.
 */
type CardActionResult = { card: AdaptiveCard } | { text: string } | { posted: string };

/** The click asked for a change: its card (or why not) is in the chat already, so nothing more is posted. */
function asked(request: ChangeRequest | undefined): CardActionResult {
  return { posted: request ? `Request ${request.number}: see its card below.` : 'Nothing was asked for.' };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 200 ? value.trim() : undefined;
}

async function approverIds(deps: BotDependencies, request: ChangeRequest): Promise<string[]> {
  return (await deps.notifier.approversFor(request))
    .map((approver) => approver.teamsUserId)
    .filter((id): id is string => Boolean(id));
}

async function decision(
  deps: BotDependencies,
  context: TurnContext,
  verb: string,
  data: Record<string, unknown>,
): Promise<CardActionResult> {
  const requestId = text(data.requestId);
  const actor = personOf(context.activity);
  if (!requestId) return { text: 'That card is no longer valid.' };
  if (verb === VERBS.cancel) {
    if (!actor) return { text: WHO_ARE_YOU };
    const result = await deps.changes.cancel(requestId, actor, textTimeWords(context.activity.localTimezone));
    if (!result.ok) return { text: result.reason };
    await deps.notifier.refreshCards(result.request, { activityId: context.activity.replyToId });
    return { card: buildChangeRequestCard(result.request, 'everyone') };
  }
  // The reason box's value arrives merged into the data: typed by a person, so checked like any input.
  const reason = verb === VERBS.reject ? checkDecisionNote(data[REJECT_REASON_INPUT]) : { ok: true as const };
  if (!reason.ok) return { text: reason.message };
  const result = await decide(
    deps,
    requestId,
    actor,
    verb === VERBS.approve ? 'approve' : 'reject',
    reason.note,
    textTimeWords(context.activity.localTimezone),
  );
  if (!result.ok) return { text: result.reason };
  // The card returned here replaces the clicked one after the change started: show it as it stands by then.
  const { request, resultShown } = await whereItStands(deps, result.request, result.running);
  if (!resultShown) {
    // The other copies in the background: Teams waits for this answer, not for every connector write.
    deps.notifier.refreshCards(request, { activityId: context.activity.replyToId }).catch((error: unknown) => {
      deps.logger.warn({ err: error, requestId: request.id }, 'could not update the copies of a decided card');
    });
  }
  rewriteClickedCardIfItChanges(deps, context, request);
  return { card: buildChangeRequestCard(request, 'everyone') };
}

/**
 * teams-ai writes the returned card over the clicked one after this handler returns. If the change ended in
 * between, that write puts an old state over the result, and nothing would correct it: so once it is written,
 * look again and update the cards if the request has moved on.
 */
function rewriteClickedCardIfItChanges(deps: BotDependencies, context: TurnContext, shown: ChangeRequest): void {
  const clicked = context.activity.replyToId;
  if (!clicked) return;
  let checked = false;
  context.onUpdateActivity(async (_context, activity, next) => {
    await next();
    if (checked || activity.id !== clicked) return;
    checked = true;
    try {
      const now = await deps.changes.get(shown.id);
      if (now && now.status !== shown.status) await deps.notifier.refreshCards(now);
    } catch (error) {
      deps.logger.warn({ err: error, requestId: shown.id }, 'could not check the clicked card against the request');
    }
  });
}

/** The card as the clicker should see it now (Teams asks when a card with refresh is shown). */
async function refresh(
  deps: BotDependencies,
  context: TurnContext,
  data: Record<string, unknown>,
): Promise<CardActionResult> {
  const requestId = text(data.requestId);
  const request = requestId ? await deps.changes.get(requestId) : undefined;
  if (!request) return { text: 'That request no longer exists.' };
  const viewer = personOf(context.activity);
  if (request.status !== 'pending' || !viewer) return { card: buildChangeRequestCard(request, 'everyone') };
  if (viewer.aadObjectId === request.requester.aadObjectId)
    return { card: buildChangeRequestCard(request, 'requester') };
  const profile = await deps.directory.profile(viewer);
  const may = request.tenantWide ? deps.access.isTenantAdmin(profile) : deps.access.isApprover(profile);
  return { card: buildChangeRequestCard(request, may ? 'approver' : 'everyone', await approverIds(deps, request)) };
}

/** A fix button on a diagnosis: diagnose again now and ask for the change that finding proposes. */
async function propose(
  deps: BotDependencies,
  context: TurnContext,
  state: AppTurnState,
  data: Record<string, unknown>,
): Promise<CardActionResult> {
  const requester = personOf(context.activity);
  if (!requester) return { text: WHO_ARE_YOU };
  const policyTargetId = text(data.policyTargetId);
  if (policyTargetId) {
    const profile = await deps.directory.profile(requester, { fresh: true });
    if (!deps.access.isTenantAdmin(profile)) return { text: 'Only tenant admins can change the SMS policy.' };
    const policy = await deps.gateway.smsPolicy({ fresh: true, withGroupNames: true });
    const target = policy.includeTargets.find((candidate) => candidate.id === policyTargetId);
    if (!target) return { text: 'That group is no longer a target of the SMS sign-in policy.' };
    if (target.isUsableForSignIn)
      return { text: `"Use for sign-in" is already ticked for ${target.displayName ?? 'that group'}.` };
    const request = await submitChange(
      deps,
      context,
      {
        requester,
        kind: 'set-use-for-sign-in',
        target: {
          userId: 'tenant',
          displayName: target.displayName ? `the group "${target.displayName}"` : 'that group',
        },
        policyTargetId,
        useForSignIn: true,
        reason: 'workers in this group cannot sign in by text message',
        tenantWide: true,
      },
      undefined,
    );
    return asked(request);
  }
  const userId = text(data.userId);
  const findingId = text(data.finding) as FindingId | undefined;
  if (!userId || !findingId) return { text: 'That card is no longer valid.' };
  const found = await workerById(deps, requester, userId, 'that person');
  if (found.kind !== 'found') return { text: found.kind === 'none' ? found.message : 'Please try again.' };
  const check = await deps.checker.checkSnapshot(found.snapshot, { canSee: async () => false });
  const finding = check.diagnosis.findings.find((candidate) => candidate.id === findingId);
  // A further offer is taken only from the finding as it stands now, never from the card.
  const offer = text(data.offer);
  const proposal = offer ? finding?.otherProposals?.find((other) => other.kind === offer) : finding?.proposal;
  if (!finding || !proposal)
    return {
      text: `That problem is no longer there for ${found.snapshot.user.displayName}. Ask again to see the current state.`,
    };
  const change = proposedChange(proposal);
  const numberAsk = change ? undefined : askMaking(proposal.kind);
  if (numberAsk) {
    const dc = await dialogSetFor(deps, state).createContext(context);
    await dc.cancelAllDialogs();
    await dc.beginDialog(numberAsk.dialogId, { requester, workerId: userId, reason: finding.summary.slice(0, 200) });
    return { text: `Let's set ${found.snapshot.user.displayName}'s number.` };
  }
  if (proposal.tenantWide || !change) return { text: 'Ask "is SMS sign-in set up?" to see the tenant-wide fixes.' };
  const request = await submitChange(
    deps,
    context,
    {
      ...change,
      requester,
      target: { userId: found.snapshot.user.id, displayName: found.snapshot.user.displayName },
      reason: `Fix: ${finding.summary}`.slice(0, 500),
      urgent: false,
      tenantWide: false,
    },
    found.snapshot,
  );
  return asked(request);
}

/** A pick on a "which one do you mean?" card: continue the conversation that asked. */
async function choose(
  deps: BotDependencies,
  context: TurnContext,
  state: AppTurnState,
  data: Record<string, unknown>,
): Promise<CardActionResult> {
  const requester = personOf(context.activity);
  if (!requester) return { text: WHO_ARE_YOU };
  const dc = await dialogSetFor(deps, state).createContext(context);
  if (dc.activeDialog) {
    await dc.continueDialog();
    return { posted: 'OK.' };
  }
  const pendingIntent = state.conversation.pendingIntent;
  const userId = text(data.userId);
  if (!userId || !pendingIntent || !['status', 'diagnose', 'instructions', 'history'].includes(pendingIntent.kind))
    return { text: 'That choice is no longer open. Please ask again.' };
  delete state.conversation.pendingIntent;
  await reportOnWorker(deps, context, state, requester, pendingIntent as Parameters<typeof reportOnWorker>[4], userId);
  return { posted: 'OK.' };
}

export async function handleCardAction(
  deps: BotDependencies,
  context: TurnContext,
  state: AppTurnState,
  verb: string,
  data: Record<string, unknown>,
): Promise<CardActionResult> {
  switch (verb) {
    case VERBS.approve:
    case VERBS.reject:
    case VERBS.cancel:
      return decision(deps, context, verb, data);
    case VERBS.refresh:
      return refresh(deps, context, data);
    case PROPOSE_VERB:
      return propose(deps, context, state, data);
    case CHOOSE_WORKER_VERB:
      return choose(deps, context, state, data);
    case SUGGEST_VERB:
      return runSuggestion(deps, context, state, data);
    case ANSWER_VERB:
      return answerQuestion(deps, context, state);
    case HANDOVER_VERBS.done: {
      const answer = await deps.handovers.markHandedOver(text(data.requestId), personOf(context.activity));
      return answer.ok ? { card: answer.card } : { text: answer.message };
    }
    case HANDOVER_VERBS.print:
      return {
        text: 'The badge can no longer be printed from phonedesk: that is possible for 15 minutes after it is made. Print this card from Teams, or ask for a new badge.',
      };
    case OVERVIEW_VERBS.open:
    case OVERVIEW_VERBS.list:
    case OVERVIEW_VERBS.csv:
      return overviewAction(deps, context, verb, data);
    case MOVE_VERBS.ask:
      return askToMove(deps, context, data);
    case MOVE_VERBS.cancel:
      return stopJob(deps, context, data);
    case SMS_OFF_VERB:
      return askSmsOff(deps, context, data);
    case ROSTER_VERB:
      return askRoster(deps, context, data);
    case POSTURE_VERB: {
      // The tenant check's buttons: the same views as asked in words, with the same checks and limits.
      const requester = personOf(context.activity);
      if (!requester) return { text: WHO_ARE_YOU };
      if (data.view !== 'weak-admins' && data.view !== 'readiness')
        return { text: 'That button is not supported any more.' };
      await dispatch(deps, context, state, requester, { kind: data.view }, dialogSetFor(deps, state));
      return { posted: 'OK.' };
    }
    case WEAK_ADMIN_VERB:
      return fixWeakAdmin(deps, context, data);
    case MOVE_VERBS.finish:
      return askToFinish(deps, context, data);
    case MOVE_VERBS.remind: {
      // The worker's sign-in steps, found again by id and scope-checked like "instructions for …".
      const requester = personOf(context.activity);
      const userId = text(data.userId);
      if (!requester || !userId) return { text: requester ? 'That card is no longer valid.' : WHO_ARE_YOU };
      await reportOnWorker(deps, context, state, requester, { kind: 'instructions' }, userId);
      return { posted: 'OK.' };
    }
    default:
      return { text: 'That button is not supported any more.' };
  }
}

export const CARD_VERBS = [
  VERBS.approve,
  VERBS.reject,
  VERBS.cancel,
  VERBS.refresh,
  PROPOSE_VERB,
  CHOOSE_WORKER_VERB,
  SUGGEST_VERB,
  ANSWER_VERB,
  HANDOVER_VERBS.done,
  HANDOVER_VERBS.print,
  OVERVIEW_VERBS.open,
  OVERVIEW_VERBS.list,
  OVERVIEW_VERBS.csv,
  MOVE_VERBS.ask,
  MOVE_VERBS.cancel,
  MOVE_VERBS.finish,
  MOVE_VERBS.remind,
  SMS_OFF_VERB,
  ROSTER_VERB,
  POSTURE_VERB,
  WEAK_ADMIN_VERB,
] as const;
