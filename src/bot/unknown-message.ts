// A message phonedesk did not understand. Only a name, or close to one: "Did you mean: status of Jane Doe?" with the
// nearest workers the requester looks after. Anything else: the nearest things phonedesk can do, as buttons.
import { CardFactory, type TurnContext } from 'botbuilder';
import type { RateLimiter } from '../access/rate-limiter';
import type { Person } from '../audit/audit-context';
import { buildDidYouMeanCard } from '../cards/did-you-mean-card';
import { buildSuggestionsCard } from '../cards/suggestions-card';
import type { AppTurnState } from './app-turn-state';
import type { WorkerLookupDeps } from '../conversation/worker-lookup';
import { nearestWorkers } from './nearest-workers';
import { TOO_MANY_READS } from './read-limit';
import { closestCapabilities } from './understanding/closest-capabilities';
import { nameAlone } from './understanding/name-alone';

interface UnknownMessageDeps extends WorkerLookupDeps {
  limits: { reads: RateLimiter };
}

const NOT_UNDERSTOOD = 'I did not understand that.';
const SAY_HELP = 'Say "help" to see what I can do.';

export async function answerUnknown(
  deps: UnknownMessageDeps,
  context: TurnContext,
  state: AppTurnState,
  requester: Person,
  text: string,
): Promise<void> {
  const name = nameAlone(text);
  let intro = NOT_UNDERSTOOD;
  if (name !== undefined) {
    // A directory look-up, like "status of …": it counts against the person's read limit.
    if (!(await deps.limits.reads.take(requester.aadObjectId))) {
      await context.sendActivity(TOO_MANY_READS);
      return;
    }
    const workers = await nearestWorkers(deps, requester, name);
    if (workers.length > 0) {
      state.conversation.pendingIntent = { kind: 'status', worker: name };
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(buildDidYouMeanCard(workers))] });
      return;
    }
    // The same words whether nobody has that name or they are in someone else's store.
    intro = `${NOT_UNDERSTOOD} If "${name}" is a name, I couldn't find them among the people you look after.`;
  }
  // The text alone is enough in a channel without cards.
  const card = buildSuggestionsCard(closestCapabilities(text));
  await context.sendActivity({ text: `${intro} ${SAY_HELP}`, attachments: [CardFactory.adaptiveCard(card)] });
}
