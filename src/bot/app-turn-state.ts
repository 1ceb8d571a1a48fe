import type { DialogState } from 'botbuilder-dialogs';
import type { TurnState } from '@microsoft/teams-ai';
import type { Intent } from './understanding/intent';

/** What phonedesk keeps per conversation (SQLite under DATA_DIR, so it survives a restart). */
interface ConversationData {
  dialogState?: DialogState;
  /** An intent waiting for the requester to pick which worker they meant. */
  pendingIntent?: Intent;
}

export type AppTurnState = TurnState<ConversationData>;
