import { once } from 'node:events';
import net from 'node:net';
import { DEMO_TENANT_ID, demoUserId } from '../../src/simulator/demo-tenant';
import { childProcesses, isRunning, startLauncher } from '../helpers/launcher';
import { runNode } from '../helpers/processes';

interface PlaygroundConfig {
  config: {
    tenantId: string;
    currentUser: { name: string; aadObjectId: string };
    users: Array<{ aadObjectId: string }>;
  };
}

async function playgroundConfig(url: string): Promise<PlaygroundConfig['config']> {
  const response = await fetch(`${url}/_internal/v1/config`);
  expect(response.status).toBe(200);
  return ((await response.json()) as PlaygroundConfig).config;
}

describe('npm start (simulated tenant, bot and two Agents Playgrounds)', () => {
  jest.setTimeout(90_000);

  it.each([
    ['SIGTERM to the launcher', 'SIGTERM', false],
    ['Ctrl-C (SIGINT to the whole process group)', 'SIGINT', true],
  ] as const)(
    'starts four processes, prints the banner, and leaves none behind after %s',
    async (_how, signal, group) => {
      const launcher = await startLauncher();
      const { banner } = launcher;
      const output = launcher.output();
      try {
        expect(output).toContain(`Open ${banner.approverUrl} first: you are Hana Kim, helpdesk approver`);
        expect(output).toContain(`Open ${banner.managerUrl}: you are Priya Shah, Manchester store manager`);
        for (const phrase of ["why can't Bob sign in?", 'who has 07700 900456?', 'Ali lost their phone'])
          expect(output).toContain(phrase);

        const children = childProcesses(launcher.child.pid!);
        const commands = children.map((child) => child.command);
        expect(children).toHaveLength(4);
        expect(commands.filter((command) => command.includes('dist/src/simulator/main.js'))).toHaveLength(1);
        expect(commands.filter((command) => command.includes('dist/src/index.js'))).toHaveLength(1);
        const playgrounds = commands.filter((command) => command.includes('@microsoft/m365agentsplayground/cli.js'));
        expect(playgrounds).toHaveLength(2);
        // Both talk to this bot, on the Teams channel, and never phone home.
        for (const command of playgrounds)
          expect(command).toMatch(
            new RegExp(`-e ${banner.botUrl}/api/messages -c msteams -p \\d+ --disable-telemetry`),
          );

        expect((await fetch(`${banner.botUrl}/healthz`)).status).toBe(200);
        expect((await fetch(`${banner.simulatorUrl}/_sim/health`)).status).toBe(200);
        for (const [url, alias] of [
          [banner.managerUrl, 'priya.shah'],
          [banner.approverUrl, 'hana.kim'],
        ] as const) {
          expect((await fetch(url)).status).toBe(200);
          // The playground's own reading of the generated file: the demo tenant's people, by their simulator ids.
          const config = await playgroundConfig(url);
          expect(config.tenantId).toBe(DEMO_TENANT_ID);
          expect(config.currentUser.aadObjectId).toBe(demoUserId(alias));
          expect(config.users).toHaveLength(5);
          expect(config.users.map((user) => user.aadObjectId)).not.toContain(demoUserId(alias));
        }

        expect(await launcher.stop(signal, group)).toBe(0);
        for (const child of children)
          expect({ command: child.command, running: isRunning(child.pid) }).toEqual({
            command: child.command,
            running: false,
          });
        for (const url of [
          `${banner.botUrl}/healthz`,
          `${banner.simulatorUrl}/_sim/health`,
          banner.managerUrl,
          banner.approverUrl,
        ]) {
          await expect(fetch(url)).rejects.toThrow();
        }
      } finally {
        await launcher.stop('SIGKILL', true);
      }
    },
  );

  it.each([
    ['PLAYGROUND_APPROVER_PORT', "helpdesk approver's Agents Playground"],
    ['PLAYGROUND_MANAGER_PORT', "store manager's Agents Playground"],
    ['PORT', 'the bot'],
    ['SIM_PORT', 'the simulated tenant'],
  ])(
    'says in one line that a port is taken and which setting to change (%s), before starting anything',
    async (variable, what) => {
      // Held on all interfaces, as the playground would bind it.
      const holder = net.createServer().listen(0);
      await once(holder, 'listening');
      const port = (holder.address() as net.AddressInfo).port;
      try {
        const result = await runNode(
          'dist/src/launcher/start.js',
          [],
          {
            PORT: '0',
            SIM_PORT: '0',
            PLAYGROUND_MANAGER_PORT: '0',
            PLAYGROUND_APPROVER_PORT: '0',
            [variable]: String(port),
            DATA_DIR: '/tmp/phonedesk-start-busy-test',
          },
          20_000,
        );
        expect(result.code).toBe(1);
        expect(result.stderr.trim()).toBe(
          `phonedesk: port ${port} is already in use (${what}); set ${variable} to a free port`,
        );
        expect(result.stdout).not.toMatch(/phonedesk is running/);
      } finally {
        holder.close();
      }
    },
  );
});
