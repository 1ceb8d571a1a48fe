// A StatePropertyAccessor over teams-ai's conversation state. teams-ai's own TurnStateProperty stores the
// TurnContext itself when the property is empty (its get takes no context argument), so phonedesk uses this instead.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { AppTurnState } from './app-turn-state';

export function dialogStateAccessor(state: AppTurnState): StatePropertyAccessor<DialogState> {
  return {
    async get(_context: TurnContext, defaultValue?: DialogState): Promise<DialogState> {
      if (!state.conversation.dialogState && defaultValue) state.conversation.dialogState = defaultValue;
      return state.conversation.dialogState as DialogState;
    },
    async set(_context: TurnContext, value: DialogState): Promise<void> {
      state.conversation.dialogState = value;
    },
    async delete(): Promise<void> {
      delete state.conversation.dialogState;
    },
  };
}
