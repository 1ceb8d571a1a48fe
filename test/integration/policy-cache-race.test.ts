// A sign-in snapshot that relied on the cached SMS policy, while a policy change clears that cache: the snapshot
// still answers (with the policy as it was read), and the next one reads the policy again.
import { GraphFailure } from '../../src/graph/graph-errors';
import { useGateway } from '../helpers/gateway';
import { waitUntil } from '../helpers/bot-harness';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';
import { signInSnapshot } from '../../src/methods/read-snapshot';

const harness = new SimulatorHarness();

useSimulator(harness);

const gateway = useGateway(harness);

const heldCount = async (): Promise<number> => (await harness.control<{ held: number }>('GET', 'faults')).body.held;

it('answers a snapshot whose batch was in flight when setUseForSignIn emptied the policy cache', async () => {
  const frontline = (await gateway().smsPolicy()).includeTargets.find((target) => target.isUsableForSignIn)!;
  // The snapshot's batch waits in the simulator, after the gateway decided the cached policy would do.
  await harness.control('POST', 'faults', { method: 'GET', path: '/licenseDetails', action: 'hold', count: 1 });
  const snapshot = signInSnapshot(gateway(), demoUser('chloe.evans'));
  await waitUntil('the snapshot to be held', async () => (await heldCount()) === 1 || undefined);

  // The change empties the cache, and its PATCH fails, so nothing fills it again before the snapshot returns.
  await harness.control('POST', 'faults', {
    method: 'PATCH',
    path: '/authenticationMethodConfigurations/sms',
    status: 400,
    code: 'badRequest',
    count: 1,
  });
  await expect(gateway().setUseForSignIn(frontline.id, false)).rejects.toBeInstanceOf(GraphFailure);
  await harness.control('POST', 'release');

  const read = await snapshot;
  expect(read.policy.includeTargets.find((target) => target.id === frontline.id)?.isUsableForSignIn).toBe(true);
  expect(read.phoneMethods[0].smsSignInState).toBe('ready');
  // The next snapshot works too (it reads the policy again, the cache being empty).
  expect((await signInSnapshot(gateway(), demoUser('chloe.evans'))).policy.includeTargets.length).toBeGreaterThan(0);
});
