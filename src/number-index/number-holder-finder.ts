// "Who has 07700 900456?": answered from the number index; hits are confirmed with one $batch read of Graph.
import type { GraphGateway } from '../graph/graph-gateway';
import { fromGraph } from '../phone/phone-number';
import type { NumberIndex } from './number-index';
import type { PhoneType, SmsSignInState } from '../snapshot/sign-in-snapshot';

interface NumberHolder {
  userId: string;
  displayName: string;
  phoneType: PhoneType;
  smsSignInState: SmsSignInState;
}

interface HolderLookup {
  /** Confirmed holders, the one that can sign in with the number first. */
  holders: NumberHolder[];
  /** Graph round trips made to confirm index hits (0 or 1). */
  graphCalls: number;
}

/** A $batch holds 20 requests, two per candidate. */
const MAX_CANDIDATES = 10;

type Gateway = Pick<GraphGateway, 'phoneMethodsWithNames'>;

export class NumberHolderFinder {
  constructor(
    private readonly index: NumberIndex,
    private readonly gateway: Gateway,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async find(e164: string, options: { excludeUserId?: string } = {}): Promise<HolderLookup> {
    const entries = (await this.index.holdersOf(e164)).filter((entry) => entry.userId !== options.excludeUserId);
    const candidates = [...new Set(entries.map((entry) => entry.userId))].slice(0, MAX_CANDIDATES);
    if (candidates.length === 0) return { holders: [], graphCalls: 0 };
    const current = await this.gateway.phoneMethodsWithNames(candidates);
    const holders: NumberHolder[] = [];
    for (const userId of candidates) {
      const found = current.get(userId);
      // Whatever Graph says now replaces what the index knew, hit or miss; a user gone from Graph holds nothing.
      await this.index.record(userId, found?.methods ?? [], this.now());
      for (const method of found?.methods ?? []) {
        if (fromGraph(method.phoneNumber)?.e164 === e164) {
          holders.push({
            userId,
            displayName: found!.displayName,
            phoneType: method.phoneType,
            smsSignInState: method.smsSignInState,
          });
        }
      }
    }
    holders.sort((a, b) => Number(b.smsSignInState === 'ready') - Number(a.smsSignInState === 'ready'));
    return { holders, graphCalls: 1 };
  }
}
