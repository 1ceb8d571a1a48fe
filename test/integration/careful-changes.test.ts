// What a careful helpdesk never does, enforced by the change pipeline itself (not only by cards and dialogs):
// the same change asked twice.
import type { ChangeKind } from '../../src/changes/change-kind';
import type { NewRequestInput } from '../../src/changes/change-service';
import { HANA, PRIYA, testPipeline, type Pipeline } from '../helpers/pipeline';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

const harness = new SimulatorHarness();
let pipeline: Pipeline;
let temp: { dir: string; cleanup: () => void };

useSimulator(harness);

beforeEach(async () => {
  await harness.restoreSeed();
  temp = tempDir();
  pipeline = testPipeline(temp.dir, harness.url, 24 * 3600_000, 30 * 60_000);
});

afterEach(() => {
  pipeline.db.close();
  temp.cleanup();
});

const CHLOE = { alias: 'chloe.evans', name: 'Chloe Evans', number: '+44 7700900101' };

function ask(kind: ChangeKind, alias: string, name: string, phoneNumber?: string, requester = PRIYA): NewRequestInput {
  return { requester, kind, target: { userId: demoUser(alias), displayName: name }, ...(phoneNumber && { phoneNumber }), reason: 'test', tenantWide: false };
}

describe('one open request per worker and change', () => {
  it('does not file a second identical request, and points at the open one', async () => {
    const first = await pipeline.service.request(ask('add-number', 'jane.doe', 'Jane Doe', '+44 7700900123'));
    const again = ask('add-number', 'jane.doe', 'Jane Doe', '+447700900123');
    expect(await pipeline.service.check(again)).toBe(`Request ${first.number}, asked by Priya Shah, already asks for this and is still waiting for approval, so I haven't asked again.`);
    await expect(pipeline.service.request({ ...again, requester: HANA })).rejects.toThrow(/already asks for this/);
    expect(await pipeline.store.list({ targetUserId: demoUser('jane.doe') })).toHaveLength(1);
    // Another number, another kind, or another worker is another request.
    expect(await pipeline.service.check(ask('add-number', 'jane.doe', 'Jane Doe', '+44 7700900124'))).toBeUndefined();
    expect(await pipeline.service.check(ask('revoke-sessions', 'jane.doe', 'Jane Doe'))).toBeUndefined();
    expect(await pipeline.service.check(ask('add-number', 'peter.clark', 'Peter Clark', '+44 7700900123'))).toBeUndefined();
    // Once the first is no longer open, it can be asked again.
    await pipeline.service.cancel(first.id, PRIYA);
    expect(await pipeline.service.check(again)).toBeUndefined();
  });

  it('treats a second lost-phone report for the same worker as the same request', async () => {
    const first = await pipeline.service.request(ask('secure-lost-phone', CHLOE.alias, CHLOE.name, CHLOE.number));
    expect(await pipeline.service.check(ask('secure-lost-phone', CHLOE.alias, CHLOE.name))).toMatch(new RegExp(`^Request ${first.number}, asked by Priya Shah, already asks for this`));
  });
});
