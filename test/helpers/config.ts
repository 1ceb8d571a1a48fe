import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../../src/config';
import { DEMO_GROUPS } from '../../src/simulator/demo-tenant';

/** The demo tenant's approver groups, as the launcher gives them to a bot it runs against the demo tenant. */
export const DEMO_GROUP_SETTINGS = {
  APPROVER_GROUP_IDS: DEMO_GROUPS.approvers,
  TENANT_ADMIN_GROUP_IDS: DEMO_GROUPS.tenantAdmins,
};

/** A config for an in-process bot on an ephemeral loopback port with its own data directory; `env` overrides. */
export function testConfig(env: Record<string, string> = {}): Config {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'phonedesk-bot-'));
  return loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    GRAPH_BASE_URL: 'http://127.0.0.1:9',
    ...DEMO_GROUP_SETTINGS,
    ...env,
  });
}

/** The ConfigError loading `env` throws; fails the test if it loads. */
export function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
