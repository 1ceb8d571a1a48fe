import { once } from 'node:events';
import { startNode } from '../helpers/processes';

describe('npm run serve (headless: simulated tenant + bot)', () => {
  it('starts both, points the bot at the simulator, and stops both on SIGTERM', async () => {
    const { child, match } = await startNode(
      'dist/src/launcher/serve.js',
      { PORT: '0', SIM_PORT: '0', DATA_DIR: '/tmp/phonedesk-serve-test', LOG_LEVEL: 'warn' },
      /phonedesk: bot on (http:\/\/127\.0\.0\.1:\d+)\/api\/messages, simulated tenant on (http:\/\/127\.0\.0\.1:\d+)/,
      30000,
    );
    const [, botUrl, simulatorUrl] = match;
    expect((await fetch(`${botUrl}/healthz`)).status).toBe(200);
    const health = (await (await fetch(`${simulatorUrl}/_sim/health`)).json()) as { users: number };
    expect(health.users).toBeGreaterThanOrEqual(40);

    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    await expect(fetch(`${botUrl}/healthz`)).rejects.toThrow();
    await expect(fetch(`${simulatorUrl}/_sim/health`)).rejects.toThrow();
  });

  it('says plainly which service could not start when its port is taken', async () => {
    const first = await startNode(
      'dist/src/simulator/main.js',
      {},
      /simulator listening on http:\/\/127\.0\.0\.1:(\d+)/,
      15000,
      ['--port', '0'],
    );
    try {
      const blocked = await startNode(
        'dist/src/launcher/serve.js',
        { PORT: '0', SIM_PORT: first.match[1] },
        /never/,
        15000,
      ).catch((error: Error) => error);
      expect(blocked).toBeInstanceOf(Error);
      expect(String(blocked)).toMatch(/exited with 1/);
      expect(String(blocked)).toMatch(
        new RegExp(`simulated tenant stopped before it was ready: port ${first.match[1]} is already in use`),
      );
    } finally {
      first.child.kill('SIGTERM');
      await once(first.child, 'exit');
    }
  });
});
