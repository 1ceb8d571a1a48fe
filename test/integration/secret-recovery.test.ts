// A secret a change made must never be left usable but unknown (docs/security.md, "One-time secrets"). Over HTTP
// against the simulator: a badge made before a restart is made afresh and handed over when phonedesk is back (never
// a second create), or stopped when nobody can receive it; a lost answer to a temporary code gives a new one.
import { SYSTEM_ACTOR } from '../../src/audit/audit-context';
import type { ChangeRequest } from '../../src/changes/change-request';
import type { HandoverAbout, HandoverCourier } from '../../src/changes/secret-handover';
import type { Handover } from '../../src/methods/handover';
import type { LoggedRequest } from '../../src/simulator/request-log';
import { HANA, PRIYA, usePipeline } from '../helpers/pipeline';
import { SimulatorHarness, demoUser, useSimulator } from '../helpers/simulator';

const harness = new SimulatorHarness();
useSimulator(harness);
const pipeline = usePipeline(harness);
const DANIEL = { userId: demoUser('daniel.wright'), displayName: 'Daniel Wright' };

interface Badge {
  standardQRCode: { id: string } | null;
  temporaryQRCode: { id: string } | null;
}

/** Records what it was given to hand over; `reachable: false` plays a requester phonedesk cannot reach. */
class RecordingCourier implements HandoverCourier {
  readonly delivered: Array<{ request: ChangeRequest; handover: Handover; about: HandoverAbout }> = [];
  constructor(private readonly reachable = true) {}
  async deliver(request: ChangeRequest, handover: Handover, about: HandoverAbout): Promise<boolean> {
    if (!this.reachable) return false;
    this.delivered.push({ request, handover, about });
    return true;
  }
}

const codeIdOf = (handover: Handover | undefined): string | undefined =>
  handover?.code && Buffer.from(handover.code.rawContent.reveal(), 'base64').toString('utf8').split('|')[2];

async function badge(): Promise<{ status: number; body: Badge }> {
  return harness.graph<Badge>('GET', `/users/${DANIEL.userId}/authentication/qrCodePinMethod`);
}

async function writes(): Promise<string[]> {
  const log = await harness.control<{ requests: LoggedRequest[] }>('GET', 'requests');
  return log.body.requests
    .filter((entry) => entry.method !== 'GET' && entry.path.includes(DANIEL.userId))
    .map((entry) => `${entry.method} ${entry.path.replace(/^.*\/qrCodePinMethod/, 'qrCodePinMethod')}`);
}

/** An approved badge for Daniel left executing, its create made in Graph, as a crash right after the PUT leaves it. */
async function badgeMadeBeforeACrash(): Promise<ChangeRequest> {
  const { service, store } = pipeline();
  const request = await service.request({
    requester: PRIYA,
    kind: 'issue-badge',
    lifetimeDays: 365,
    target: DANIEL,
    reason: 'moves to badges',
    tenantWide: false,
  });
  expect((await service.decide(request.id, HANA, 'approve')).ok).toBe(true);
  await store.transition(request.id, 'approved', { to: 'executing', actor: SYSTEM_ACTOR, at: new Date() });
  const now = Date.now();
  const created = await harness.graph('PUT', `/users/${DANIEL.userId}/authentication/qrCodePinMethod`, {
    standardQRCode: {
      startDateTime: new Date(now).toISOString(),
      expireDateTime: new Date(now + 365 * 86_400_000).toISOString(),
    },
    pin: { code: '30582947' },
  });
  expect(created.status).toBe(201);
  await harness.control('DELETE', 'requests');
  return request;
}

it('after a restart, a badge whose secret was lost is made afresh and handed over, without a second create', async () => {
  const request = await badgeMadeBeforeACrash();
  const lostCode = (await badge()).body.standardQRCode!.id;
  const courier = new RecordingCourier();
  pipeline().executor.handOverThrough(courier);

  const finished: ChangeRequest[] = [];
  await pipeline().executor.resumeAfterRestart(async (ended) => {
    finished.push(ended);
  });

  expect(finished.map((ended) => [ended.id, ended.status])).toEqual([[request.id, 'succeeded']]);
  expect(await writes()).toEqual([
    'DELETE qrCodePinMethod/standardQRCode',
    'PATCH qrCodePinMethod/standardQRCode',
    'PATCH qrCodePinMethod/pin',
  ]);
  const now = (await badge()).body.standardQRCode!.id;
  expect(now).not.toBe(lostCode);
  expect(courier.delivered).toHaveLength(1);
  expect(codeIdOf(courier.delivered[0]!.handover)).toBe(now);
  expect(courier.delivered[0]!.handover.pin?.reveal()).toMatch(/^\d{8,}$/);
  expect(courier.delivered[0]!.about).toEqual({ store: 'Manchester Piccadilly' });
  // What is stored says what happened, never the secret.
  const stored = JSON.stringify(await pipeline().store.get(request.id));
  expect(stored).not.toContain(courier.delivered[0]!.handover.pin!.reveal());
  expect(stored).not.toContain(courier.delivered[0]!.handover.code!.rawContent.reveal());
});

it('after a restart with nobody to hand it to, the badge is stopped and the request says so', async () => {
  const request = await badgeMadeBeforeACrash();
  pipeline().executor.handOverThrough(new RecordingCourier(false));
  await pipeline().executor.resumeAfterRestart();

  const ended = await pipeline().store.get(request.id);
  expect(ended?.status).toBe('failed');
  expect(ended?.outcome).toMatch(
    /could not hand it to the person who asked in their 1:1 chat, so it was stopped at once/,
  );
  expect((await badge()).body.standardQRCode).toBeNull();
  expect((await writes()).filter((write) => write.startsWith('PUT'))).toEqual([]);
});

it('a temporary code whose answer was lost is replaced by a new one, handed over', async () => {
  const { service, executor } = pipeline();
  // Daniel needs a badge first (no courier needed to make one here: the seed has none for him).
  const now = Date.now();
  await harness.graph('PUT', `/users/${DANIEL.userId}/authentication/qrCodePinMethod`, {
    standardQRCode: {
      startDateTime: new Date(now).toISOString(),
      expireDateTime: new Date(now + 30 * 86_400_000).toISOString(),
    },
    pin: { code: '30582947' },
  });
  await harness.control('DELETE', 'requests');
  const courier = new RecordingCourier();
  executor.handOverThrough(courier);
  await harness.control('POST', 'faults', {
    method: 'PATCH',
    path: 'temporaryQRCode$',
    action: 'drop',
    hold: 'after',
  });
  const request = await service.request({
    requester: PRIYA,
    kind: 'temporary-code',
    hours: 3,
    target: DANIEL,
    reason: 'forgot his badge',
    tenantWide: false,
  });
  expect((await service.decide(request.id, HANA, 'approve')).ok).toBe(true);
  const ended = await executor.execute(request.id);

  expect(ended.status).toBe('succeeded');
  expect(await writes()).toEqual([
    'PATCH qrCodePinMethod/temporaryQRCode',
    'DELETE qrCodePinMethod/temporaryQRCode',
    'PATCH qrCodePinMethod/temporaryQRCode',
  ]);
  expect(courier.delivered).toHaveLength(1);
  expect(courier.delivered[0]!.handover.code?.temporary).toBe(true);
  expect(codeIdOf(courier.delivered[0]!.handover)).toBe((await badge()).body.temporaryQRCode!.id);
});
