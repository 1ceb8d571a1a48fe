#!/usr/bin/env node
// `npm start`: the whole product on a laptop: the simulated tenant, the bot, and two Agents Playgrounds, one signed
// in as a store manager and one as a helpdesk approver. Ctrl-C stops every process.
import { loadPlaygroundSettings } from '../config';
import { banner } from './banner';
import { launcherSettings, runsSimulatedTenant } from './launcher-settings';
import { settingsOrExit } from '../settings-or-exit';
import { playgroundName, startPlayground } from './playground';
import { APPROVER, MANAGER } from './playground-config';
import { PortBusyError, portIsFree } from './port-check';
import { startServices } from './serve';
import { Supervisor } from './supervisor';

async function main(): Promise<void> {
  const { env, config } = launcherSettings();
  const ports = settingsOrExit(() => loadPlaygroundSettings());
  const wanted = [
    { role: APPROVER, port: ports.approverPort },
    { role: MANAGER, port: ports.managerPort },
  ];
  // Before starting anything, so that a taken port is one plain line naming the setting to change.
  const needed = [
    ...(runsSimulatedTenant(config.graph)
      ? [{ port: config.simulator.port, host: '127.0.0.1', what: 'the simulated tenant', variable: 'SIM_PORT' }]
      : []),
    { port: config.port, host: config.host, what: 'the bot', variable: 'PORT' },
    ...wanted.map(({ role, port }) => ({
      port,
      host: undefined,
      what: playgroundName(role),
      variable: role.portVariable,
    })),
  ];
  const seen = new Set<number>();
  for (const { port, host, what, variable } of needed) {
    if (port !== 0 && (seen.has(port) || !(await portIsFree(port, host))))
      throw new PortBusyError(port, what, variable);
    seen.add(port);
  }

  const supervisor = new Supervisor();
  supervisor.handleSignals();
  const track = supervisor.track.bind(supervisor);
  try {
    const services = await startServices(config, env, track);
    const botEndpoint = `${services.botUrl}/api/messages`;
    const [approver, manager] = await Promise.all(
      wanted.map(({ role, port }) =>
        startPlayground({ role, port, botEndpoint, dataDir: config.dataDir, env: process.env, track }),
      ),
    );
    process.stdout.write(banner({ botUrl: services.botUrl, simulatorUrl: services.simulatorUrl, manager, approver }));
  } catch (error) {
    if (supervisor.isStopping) return;
    process.stderr.write(`phonedesk: ${(error as Error).message}\n`);
    await supervisor.stop(1);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`phonedesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
