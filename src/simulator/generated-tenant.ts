// A large generated tenant for benchmarks: N workers over N/250 stores (or stores of the size asked), deterministic
// for a given size. Every 5th worker holds a QR badge, as a store midway through its move would.
import { createHash } from 'node:crypto';
import { demoQrCodePinPolicy, demoTemporaryAccessPassPolicy } from './demo-badges';
import { graphDateTime } from './graph-time';
import { AUTHENTICATION_ADMINISTRATOR } from './role-templates';
import type { Seed, SeedUser } from './seed';

function id(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const WORKERS_PER_STORE = 250;
const DAY = 86_400_000;

export function generatedSeed(workerCount: number, workersPerStore = WORKERS_PER_STORE): Seed {
  const storeCount = Math.max(1, Math.ceil(workerCount / workersPerStore));
  const now = Date.now();
  const frontline = id('group:frontline');
  const stores = Array.from({ length: storeCount }, (_, index) => ({
    id: id(`au:${index}`),
    manager: id(`manager:${index}`),
    members: [] as string[],
  }));
  const users: SeedUser[] = stores.map((store, index) => ({
    id: store.manager,
    userPrincipalName: `manager${index}@bench.example`,
    displayName: `Manager ${index}`,
    accountEnabled: true,
    userType: 'Member',
    licenses: ['SPE_E3'],
  }));
  const workerIds: string[] = [];
  for (let index = 0; index < workerCount; index++) {
    const store = stores[index % storeCount];
    const userId = id(`worker:${index}`);
    workerIds.push(userId);
    store.members.push(userId);
    // Every 10th worker has no phone; every 7th has a number attached but not enabled (FIG6).
    const subscriber = String(7_400_000_000 + index);
    users.push({
      id: userId,
      userPrincipalName: `worker${index}@bench.example`,
      displayName: `Worker ${String(index).padStart(5, '0')}`,
      mail: `worker${index}@bench.example`,
      employeeId: `E${index}`,
      accountEnabled: true,
      userType: 'Member',
      licenses: ['SPE_F1'],
      manager: store.manager,
      ...(index % 5 === 4 && {
        qrCodePin: {
          standardQRCode: {
            startDateTime: graphDateTime(now - 30 * DAY),
            expireDateTime: graphDateTime(now + 335 * DAY),
            ...(index % 10 === 9 && { lastUsedDateTime: graphDateTime(now - DAY) }),
          },
        },
      }),
      phoneMethods:
        index % 10 === 0
          ? []
          : [
              {
                phoneType: 'mobile',
                phoneNumber: `+44 ${subscriber}`,
                ...(index % 7 === 0 && { smsSignIn: 'notRegistered' as const }),
              },
            ],
    });
  }
  return {
    tenant: {
      id: id(`tenant:${workerCount}`),
      displayName: `Bench tenant (${workerCount} workers)`,
      domain: 'bench.example',
    },
    users,
    groups: [{ id: frontline, displayName: 'Frontline workers', members: workerIds }],
    administrativeUnits: stores.map((store, index) => ({
      id: store.id,
      displayName: `Store ${index}`,
      members: store.members,
      scopedRoleMembers: [{ roleTemplateId: AUTHENTICATION_ADMINISTRATOR, userId: store.manager }],
    })),
    roleAssignments: [],
    smsPolicy: {
      state: 'enabled',
      includeTargets: [{ targetType: 'group', id: frontline, isUsableForSignIn: true }],
      excludeTargets: [],
    },
    qrCodePinPolicy: demoQrCodePinPolicy(frontline),
    temporaryAccessPassPolicy: demoTemporaryAccessPassPolicy(frontline),
  };
}
