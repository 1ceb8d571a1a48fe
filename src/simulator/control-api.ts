// The test control surface under /_sim/ (not part of Graph): reset, seeds, faults, latency, throttling, request log,
// and sign-ins played for a worker (a badge's first use).
import type { FaultAction, FaultRule } from './faults';
import { GraphHttpError } from './graph-error';
import { checkSeed } from './load-seed';
import type { SimulatorState } from './simulator-state';
import { exportSeed } from './tenant-export';
import { SeedError } from './tenant';
import type { TenantSize, ThrottleSettings } from './throttle';

interface ControlResponse {
  status: number;
  body?: unknown;
}

class ControlError extends Error {}

function object(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new ControlError('the body must be a JSON object');
  return body as Record<string, unknown>;
}

function number(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ControlError(`${name} must be a number from ${min} to ${max}`);
  }
  return value;
}

function optional<T>(value: unknown, read: (value: unknown) => T): T | undefined {
  return value === undefined ? undefined : read(value);
}

function faultRule(body: unknown): Omit<FaultRule, 'id'> {
  const input = object(body);
  if (typeof input.path !== 'string' || input.path === '')
    throw new ControlError('path (a regular expression) is required');
  try {
    new RegExp(input.path);
  } catch {
    throw new ControlError(`path is not a valid regular expression: ${input.path}`);
  }
  const action = (input.action ?? 'status') as FaultAction;
  if (!['status', 'hold', 'drop'].includes(action)) throw new ControlError('action must be status, hold or drop');
  if (input.hold !== undefined && input.hold !== 'before' && input.hold !== 'after')
    throw new ControlError('hold must be before or after');
  return {
    method: optional(input.method, (value) => String(value).toUpperCase()),
    path: input.path,
    remaining: input.count === undefined ? 1 : number(input.count, 'count', 1, 1_000_000),
    action,
    status: optional(input.status, (value) => number(value, 'status', 400, 599)),
    code: optional(input.code, String),
    message: optional(input.message, String),
    retryAfterSeconds: optional(input.retryAfter, (value) => number(value, 'retryAfter', 0, 3600)),
    hold: input.hold as 'before' | 'after' | undefined,
    holdMs: optional(input.holdMs, (value) => number(value, 'holdMs', 0, 600_000)),
  };
}

function throttleSettings(body: unknown): Partial<ThrottleSettings> {
  const input = object(body);
  const settings: Partial<ThrottleSettings> = {};
  if (input.enabled !== undefined) settings.enabled = input.enabled === true;
  if (input.tenantSize !== undefined) {
    if (!['S', 'M', 'L'].includes(String(input.tenantSize))) throw new ControlError('tenantSize must be S, M or L');
    settings.tenantSize = input.tenantSize as TenantSize;
  }
  if (input.timeScale !== undefined) settings.timeScale = number(input.timeScale, 'timeScale', 0.001, 100_000);
  if (input.resourceUnitsPer10s !== undefined)
    settings.resourceUnitsPer10s = number(input.resourceUnitsPer10s, 'resourceUnitsPer10s', 1, 10_000_000);
  if (input.writesPer150s !== undefined)
    settings.writesPer150s = number(input.writesPer150s, 'writesPer150s', 1, 10_000_000);
  return settings;
}

const SIGN_IN_METHODS = ['sms', 'standardQRCode', 'temporaryQRCode', 'temporaryAccessPass'] as const;

/** A worker signs in (tests play a first sign-in with this): 200, or 403 with Entra's words when it fails. */
function signIn(state: SimulatorState, body: unknown): ControlResponse {
  const input = object(body);
  const user = state.tenant.findUser(String(input.user ?? ''));
  if (!user) throw new ControlError(`no user ${String(input.user)}`);
  const method = SIGN_IN_METHODS.find((known) => known === input.method);
  if (!method) throw new ControlError(`method must be one of ${SIGN_IN_METHODS.join(', ')}`);
  // What the worker presents, when the test plays it: the scanned badge, the PIN typed, the pass typed.
  const presented = (name: 'content' | 'pin' | 'pass'): string | undefined => {
    const value = input[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.length > 4096) throw new ControlError(`${name} must be a string`);
    return value;
  };
  const proof = {
    ...(presented('content') !== undefined && { content: presented('content') }),
    ...(presented('pin') !== undefined && { pin: presented('pin') }),
    ...(presented('pass') !== undefined && { pass: presented('pass') }),
  };
  try {
    state.tenant.signIn(user, method, new Date(), proof);
  } catch (error) {
    if (error instanceof GraphHttpError) return { status: 403, body: { error: error.message, code: error.code } };
    throw error;
  }
  return { status: 200, body: { user: user.id, method, lastSignInDateTime: user.lastSignInDateTime } };
}

export function handleControl(state: SimulatorState, method: string, path: string, body: unknown): ControlResponse {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'GET /_sim/health':
        return { status: 200, body: { status: 'ok', users: state.tenant.userCount } };
      case 'POST /_sim/reset':
        state.reset();
        return { status: 204 };
      case 'PUT /_sim/seed':
        state.load(checkSeed(body));
        return { status: 204 };
      case 'GET /_sim/tenant':
        return { status: 200, body: exportSeed(state.tenant) };
      case 'PUT /_sim/latency': {
        const input = object(body);
        state.faults.latency = {
          fixedMs: number(input.fixedMs ?? 0, 'fixedMs', 0, 120_000),
          jitterMs: number(input.jitterMs ?? 0, 'jitterMs', 0, 120_000),
        };
        return { status: 204 };
      }
      case 'GET /_sim/faults':
        return { status: 200, body: { faults: state.faults.list(), held: state.faults.heldCount } };
      case 'POST /_sim/faults':
        return { status: 201, body: state.faults.add(faultRule(body)) };
      case 'DELETE /_sim/faults':
        state.faults.clear();
        return { status: 204 };
      case 'POST /_sim/release':
        return { status: 200, body: { released: state.faults.releaseAll() } };
      case 'PUT /_sim/random-failures': {
        const input = object(body);
        const statuses = input.statuses === undefined ? [503] : input.statuses;
        if (!Array.isArray(statuses) || statuses.length === 0)
          throw new ControlError('statuses must be a non-empty array of 5xx codes');
        state.faults.random = {
          rate: number(input.rate, 'rate', 0, 1),
          statuses: statuses.map((status) => number(status, 'statuses[]', 500, 599)),
        };
        return { status: 204 };
      }
      case 'GET /_sim/throttle':
        return { status: 200, body: state.throttle.current };
      case 'PUT /_sim/throttle':
        state.throttle.configure(throttleSettings(body));
        return { status: 204 };
      case 'GET /_sim/requests':
        return { status: 200, body: { requests: state.log.list() } };
      case 'DELETE /_sim/requests':
        state.log.clear();
        return { status: 204 };
      case 'POST /_sim/sign-ins':
        return signIn(state, body);
      default:
        return { status: 404, body: { error: `no control endpoint ${route}` } };
    }
  } catch (error) {
    if (error instanceof ControlError || error instanceof SeedError)
      return { status: 400, body: { error: error.message } };
    throw error;
  }
}
