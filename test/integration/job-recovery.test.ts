// A store's move to badges survives the bot being killed (SIGKILL) mid-job: the next start carries on, a create whose
// answer was lost is found in Graph and the badge made afresh (never a second create), badges whose sealed secrets
// died with the process are made afresh before the sheet, and the one sheet holds a working badge for every worker.
import { once } from 'node:events';
import { readStoreLive } from '../../src/checks/store-overview';
import { readMovePlan } from '../../src/jobs/store-move-plan';
import { DEMO_STORES } from '../../src/simulator/demo-tenant';
import type { LoggedRequest } from '../../src/simulator/request-log';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations';
import { SqliteConversationReferences } from '../../src/storage/sqlite/sqlite-conversation-references';
import { openDatabase } from '../../src/storage/sqlite/sqlite-database';
import { SqliteJobStore } from '../../src/storage/sqlite/sqlite-job-store';
import { readPdf } from '../helpers/badge-pdf-reader';
import { CaptureServer } from '../helpers/capture-server';
import { DEMO_GROUP_SETTINGS } from '../helpers/config';
import { testGateway } from '../helpers/gateway';
import { HANA, PRIYA, testPipeline } from '../helpers/pipeline';
import { runNode, startNode } from '../helpers/processes';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

const harness = new SimulatorHarness();
const connector = new CaptureServer();
const QR_CREATE = /\/users\/([^/]+)\/authentication\/qrCodePinMethod$/;

useSimulator(harness);
beforeAll(async () => {
  await connector.start();
});
afterAll(async () => {
  await connector.stop();
});

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 40000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function rows(dataDir: string, jobId: string) {
  const db = openDatabase(dataDir, MIGRATIONS);
  try {
    return await new SqliteJobStore(db).workers(jobId);
  } finally {
    db.close();
  }
}

