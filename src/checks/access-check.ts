// The Conditional Access part of the tenant check: the groups that sign in with SMS or a QR badge (the two policies'
// include targets), and what the tenant's Conditional Access policies ask of each. A policy phonedesk may not read
// is told in plain words; it never fails the rest of the check.
import type { GraphGateway } from '../graph/graph-gateway';
import { toGraphFailure } from '../graph/graph-errors';
import { accessCoverage, type AccessCheck, type SignInGroup, type SignInMethod } from '../diagnosis/access-coverage';
import { QR_SNAPSHOT } from '../methods/qr-code-pin/qr-snapshot';
import type { SmsPolicySnapshot } from '../snapshot/sign-in-snapshot';

export type AccessGateway = Pick<GraphGateway, 'conditionalAccessPolicies' | 'tenantSlice' | 'nameGroups'>;

export type { AccessCheck } from '../diagnosis/access-coverage';

interface Target {
  id: string;
  targetType: 'group' | 'user';
  displayName?: string;
}

function nameOf(target: Target, names: ReadonlyMap<string, string>): string {
  if (target.id === 'all_users') return 'all users';
  const name = target.displayName ?? names.get(target.id);
  if (name) return `'${name}'`;
  return target.targetType === 'user' ? `one person (id ${target.id})` : `a group (id ${target.id})`;
}

/** The SMS policy's targets with "Use for sign-in" ticked and the QR code policy's, each once with its methods. */
async function signInGroups(gateway: AccessGateway, sms: SmsPolicySnapshot): Promise<SignInGroup[]> {
  const qr = (await gateway.tenantSlice(QR_SNAPSHOT)).qrPolicy;
  const byId = new Map<string, { target: Target; methods: SignInMethod[] }>();
  const add = (target: Target, method: SignInMethod): void => {
    const known = byId.get(target.id);
    if (known) known.methods.push(method);
    else byId.set(target.id, { target, methods: [method] });
  };
  if (sms.state === 'enabled')
    for (const target of sms.includeTargets.filter((candidate) => candidate.isUsableForSignIn)) add(target, 'sms');
  if (qr?.state === 'enabled') for (const target of qr.includeTargets) add(target, 'qr');
  const groups = [...byId.values()];
  // Names only read better: a group phonedesk may not name is shown by its id.
  const names = await gateway
    .nameGroups(
      groups
        .filter(({ target }) => target.targetType === 'group' && target.id !== 'all_users' && !target.displayName)
        .map(({ target }) => target.id),
    )
    .catch(() => new Map<string, string>());
  return groups.map(({ target, methods }) => ({
    id: target.id,
    targetType: target.targetType,
    name: nameOf(target, names),
    methods,
  }));
}

export async function readAccessCheck(gateway: AccessGateway, sms: SmsPolicySnapshot): Promise<AccessCheck> {
  try {
    const [groups, policies] = await Promise.all([signInGroups(gateway, sms), gateway.conditionalAccessPolicies()]);
    return { kind: 'read', coverage: accessCoverage(groups, policies) };
  } catch (error) {
    const failure = toGraphFailure(error);
    return {
      kind: 'unreadable',
      message:
        failure.kind === 'forbidden'
          ? 'phonedesk cannot read Conditional Access: grant it Policy.Read.All (docs/permissions.md).'
          : `phonedesk could not read Conditional Access just now, so this check says nothing about it. ${failure.userMessage}`,
    };
  }
}
