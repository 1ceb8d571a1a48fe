import { once } from 'node:events';
import { DEMO_GROUP_SETTINGS } from '../helpers/config';
import { runNode, startNode } from '../helpers/processes';

const ENTRY = 'dist/src/index.js';

describe('start-up and shutdown of the bot process', () => {
  it('stops with exit code 2 and one plain line naming the missing variable', async () => {
    const result = await runNode(ENTRY, [], {
      PORT: '0',
      GRAPH_AUTH: 'client-secret',
      AZURE_TENANT_ID: '11111111-2222-3333-4444-555555555555',
      AZURE_CLIENT_ID: '66666666-7777-8888-9999-000000000000',
    });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/AZURE_CLIENT_SECRET/);
    expect(lines[0]).toMatch(/GRAPH_AUTH=client-secret/);
    expect(result.stdout).toBe('');
  });

  it('refuses an unknown GRAPH_AUTH value and lists the allowed ones', async () => {
    const result = await runNode(ENTRY, [], { GRAPH_AUTH: 'password' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'phonedesk: configuration error: GRAPH_AUTH must be one of simulator, client-secret, certificate, managed-identity (got "password")',
    );
  });

  it("needs the approver groups against the simulated tenant too: the bot knows no tenant's groups", async () => {
    const result = await runNode(ENTRY, [], { PORT: '0', DATA_DIR: '/tmp/phonedesk-startup-test' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'phonedesk: configuration error: APPROVER_GROUP_IDS is required (the Entra groups whose members approve changes)',
    );
  });

  it('shuts down cleanly on SIGTERM with exit code 0', async () => {
    const { child, match } = await startNode(
      ENTRY,
      { PORT: '0', LOG_LEVEL: 'info', DATA_DIR: '/tmp/phonedesk-startup-test', ...DEMO_GROUP_SETTINGS },
      /listening on (http:\/\/127\.0\.0\.1:\d+)\/api\/messages/,
    );
    const health = await fetch(`${match[1]}/healthz`);
    expect(health.status).toBe(200);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('says plainly when the port is taken', async () => {
    const first = await startNode(
      ENTRY,
      { PORT: '0', DATA_DIR: '/tmp/phonedesk-startup-test', ...DEMO_GROUP_SETTINGS },
      /127\.0\.0\.1:(\d+)\/api\/messages/,
    );
    try {
      const second = await runNode(ENTRY, [], {
        PORT: first.match[1],
        DATA_DIR: '/tmp/phonedesk-startup-test',
        ...DEMO_GROUP_SETTINGS,
      });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`port ${first.match[1]} .*not available`));
    } finally {
      first.child.kill('SIGTERM');
      await once(first.child, 'exit');
    }
  });
});
