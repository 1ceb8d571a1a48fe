// The sign-in methods phonedesk knows, and the one place that maps a change kind to the module that owns it.
// Adding a method: its folder, a line in MODULES, CHANGE_ASKS and MethodsGateway, its types in change-details.ts, and docs
// (docs/architecture.md, "Adding a sign-in method").
import { ACCOUNT, type AccountGateway } from './account/account';
import type { SnapshotSlice } from '../graph/snapshot-slice';
import type { ChangeAsk } from './change-ask';
import type { ChangeDetails, ChangeIntentKind, ChangeKind, ProposedChange, SignInSnapshot } from './method-types';
import type { ChangeKindSpec, InstructionsAudience, MethodModule } from './method-contract';
import type { QrGateway } from './qr-code-pin/qr-handlers';
import type { SmsGateway } from './sms-sign-in/sms-handlers';
import type { TapGateway } from './temporary-access-pass/tap-handlers';
import { QR_CODE_PIN } from './qr-code-pin/qr-code-pin';
import { SMS_SIGN_IN } from './sms-sign-in/sms-sign-in';
import { TEMPORARY_ACCESS_PASS } from './temporary-access-pass/temporary-access-pass';

export type { ChangeDetails, ChangeIntentKind, ChangeKind, ProposedChange } from './method-types';

/** The Graph operations all handlers together use; the executor's gateway provides them. */
export type MethodsGateway = AccountGateway & SmsGateway & QrGateway & TapGateway;

/** What the diagnosis asks of every module, whatever its kinds. */
type SignInModule = Pick<
  MethodModule<never, never>,
  'id' | 'means' | 'enrolled' | 'findings' | 'readyWay' | 'snapshot' | 'instructions'
>;

/** Every module phonedesk runs, the account first; each is checked against the contract where it is defined. */
const MODULES: ReadonlyArray<SignInModule & { kinds: object }> = [
  ACCOUNT,
  SMS_SIGN_IN,
  QR_CODE_PIN,
  TEMPORARY_ACCESS_PASS,
];

export const SIGN_IN_MODULES: readonly SignInModule[] = MODULES;

/** What each method reads about a worker, in the worker's one $batch (method-types.ts#SignInSnapshot names them). */
export const SNAPSHOT_SLICES: readonly SnapshotSlice[] = MODULES.flatMap((module) =>
  module.snapshot ? [module.snapshot] : [],
);

/** Every conversation that asks for a change, in the order help and suggestions show them (the most asked first). */
export const CHANGE_ASKS: ReadonlyArray<ChangeAsk<ChangeIntentKind>> = [
  ...SMS_SIGN_IN.asks,
  ...ACCOUNT.asks,
  ...QR_CODE_PIN.asks,
  ...TEMPORARY_ACCESS_PASS.asks,
];

/** The same, in the order a message is read against them: the first whose words match wins. */
export const ASKS_BY_PRECEDENCE = [...CHANGE_ASKS].sort((a, b) => a.precedence - b.precedence);

export function isChangeIntent(kind: string): kind is ChangeIntentKind {
  return CHANGE_ASKS.some((ask) => ask.intent === kind);
}

export function askFor(intent: ChangeIntentKind): ChangeAsk<ChangeIntentKind> {
  const ask = CHANGE_ASKS.find((candidate) => candidate.intent === intent);
  if (!ask) throw new Error(`no sign-in method asks for "${intent}"`);
  return ask;
}

/** The conversation that asks for the number a change of this kind needs (a fix button that lacks it). */
export function askMaking(kind: ChangeKind): ChangeAsk<ChangeIntentKind> | undefined {
  return CHANGE_ASKS.find((ask) => ask.needsNumber && ask.makes.includes(kind));
}

// Each entry is registered under its own kind, so reading it back as a spec for ChangeDetails is sound.
const SPECS: ReadonlyMap<string, ChangeKindSpec<ChangeDetails, MethodsGateway>> = new Map(
  MODULES.flatMap((module) =>
    (Object.values(module.kinds) as Array<ChangeKindSpec<ChangeDetails, MethodsGateway>>).map(
      (spec) => [spec.kind, spec] as const,
    ),
  ),
);

/**
 * The spec of a change's kind, typed for that change. TypeScript cannot correlate a union payload with the spec
 * table entry of its own kind, so the lookup is typed here once: every entry was registered under its own kind.
 */
export function specOf<C extends ChangeDetails>(change: Pick<C, 'kind'>): ChangeKindSpec<C, MethodsGateway> {
  const spec = SPECS.get(change.kind);
  if (!spec) throw new Error(`no sign-in method owns change kind "${change.kind}"`);
  return spec as unknown as ChangeKindSpec<C, MethodsGateway>;
}

export function isChangeKind(value: string): value is ChangeKind {
  return SPECS.has(value);
}

/** The kinds whose spec says so: `kindsWhere((spec) => spec.reportsLostNumber === true)`. */
export function kindsWhere(test: (spec: ChangeKindSpec<ChangeDetails, MethodsGateway>) => boolean): ChangeKind[] {
  return [...SPECS.values()].filter(test).map((spec) => spec.kind);
}

/** The phone number a change names (the one it adds, or the one reported lost), in Graph form, if any. */
export function numberNamed(change: ChangeDetails): string | undefined {
  return 'phoneNumber' in change ? change.phoneNumber : undefined;
}

/** The change a proposal asks for once it has every field its kind requires; undefined while one is still to be asked. */
export function proposedChange(proposal: ProposedChange): ChangeDetails | undefined {
  const { tenantWide, title, ...payload } = proposal;
  const fields = payload as Record<string, unknown>;
  // Checked field by field against the kind's own list, so the payload is complete for its kind.
  return (specOf(proposal).requires ?? []).every((field) => fields[field] !== undefined)
    ? (payload as ChangeDetails)
    : undefined;
}

/**
 * A worker's sign-in steps: for each method they can sign in with now, else for the first method that has steps
 * (the one they are being set up for).
 */
export function instructionsFor(snapshot: SignInSnapshot, audience: InstructionsAudience): string {
  const withSteps = MODULES.filter((module) => module.instructions !== undefined);
  const ready = withSteps.filter((module) => module.readyWay(snapshot, new Date(snapshot.readAt)) !== undefined);
  return (ready.length > 0 ? ready : withSteps.slice(0, 1))
    .map((module) => module.instructions!(snapshot, audience))
    .join('\n\n');
}
