// "Move my store to QR codes": the plan card (read live), then on "Ask for approval" the plan read again and asked
// for as one request, approved by helpdesk like any change; its job then runs (src/jobs/badge-job.ts). "Stop the
// job" on the progress card asks the job to stop before its next worker. Card data is only ids, re-checked.
import type { TurnContext } from 'botbuilder';
import type { Person } from '../audit/audit-context';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { buildJobProgressCard, buildMovePlanCard } from '../cards/store-move-card';
import { submitChange, type SubmitChangeDeps } from '../conversation/submit-change';
import type { NewRequestInput } from '../changes/change-service';
import type { JobRunner } from '../jobs/job-runner';
import { readFinishPlan } from '../jobs/store-finish-plan';
import { readMovePlan, type PlanGateway } from '../jobs/store-move-plan';
import type { StoreUnit } from '../graph/store-reads';
import { buildFinishPlanCard } from '../cards/store-finish-card';
import type { JobStore } from '../storage/job-store';
import { personOf, WHO_ARE_YOU } from './person-of';
import { storesAsked, storesOf, type OverviewDeps } from './store-overview-reply';

export interface StoreMoveDeps extends OverviewDeps, SubmitChangeDeps {
  gateway: OverviewDeps['gateway'] & PlanGateway;
  jobs: Pick<JobRunner, 'cancel'>;
  jobStore: Pick<JobStore, 'workers'>;
}

type Answer = { card: AdaptiveCard } | { text: string } | { posted: string };

const now = (deps: StoreMoveDeps): Date => (deps.now ?? (() => new Date()))();

/** The one store a message names (or the requester's only store), if they may ask for changes there. */
async function oneStore(
  deps: StoreMoveDeps,
  requester: Person,
  typedStore: string | undefined,
  verb: string,
): Promise<{ store: StoreUnit } | { text: string }> {
  const asked = await storesAsked(deps, requester, typedStore);
  if (!asked.ok) return { text: asked.text };
  if (!deps.access.mayRequest(asked.profile))
    return { text: 'Only store managers and helpdesk staff can ask phonedesk for changes.' };
  if (asked.stores.length > 1)
    return {
      text: `Which store? One at a time, for example "${verb} the ${asked.stores[0]!.displayName} store". Yours: ${asked.stores
        .slice(0, 8)
        .map((store) => store.displayName)
        .join(', ')}.`,
    };
  return { store: asked.stores[0]! };
}

/** A store a card's button names, if the clicker looks after it now. */
async function clickedStoreInScope(
  deps: StoreMoveDeps,
  clicker: Person,
  storeId: unknown,
): Promise<StoreUnit | undefined> {
  if (typeof storeId !== 'string' || storeId.length > 100) return undefined;
  const profile = await deps.directory.profile(clicker, { fresh: true });
  return (await storesOf(deps, profile)).find((candidate) => candidate.id === storeId);
}

/** The plan for the one store the message names (or the requester's only store). */
export async function movePlanAnswer(
  deps: StoreMoveDeps,
  requester: Person,
  typedStore: string | undefined,
): Promise<Answer> {
  const store = await oneStore(deps, requester, typedStore, 'move');
  if ('text' in store) return store;
  return { card: buildMovePlanCard(await readMovePlan(deps.gateway, store.store, now(deps))) };
}

/** A plan card's "Ask for approval": the store re-checked, the plan read again by `ask`, one request for all of it. */
async function askForStore(
  deps: StoreMoveDeps,
  context: TurnContext,
  data: Record<string, unknown>,
  ask: (requester: Person, store: StoreUnit) => Promise<NewRequestInput | { nobody: string }>,
): Promise<Answer> {
  const requester = personOf(context.activity);
  if (!requester) return { text: WHO_ARE_YOU };
  const store = await clickedStoreInScope(deps, requester, data.storeId);
  if (!store) return { text: 'That store is not one you look after.' };
  const input = await ask(requester, store);
  if ('nobody' in input) return { text: input.nobody };
  const request = await submitChange(deps, context, input, undefined);
  return { posted: request ? `Request ${request.number}: see its card below.` : 'Nothing was asked for.' };
}

const storeRequest = (requester: Person, store: StoreUnit, reason: string) =>
  ({
    requester,
    target: { userId: store.id, displayName: store.displayName },
    reason,
    urgent: false,
    tenantWide: false,
  }) as const;

export function askToMove(deps: StoreMoveDeps, context: TurnContext, data: Record<string, unknown>): Promise<Answer> {
  return askForStore(deps, context, data, async (requester, store) => {
    const plan = await readMovePlan(deps.gateway, store, now(deps));
    if (plan.planned.length === 0) return { nobody: `Nobody in ${store.displayName} needs a badge now.` };
    return {
      ...storeRequest(requester, store, 'Move the store to QR badges before SMS sign-in stops on 1 February 2027'),
      kind: 'move-store-to-badges',
      storeId: store.id,
      planned: plan.planned,
      skipped: plan.skipped,
      lifetimeDays: plan.lifetimeDays,
      passMinutes: plan.passMinutes,
    };
  });
}

/** "Finish moving my store": the plan for turning SMS sign-in off beside the badges in use. */
export async function finishPlanAnswer(
  deps: StoreMoveDeps,
  requester: Person,
  typedStore: string | undefined,
): Promise<Answer> {
  const store = await oneStore(deps, requester, typedStore, 'finish moving');
  if ('text' in store) return store;
  return { card: buildFinishPlanCard(await readFinishPlan(deps.gateway, store.store, now(deps))) };
}

export function askToFinish(deps: StoreMoveDeps, context: TurnContext, data: Record<string, unknown>): Promise<Answer> {
  return askForStore(deps, context, data, async (requester, store) => {
    const plan = await readFinishPlan(deps.gateway, store, now(deps));
    if (plan.planned.length === 0)
      return { nobody: `Nobody in ${store.displayName} signs in with a badge and by text message both.` };
    return {
      ...storeRequest(
        requester,
        store,
        'Workers sign in with their badge now: SMS sign-in is the weaker way, and stops on 1 February 2027',
      ),
      kind: 'finish-store-move',
      storeId: store.id,
      planned: plan.planned,
      removeNumbers: data.remove === true,
    };
  });
}

/** "Stop the job": the requester or an approver; the card shows it stopping. */
export async function stopJob(
  deps: StoreMoveDeps,
  context: TurnContext,
  data: Record<string, unknown>,
): Promise<Answer> {
  const person = personOf(context.activity);
  if (!person) return { text: WHO_ARE_YOU };
  const jobId = typeof data.jobId === 'string' && data.jobId.length <= 100 ? data.jobId : undefined;
  if (!jobId) return { text: 'That card is no longer valid.' };
  const stopped = await deps.jobs.cancel(jobId, person);
  if (!stopped.ok) return { text: stopped.message };
  return {
    card: buildJobProgressCard({ job: stopped.job, workers: await deps.jobStore.workers(jobId), now: now(deps) }),
  };
}
