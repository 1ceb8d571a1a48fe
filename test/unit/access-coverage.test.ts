// The Conditional Access findings of the tenant check, rule by rule: covered, uncovered, report-only, all apps,
// compliant device, authentication strength, and a missing permission told in plain words (docs/graph-facts.md §19.1).
import { readAccessCheck, type AccessGateway } from '../../src/checks/access-check';
import { accessLine, accessSection } from '../../src/cards/access-lines';
import type { CardElement } from '../../src/cards/adaptive-card';
import {
  accessCoverage,
  openToEveryApp,
  type ConditionalAccessSnapshot,
  type SignInGroup,
} from '../../src/diagnosis/access-coverage';
import { GraphFailure } from '../../src/graph/graph-errors';
import type { SmsPolicySnapshot } from '../../src/snapshot/sign-in-snapshot';

const FRONTLINE: SignInGroup = {
  id: 'g-frontline',
  targetType: 'group',
  name: "'Frontline workers'",
  methods: ['sms'],
};
const PILOT: SignInGroup = { id: 'g-pilot', targetType: 'group', name: "'Badge pilot'", methods: ['qr'] };

function policy(overrides: Partial<ConditionalAccessSnapshot> = {}): ConditionalAccessSnapshot {
  return {
    id: 'p1',
    displayName: 'Policy',
    state: 'enabled',
    users: { includeUsers: [], excludeUsers: [], includeGroups: ['g-frontline'], excludeGroups: [] },
    apps: { include: ['All'], exclude: [] },
    controls: [],
    operator: 'OR',
    ...overrides,
  };
}

const TEAMS_ONLY = policy({
  id: 'teams-only',
  displayName: 'Teams only',
  controls: ['block'],
  apps: { include: ['All'], exclude: ['cc15fd57-2c6c-4117-a88c-83b1d56b4bbe'] },
});

function texts(element: CardElement): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'TextBlock' && typeof record.text === 'string') found.push(record.text);
      Object.values(record).forEach(walk);
    }
  };
  walk(element);
  return found;
}

describe('which policies keep a group to named apps', () => {
  it('a block on every app but named ones covers the group, naming the apps left open', () => {
    const [line] = accessCoverage([FRONTLINE], [TEAMS_ONLY]);
    expect(line!.apps.by).toEqual([
      expect.objectContaining({ id: 'teams-only', detail: 'lets them open only Microsoft Teams Services' }),
    ]);
    expect(openToEveryApp([line!])).toEqual([]);
  });

  it('a group no policy names is open to every app, and the card says so with what to add', () => {
    const coverage = accessCoverage([FRONTLINE, PILOT], [TEAMS_ONLY]);
    expect(openToEveryApp(coverage).map((line) => line.group.id)).toEqual(['g-pilot']);
    const shown = texts(accessSection({ kind: 'read', coverage })).join('\n');
    expect(shown).toContain(
      "Workers in 'Badge pilot' can sign in with a QR badge to every app, including admin portals.",
    );
    expect(shown).toMatch(/Add a Conditional Access policy for 'Badge pilot' that blocks all cloud apps except/);
  });

  it('a policy that requires something for "All" apps but blocks nothing does not limit the apps', () => {
    const [line] = accessCoverage([FRONTLINE], [policy({ controls: ['compliantDevice'] })]);
    expect(line!.apps.by).toEqual([]);
  });

  it('a block on named apps (the admin portals) counts, in words', () => {
    const [line] = accessCoverage(
      [FRONTLINE],
      [policy({ controls: ['block'], apps: { include: ['MicrosoftAdminPortals'], exclude: [] } })],
    );
    expect(line!.apps.by[0]!.detail).toBe('blocks the Microsoft admin portals');
  });

  it('a policy that excludes the group, or includes only other groups, does not cover it', () => {
    const excluded = policy({
      ...TEAMS_ONLY,
      users: { includeUsers: ['All'], excludeUsers: [], includeGroups: [], excludeGroups: ['g-frontline'] },
    });
    const other = policy({
      ...TEAMS_ONLY,
      users: { includeUsers: [], excludeUsers: [], includeGroups: ['g-other'], excludeGroups: [] },
    });
    expect(accessCoverage([FRONTLINE], [excluded, other])[0]!.apps.by).toEqual([]);
  });

  it('a policy for all users covers every group', () => {
    const everyone = policy({
      ...TEAMS_ONLY,
      users: { includeUsers: ['All'], excludeUsers: [], includeGroups: [], excludeGroups: [] },
    });
    expect(openToEveryApp(accessCoverage([FRONTLINE, PILOT], [everyone]))).toEqual([]);
  });
});

describe('report-only and disabled policies', () => {
  it('a report-only policy does not cover, and the card names it as report-only with a link', () => {
    const watching = policy({ ...TEAMS_ONLY, id: 'watch', displayName: 'Watching', state: 'reportOnly' });
    const coverage = accessCoverage([FRONTLINE], [watching]);
    expect(coverage[0]!.apps.by).toEqual([]);
    expect(coverage[0]!.apps.reportOnly.map((ref) => ref.id)).toEqual(['watch']);
    const shown = texts(accessSection({ kind: 'read', coverage })).join('\n');
    expect(shown).toContain('[Watching](https://entra.microsoft.com/');
    expect(shown).toMatch(/is report-only, so it does not count: it only logs what it would do/);
  });

  it('a disabled policy is neither a cover nor a report-only one', () => {
    const off = policy({ ...TEAMS_ONLY, state: 'disabled' });
    const [line] = accessCoverage([FRONTLINE], [off]);
    expect(line!.apps).toEqual({ by: [], reportOnly: [] });
  });
});

