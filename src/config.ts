// The only module that reads process.env. Everything else receives a typed Config.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CountryCode } from 'libphonenumber-js';
import { getCountries } from 'libphonenumber-js';
import { MANAGER_SCOPES, type ManagerScope } from './access/access-policy';
import { ConfigError, GUID, oneOf, text, type Env } from './config-values';
import { readStorage, type StorageSettings } from './config-storage';

export { ConfigError } from './config-values';
export type { StorageSettings } from './config-storage';

type BotType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
type GraphAuthMode = 'simulator' | 'client-secret' | 'certificate' | 'managed-identity';
type GraphCloud = 'global' | 'usgov' | 'usgov-dod' | 'china';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface BotCredentials {
  /** Empty in local anonymous mode (Agents Playground, tests). */
  appId: string;
  appPassword: string;
  appType: BotType;
  tenantId: string;
  /**
   * Where the signing keys of incoming tokens are published; Microsoft's public cloud when unset. Set in code by
   * the token tests only, never from the environment: whoever serves these keys can sign requests to the bot.
   */
  tokenKeys?: { channelOpenIdMetadataUrl: string; emulatorOpenIdMetadataUrl: string };
}

/** Graph and sign-in hosts per national cloud. */
const CLOUD_HOSTS: Readonly<Record<GraphCloud, { graph: string; authority: string }>> = {
  global: { graph: 'https://graph.microsoft.com', authority: 'https://login.microsoftonline.com' },
  usgov: { graph: 'https://graph.microsoft.us', authority: 'https://login.microsoftonline.us' },
  'usgov-dod': { graph: 'https://dod-graph.microsoft.us', authority: 'https://login.microsoftonline.us' },
  china: { graph: 'https://microsoftgraph.chinacloudapi.cn', authority: 'https://login.chinacloudapi.cn' },
};

export interface GraphSettings {
  auth: GraphAuthMode;
  cloud: GraphCloud;
  /** Graph root without the version segment: GRAPH_BASE_URL, else the simulator's or the cloud's. */
  baseUrl: string;
  /** Whether baseUrl came from GRAPH_BASE_URL rather than a default. */
  baseUrlIsExplicit: boolean;
  authorityHost: string;
  tenantId: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  certificatePath: string | undefined;
}

interface SimulatorSettings {
  /** Port of the simulated tenant that `npm run serve` / `npm start` run beside the bot. */
  port: number;
}

interface ChangeSettings {
  /** Entra groups whose members approve changes (helpdesk). */
  approverGroupIds: string[];
  /** Entra groups whose members approve tenant-wide changes. */
  tenantAdminGroupIds: string[];
  approvalTtlMs: number;
  /** Lost phone or SIM swap: urgent, so its request expires sooner. */
  lostPhoneTtlMs: number;
  managerScope: ManagerScope;
  /** Region for numbers typed without a country code. */
  defaultRegion: CountryCode;
  /** Change requests per person per hour. */
  changeRequestsPerHour: number;
  /** Look-ups (status, diagnose, who has, …) per person per minute. */
  readsPerMinute: number;
}

export interface Config {
  /** Interface to bind. Anonymous (local) mode binds loopback only, since it accepts unauthenticated requests. */
  host: string;
  port: number;
  /** Where people's browsers reach phonedesk (the one-time badge links); the address it listens on when unset. */
  publicUrl: string | undefined;
  bot: BotCredentials;
  graph: GraphSettings;
  simulator: SimulatorSettings;
  changes: ChangeSettings;
  dataDir: string;
  storage: StorageSettings;
  /**
   * How long an instance's hold on shared work (an execution, a job, a sweep) lasts unless renewed: how soon
   * another instance takes over from one that died.
   */
  leaseMs: number;
  logLevel: LogLevel;
}

const BOT_TYPES: readonly BotType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const GRAPH_AUTH_MODES: readonly GraphAuthMode[] = ['simulator', 'client-secret', 'certificate', 'managed-identity'];
const GRAPH_CLOUDS: readonly GraphCloud[] = ['global', 'usgov', 'usgov-dod', 'china'];
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function required(env: Env, name: string, why: string): string {
  const value = text(env, name);
  if (value === undefined) throw new ConfigError(name, `is required ${why}`);
  return value;
}

function guid(env: Env, name: string, why: string): string {
  const value = required(env, name, why);
  if (!GUID.test(value))
    throw new ConfigError(name, `must be a GUID such as 00000000-0000-0000-0000-000000000000 (got "${value}")`);
  return value;
}

function port(env: Env, name: string, fallback: number): number {
  const value = text(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new ConfigError(name, `must be a TCP port number from 0 to 65535 (got "${value}")`);
  }
  return Number(value);
}

