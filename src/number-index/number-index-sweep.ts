// Fills the number index from Graph: users with a mobile registered (registration report), then their phones by
// $batch of 20. Resumable: the position is saved after every batch; throttling is handled by the gateway's retries.
import type { GraphGateway } from '../graph/graph-gateway';
import type { NumberIndex } from './number-index';

type Gateway = Pick<GraphGateway, 'mobileRegistrations' | 'phoneMethodsOf'>;

interface SweepProgress {
  usersRead: number;
  graphCalls: number;
  finished: boolean;
}

const BATCH = 20;

export class NumberIndexSweep {
  constructor(
    private readonly index: NumberIndex,
    private readonly gateway: Gateway,
    private readonly now: () => Date = () => new Date(),
    /** Users per registration report page (Graph allows up to 999). */
    private readonly pageSize = 999,
  ) {}

  /** Runs until done or until `signal` aborts; a later call resumes where this one stopped. */
  async run(signal?: AbortSignal): Promise<SweepProgress> {
    let state = await this.index.sweepState();
    if (!state || state.finishedAt !== undefined) {
      state = {
        startedAt: this.now().toISOString(),
        nextLink: undefined,
        pendingUserIds: [],
        finishedAt: undefined,
        usersRead: 0,
      };
    }
    let graphCalls = 0;
    let firstPage = state.usersRead === 0 && state.pendingUserIds.length === 0 && state.nextLink === undefined;
    while (!signal?.aborted) {
      if (state.pendingUserIds.length === 0) {
        if (!firstPage && state.nextLink === undefined) {
          state = { ...state, finishedAt: this.now().toISOString() };
          await this.index.saveSweepState(state);
          return { usersRead: state.usersRead, graphCalls, finished: true };
        }
        const page = await this.gateway.mobileRegistrations(state.nextLink, this.pageSize);
        graphCalls++;
        firstPage = false;
        state = { ...state, nextLink: page.nextLink, pendingUserIds: page.userIds };
        await this.index.saveSweepState(state);
        continue;
      }
      const batch = state.pendingUserIds.slice(0, BATCH);
      const methods = await this.gateway.phoneMethodsOf(batch);
      graphCalls++;
      const seenAt = this.now();
      for (const userId of batch) await this.index.record(userId, methods.get(userId) ?? [], seenAt);
      state = {
        ...state,
        pendingUserIds: state.pendingUserIds.slice(BATCH),
        usersRead: state.usersRead + batch.length,
      };
      await this.index.saveSweepState(state);
    }
    return { usersRead: state.usersRead, graphCalls, finished: false };
  }
}
