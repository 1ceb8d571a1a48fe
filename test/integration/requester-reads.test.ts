// The profile of a person who asks or approves carries their directory name and stores, read in the same $batch
// as their groups and roles (and, for "status of Bob", in the same $batch as Bob's snapshot).
import type { GraphGateway } from '../../src/graph/graph-gateway';
import { DEMO_STORES } from '../../src/simulator/demo-tenant';
import type { LoggedRequest } from '../../src/simulator/request-log';
import { testGateway } from '../helpers/gateway';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';
import { snapshotForRequester } from '../../src/methods/read-snapshot';

const harness = new SimulatorHarness();
let gateway: GraphGateway;

async function roundTrips(): Promise<LoggedRequest[]> {
  return (await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests.filter(
    (entry) => entry.batchId === undefined,
  );
}

useSimulator(harness);

beforeEach(async () => {
  await harness.restoreSeed();
  ({ gateway } = testGateway(harness.url));
});

it('reads the display name and stores of a person in one round trip', async () => {
  // Store staff are members of their store's administrative unit (its manager holds a role scoped to it instead).
  const profile = await gateway.requesterProfile(demoUser('chloe.evans'));
  expect(profile.displayName).toBe('Chloe Evans');
  expect(profile.stores).toEqual([{ id: DEMO_STORES.manchester.id, displayName: DEMO_STORES.manchester.name }]);
  expect(await roundTrips()).toHaveLength(1);
});

it('reads them inside the snapshot batch, still one round trip', async () => {
  const { requester } = await snapshotForRequester(gateway, demoUser('bob.smith'), demoUser('hana.kim'));
  expect(requester.displayName).toBe('Hana Kim');
  expect(requester.stores).toEqual([]);
  expect(await roundTrips()).toHaveLength(1);
});
