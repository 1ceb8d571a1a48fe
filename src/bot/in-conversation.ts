// A proactive turn in a stored conversation whose failure reaches the caller: the adapter's turn error handler
// would otherwise swallow it, and the caller must know whether its card (a secret's, a job's) was shown.
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';

export async function inConversation(
  adapter: TeamsAdapter,
  botAppId: string,
  reference: Partial<ConversationReference>,
  logic: (context: TurnContext) => Promise<void>,
): Promise<void> {
  let failure: { error: unknown } | undefined;
  await adapter.continueConversationAsync(botAppId, reference, async (context) => {
    await logic(context).catch((error: unknown) => {
      failure = { error };
    });
  });
  if (failure) throw failure.error;
}
