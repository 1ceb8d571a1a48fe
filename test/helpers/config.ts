import { loadConfig, type Config } from '../../src/config';

/** A config for an in-process bot on an ephemeral loopback port; `env` overrides the defaults. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/phonedesk-test', ...env });
}
