// The per-worker guard's roles, read over real HTTP against the simulated tenant: a role the worker may turn on
// (Privileged Identity Management) and one given to a role-assignable group they are in make them an admin, so
// phonedesk sets up no SMS sign-in, badge or pass for them. A worker in no such group costs no extra request.
import { SNAPSHOT_SLICES, specOf } from '../../src/methods/registry';
import { signInSnapshot } from '../../src/methods/read-snapshot';
import type { LoggedRequest } from '../../src/simulator/request-log';
import { useGateway } from '../helpers/gateway';
import { SimulatorHarness, demoUser, seedWithShiftLeads, useSimulator } from '../helpers/simulator';

const harness = new SimulatorHarness();
useSimulator(harness);
const gateway = useGateway(harness);

async function trips(): Promise<string[]> {
  const log = await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests');
  return log.body.requests.filter((entry) => entry.batchId === undefined).map((entry) => entry.path);
}

async function rolesOf(alias: string) {
  return (await gateway().readWorker(demoUser(alias), SNAPSHOT_SLICES)).worker.roles;
}

it('counts a role the worker may turn on, and refuses SMS sign-in for them in words that say so', async () => {
  expect(await rolesOf('kyle.adams')).toEqual([
    expect.objectContaining({ displayName: 'Password Administrator', directoryScopeId: '/', eligible: true }),
  ]);
  const kyle = await signInSnapshot(gateway(), demoUser('kyle.adams'));
  expect(specOf({ kind: 'add-number' }).refusalFor?.(kyle)).toMatch(
    /^Kyle Adams holds an admin role \(Password Administrator \(eligible\)\), and phonedesk never sets up sign-in by text message/,
  );
});

it("counts a role given to a role-assignable group for the group's members, in a second request", async () => {
  const seed = seedWithShiftLeads([demoUser('chloe.evans')]);
  expect((await harness.control('PUT', 'seed', seed)).status).toBe(204);
  await harness.control('DELETE', 'requests');

  const chloe = await signInSnapshot(gateway(), demoUser('chloe.evans'));
  expect(chloe.roles).toEqual([
    expect.objectContaining({ displayName: 'User Administrator', throughGroup: 'Shift leads' }),
  ]);
  expect(await trips()).toEqual(['/$batch', '/$batch']);
  expect(specOf({ kind: 'issue-badge' }).refusalFor?.(chloe)).toMatch(
    /holds an admin role \(User Administrator \(through 'Shift leads'\)\)/,
  );
});

it('reads a worker in no role-assignable group in one request, and as no admin', async () => {
  await harness.control('DELETE', 'requests');
  expect(await rolesOf('julia.young')).toEqual([]);
  expect(await trips()).toEqual(['/$batch']);
});

it('still reads active roles when eligible ones are refused (no Entra ID P2, or no permission)', async () => {
  await harness.forbid('roleManagement/directory/roleEligibilitySchedules');
  expect(await rolesOf('kyle.adams')).toEqual([]);
  expect((await rolesOf('rachel.green')).map((role) => role.displayName)).toEqual(['Helpdesk Administrator']);
});
