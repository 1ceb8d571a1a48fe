// A conversation's turns one at a time across instances: two instances given turns of one conversation at once run
// them one after the other; other conversations are not held up; a holder that died is waited for only so long.
import { ConversationTurns } from '../../src/bot/conversation-turns';
import { LeasedWork } from '../../src/changes/leased-work';
import { MemoryLeases } from '../../src/changes/leases';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function twoInstances(waitMs = 2000) {
  const leases = new MemoryLeases();
  const instance = (owner: string) => new ConversationTurns(new LeasedWork(leases, owner, { ttlMs: 3000 }), waitMs);
  return { leases, a: instance('a'), b: instance('b') };
}

/** A turn that records when it ran, taking `ms`. */
function recorder() {
  const log: string[] = [];
  let inside = 0;
  let most = 0;
  const turn = (name: string, ms: number) => async () => {
    inside += 1;
    most = Math.max(most, inside);
    log.push(`${name} start`);
    await wait(ms);
    log.push(`${name} end`);
    inside -= 1;
    return name;
  };
  return { log, turn, most: () => most };
}

it('runs two instances’ turns of one conversation one after the other', async () => {
  const { a, b } = twoInstances();
  const { log, turn, most } = recorder();
  const results = await Promise.all([
    a.run('a:personal-hana', turn('first', 60)),
    b.run('a:personal-hana', turn('second', 10)),
  ]);
  expect(results).toEqual(['first', 'second']);
  expect(most()).toBe(1);
  expect(log).toEqual(['first start', 'first end', 'second start', 'second end']);
});

it('runs one instance’s turns of one conversation in the order they came, and other conversations beside them', async () => {
  const { a } = twoInstances();
  const { log, turn } = recorder();
  await Promise.all([
    a.run('a:personal-hana', turn('hana 1', 40)),
    a.run('a:personal-hana', turn('hana 2', 5)),
    a.run('a:personal-priya', turn('priya', 5)),
  ]);
  expect(log.indexOf('priya end')).toBeLessThan(log.indexOf('hana 1 end'));
  expect(log.indexOf('hana 1 end')).toBeLessThan(log.indexOf('hana 2 start'));
});

it('runs the turn after a while when another instance died holding the conversation', async () => {
  const { leases, a } = twoInstances(150);
  const { createHash } = await import('node:crypto');
  const name = `turn:${createHash('sha256').update('a:personal-hana').digest('base64url')}`;
  // An instance took the conversation's turn and died: its lease outlives the wait.
  expect(await leases.acquire(name, 'dead', 60_000, Date.now())).toBe(true);
  const started = Date.now();
  expect(await a.run('a:personal-hana', async () => 'answered')).toBe('answered');
  expect(Date.now() - started).toBeGreaterThanOrEqual(150);
});
