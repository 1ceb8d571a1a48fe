// Waits for the requester to pick a worker from a choice card: a button (Action.Execute invoke or
// Action.Submit message carrying { userId }) or a typed name, which is looked up again.
import { ActivityTypes } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';

export interface WorkerChoice {
  userId?: string;
  typed?: string;
  /** "No, someone else": ask for the name afresh. */
  again?: boolean;
}

export const WORKER_CHOICE_PROMPT = 'workerChoicePrompt';

/** The { userId } a card button sent, whichever way the channel delivered it. */
export function chosenUserId(value: unknown): string | undefined {
  const record = value as { userId?: unknown; action?: { data?: { userId?: unknown } } } | undefined;
  const id = record?.action?.data?.userId ?? record?.userId;
  return typeof id === 'string' && id.trim() !== '' ? id : undefined;
}

export class WorkerChoicePrompt extends Dialog {
  constructor() {
    super(WORKER_CHOICE_PROMPT);
  }

  override async beginDialog(): Promise<DialogTurnResult> {
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    const userId = chosenUserId(activity.value);
    if (userId) return dc.endDialog({ userId } satisfies WorkerChoice);
    const typed = activity.type === ActivityTypes.Message ? (activity.text ?? '').trim() : '';
    if (typed !== '') return dc.endDialog({ typed } satisfies WorkerChoice);
    return Dialog.EndOfTurn;
  }
}
