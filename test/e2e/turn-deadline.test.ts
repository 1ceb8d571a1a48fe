// While a person waits, Graph gets a bounded time: a Retry-After longer than the turn is not waited out. Teams
// gives up on a card click after about 10–15 s, so the answer must come first, plainly.
import type { LoggedRequest } from '../../src/simulator/request-log';
import { BotHarness, HANA, PRIYA, findButton, textOf, useBot } from '../helpers/bot-harness';
import { demoUser } from '../helpers/simulator';

const harness = new BotHarness();
const BUSY = /Microsoft 365 is busy/;

useBot(harness, [PRIYA, HANA]);

beforeEach(async () => {
  await harness.simulator.reset();
});

async function requestLog(): Promise<LoggedRequest[]> {
  return (await harness.simulator.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
}

async function throttle(path: string, retryAfterSeconds: number): Promise<void> {
  const { status } = await harness.simulator.control('POST', 'faults', {
    method: 'GET',
    path,
    status: 429,
    retryAfter: retryAfterSeconds,
    count: 1000,
  });
  if (status !== 201) throw new Error(`the simulator refused the fault: ${status}`);
}

it('answers an Approve click at once when Graph asks for a wait longer than Teams would wait, and keeps the request pending', async () => {
  const asked = await harness.say(PRIYA, 'add +44 7700 900123 for Jane Doe because new starter');
  const requestId = findButton(asked, 'change.cancel')!.requestId as string;
  await harness.simulator.control('DELETE', 'requests');
  // Hana's groups are read fresh for every decision; Graph asks for 9 s, under the gateway's 30 s cap.
  await throttle(`^/users/${demoUser('hana.kim')}/transitiveMemberOf`, 9);

  const started = Date.now();
  const reply = await harness.click(HANA, 'change.approve', { requestId });
  // Waiting out Graph would take at least 9 s.
  expect(Date.now() - started).toBeLessThan(8000);
  expect(JSON.stringify(reply.body.value)).toMatch(BUSY);
  expect((await harness.bot.services.stores.changes.get(requestId))!.status).toBe('pending');
  // One read of her groups, not retried (her stores are read in the same $batch and answered 429 too).
  const profileReads = (await requestLog()).filter((entry) =>
    entry.path.startsWith(`/users/${demoUser('hana.kim')}/transitiveMemberOf/microsoft.graph.group`),
  );
  expect(profileReads.map((entry) => entry.status)).toEqual([429]);
});

it('answers a message plainly instead of waiting out a 25 s Retry-After', async () => {
  await throttle(`^/users/${demoUser('bob.smith')}/authentication/phoneMethods`, 25);
  const started = Date.now();
  const reply = await harness.say(PRIYA, "why can't Bob Smith sign in?");
  // Waiting out Graph would take at least 25 s.
  expect(Date.now() - started).toBeLessThan(15000);
  expect(textOf(reply)).toMatch(BUSY);
});