describe('device and authentication strength', () => {
  it('requiring a compliant or hybrid-joined device counts for the device', () => {
    const [line] = accessCoverage([FRONTLINE], [policy({ controls: ['compliantDevice', 'domainJoinedDevice'] })]);
    expect(line!.device.by[0]!.detail).toBe('requires a compliant or hybrid-joined device');
  });

  it('a device control next to MFA under OR can be passed without the device, so it does not count', () => {
    const [line] = accessCoverage([FRONTLINE], [policy({ controls: ['mfa', 'compliantDevice'], operator: 'OR' })]);
    expect(line!.device.by).toEqual([]);
    const [all] = accessCoverage([FRONTLINE], [policy({ controls: ['mfa', 'compliantDevice'], operator: 'AND' })]);
    expect(all!.device.by).toHaveLength(1);
  });

  it('a block for every device but shared ones counts, with its rule', () => {
    const shared = policy({
      controls: ['block'],
      deviceFilter: { mode: 'exclude', rule: 'device.profileType -eq "Shared"' },
    });
    const [line] = accessCoverage([FRONTLINE], [shared]);
    expect(line!.device.by[0]!.detail).toBe('blocks every device but those matching device.profileType -eq "Shared"');
  });

  it('an authentication strength counts, by name; none is a gap with advice', () => {
    const strong = policy({
      authenticationStrength: 'Phishing-resistant MFA',
      apps: { include: ['Office365'], exclude: [] },
    });
    const [line] = accessCoverage([FRONTLINE], [strong]);
    expect(line!.strength.by[0]!.detail).toBe(
      'requires the authentication strength "Phishing-resistant MFA" for Office 365',
    );
    const bare = texts(accessSection({ kind: 'read', coverage: accessCoverage([FRONTLINE], []) })).join('\n');
    expect(bare).toContain("No enforced policy asks 'Frontline workers' for an authentication strength.");
    expect(bare).toContain("No enforced policy requires a compliant or shared device for 'Frontline workers'.");
  });
});

describe('the helpdesk line', () => {
  it('names the groups open to every app in one line', () => {
    const line = texts(accessLine({ kind: 'read', coverage: accessCoverage([FRONTLINE, PILOT], [TEAMS_ONLY]) }));
    expect(line).toEqual([
      expect.stringMatching(/^Conditional Access: 1 group \('Badge pilot'\) can sign in to every app/),
    ]);
  });

  it('says when every group is kept to named apps', () => {
    const line = texts(accessLine({ kind: 'read', coverage: accessCoverage([FRONTLINE], [TEAMS_ONLY]) }));
    expect(line).toEqual([
      'Conditional Access keeps every group that signs in by text message or QR badge to named apps.',
    ]);
  });
});

describe('reading it', () => {
  const sms: SmsPolicySnapshot = {
    state: 'enabled',
    includeTargets: [
      { id: 'g-frontline', targetType: 'group', isUsableForSignIn: true, displayName: 'Frontline workers' },
      { id: 'g-mfa', targetType: 'group', isUsableForSignIn: false, displayName: 'MFA only' },
    ],
    excludeTargets: [],
  } as unknown as SmsPolicySnapshot;

  function gateway(policies: () => Promise<ConditionalAccessSnapshot[]>): AccessGateway {
    return {
      conditionalAccessPolicies: policies,
      tenantSlice: (async () => ({
        qrPolicy: { state: 'enabled', includeTargets: [{ id: 'g-pilot', targetType: 'group' }], excludeTargets: [] },
      })) as unknown as AccessGateway['tenantSlice'],
      nameGroups: async () => new Map([['g-pilot', 'Badge pilot']]),
    };
  }

  it('takes the SMS targets with "Use for sign-in" ticked and the QR code targets, each named', async () => {
    const check = await readAccessCheck(
      gateway(async () => [TEAMS_ONLY]),
      sms,
    );
    expect(check.kind).toBe('read');
    if (check.kind !== 'read') return;
    expect(check.coverage.map((line) => [line.group.name, line.group.methods])).toEqual([
      ["'Frontline workers'", ['sms']],
      ["'Badge pilot'", ['qr']],
    ]);
  });

  it('a missing permission is one plain sentence naming Policy.Read.All, not a failed check', async () => {
    const forbidden = new GraphFailure({
      kind: 'forbidden',
      userMessage: 'phonedesk is not allowed to do that in Microsoft 365.',
      graphMessage: 'Insufficient privileges to complete the operation.',
      status: 403,
    });
    const check = await readAccessCheck(
      gateway(async () => {
        throw forbidden;
      }),
      sms,
    );
    expect(check).toEqual({
      kind: 'unreadable',
      message: 'phonedesk cannot read Conditional Access: grant it Policy.Read.All (docs/permissions.md).',
    });
    expect(texts(accessSection(check))).toContain(
      'phonedesk cannot read Conditional Access: grant it Policy.Read.All (docs/permissions.md).',
    );
  });
});
