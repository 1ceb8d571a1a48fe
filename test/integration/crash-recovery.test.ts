import { once } from 'node:events';
import type { LoggedRequest } from '../../src/simulator/request-log';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteChangeStore } from '../../src/storage/sqlite/sqlite-change-store';
import { openDatabase } from '../../src/storage/sqlite/sqlite-database';
import { DEMO_GROUP_SETTINGS } from '../helpers/config';
import { HANA, PRIYA, testPipeline } from '../helpers/pipeline';
import { runNode, startNode } from '../helpers/processes';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

const harness = new SimulatorHarness();
const ENABLE = /\/phoneMethods\/3179e48a-750b-4051-897c-87b9720928f7\/enableSmsSignIn$/;

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function statusOf(dataDir: string, id: string): Promise<string | undefined> {
  const db = openDatabase(dataDir, MIGRATIONS);
  try {
    return (await new SqliteChangeStore(db).get(id))?.status;
  } finally {
    db.close();
  }
}

useSimulator(harness);

it('a bot killed (SIGKILL) while Graph holds its write ends the request right after restart, with the write made once and the audit chain intact', async () => {
  const temp = tempDir();
  try {
    // An approved FIG6 fix waiting in the data directory, as if approved just before a restart.
    const pipeline = testPipeline(temp.dir, harness.url);
    const request = await pipeline.service.request({
      requester: PRIYA,
      kind: 'enable-sms-sign-in',
      target: { userId: demoUser('bob.smith'), displayName: 'Bob Smith' },
      reason: 'Bob gets FIG6',
      tenantWide: false,
    });
    expect((await pipeline.service.decide(request.id, HANA, 'approve')).ok).toBe(true);
    pipeline.db.close();

    // Graph applies the write but holds its answer: the bot dies not knowing whether it happened.
    await harness.control('POST', 'faults', {
      method: 'POST',
      path: ENABLE.source,
      action: 'hold',
      hold: 'after',
      holdMs: 60000,
    });
    const env = {
      PORT: '0',
      DATA_DIR: temp.dir,
      GRAPH_BASE_URL: harness.url,
      LOG_LEVEL: 'info',
      ...DEMO_GROUP_SETTINGS,
    };
    const first = await startNode('dist/src/index.js', env, /phonedesk listening on/);
    await waitFor('the held write', async () => {
      const faults = await harness.control<{ held: number }>('GET', 'faults');
      return faults.body.held > 0 ? true : undefined;
    });
    expect(await statusOf(temp.dir, request.id)).toBe('executing');
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    await harness.control('POST', 'release');

    const second = await startNode('dist/src/index.js', env, /phonedesk listening on/);
    try {
      const final = await waitFor('the reconciled request', async () => {
        const status = await statusOf(temp.dir, request.id);
        return status === 'executing' ? undefined : status;
      });
      expect(final).toBe('succeeded');
    } finally {
      second.child.kill('SIGTERM');
      await once(second.child, 'exit');
    }

    const log = (await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
    expect(log.filter((entry) => entry.method === 'POST' && ENABLE.test(entry.path))).toHaveLength(1);
    const methods = await harness.graph<{ value: Array<{ smsSignInState: string }> }>(
      'GET',
      `/users/${demoUser('bob.smith')}/authentication/phoneMethods`,
    );
    expect(methods.body.value[0].smsSignInState).toBe('ready');

    const verify = await runNode('dist/src/cli/main.js', ['audit', 'verify', '--data-dir', temp.dir], {});
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit log OK/);
    const transitions = await (async () => {
      const db = openDatabase(temp.dir, MIGRATIONS);
      try {
        return await new SqliteChangeStore(db).transitions(request.id);
      } finally {
        db.close();
      }
    })();
    expect(transitions.at(-1)).toMatchObject({
      from: 'executing',
      to: 'succeeded',
      note: expect.stringMatching(/reconciled after a restart/),
    });
  } finally {
    temp.cleanup();
  }
});
