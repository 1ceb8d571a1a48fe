// Before SMS sign-in is turned off for a whole target of the policy (or the policy itself): who signs in by text
// message there now, and who of them would be locked out (no working badge), per store. Read live: the target's
// members, then each one's phones and badge packed in $batch requests, and the stores' members to name stores.
import type { GraphGateway } from '../graph/graph-gateway';
import { QR_BADGE_SLICE } from '../methods/qr-code-pin/qr-snapshot';
import { isActive } from '../methods/qr-code-pin/qr-findings';
import type { QrSnapshot } from '../methods/qr-code-pin/qr-types';
import { SMS_SNAPSHOT, signsInBySms, type SmsSnapshot } from '../methods/sms-sign-in/sms-snapshot';
import type { SmsPolicySnapshot, SmsPolicyTarget } from '../snapshot/sign-in-snapshot';

export type ImpactGateway = Pick<
  GraphGateway,
  'smsPolicy' | 'groupUserIds' | 'allUserIds' | 'slicesOfMany' | 'allStores' | 'storeMembers'
>;

export interface SmsOffImpact {
  policy: SmsPolicySnapshot;
  /** The targets whose SMS sign-in would stop: one (unticking it), or every one that allows it (policy off). */
  targets: SmsPolicyTarget[];
  readAt: string;
  /** Who signs in by text message now, within the targets. */
  smsUsers: number;
  /** Of them, who has no working badge: they would be locked out. */
  lockedOut: number;
  byStore: Array<{ store: string; smsUsers: number; lockedOut: number }>;
}

/** Every user a policy target holds: all users, one person, or a group (every page). */
export async function membersOf(
  gateway: Pick<ImpactGateway, 'groupUserIds' | 'allUserIds'>,
  target: Pick<SmsPolicyTarget, 'id' | 'targetType'>,
): Promise<string[]> {
  if (target.id === 'all_users') return gateway.allUserIds();
  if (target.targetType === 'user') return [target.id];
  const ids: string[] = [];
  let nextLink: string | undefined;
  do {
    const page = await gateway.groupUserIds(target.id, nextLink);
    ids.push(...page.userIds);
    nextLink = page.nextLink;
  } while (nextLink);
  return ids;
}

/** `targetId`: one include target (unticking "Use for sign-in"); undefined: the whole policy. */
export async function readSmsOffImpact(
  gateway: ImpactGateway,
  targetId: string | undefined,
  now: Date,
): Promise<SmsOffImpact | undefined> {
  const policy = await gateway.smsPolicy({ fresh: true, withGroupNames: true });
  const targets = targetId
    ? policy.includeTargets.filter((target) => target.id === targetId)
    : policy.includeTargets.filter((target) => target.isUsableForSignIn);
  if (targetId && targets.length === 0) return undefined;
  const users = [...new Set((await Promise.all(targets.map((target) => membersOf(gateway, target)))).flat())];
  const read = await gateway.slicesOfMany(users, [SMS_SNAPSHOT, QR_BADGE_SLICE]);
  const sms = new Set<string>();
  const locked = new Set<string>();
  for (const [userId, answer] of read) {
    if (!answer.ok) continue;
    const [phones, qr] = answer.slices as [SmsSnapshot, QrSnapshot];
    if (!signsInBySms(phones)) continue;
    sms.add(userId);
    if (!isActive(qr.qrCodePin?.standardQRCode, now)) locked.add(userId);
  }
  const stores = await gateway.allStores();
  const byStore = [];
  for (const store of stores) {
    const members = await gateway.storeMembers(store.id);
    const inStore = (set: Set<string>) => members.filter((member) => set.has(member.id)).length;
    if (inStore(sms) > 0)
      byStore.push({ store: store.displayName, smsUsers: inStore(sms), lockedOut: inStore(locked) });
  }
  return { policy, targets, readAt: now.toISOString(), smsUsers: sms.size, lockedOut: locked.size, byStore };
}
