// A button on the "did you want one of these?" card. The data names one of phonedesk's fixed capabilities, nothing
// else; anything else is refused. The capability runs at once, or asks for the worker or number it needs.
import type { TurnContext } from 'botbuilder';
import { HELP_SUGGESTION } from '../cards/suggestions-card';
import { isChangeIntent } from '../methods/registry';
import type { AppTurnState } from './app-turn-state';
import type { BotDependencies } from './bot-dependencies';
import { dialogSetFor, dispatch } from './message-handler';
import { personOf, WHO_ARE_YOU } from './person-of';
import { capabilityById, type CapabilityId } from './understanding/closest-capabilities';
import type { Intent } from './understanding/intent';

/** What to ask when the capability needs a person or a number before anything can be looked up. */
const QUESTIONS: Partial<Record<CapabilityId, string>> = {
  status: 'Whose status? Type "status of" and their name, email address or employee id.',
  diagnose: 'Who can\'t sign in? Type their name and what happens, for example "… can\'t get the code".',
  instructions: 'Whose sign-in steps? Type "instructions for" and their name.',
  'who-has': 'Which number? Type "who has" and the number.',
};

/** The intent a capability starts with; a change's conversation asks for the worker. */
function intentOf(capability: CapabilityId | typeof HELP_SUGGESTION): Intent | undefined {
  if (isChangeIntent(capability)) return { kind: capability };
  if (capability === 'tenant-check' || capability === 'pending' || capability === 'help') return { kind: capability };
  return undefined;
}

export async function runSuggestion(
  deps: BotDependencies,
  context: TurnContext,
  state: AppTurnState,
  data: Record<string, unknown>,
): Promise<{ text: string }> {
  const requester = personOf(context.activity);
  if (!requester) return { text: WHO_ARE_YOU };
  const id = data.suggestion;
  const capability = id === HELP_SUGGESTION ? HELP_SUGGESTION : capabilityById(id)?.id;
  if (capability === undefined) return { text: 'That button is not supported any more.' };
  const question = capability === HELP_SUGGESTION ? undefined : QUESTIONS[capability];
  if (question !== undefined) {
    await context.sendActivity(question);
    return { text: 'OK.' };
  }
  const intent = intentOf(capability);
  if (intent === undefined) return { text: 'That button is not supported any more.' };
  const dialogs = dialogSetFor(deps, state);
  // The button starts a new request: a conversation left half-way ends first, as with the fix buttons.
  await (await dialogs.createContext(context)).cancelAllDialogs();
  await dispatch(deps, context, state, requester, intent, dialogs);
  return { text: 'OK.' };
}