it('a bot killed mid-job carries on after restart: one create per worker, every badge on the sheet works', async () => {
  const temp = tempDir();
  try {
    // The move of Manchester, planned from the tenant and approved; Priya's chat known to phonedesk.
    const { gateway } = testGateway(harness.url);
    const store = { id: DEMO_STORES.manchester.id, displayName: DEMO_STORES.manchester.name };
    const plan = await readMovePlan(gateway, store, new Date());
    expect(plan.planned.length).toBeGreaterThanOrEqual(4);
    const pipeline = testPipeline(temp.dir, harness.url);
    const request = await pipeline.service.request({
      requester: PRIYA,
      kind: 'move-store-to-badges',
      storeId: store.id,
      planned: plan.planned,
      skipped: plan.skipped,
      lifetimeDays: plan.lifetimeDays,
      passMinutes: plan.passMinutes,
      target: { userId: store.id, displayName: store.displayName },
      reason: 'Move the store before SMS sign-in stops',
      tenantWide: false,
    });
    expect((await pipeline.service.decide(request.id, HANA, 'approve')).ok).toBe(true);
    await new SqliteConversationReferences(pipeline.db).save(PRIYA.aadObjectId, {
      serviceUrl: connector.url,
      channelId: 'msteams',
      conversation: { id: 'a:personal-priya.shah', conversationType: 'personal', isGroup: false, name: '' },
      user: { id: '29:priya.shah', name: PRIYA.name },
      bot: { id: '28:phonedesk', name: 'phonedesk' },
    });
    pipeline.db.close();

    // Slow answers make the job long; one worker's create is applied but its answer held, so the bot dies not
    // knowing whether that badge was made.
    const held = plan.planned[plan.planned.length - 1]!;
    await harness.control('PUT', 'latency', { fixedMs: 150 });
    await harness.control('POST', 'faults', {
      method: 'PUT',
      path: `users/${held.userId}/authentication/qrCodePinMethod$`,
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
    await waitFor('the held create', async () => {
      const faults = await harness.control<{ held: number }>('GET', 'faults');
      return faults.body.held > 0 ? true : undefined;
    });
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    const before = await rows(temp.dir, request.id);
    expect(before.find((row) => row.userId === held.userId)?.state).toBe('creating');
    // Secrets on disk only sealed: no PIN or QR content in any row.
    for (const row of before) if (row.sealed) expect(row.sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    await harness.control('POST', 'release');
    await harness.control('PUT', 'latency', { fixedMs: 0 });

    const second = await startNode('dist/src/index.js', env, /phonedesk listening on/);
    try {
      const card = await waitFor('the finished card with the sheet', async () =>
        connector.calls
          .flatMap((call) => (call.activity.attachments ?? []).map((attachment) => JSON.stringify(attachment.content)))
          .find((text) => /Badge sheet \(A4\)/.test(text)),
      );
      const a4 = /"title":"Badge sheet \(A4\)","url":"([^"]+)"/.exec(card)![1]!;
      const pdf = await readPdf(new Uint8Array(await (await fetch(a4)).arrayBuffer()));
      const scanned = pdf.pages.flatMap((page) => page.images.map((image) => image.scanned!));
      const after = await rows(temp.dir, request.id);
      const badged = after.filter((row) => row.state === 'delivered');
      expect(badged.length).toBe(plan.planned.length);
      expect(scanned).toHaveLength(badged.length);
      expect(after.every((row) => row.sealed === undefined)).toBe(true);

      // Never a second create for anyone; the held worker's badge was made afresh from the one create.
      const log = (await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests')).body.requests;
      const creates = log.filter((entry) => entry.method === 'PUT' && QR_CREATE.test(entry.path));
      const perWorker = new Map<string, number>();
      for (const entry of creates) {
        const user = QR_CREATE.exec(entry.path)![1]!;
        perWorker.set(user, (perWorker.get(user) ?? 0) + 1);
      }
      expect([...perWorker.values()].every((count) => count === 1)).toBe(true);
      expect(perWorker.get(held.userId)).toBe(1);

      // Every worker now holds a working badge in Graph, and the sheet's badge with its slip signs them in (the
      // ones made afresh after the restart included): the sheet holds each worker's live badge.
      const live = await readStoreLive(gateway, store, new Date());
      for (const row of badged)
        expect([row.displayName, live.workers.find((worker) => worker.userId === row.userId)?.standing]).toEqual([
          row.displayName,
          'badge-ready',
        ]);
      const lines = pdf.pages
        .filter((page) => page.images.length === 0)
        .map((page) => page.text)
        .join('\n')
        .split('\n');
      const scannedUsers = scanned.map((content) => demoUser(content.split('|')[1]!.split('@')[0]!));
      expect([...scannedUsers].sort()).toEqual(badged.map((row) => row.userId).sort());
      for (const [index, content] of scanned.entries()) {
        const row = badged.find((candidate) => candidate.userId === scannedUsers[index])!;
        // A slip's lines: name, store, "Temporary PIN", the PIN, its note, then a pass's label and the pass.
        const at = lines.indexOf(row.displayName);
        expect(at).toBeGreaterThan(-1);
        const pass = lines[at + 5]?.startsWith('Temporary Access Pass') ? lines[at + 6] : undefined;
        if (pass)
          expect(
            (await harness.control('POST', 'sign-ins', { user: row.userId, method: 'temporaryAccessPass', pass }))
              .status,
          ).toBe(200);
        const signIn = await harness.control('POST', 'sign-ins', {
          user: row.userId,
          method: 'standardQRCode',
          content,
          pin: lines[at + 3],
        });
        expect([row.displayName, signIn.status]).toEqual([row.displayName, 200]);
      }
    } finally {
      second.child.kill('SIGTERM');
      await once(second.child, 'exit');
    }
    const verify = await runNode('dist/src/cli/main.js', ['audit', 'verify', '--data-dir', temp.dir], {});
    expect(verify.code).toBe(0);
  } finally {
    temp.cleanup();
  }
}, 90000);
