// "Are we ready for 1 February 2027?": who still signs in by text message and who holds a badge they have used, per
// store, read live (every store's members and the SMS policy's targets, each one's phones and badge in packed $batch
// requests); the SMS policy's telecom provider; the registration campaign; the policy migration. A part phonedesk
// may not read is told in plain words and the rest still shows (docs/graph-facts.md §19).
import type { GraphGateway } from '../graph/graph-gateway';
import { toGraphFailure } from '../graph/graph-errors';
import { isActive } from '../methods/qr-code-pin/qr-findings';
import { QR_BADGE_SLICE } from '../methods/qr-code-pin/qr-snapshot';
import type { QrSnapshot } from '../methods/qr-code-pin/qr-types';
import { SMS_SNAPSHOT, signsInBySms, type SmsSnapshot } from '../methods/sms-sign-in/sms-snapshot';
import { countReadiness, type Readiness, type Standing } from '../diagnosis/readiness';
import { membersOf, type ImpactGateway } from './sms-off-impact';

export type { Readiness, StoreReadiness } from '../diagnosis/readiness';

export type ReadinessGateway = ImpactGateway & Pick<GraphGateway, 'methodsPolicySettings'>;

async function settingsOrWhy(gateway: ReadinessGateway): Promise<Readiness['settings']> {
  try {
    return await gateway.methodsPolicySettings();
  } catch (error) {
    const failure = toGraphFailure(error);
    return {
      unreadable:
        failure.kind === 'forbidden'
          ? 'phonedesk cannot read the authentication methods policy: grant it Policy.Read.All.'
          : `The authentication methods policy could not be read just now. ${failure.userMessage}`,
    };
  }
}

export async function readReadiness(gateway: ReadinessGateway, now: Date): Promise<Readiness> {
  const [policy, stores, settings] = await Promise.all([
    gateway.smsPolicy({ fresh: true, withGroupNames: true }),
    gateway.allStores(),
    settingsOrWhy(gateway),
  ]);
  const members = await Promise.all(
    stores.map(async (store) => (await gateway.storeMembers(store.id)).map((m) => m.id)),
  );
  const targets = policy.state === 'enabled' ? policy.includeTargets.filter((target) => target.isUsableForSignIn) : [];
  const inTargets = (await Promise.all(targets.map((target) => membersOf(gateway, target)))).flat();
  const everyone = [...new Set([...members.flat(), ...inTargets])];
  const read = await gateway.slicesOfMany(everyone, [SMS_SNAPSHOT, QR_BADGE_SLICE]);
  const standing = new Map<string, Standing>();
  let unread = 0;
  for (const [userId, answer] of read) {
    if (!answer.ok) {
      unread += 1;
      continue;
    }
    const [phones, qr] = answer.slices as [SmsSnapshot, QrSnapshot];
    const badge = qr.qrCodePin?.standardQRCode;
    standing.set(userId, {
      onSms: signsInBySms(phones),
      usedBadge: isActive(badge, now) && badge.lastUsedDateTime !== undefined,
    });
  }
  const inStores = new Set(members.flat());
  return {
    readAt: now.toISOString(),
    policy,
    stores: stores.map((store, index) => ({ store: store.displayName, ...countReadiness(members[index]!, standing) })),
    total: countReadiness(everyone, standing),
    outsideStores: countReadiness(
      everyone.filter((id) => !inStores.has(id)),
      standing,
    ),
    unread,
    settings,
  };
}
