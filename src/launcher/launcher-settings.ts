// The launcher's settings. The bot knows no tenant's groups, so when the launcher runs the demo tenant itself it
// names that tenant's approver groups for the bot, unless they are given.
import { loadConfig, loadGraphSettings, type Config, type GraphSettings } from '../config';
import { settingsOrExit } from '../settings-or-exit';
import { DEMO_GROUPS } from '../simulator/demo-tenant';

/** Whether the launcher runs its own simulated tenant: simulator mode, and no GRAPH_BASE_URL naming another. */
export function runsSimulatedTenant(graph: GraphSettings): boolean {
  return graph.auth === 'simulator' && !graph.baseUrlIsExplicit;
}

/**
 * `env` with APPROVER_GROUP_IDS and TENANT_ADMIN_GROUP_IDS set to the demo tenant's "phonedesk approvers" and
 * "phonedesk tenant admins" where they are empty, when the launcher runs the demo tenant; otherwise `env` as it is.
 * Throws ConfigError for a bad Graph setting, as loadConfig would.
 */
export function withDemoTenantSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (!runsSimulatedTenant(loadGraphSettings(env))) return env;
  const given = (name: string): boolean => (env[name]?.trim() ?? '') !== '';
  return {
    ...env,
    ...(!given('APPROVER_GROUP_IDS') && { APPROVER_GROUP_IDS: DEMO_GROUPS.approvers }),
    ...(!given('TENANT_ADMIN_GROUP_IDS') && { TENANT_ADMIN_GROUP_IDS: DEMO_GROUPS.tenantAdmins }),
  };
}

/**
 * The environment the launcher gives the bot and the config read from it; a bad setting exits 2 with one line.
 * The bot is started with this `env`, so that it reads the same settings.
 */
export function launcherSettings(env: NodeJS.ProcessEnv = process.env): { env: NodeJS.ProcessEnv; config: Config } {
  return settingsOrExit(() => {
    const botEnv = withDemoTenantSettings(env);
    return { env: botEnv, config: loadConfig(botEnv) };
  });
}
