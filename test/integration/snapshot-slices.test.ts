// A sign-in method's slice of the snapshot rides in the worker's one $batch: its reads keep their own ids (a second
// method may name a read "user" too), its tenant-wide reads come from the gateway's short cache when fresh, and a
// read Graph answers with an error is simply absent for `optional`. Over real HTTP against the simulated tenant.
import type { User } from '@microsoft/microsoft-graph-types';
import { GraphFailure } from '../../src/graph/graph-errors';
import type { SnapshotSlice } from '../../src/graph/snapshot-slice';
import type { LoggedRequest } from '../../src/simulator/request-log';
import { SNAPSHOT_SLICES } from '../../src/methods/registry';
import { useGateway } from '../helpers/gateway';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';

const harness = new SimulatorHarness();

useSimulator(harness);

const gateway = useGateway(harness);

async function requestLog(): Promise<LoggedRequest[]> {
  return (await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
}

/** A method of the kind the next issue adds: a per-worker read under a name the core uses too, and a policy. */
const SECOND_METHOD: SnapshotSlice<{ mail: string | undefined; missing: unknown; policyState: string }> = {
  workerReads: (user) => [
    { id: 'user', url: `/users/${user}?$select=id,mail` },
    { id: 'missing', url: `/users/${user}/no-such-resource` },
  ],
  tenantReads: [{ id: 'policy', url: '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/sms' }],
  map: (answers) => ({
    mail: answers.ok<User>('user').mail ?? undefined,
    missing: answers.optional('missing'),
    policyState: answers.ok<{ state: string }>('policy').state,
  }),
};

it('reads every slice in the one $batch, each under its own ids', async () => {
  const read = await gateway().readWorker(demoUser('bob.smith'), [...SNAPSHOT_SLICES, SECOND_METHOD]);
  const trips = (await requestLog()).filter((entry) => entry.batchId === undefined);
  expect(trips.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['POST /$batch']);
  expect(read.worker.user.displayName).toBe('Bob Smith');
  expect(read.slices[0]).toMatchObject({ phoneMethods: [expect.objectContaining({ phoneType: 'mobile' })] });
  expect(read.slices[SNAPSHOT_SLICES.length]).toEqual({
    mail: expect.stringContaining('@'),
    missing: undefined,
    policyState: 'enabled',
  });
});

it('reads a tenant-wide read once for both slices that need it, and reuses it for the next worker', async () => {
  await gateway().readWorker(demoUser('bob.smith'), [...SNAPSHOT_SLICES, SECOND_METHOD]);
  const second = await gateway().readWorker(demoUser('chloe.evans'), [...SNAPSHOT_SLICES, SECOND_METHOD]);
  const policyReads = (await requestLog()).filter((entry) =>
    entry.path.endsWith('authenticationMethodConfigurations/sms'),
  );
  expect(policyReads).toHaveLength(1);
  expect(second.slices[SNAPSHOT_SLICES.length]).toMatchObject({ policyState: 'enabled' });
});

it('fails plainly when a read a slice needs fails', async () => {
  const needy: SnapshotSlice = {
    workerReads: SECOND_METHOD.workerReads,
    map: (answers) => ({ x: answers.ok('missing') }),
  };
  await expect(gateway().readWorker(demoUser('bob.smith'), [needy])).rejects.toBeInstanceOf(GraphFailure);
});
