// The demo tenant's QR badges and sign-in facts: one of each state phonedesk must explain, dated from the moment the
// seed is made (so "expires in 10 days" stays true). docs/simulator.md lists them.
import { graphDateTime } from './graph-time';
import type { SeedQrCodePin, SeedQrCodePinPolicy, SeedTemporaryAccessPassPolicy } from './seed';

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface DemoBadge {
  alias: string;
  /** What the demo shows with this badge. */
  scenario: string;
  badge?(now: number): SeedQrCodePin;
}

const standard = (now: number, startDaysAgo: number, days: number, usedDaysAgo?: number) => ({
  startDateTime: graphDateTime(now - startDaysAgo * DAY),
  expireDateTime: graphDateTime(now - startDaysAgo * DAY + days * DAY),
  ...(usedDaysAgo !== undefined && { lastUsedDateTime: graphDateTime(now - usedDaysAgo * DAY) }),
});

export const DEMO_BADGES: readonly DemoBadge[] = [
  {
    alias: 'chloe.evans',
    scenario: 'badge in use (used 3 days ago); SMS sign-in still on',
    badge: (now) => ({ standardQRCode: standard(now, 40, 365, 3) }),
  },
  {
    alias: 'julia.young',
    scenario: 'badge issued 2 days ago, never used',
    badge: (now) => ({ standardQRCode: standard(now, 2, 365), forceChangePinNextSignIn: true }),
  },
  {
    alias: 'mia.turner',
    scenario: 'badge expires in 10 days',
    badge: (now) => ({ standardQRCode: standard(now, 355, 365, 1) }),
  },
  {
    alias: 'uma.reid',
    scenario: 'badge expired 5 days ago',
    badge: (now) => ({ standardQRCode: standard(now, 370, 365, 20) }),
  },
  {
    alias: 'kyle.adams',
    scenario: 'forgot his badge: a temporary code for 6 more hours',
    badge: (now) => ({
      standardQRCode: standard(now, 100, 365, 2),
      temporaryQRCode: { startDateTime: graphDateTime(now - 2 * HOUR), expireDateTime: graphDateTime(now + 6 * HOUR) },
    }),
  },
  {
    alias: 'peter.clark',
    scenario: 'new starter: no method at all and never signed in, so a badge needs a Temporary Access Pass first',
  },
];

/** QR code + PIN on for the frontline workers, as Microsoft recommends (frontline groups only), and any pilot groups. */
export function demoQrCodePinPolicy(frontlineGroup: string, ...pilotGroups: string[]): SeedQrCodePinPolicy {
  return {
    state: 'enabled',
    includeTargets: [frontlineGroup, ...pilotGroups].map((id) => ({ targetType: 'group' as const, id })),
    excludeTargets: [],
    pinLength: 8,
    standardQRCodeLifetimeInDays: 365,
  };
}

/** Temporary Access Pass for the frontline workers' first sign-in: 1 to 8 hours. */
export function demoTemporaryAccessPassPolicy(frontlineGroup: string): SeedTemporaryAccessPassPolicy {
  return {
    state: 'enabled',
    includeTargets: [{ targetType: 'group', id: frontlineGroup }],
    excludeTargets: [],
    defaultLength: 8,
    defaultLifetimeInMinutes: 60,
    minimumLifetimeInMinutes: 60,
    maximumLifetimeInMinutes: 480,
    isUsableOnce: false,
  };
}
