// "How is my store doing?": every worker of a store read live (their phone methods and badge, in packed $batch
// requests a few at a time), or, across many stores, Microsoft's registration report (Graph's advice for large
// populations, docs/graph-facts.md §8). Either way the overview says which it used and when it was read.
import type { GraphGateway } from '../graph/graph-gateway';
import type { SnapshotSlice } from '../graph/snapshot-slice';
import type { StoreMember, StoreUnit } from '../graph/store-reads';
import { QR_BADGE_SLICE } from '../methods/qr-code-pin/qr-snapshot';
import type { QrPolicySnapshot, QrSnapshot } from '../methods/qr-code-pin/qr-types';
import { SMS_SNAPSHOT, type SmsSnapshot } from '../methods/sms-sign-in/sms-snapshot';
import { daysUntilSmsEnds } from '../methods/sms-sign-in/sms-retirement';
import {
  countStandings,
  standingOf,
  type ReportedStore,
  type StoreOverview,
  type StoresOverview,
} from '../diagnosis/store-standing';

export type { StoreOverview, StoresOverview } from '../diagnosis/store-standing';

export type OverviewGateway = Pick<
  GraphGateway,
  'storeMembers' | 'adminIds' | 'slicesOfMany' | 'groupUserIds' | 'registrationReport'
>;

/** Beyond this many stores, or this many workers, one overview reads the registration report instead. */
export const LIVE_STORES = 5;
export const LIVE_WORKERS = 3000;

/** Every page of a group's users. */
async function groupMembers(gateway: OverviewGateway, groupId: string): Promise<string[]> {
  const ids: string[] = [];
  let nextLink: string | undefined;
  do {
    const page = await gateway.groupUserIds(groupId, nextLink);
    ids.push(...page.userIds);
    nextLink = page.nextLink;
  } while (nextLink);
  return ids;
}

/** Whom the QR code policy lets have a badge, among these workers: on, included, not excluded. */
async function qrAllowed(
  gateway: OverviewGateway,
  policy: QrPolicySnapshot | undefined,
  memberIds: readonly string[],
): Promise<Set<string>> {
  if (!policy || policy.state !== 'enabled') return new Set();
  const resolve = async (targets: QrPolicySnapshot['includeTargets']): Promise<Set<string> | 'everyone'> => {
    if (targets.some((target) => target.id === 'all_users')) return 'everyone';
    const ids = new Set(targets.filter((target) => target.targetType === 'user').map((target) => target.id));
    for (const target of targets.filter((candidate) => candidate.targetType === 'group'))
      for (const id of await groupMembers(gateway, target.id)) ids.add(id);
    return ids;
  };
  const included = await resolve(policy.includeTargets);
  const excluded = await resolve(policy.excludeTargets);
  return new Set(
    memberIds.filter(
      (id) => (included === 'everyone' || included.has(id)) && excluded !== 'everyone' && !excluded.has(id),
    ),
  );
}

/** One store, every worker read live. */
export interface StoreRead {
  overview: StoreOverview;
  /** Whom the QR code policy lets have a badge. */
  qrAllowed: ReadonlySet<string>;
  /** Each worker's fields from the extra slices asked for, in their order. */
  extras: ReadonlyMap<string, object[]>;
}

/** One store, every worker read live; `extraSlices` adds reads to the same packed $batch requests. */
export async function readStoreWorkers(
  gateway: OverviewGateway,
  store: StoreUnit,
  now: Date,
  known: { members?: StoreMember[]; admins?: ReadonlySet<string>; extraSlices?: readonly SnapshotSlice[] } = {},
): Promise<StoreRead> {
  const [members, adminIds] = await Promise.all([
    known.members ?? gateway.storeMembers(store.id),
    known.admins ?? gateway.adminIds(),
  ]);
  const read = await gateway.slicesOfMany(
    members.map((member) => member.id),
    [SMS_SNAPSHOT, QR_BADGE_SLICE, ...(known.extraSlices ?? [])],
  );
  const slicesOf = (member: StoreMember): { sms?: SmsSnapshot; qr?: QrSnapshot } => {
    const answer = read.get(member.id);
    if (!answer?.ok) return {};
    return { sms: answer.slices[0] as SmsSnapshot, qr: answer.slices[1] as QrSnapshot };
  };
  const policy = members.map((member) => slicesOf(member).qr?.qrPolicy).find((found) => found !== undefined);
  const allowed = await qrAllowed(
    gateway,
    policy,
    members.map((member) => member.id),
  );
  const workers = members.map((member) =>
    standingOf({
      member,
      isAdmin: adminIds.has(member.id),
      ...slicesOf(member),
      qrAllowed: allowed.has(member.id),
      now,
    }),
  );
  const extras = new Map<string, object[]>();
  for (const [userId, answer] of read) if (answer.ok) extras.set(userId, answer.slices.slice(2));
  return {
    overview: {
      store,
      source: 'live',
      readAt: now.toISOString(),
      workers,
      counts: countStandings(workers),
      daysLeft: daysUntilSmsEnds(now),
    },
    qrAllowed: allowed,
    extras,
  };
}

/** One store, every worker read live. */
export async function readStoreLive(
  gateway: OverviewGateway,
  store: StoreUnit,
  now: Date,
  known: { members?: StoreMember[]; admins?: ReadonlySet<string> } = {},
): Promise<StoreOverview> {
  return (await readStoreWorkers(gateway, store, now, known)).overview;
}

/** Many stores: live while they are few and small, else from the registration report. */
export async function readStores(
  gateway: OverviewGateway,
  stores: readonly StoreUnit[],
  now: Date,
): Promise<StoresOverview> {
  const members = await Promise.all(stores.map((store) => gateway.storeMembers(store.id)));
  const total = members.reduce((sum, list) => sum + list.length, 0);
  const daysLeft = daysUntilSmsEnds(now);
  if (stores.length <= LIVE_STORES && total <= LIVE_WORKERS) {
    const admins = await gateway.adminIds();
    const live: StoreOverview[] = [];
    // One store after another: each store's read is already a pool of batches.
    for (const [index, store] of stores.entries())
      live.push(await readStoreLive(gateway, store, now, { members: members[index] ?? [], admins }));
    return { source: 'live', readAt: now.toISOString(), daysLeft, live, reported: [] };
  }
  const report = await gateway.registrationReport();
  const reported = stores.map((store, index): ReportedStore => {
    const line = { store, workers: 0, withBadge: 0, mobileOnly: 0, neither: 0, leftOut: 0 };
    for (const member of members[index] ?? []) {
      line.workers++;
      const registered = report.get(member.id);
      if (member.userType === 'Guest' || !member.accountEnabled || registered?.isAdmin) line.leftOut++;
      else if (registered?.methodsRegistered.includes('qrCodePin')) line.withBadge++;
      else if (registered?.methodsRegistered.includes('mobilePhone')) line.mobileOnly++;
      else line.neither++;
    }
    return line;
  });
  return { source: 'report', readAt: now.toISOString(), daysLeft, live: [], reported };
}
