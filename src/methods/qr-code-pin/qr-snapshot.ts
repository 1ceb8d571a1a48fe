// QR code + PIN's slice of the worker's snapshot: their badge (none is a 404), their last sign-in, and the tenant's
// QR code policy (from the gateway's short cache when fresh), in the worker's one $batch (docs/graph-facts.md §17).
import type { SnapshotSlice } from '../../graph/snapshot-slice';
import type { QrCodePinSnapshot, QrCodeSnapshot, QrPolicySnapshot, QrPolicyTarget, QrSnapshot } from './qr-types';

const QR_POLICY_PATH = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/qrCodePin';
interface GraphQrCode {
  id?: string;
  createdDateTime?: string;
  startDateTime?: string;
  expireDateTime?: string;
  lastUsedDateTime?: string | null;
}

interface GraphQrCodePin {
  id?: string;
  createdDateTime?: string;
  standardQRCode?: GraphQrCode | null;
  temporaryQRCode?: GraphQrCode | null;
  pin?: { forceChangePinNextSignIn?: boolean; updatedDateTime?: string | null } | null;
}

interface GraphQrPolicy {
  state?: string;
  includeTargets?: Array<{ id?: string; targetType?: string }>;
  excludeTargets?: Array<{ id?: string; targetType?: string }>;
  pinLength?: number;
  standardQRCodeLifetimeInDays?: number;
}

function code(graph: GraphQrCode | null | undefined): QrCodeSnapshot | undefined {
  if (!graph?.id || !graph.startDateTime || !graph.expireDateTime) return undefined;
  // Graph's "never" is 0001-01-01 (in whatever precision): no badge was used before 1900.
  const used = graph.lastUsedDateTime ?? undefined;
  const real = used !== undefined && Date.parse(used) > Date.parse('1900-01-01T00:00:00Z');
  return {
    id: graph.id,
    ...(graph.createdDateTime && { createdDateTime: graph.createdDateTime }),
    startDateTime: graph.startDateTime,
    expireDateTime: graph.expireDateTime,
    ...(real && { lastUsedDateTime: used }),
  };
}

function method(graph: GraphQrCodePin | undefined): QrCodePinSnapshot | undefined {
  if (!graph?.id) return undefined;
  const standardQRCode = code(graph.standardQRCode);
  const temporaryQRCode = code(graph.temporaryQRCode);
  return {
    id: graph.id,
    createdDateTime: graph.createdDateTime ?? standardQRCode?.startDateTime ?? '',
    ...(standardQRCode && { standardQRCode }),
    ...(temporaryQRCode && { temporaryQRCode }),
    forceChangePinNextSignIn: graph.pin?.forceChangePinNextSignIn === true,
    ...(graph.pin?.updatedDateTime && { pinUpdatedDateTime: graph.pin.updatedDateTime }),
  };
}

function policy(graph: GraphQrPolicy, names: ReadonlyMap<string, string>): QrPolicySnapshot {
  const target = (item: { id?: string; targetType?: string }): QrPolicyTarget => ({
    id: item.id ?? '',
    targetType: item.targetType === 'user' ? 'user' : 'group',
    ...(names.has(item.id ?? '') && { displayName: names.get(item.id ?? '') }),
  });
  return {
    state: graph.state === 'enabled' ? 'enabled' : 'disabled',
    includeTargets: (graph.includeTargets ?? []).map(target),
    excludeTargets: (graph.excludeTargets ?? []).map(target),
    pinLength: graph.pinLength ?? 8,
    standardQRCodeLifetimeInDays: graph.standardQRCodeLifetimeInDays ?? 365,
  };
}

export const QR_SNAPSHOT: SnapshotSlice<QrSnapshot> = {
  workerReads: (user) => [
    { id: 'badge', url: `/users/${user}/authentication/qrCodePinMethod` },
    { id: 'signIns', url: `/users/${user}?$select=id,signInActivity` },
  ],
  tenantReads: [{ id: 'policy', url: QR_POLICY_PATH }],
  map(answers) {
    // No badge is a 404; no AuditLog.Read.All leaves the last sign-in unknown.
    const badge = method(answers.optional<GraphQrCodePin>('badge'));
    const signIns = answers.optional<{ signInActivity?: { lastSignInDateTime?: string | null } | null }>('signIns');
    const last = signIns === undefined ? undefined : (signIns.signInActivity?.lastSignInDateTime ?? 'never');
    // A tenant where QR code sign-in cannot be read (a national cloud, no permission) still gets its other findings.
    const configuration = answers.optional<GraphQrPolicy>('policy');
    return {
      ...(badge && { qrCodePin: badge }),
      ...(configuration && { qrPolicy: policy(configuration, answers.groupNames) }),
      ...(last !== undefined && { lastSignIn: last }),
    };
  },
};

/** A worker's badge and the QR code policy, without the last sign-in: 2 reads a worker, for store-wide reads. */
export const QR_BADGE_SLICE: SnapshotSlice<QrSnapshot> = {
  workerReads: (user) => QR_SNAPSHOT.workerReads(user).filter((read) => read.id === 'badge'),
  ...(QR_SNAPSHOT.tenantReads && { tenantReads: QR_SNAPSHOT.tenantReads }),
  map: (answers) => QR_SNAPSHOT.map(answers),
};
