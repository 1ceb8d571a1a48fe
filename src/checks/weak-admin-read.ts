// "Which admins can sign in by text message?": everyone holding a directory role, active or eligible (where Graph
// shows eligible ones), through a role-assignable group too, read live with their phones and badge in packed $batch
// requests. The per-worker guard (no SMS sign-in or badge for an admin) stays; this is the tenant-wide view.
import type { GraphGateway } from '../graph/graph-gateway';
import { toGraphFailure } from '../graph/graph-errors';
import { ROLE_TEMPLATES } from '../graph/directory-roles';
import type { RoleHolding } from '../graph/posture-reads';
import { QR_BADGE_SLICE } from '../methods/qr-code-pin/qr-snapshot';
import type { QrSnapshot } from '../methods/qr-code-pin/qr-types';
import { SMS_SNAPSHOT, type SmsSnapshot } from '../methods/sms-sign-in/sms-snapshot';
import { weakWays, type AdminRole, type WeakAdmin } from '../diagnosis/weak-admins';
import { membersOf } from './sms-off-impact';

export type WeakAdminGateway = Pick<
  GraphGateway,
  'roleHoldings' | 'usersByIds' | 'groupUserIds' | 'allUserIds' | 'slicesOfMany' | 'nameGroups'
>;

export interface WeakAdminRead {
  admins: WeakAdmin[];
  /** How many role holders were looked at, and how many of them could not be read. */
  holders: number;
  unread: number;
  /** Plain words when eligible roles could not be read; active ones are listed all the same. */
  eligibleNote?: string;
  readAt: string;
}

function roleOf(holding: RoleHolding, throughGroup?: string): AdminRole {
  return {
    displayName: ROLE_TEMPLATES[holding.roleTemplateId]?.displayName ?? 'an admin role',
    eligible: holding.eligible,
    scoped: holding.directoryScopeId !== '/',
    ...(throughGroup && { throughGroup }),
  };
}

function eligibleNote(failure: ReturnType<typeof toGraphFailure>): string {
  return failure.kind === 'forbidden'
    ? 'Eligible roles (Privileged Identity Management) are not shown: phonedesk cannot read them. Grant it RoleEligibilitySchedule.Read.Directory; a tenant without Microsoft Entra ID P2 has none to show.'
    : `Eligible roles (Privileged Identity Management) could not be read just now, so only active ones are shown. ${failure.userMessage}`;
}

export async function readWeakAdmins(gateway: WeakAdminGateway, now: Date): Promise<WeakAdminRead> {
  const { holdings, eligibleUnreadable } = await gateway.roleHoldings();
  const principals = [...new Set(holdings.map((holding) => holding.principalId))];
  const users = new Map((await gateway.usersByIds(principals)).map((user) => [user.id, user]));
  const roles = new Map<string, AdminRole[]>();
  const give = (userId: string, role: AdminRole): void => {
    roles.set(userId, [...(roles.get(userId) ?? []), role]);
  };
  for (const holding of holdings.filter((candidate) => users.has(candidate.principalId)))
    give(holding.principalId, roleOf(holding));
  // A principal that is not a user is a role-assignable group: its members hold the role.
  for (const groupId of principals.filter((id) => !users.has(id))) {
    const members = await membersOf(gateway, { id: groupId, targetType: 'group' }).catch(() => []);
    if (members.length === 0) continue;
    const name = (await gateway.nameGroups([groupId]).catch(() => new Map<string, string>())).get(groupId);
    for (const member of await gateway.usersByIds(members.filter((id) => !users.has(id)))) users.set(member.id, member);
    for (const holding of holdings.filter((candidate) => candidate.principalId === groupId))
      for (const member of members) give(member, roleOf(holding, name ? `'${name}'` : 'a group'));
  }
  const read = await gateway.slicesOfMany([...roles.keys()], [SMS_SNAPSHOT, QR_BADGE_SLICE]);
  const admins: WeakAdmin[] = [];
  let unread = 0;
  for (const [userId, answer] of read) {
    const user = users.get(userId);
    if (!answer.ok || !user) {
      unread += 1;
      continue;
    }
    const [phones, qr] = answer.slices as [SmsSnapshot, QrSnapshot];
    const ways = weakWays(phones, qr, now);
    if (ways.length > 0)
      admins.push({
        userId,
        displayName: user.displayName,
        userPrincipalName: user.userPrincipalName,
        roles: roles.get(userId) ?? [],
        ways,
      });
  }
  admins.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return {
    admins,
    holders: roles.size,
    unread,
    readAt: now.toISOString(),
    ...(eligibleUnreadable && { eligibleNote: eligibleNote(eligibleUnreadable) }),
  };
}
