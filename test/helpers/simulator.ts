import { demoSeed, demoUserId } from '../../src/simulator/demo-tenant';
import type { Seed } from '../../src/simulator/seed';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator/simulator-server';

export interface GraphReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** A simulator on an ephemeral 127.0.0.1 port with helpers to call it over real HTTP. */
export class SimulatorHarness {
  private running?: RunningSimulator;

  constructor(private readonly options: Partial<SimulatorOptions> & { seed?: Seed } = {}) {}

  async start(): Promise<this> {
    this.running = await startSimulator({ seed: this.options.seed ?? demoSeed(), port: 0, ...this.options });
    return this;
  }

  async stop(): Promise<void> {
    await this.running?.close();
  }

  get sim(): RunningSimulator {
    if (!this.running) throw new Error('simulator not started');
    return this.running;
  }

  /** Graph root for a client's baseUrl (without /v1.0). */
  get url(): string {
    return this.sim.url;
  }

  /** Calls Graph v1.0: `path` is relative to /v1.0 and may carry a query string. */
  async graph<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<GraphReply<T>> {
    const response = await fetch(`${this.url}/v1.0${path}`, {
      method,
      headers: {
        authorization: 'Bearer test-token',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if (text !== '' && (response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  /** Calls the control API under /_sim/. */
  async control<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.url}/_sim/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  /** Graph answers 403 to requests on this path, as it does for a permission not granted. */
  async forbid(path: string): Promise<void> {
    await this.control('POST', 'faults', {
      path,
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
      count: 10,
    });
  }

  async reset(): Promise<void> {
    const { status } = await this.control('POST', 'reset');
    if (status !== 204) throw new Error(`reset failed with ${status}`);
  }

  /** Back to the harness's own seed, undoing any PUT /_sim/seed a test made (reset alone keeps that seed). */
  async restoreSeed(): Promise<void> {
    const { status } = await this.control('PUT', 'seed', this.options.seed ?? demoSeed());
    if (status !== 204) throw new Error(`restoring the seed failed with ${status}`);
    await this.reset();
  }
}

/** The demo tenant's object id for a person's alias, e.g. "bob.smith". */
export const demoUser = demoUserId;

export const MOBILE = '3179e48a-750b-4051-897c-87b9720928f7';
export const ALTERNATE_MOBILE = 'b6332ec1-7057-4abe-9331-3d72feddfe41';
export const OFFICE = 'e37fc753-ff3b-4958-9484-eaa9425c82bc';

/** Starts the harness before the file's tests and stops it after; optionally resets the tenant before each test. */
export function useSimulator(harness: SimulatorHarness, options: { resetBeforeEach?: boolean } = {}): SimulatorHarness {
  beforeAll(async () => {
    await harness.start();
  });
  afterAll(async () => {
    await harness.stop();
  });
  if (options.resetBeforeEach) {
    beforeEach(async () => {
      await harness.reset();
    });
  }
  return harness;
}

/** Graph's error envelope, as the simulator answers it. */
export interface GraphErrorBody {
  error: { code: string; message: string; innerError: { 'request-id': string } };
}

/** Graph documents no exact code for many refusals; the simulator's are Graph's two bad-request codes. */
export const BAD_REQUEST_CODE = /^(badRequest|Request_BadRequest)$/;

/** A 400 in Graph's envelope, with a message and its own request id; returns the message. */
export function expectBadRequest(reply: GraphReply<unknown>): string {
  expect(reply.status).toBe(400);
  const { error } = reply.body as GraphErrorBody;
  expect(error.code).toMatch(BAD_REQUEST_CODE);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.innerError['request-id']).toBe(reply.headers.get('request-id'));
  return error.message;
}

const USER_ADMINISTRATOR = 'fe930be7-5e62-47db-91af-98c3a49a38b1';

/** The demo tenant with a role-assignable group "Shift leads" holding User Administrator for its `members`. */
export function seedWithShiftLeads(members: readonly string[]): Seed {
  const seed = demoSeed();
  const group = demoUserId('group:shift-leads');
  seed.groups.push({ id: group, displayName: 'Shift leads', members: [...members], isAssignableToRole: true });
  seed.roleAssignments.push({ principalId: group, roleTemplateId: USER_ADMINISTRATOR, directoryScopeId: '/' });
  return seed;
}
