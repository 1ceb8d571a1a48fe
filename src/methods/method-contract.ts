// What a sign-in method module gives the method-neutral pipeline: for each change kind it owns, a typed payload,
// the live state it reads, how to plan, apply and reconcile it, and its words. changes/, cards/ and bot/ reach a
// kind only through the registry (registry.ts), never by naming it.
import type { SignInSnapshot } from './method-types';
import type { SnapshotSlice } from '../graph/snapshot-slice';
import type { ChangeAsk } from './change-ask';
import type { DiagnosisContext } from './diagnosis-context';
import type { Finding } from './finding';
import type { Handover } from './handover';

export interface ChangeTarget {
  /** Entra object id of the worker, or "tenant" for tenant-wide changes. */
  userId: string;
  displayName: string;
}

/** A change as a handler sees it: its typed payload and whom it is for. */
export type TargetedChange<C> = C & { target: ChangeTarget };

/** Live state re-read just before executing (and when reconciling after a crash): the worker's, or a policy P. */
export interface LiveState<P = unknown> {
  snapshot?: SignInSnapshot;
  policy?: P;
  /** When the execution started, for checks like "sessions revoked since". */
  executionStartedAt?: Date;
}

/** Which live state a change is checked against: the worker's snapshot, or a tenant-wide policy its method reads. */
type LiveRead<G, P> =
  | 'worker'
  | {
      /** Reads the policy fresh, through the kind's gateway slice. */
      policy(gateway: G): Promise<P>;
      /** What to ask phonedesk to see it yourself: "is SMS sign-in set up?". */
      askToSee: string;
    };

type Plan = { action: 'apply' } | { action: 'already-done'; outcome: string } | { action: 'refuse'; outcome: string };

export interface ApplyResult {
  status: 'succeeded' | 'partially-succeeded' | 'failed';
  /** What happened, for the request's record and everyone's card: never a secret. */
  outcome: string;
  /** The secrets the change made, for the requester alone (methods/handover.ts); never stored. */
  handover?: Handover;
  /** Once handed over, what was, for the audit log: ids and expiry ("badge code 9c1…, until …"), never a secret. */
  handedOver?: string;
}

export type Reconciled = 'applied' | 'partly-applied' | 'not-applied';

/** What a kind does in Graph (through the gateway slice G it uses), when it is already done, and whether it took. */
export interface ChangeHandler<C, G, P = unknown> {
  plan(change: TargetedChange<C>, live: LiveState<P>): Plan;
  apply(change: TargetedChange<C>, gateway: G, live: LiveState<P>): Promise<ApplyResult>;
  reconcile(change: TargetedChange<C>, live: LiveState<P>): Reconciled;
}

/**
 * How a kind that makes a secret (a badge, a PIN, a pass) keeps it from being usable but unknown. A made secret
 * whose answer was lost, or that phonedesk restarted before handing over, is made afresh without a second create;
 * one that cannot be handed over is stopped.
 */
export interface SecretMaking<C, G> {
  /** The change was made but its secret reached nobody: new secrets for the same change (never a second create). */
  reissue(change: TargetedChange<C>, gateway: G, live: LiveState): Promise<ApplyResult>;
  /** The secret cannot reach the requester: stop what it opens; the words say what was done and what next. */
  withdraw(change: TargetedChange<C>, gateway: G, handover: Handover): Promise<string>;
}

/** The part of a spec a kind that makes a secret gives: its handler and how its secret is kept from being lost. */
export interface SecretMakingKind<C, G> {
  handler: ChangeHandler<C, G>;
  secrets: SecretMaking<C, G>;
}

/** A kind's spec; P is the policy it reads when it is checked against one instead of the worker. */
export interface ChangeKindSpec<C extends { kind: string }, G, P = unknown> {
  kind: C['kind'];
  reads: LiveRead<G, P>;
  /** The payload fields a request of this kind cannot do without (a proposal lacking one asks for it first). */
  requires?: ReadonlyArray<Exclude<keyof C, 'kind'>>;
  /** Whether it changes the worker's phone methods, so phonedesk's number index is refreshed after it. */
  changesPhoneMethods: boolean;
  /** Urgent by nature (a lost phone): its request expires sooner. */
  urgent?: boolean;
  /** Why this worker must never get this change (it turns on a weak sign-in for an admin or a guest), or undefined. */
  refusalFor?(snapshot: SignInSnapshot): string | undefined;
  /** A line the requester's card adds while the request waits (SMS sign-in's days left), or undefined. */
  requesterNotice?(change: TargetedChange<C>, at: Date): string | undefined;
  /** The number, in Graph form, the change adds for sign-in: part of what is asked (duplicates, held and lost checks). */
  newNumber?(change: C): string | undefined;
  /** The number, in Graph form, the change turns on for sign-in from what the worker has now. */
  numberTurnedOn?(change: C, snapshot: SignInSnapshot): string | undefined;
  /** For a tenant-wide kind: whether two asks for it are the same ask (the same target, the same way). */
  sameAsk?(a: C, b: C): boolean;
  /** Reports the number a lost phone had, so it is never turned back on. */
  reportsLostNumber?: boolean;
  /** One line for cards and notices: "Turn on sign-in by text message for Bob Smith". Numbers masked. */
  summary(change: TargetedChange<C>): string;
  /** The button that proposes it (a proposal may not know every field yet). */
  label(proposal: Partial<C>): string;
  handler: ChangeHandler<C, G, P>;
  /** A kind approved once for many workers (a store's move): the executor starts its job rather than applying it. */
  job?: true;
  /** For a kind that makes a secret: recovering it and stopping it (its handler's apply returns a handover). */
  secrets?: SecretMaking<C, G>;
}

/** How a worker can sign in with a method now, by Graph's own verdict: the "ready" finding's words. */
interface ReadyWay {
  summary: string;
  fix: string;
}

/** Where a worker's sign-in steps are shown: in full only in a 1:1 chat with the person who asked. */
export interface InstructionsAudience {
  personalChat: boolean;
  /** The organisation's name, e.g. "Contoso Retail". */
  organisation?: string;
}

/** A sign-in method (or the account itself): what it finds about a worker, the change kinds it owns, and how they are asked for. */
export interface MethodModule<C extends { kind: string }, G, A extends string = never> {
  id: string;
  /** How a worker signs in with it, for titles ("can sign in with their phone"); the account, not a method, has none. */
  means?: string;
  /** Whether the worker has the method set up at all (in whatever state): a method they lack does not block another. */
  enrolled?(snapshot: SignInSnapshot): boolean;
  /** Its slice of the worker's snapshot and the Graph reads for it; the account's facts are the gateway's core. */
  snapshot?: SnapshotSlice;
  /** What this method has to say about the worker's sign-in (pure: from the snapshot and the context). */
  findings(snapshot: SignInSnapshot, context: DiagnosisContext): Finding[];
  /** Whether the worker can sign in with this method now, and how; undefined when they cannot (or it is not a method). */
  readyWay(snapshot: SignInSnapshot, now: Date): ReadyWay | undefined;
  /** The steps a worker follows to sign in with this method, as plain text (a title line, then numbered steps). */
  instructions?(snapshot: SignInSnapshot, audience: InstructionsAudience): string;
  kinds: { readonly [K in C['kind']]: ChangeKindSpec<Extract<C, { kind: K }>, G> };
  /** The conversations that ask for its changes in words, in the order help shows them. */
  asks: ReadonlyArray<ChangeAsk<A>>;
}
