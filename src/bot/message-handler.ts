// Every message: remember how to reach the person, continue a conversation in progress, or understand a new
// request and start the right conversation.
import { CardFactory, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import { changeDialogs } from '../../dialogs/change-dialogs';
import type { ChangeDialogDeps, ChangeDialogOptions } from '../../dialogs/change-request-dialog';
import { askedInstead } from '../../dialogs/answer-prompt';
import type { AccessPolicy } from '../access/access-policy';
import type { RequesterDirectory } from '../access/requester-directory';
import type { Person } from '../audit/audit-context';
import { buildHelpCard } from '../cards/help-card';
import type { AuditAppender } from '../changes/audit-appender';
import type { Logger } from '../log/logger';
import { askFor } from '../methods/registry';
import type { ConversationReferences } from '../storage/conversation-references';
import type { AppTurnState } from './app-turn-state';
import type { BotDependencies } from './bot-dependencies';
import { addressedToBot } from './addressed-to-bot';
import { decideByNumber, pending, reportOnWorker, tenantCheck, whoHas } from './conversations';
import { dialogStateAccessor } from './dialog-state-accessor';
import { helpCardFor } from './help-reply';
import { APPROVALS_CHANNEL } from './notifier';
import { personOf, WHO_ARE_YOU } from './person-of';
import { TOO_MANY_READS } from './read-limit';
import { storeOverview } from './store-overview-reply';
import { finishPlanAnswer, movePlanAnswer } from './store-move-reply';
import { smsOffAnswer } from './sms-off-reply';
import { weakAdminsAnswer } from './weak-admins-reply';
import { readinessAnswer } from './readiness-reply';
import { rosterAnswer } from './roster-reply';
import { rosterFile } from './roster-file';
import { answerUnknown } from './unknown-message';
import type { Intent } from './understanding/intent';
import { parseIntent } from './understanding/parse-intent';

/** The dialogs of this turn, bound to its state (dialog state itself is persisted in conversation state). */
export function dialogSetFor(deps: ChangeDialogDeps, state: AppTurnState): DialogSet {
  const dialogs = new DialogSet(dialogStateAccessor(state));
  for (const dialog of changeDialogs(deps)) dialogs.add(dialog);
  return dialogs;
}

/** Keeps how to reach a person in their 1:1 chat, for approval cards and results later. */
export async function rememberPerson(
  deps: { conversations: ConversationReferences; logger: Logger },
  context: TurnContext,
): Promise<void> {
  const person = personOf(context.activity);
  if (!person || (context.activity.conversation?.conversationType ?? 'personal') !== 'personal') return;
  await deps.conversations
    .save(person.aadObjectId, TurnContext.getConversationReference(context.activity))
    .catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'could not remember the conversation');
    });
}

const MAX_TEXT = 4000;
const APPROVALS_CHANNEL_COMMAND =
  /^(please )?(use|set) this (channel|chat|team) (for|as the) approvals?( channel)?[.!]?$/i;

/** An approver points phonedesk at a channel: new requests are posted there as well as 1:1. */
async function useForApprovals(
  deps: {
    directory: RequesterDirectory;
    access: AccessPolicy;
    conversations: ConversationReferences;
    audit: AuditAppender;
  },
  context: TurnContext,
  requester: Person,
): Promise<void> {
  const profile = await deps.directory.profile(requester, { fresh: true });
  if (!deps.access.isApprover(profile)) {
    await context.sendActivity('Only phonedesk approvers can choose where approvals go.');
    return;
  }
  await deps.conversations.saveChannel(APPROVALS_CHANNEL, TurnContext.getConversationReference(context.activity));
  await deps.audit.append({
    phase: 'event',
    operation: 'approvals.channel.set',
    actor: profile.person,
    detail: `conversation ${context.activity.conversation.id}`,
  });
  await context.sendActivity(
    'From now on I will post new change requests here too. Approvers can decide them on the card.',
  );
}

const READS: ReadonlySet<Intent['kind']> = new Set([
  'status',
  'diagnose',
  'instructions',
  'who-has',
  'tenant-check',
  'pending',
  'overview',
  'history',
  'move-store',
  'finish-store-move',
  'sms-off',
  'roster',
  'weak-admins',
  'readiness',
]);

