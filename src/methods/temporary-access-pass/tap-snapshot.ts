// Temporary Access Pass's slice of the worker's snapshot: their pass (never its value) and the tenant's policy, in
// the worker's one $batch (docs/graph-facts.md §18). Either may be unreadable; the other findings still stand.
import type { Collection } from '../../graph/graph-wire';
import type { SnapshotSlice } from '../../graph/snapshot-slice';
import type { TapPolicySnapshot, TapSnapshot, TapUsability, TemporaryAccessPassSnapshot } from './tap-types';

const USABILITY: ReadonlySet<string> = new Set([
  'EnabledByPolicy',
  'DisabledByPolicy',
  'Expired',
  'NotYetValid',
  'OneTimeUsed',
]);

interface GraphPass {
  id?: string;
  startDateTime?: string;
  lifetimeInMinutes?: number;
  isUsableOnce?: boolean;
  isUsable?: boolean;
  methodUsabilityReason?: string;
}

function pass(graph: GraphPass): TemporaryAccessPassSnapshot | undefined {
  if (!graph.id || !graph.startDateTime || graph.lifetimeInMinutes === undefined) return undefined;
  const reason = USABILITY.has(graph.methodUsabilityReason ?? '')
    ? (graph.methodUsabilityReason as TapUsability)
    : graph.isUsable
      ? 'EnabledByPolicy'
      : 'DisabledByPolicy';
  return {
    id: graph.id,
    startDateTime: graph.startDateTime,
    lifetimeInMinutes: graph.lifetimeInMinutes,
    isUsableOnce: graph.isUsableOnce === true,
    isUsable: graph.isUsable === true,
    methodUsabilityReason: reason,
  };
}

export const TAP_SNAPSHOT: SnapshotSlice<TapSnapshot> = {
  workerReads: (user) => [{ id: 'passes', url: `/users/${user}/authentication/temporaryAccessPassMethods` }],
  tenantReads: [
    {
      id: 'policy',
      url: '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/temporaryAccessPass',
    },
  ],
  map(answers) {
    const passes = answers.optional<Collection<GraphPass>>('passes');
    const policy = answers.optional<Partial<TapPolicySnapshot>>('policy');
    return {
      ...(passes && {
        temporaryAccessPasses: passes.value
          .map(pass)
          .filter((item): item is TemporaryAccessPassSnapshot => item !== undefined),
      }),
      ...(policy && {
        tapPolicy: {
          state: policy.state === 'enabled' ? 'enabled' : 'disabled',
          defaultLifetimeInMinutes: policy.defaultLifetimeInMinutes ?? 60,
          minimumLifetimeInMinutes: policy.minimumLifetimeInMinutes ?? 60,
          maximumLifetimeInMinutes: policy.maximumLifetimeInMinutes ?? 480,
          isUsableOnce: policy.isUsableOnce === true,
        },
      }),
    };
  },
};
