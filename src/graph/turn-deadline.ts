// A time budget for the Graph calls made while a person waits. Teams gives up on a card click after about
// 10–15 s ("unable to reach app"), so waiting out a long Retry-After there only swaps a plain "Microsoft 365 is
// busy" for a broken card. Work that runs on after the answer (an approved change) runs without the budget.
import { AsyncLocalStorage } from 'node:async_hooks';

const budget = new AsyncLocalStorage<{ endsAt: number } | undefined>();

/** Runs `work` with Graph calls (retries, waits, timeouts) limited to `ms` from now. */
export function withinDeadline<T>(ms: number, work: () => Promise<T>): Promise<T> {
  return budget.run({ endsAt: Date.now() + ms }, work);
}

/** Runs `work` (and what it starts) free of any budget of the turn that started it. */
export function withoutDeadline<T>(work: () => T): T {
  return budget.run(undefined, work);
}

/** Milliseconds left for Graph calls here; Infinity outside a budget. */
export function remainingMs(now = Date.now()): number {
  const current = budget.getStore();
  return current ? current.endsAt - now : Infinity;
}