/** Starts the conversation for an understood intent. */
export async function dispatch(
  deps: BotDependencies,
  context: TurnContext,
  state: AppTurnState,
  requester: Person,
  intent: Intent,
  dialogs: DialogSet,
): Promise<void> {
  if (READS.has(intent.kind) && !(await deps.limits.reads.take(requester.aadObjectId))) {
    await context.sendActivity(TOO_MANY_READS);
    return;
  }
  switch (intent.kind) {
    case 'help':
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await helpCardFor(deps, requester))] });
      return;
    case 'status':
    case 'diagnose':
    case 'instructions':
    case 'history':
      await reportOnWorker(deps, context, state, requester, intent);
      return;
    case 'who-has':
      await whoHas(deps, context, requester, intent.number);
      return;
    case 'tenant-check':
      await tenantCheck(deps, context, requester);
      return;
    case 'overview':
      await storeOverview(deps, context, requester, intent.store);
      return;
    case 'move-store':
    case 'finish-store-move':
    case 'sms-off':
    case 'roster':
    case 'weak-admins':
    case 'readiness': {
      const answer =
        intent.kind === 'weak-admins'
          ? await weakAdminsAnswer(deps, requester)
          : intent.kind === 'readiness'
            ? await readinessAnswer(deps, requester)
            : intent.kind === 'roster'
              ? await rosterAnswer(deps, requester, intent.text)
              : intent.kind === 'move-store'
                ? await movePlanAnswer(deps, requester, intent.store)
                : intent.kind === 'finish-store-move'
                  ? await finishPlanAnswer(deps, requester, intent.store)
                  : await smsOffAnswer(deps, requester, intent.group);
      if ('card' in answer) await context.sendActivity({ attachments: [CardFactory.adaptiveCard(answer.card)] });
      else await context.sendActivity('text' in answer ? answer.text : answer.posted);
      return;
    }
    case 'pending':
      await pending(deps, context, requester);
      return;
    case 'approve':
    case 'reject':
    case 'cancel':
      await decideByNumber(deps, context, requester, intent);
      return;
    case 'unknown':
      await answerUnknown(deps, context, state, requester, context.activity.text ?? '');
      return;
    default: {
      // A change asked for in words: the method's conversation asks for whatever is missing.
      const options: ChangeDialogOptions = {
        requester,
        worker: intent.worker,
        number: intent.number,
        reason: intent.reason,
        leaver: intent.leaver,
        hours: intent.hours,
      };
      await (await dialogs.createContext(context)).beginDialog(askFor(intent.kind).dialogId, options);
      return;
    }
  }
}

export async function handleMessage(deps: BotDependencies, context: TurnContext, state: AppTurnState): Promise<void> {
  await rememberPerson(deps, context);
  const text = (context.activity.text ?? '').slice(0, MAX_TEXT).trim();
  const hasValue = context.activity.value !== undefined && context.activity.value !== null;
  // A roster as a CSV file, in the 1:1 chat only (where Teams lets a bot receive files).
  const personal = (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
  const file = personal ? await rosterFile(context.activity.attachments) : undefined;
  if (file) {
    const requester = personOf(context.activity);
    if (!requester) await context.sendActivity(WHO_ARE_YOU);
    else if ('refused' in file) await context.sendActivity(file.refused);
    else
      await dispatch(deps, context, state, requester, { kind: 'roster', text: file.text }, dialogSetFor(deps, state));
    return;
  }
  if (text === '' && !hasValue) return;
  // Typed text must be meant for phonedesk; a card's submit (a value, no text) always is.
  if (text !== '' && !addressedToBot(context.activity)) return;
  const intent = parseIntent(text);
  const requester = personOf(context.activity);
  if (!requester) {
    await context.sendActivity(
      intent.kind === 'help' ? { attachments: [CardFactory.adaptiveCard(buildHelpCard())] } : WHO_ARE_YOU,
    );
    return;
  }
  if (APPROVALS_CHANNEL_COMMAND.test(text)) {
    await useForApprovals(deps, context, requester);
    return;
  }
  const dialogs = dialogSetFor(deps, state);
  const dc = await dialogs.createContext(context);
  if (dc.activeDialog) {
    // "help" or "cancel" without a request number leaves the conversation in progress.
    if (intent.kind === 'help' || (intent.kind === 'cancel' && intent.requestNumber === undefined)) {
      await dc.cancelAllDialogs();
      if (intent.kind === 'cancel') {
        await context.sendActivity('OK, I stopped. Nothing was asked for.');
        return;
      }
    } else {
      const result = await dc.continueDialog();
      // The requester dropped the waiting request for a new question: answer it now.
      const asked = askedInstead(result);
      if (asked !== undefined) {
        await dispatch(deps, context, state, requester, parseIntent(asked), dialogs);
        return;
      }
      if (result.status !== DialogTurnStatus.empty) return;
    }
  }
  if (hasValue && text === '') return;
  await dispatch(deps, context, state, requester, intent, dialogs);
}