function httpUrl(env: Env, name: string): string | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `must be an http(s) URL such as https://graph.microsoft.com (got "${value}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(name, `must be an http(s) URL such as https://graph.microsoft.com (got "${value}")`);
  }
  if (/\/v1\.0\/?$|\/beta\/?$/.test(url.pathname)) {
    throw new ConfigError(
      name,
      `must not include the API version; use e.g. https://graph.microsoft.com (got "${value}")`,
    );
  }
  return value.replace(/\/+$/, '');
}

/** PUBLIC_URL: an http(s) origin, optionally with a path prefix (a reverse proxy), without query or fragment. */
function publicUrl(env: Env): string | undefined {
  const value = text(env, 'PUBLIC_URL');
  if (value === undefined) return undefined;
  const problem = `must be the http(s) address people's browsers reach phonedesk at, such as https://phonedesk.contoso.com (got "${value}")`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('PUBLIC_URL', problem);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '')
    throw new ConfigError('PUBLIC_URL', problem);
  return value.replace(/\/+$/, '');
}

function readBot(env: Env): BotCredentials {
  const appId = text(env, 'BOT_ID') ?? '';
  const appType = oneOf(env, 'BOT_TYPE', BOT_TYPES, 'MultiTenant');
  if (appId === '') {
    // Local anonymous mode: no credentials are used, so none are checked.
    return { appId: '', appPassword: '', appType, tenantId: text(env, 'BOT_TENANT_ID') ?? '' };
  }
  if (!GUID.test(appId)) throw new ConfigError('BOT_ID', `must be the bot's Microsoft App ID, a GUID (got "${appId}")`);
  const appPassword =
    appType === 'UserAssignedMSI'
      ? ''
      : required(env, 'BOT_PASSWORD', `when BOT_ID is set and BOT_TYPE is ${appType} (the bot's client secret)`);
  const tenantId =
    appType === 'MultiTenant'
      ? (text(env, 'BOT_TENANT_ID') ?? '')
      : guid(env, 'BOT_TENANT_ID', `when BOT_TYPE is ${appType} (the bot's home tenant id)`);
  return { appId, appPassword, appType, tenantId };
}

function readGraph(env: Env, simulator: SimulatorSettings): GraphSettings {
  const auth = oneOf(env, 'GRAPH_AUTH', GRAPH_AUTH_MODES, 'simulator');
  const cloud = oneOf(env, 'GRAPH_CLOUD', GRAPH_CLOUDS, 'global');
  const explicit = httpUrl(env, 'GRAPH_BASE_URL');
  const fallback = auth === 'simulator' ? `http://127.0.0.1:${simulator.port}` : CLOUD_HOSTS[cloud].graph;
  const settings: GraphSettings = {
    auth,
    cloud,
    baseUrl: explicit ?? fallback,
    baseUrlIsExplicit: explicit !== undefined,
    authorityHost: CLOUD_HOSTS[cloud].authority,
    tenantId: text(env, 'AZURE_TENANT_ID'),
    clientId: text(env, 'AZURE_CLIENT_ID'),
    clientSecret: text(env, 'AZURE_CLIENT_SECRET'),
    certificatePath: text(env, 'AZURE_CLIENT_CERTIFICATE_PATH'),
  };
  const because = `when GRAPH_AUTH=${auth}`;
  switch (auth) {
    case 'simulator':
      return settings;
    case 'client-secret':
      guid(env, 'AZURE_TENANT_ID', `${because} (the Entra tenant id)`);
      guid(env, 'AZURE_CLIENT_ID', `${because} (the app registration's client id)`);
      required(env, 'AZURE_CLIENT_SECRET', `${because} (the app registration's client secret value)`);
      return settings;
    case 'certificate': {
      guid(env, 'AZURE_TENANT_ID', `${because} (the Entra tenant id)`);
      guid(env, 'AZURE_CLIENT_ID', `${because} (the app registration's client id)`);
      const file = required(
        env,
        'AZURE_CLIENT_CERTIFICATE_PATH',
        `${because} (a PEM file with the certificate and its private key)`,
      );
      if (!existsSync(file) || !statSync(file).isFile()) {
        throw new ConfigError('AZURE_CLIENT_CERTIFICATE_PATH', `must name a readable PEM file (no file at "${file}")`);
      }
      return settings;
    }
    case 'managed-identity': {
      // AZURE_CLIENT_ID is optional: set it for a user-assigned identity.
      const clientId = text(env, 'AZURE_CLIENT_ID');
      if (clientId !== undefined && !GUID.test(clientId)) {
        throw new ConfigError(
          'AZURE_CLIENT_ID',
          `must be the user-assigned managed identity's client id, a GUID (got "${clientId}")`,
        );
      }
      return settings;
    }
  }
}

