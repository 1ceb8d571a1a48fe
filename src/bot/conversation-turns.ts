// Turns of one conversation, one at a time across every instance: Teams retries a message or a click, a person sends
// twice, and the two may reach two instances. Each turn reads the conversation's state and saves it with its eTag, so
// two at once would have one fail with a conflict. Instead a turn waits for the one before it: in this process by a
// queue, across instances by the conversation's lease.
import { createHash } from 'node:crypto';
import type { LeasedWork } from '../changes/leased-work';
import { KeyedQueue } from './keyed-queue';

/** How long a turn waits for another instance's turn of the same conversation (Teams gives up on a click at ~15 s). */
const WAIT_MS = 8000;
const POLL_MS = 50;

export class ConversationTurns {
  private readonly here = new KeyedQueue();

  constructor(
    private readonly claims: LeasedWork,
    private readonly waitMs = WAIT_MS,
  ) {}

  run<T>(conversationId: string, turn: () => Promise<T>): Promise<T> {
    // The id comes from the activity: hashed, so any length or character makes a lease name.
    const lease = `turn:${createHash('sha256').update(conversationId).digest('base64url')}`;
    return this.here.run(lease, async () => {
      const deadline = Date.now() + this.waitMs;
      for (;;) {
        const done = await this.claims.during(lease, async () => ({ value: await turn() }));
        if (done) return done.value;
        // The other turn's instance died holding the lease (a turn this long is not waited for): nothing of it
        // will be saved after ours, so this one runs.
        if (Date.now() > deadline) return turn();
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    });
  }
}
