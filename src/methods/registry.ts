// The sign-in methods phonedesk knows, and the one place that maps a change kind to the module that owns it.
// Adding a method: its folder, a line in MODULES and in ChangeDetails, and docs (docs/architecture.md).
import { ACCOUNT, type AccountChange, type AccountGateway } from './account/account-changes';
import type { ChangeKindSpec, MethodModule } from './method-contract';
import type { SmsChange } from './sms-sign-in/sms-changes';
import type { SmsGateway } from './sms-sign-in/sms-handlers';
import { SMS_SIGN_IN } from './sms-sign-in/sms-sign-in';

/** Every change phonedesk can make, as a typed payload per kind. */
export type ChangeDetails = AccountChange | SmsChange;

export type ChangeKind = ChangeDetails['kind'];

/** The Graph operations all handlers together use; the executor's gateway provides them. */
export type MethodsGateway = AccountGateway & SmsGateway;

/** A payload as far as it is known: the kind, and any of its fields. */
type Partly<C> = C extends { kind: string } ? Pick<C, 'kind'> & Partial<Omit<C, 'kind'>> : never;

/** A change a finding proposes, with what the finding knows; the dialogs ask for the rest (a new number). */
export type ProposedChange = Partly<ChangeDetails> & {
  /** Tenant-wide changes need the tenant-admin approver group. */
  tenantWide: boolean;
  /** The button's words when the kind's usual label does not fit ("Add their new number"). */
  title?: string;
};

/** What the diagnosis asks of every module, whatever its kinds. */
export type SignInModule = Pick<MethodModule<never, never>, 'id' | 'findings' | 'readyWay'>;

/** Every module phonedesk runs, the account first; each is checked against the contract where it is defined. */
const MODULES: ReadonlyArray<SignInModule & { kinds: object }> = [ACCOUNT, SMS_SIGN_IN];

export const SIGN_IN_MODULES: readonly SignInModule[] = MODULES;

// Each entry is registered under its own kind, so reading it back as a spec for ChangeDetails is sound.
const SPECS: ReadonlyMap<string, ChangeKindSpec<ChangeDetails, MethodsGateway>> = new Map(
  MODULES.flatMap((module) => (Object.values(module.kinds) as Array<ChangeKindSpec<ChangeDetails, MethodsGateway>>).map((spec) => [spec.kind, spec] as const)),
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
  return (specOf(proposal).requires ?? []).every((field) => fields[field] !== undefined) ? (payload as ChangeDetails) : undefined;
}