function guidList(env: Env, name: string, why: string): string[] {
  const value = text(env, name);
  if (value === undefined) throw new ConfigError(name, `is required ${why}`);
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const bad = ids.find((id) => !GUID.test(id));
  if (ids.length === 0 || bad !== undefined)
    throw new ConfigError(
      name,
      `must be a comma-separated list of Entra group object ids (GUIDs)${bad ? ` (got "${bad}")` : ''}`,
    );
  return ids;
}

/** "24h", "90m", "3600s" or a number of seconds. */
function duration(env: Env, name: string, fallbackMs: number): number {
  const value = text(env, name);
  if (value === undefined) return fallbackMs;
  const match = /^(\d+)\s*(h|m|s)?$/i.exec(value);
  const amount = match ? Number(match[1]) : NaN;
  const unit = (match?.[2] ?? 's').toLowerCase();
  const ms = amount * (unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : 1000);
  if (!match || ms < 60_000 || ms > 30 * 24 * 3_600_000)
    throw new ConfigError(name, `must be a duration from 1m to 720h, such as 24h or 90m (got "${value}")`);
  return ms;
}

function count(env: Env, name: string, fallback: number): number {
  const value = text(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100_000)
    throw new ConfigError(name, `must be a whole number from 1 to 100000 (got "${value}")`);
  return Number(value);
}

function readChanges(env: Env): ChangeSettings {
  // Required in every mode: the bot knows no tenant's groups (the launcher passes the demo tenant's when it runs it).
  const region = (text(env, 'DEFAULT_REGION') ?? 'GB').toUpperCase();
  if (!(getCountries() as string[]).includes(region))
    throw new ConfigError('DEFAULT_REGION', `must be a two-letter country code such as GB or US (got "${region}")`);
  return {
    approverGroupIds: guidList(env, 'APPROVER_GROUP_IDS', '(the Entra groups whose members approve changes)'),
    tenantAdminGroupIds: guidList(
      env,
      'TENANT_ADMIN_GROUP_IDS',
      '(the Entra groups whose members approve tenant-wide changes)',
    ),
    approvalTtlMs: duration(env, 'APPROVAL_TTL', 24 * 3_600_000),
    lostPhoneTtlMs: duration(env, 'LOST_PHONE_TTL', 4 * 3_600_000),
    managerScope: oneOf(env, 'MANAGER_SCOPE', MANAGER_SCOPES, 'administrative-units'),
    defaultRegion: region as CountryCode,
    changeRequestsPerHour: count(env, 'RATE_LIMIT_CHANGES_PER_HOUR', 30),
    readsPerMinute: count(env, 'RATE_LIMIT_READS_PER_MINUTE', 60),
  };
}

/** Ports of the two Agents Playgrounds that `npm start` runs beside the bot (the bot itself never uses them). */
interface PlaygroundSettings {
  managerPort: number;
  approverPort: number;
}

export function loadPlaygroundSettings(env: Env = process.env): PlaygroundSettings {
  return {
    managerPort: port(env, 'PLAYGROUND_MANAGER_PORT', 56150),
    approverPort: port(env, 'PLAYGROUND_APPROVER_PORT', 56151),
  };
}

function readSimulator(env: Env): SimulatorSettings {
  return { port: port(env, 'SIM_PORT', 5080) };
}

/** The Graph settings alone: the launcher reads them to know whether it runs the simulated tenant itself. */
export function loadGraphSettings(env: Env = process.env): GraphSettings {
  return readGraph(env, readSimulator(env));
}

/** DATA_DIR alone, for the tools that read the data directory and need no other setting (audit verify, export). */
export function loadDataDir(env: Env = process.env): string {
  return path.resolve(text(env, 'DATA_DIR') ?? './data');
}

/** The storage settings alone, for the tools that need no other setting (audit verify, export). */
export function loadStorageSettings(env: Env = process.env): StorageSettings {
  return readStorage(env);
}

function leaseSeconds(env: Env): number {
  const value = text(env, 'INSTANCE_LEASE_SECONDS');
  if (value === undefined) return 30;
  if (!/^\d+$/.test(value) || Number(value) < 2 || Number(value) > 600)
    throw new ConfigError('INSTANCE_LEASE_SECONDS', `must be a whole number of seconds from 2 to 600 (got "${value}")`);
  return Number(value);
}

/** Reads and validates the settings; throws ConfigError on the first bad one. */
export function loadConfig(env: Env = process.env): Config {
  const bot = readBot(env);
  const simulator = readSimulator(env);
  const graph = readGraph(env, simulator);
  return {
    host: text(env, 'HOST') ?? (bot.appId === '' ? '127.0.0.1' : '0.0.0.0'),
    port: port(env, 'PORT', 3978),
    publicUrl: publicUrl(env),
    bot,
    graph,
    simulator,
    changes: readChanges(env),
    dataDir: loadDataDir(env),
    storage: readStorage(env),
    leaseMs: leaseSeconds(env) * 1000,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
  };
}
