// The facts an approver needs, read when a request is made (see changes/request-facts.ts). Each fact that cannot
// be read is left out, logged: a slow number index or a storage hiccup must not stop the request itself.
import type { RequesterProfile } from '../access/requester-profile';
import { changeSummary } from '../cards/change-summary';
import { numberNamed, specOf } from '../methods/registry';
import type { ChangeRequest } from '../changes/change-request';
import type { ChangeService, NewRequestInput } from '../changes/change-service';
import type { Conflict, RequestFacts } from '../changes/request-facts';
import { diagnose } from '../diagnosis/diagnose';
import type { SignInSnapshot } from '../methods/method-types';
import type { Logger } from '../log/logger';
import type { NumberHolderFinder } from '../number-index/number-holder-finder';
import { maskPhoneNumbers } from '../phone/mask-phone-numbers';
import { fromGraph } from '../phone/phone-number';

/** What gathering the facts reads: earlier requests, who holds the number; and where to log what could not be read. */
export interface RequestFactsDeps {
  changes: Pick<ChangeService, 'list'>;
  holders: NumberHolderFinder;
  logger: Logger;
}

const RECENT_DAYS = 30;
const MAX_RECENT = 5;
const OPEN: ReadonlySet<ChangeRequest['status']> = new Set(['pending', 'approved', 'executing']);
/** A lost-phone report that was not withdrawn or turned down still counts. */
const NOT_A_REPORT: ReadonlySet<ChangeRequest['status']> = new Set(['cancelled', 'rejected']);

const day = (iso: string): string => iso.slice(0, 10);

/** One plain line: the most important finding of the diagnosis, without naming anyone else. */
function signInNow(snapshot: SignInSnapshot, now: Date): string {
  const diagnosis = diagnose(snapshot, { now, holder: 'hidden' });
  return diagnosis.findings[0]?.summary ?? 'Nothing known about their sign-in.';
}

/** Stores by name: those the person belongs to, and those their admin roles are scoped to (a store manager). */
function requesterStores(profile: RequesterProfile, snapshot: SignInSnapshot): string[] {
  const names = new Map(snapshot.administrativeUnits.map((unit) => [unit.id, unit.displayName]));
  for (const store of profile.stores ?? []) names.set(store.id, store.displayName);
  const scoped = profile.roles
    .map((role) => /^\/administrativeUnits\/(.+)$/.exec(role.directoryScopeId)?.[1])
    .filter((id): id is string => Boolean(id));
  const ids = [...(profile.stores ?? []).map((store) => store.id), ...scoped];
  return [...new Set(ids)].map((id) => names.get(id) ?? 'another store');
}

async function safely<T>(deps: RequestFactsDeps, what: string, read: () => Promise<T>, otherwise: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    deps.logger.warn({ err: error }, `could not read ${what} for an approval card`);
    return otherwise;
  }
}

export async function gatherRequestFacts(
  deps: RequestFactsDeps,
  input: NewRequestInput,
  snapshot: SignInSnapshot,
  profile: RequesterProfile,
): Promise<RequestFacts> {
  const now = new Date();
  const workerName = snapshot.user.displayName;
  const mobile = snapshot.phoneMethods.find((method) => method.phoneType === 'mobile');
  // The number the change is about: the new one, else the worker's mobile now.
  const asked = numberNamed(input);
  const number = fromGraph(asked ?? mobile?.phoneNumber ?? '');
  const createdSince = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const { changes } = deps;
  const earlier = await safely(
    deps,
    'earlier changes',
    async () => {
      const forWorker = await changes.list({ targetUserId: snapshot.user.id, createdSince, limit: 50 });
      const forNumber = number ? await changes.list({ phoneNumberE164: number.e164, createdSince, limit: 50 }) : [];
      const byId = new Map([...forWorker, ...forNumber].map((request) => [request.id, request]));
      return [...byId.values()].sort((a, b) => b.number - a.number);
    },
    [] as ChangeRequest[],
  );
  const sameNumber = (request: ChangeRequest): boolean => {
    const named = numberNamed(request);
    return number !== undefined && named !== undefined && fromGraph(named)?.e164 === number.e164;
  };

  const conflicts: Conflict[] = [];
  const lost = earlier.find(
    (request) => specOf(request).reportsLostNumber === true && !NOT_A_REPORT.has(request.status),
  );
  if (lost) {
    conflicts.push({
      kind: 'number-reported-lost',
      text: sameNumber(lost)
        ? `This number was reported lost on ${day(lost.createdAt)} (request ${lost.number}).`
        : `${lost.target.displayName}'s phone was reported lost on ${day(lost.createdAt)} (request ${lost.number}).`,
    });
  }
  const holders = number
    ? await safely(
        deps,
        'who holds the number',
        async () => (await deps.holders.find(number.e164, { excludeUserId: snapshot.user.id })).holders,
        [],
      )
    : [];
  const heldByCurrent = !asked && mobile?.smsSignInState === 'phoneNumberNotUnique';
  if (holders.length > 0 || heldByCurrent) {
    // Not named: the requester's copy shows the same facts, and that person may be outside their stores.
    conflicts.push({
      kind: 'number-held-elsewhere',
      text: 'Another account has this number too, and a number can sign in only one person.',
    });
  }
  const open = earlier.find((request) => request.target.userId === snapshot.user.id && OPEN.has(request.status));
  if (open)
    conflicts.push({
      kind: 'open-request',
      text: `Request ${open.number} for ${workerName} is still open: ${changeSummary(open)}.`,
    });

  return {
    worker: {
      stores: snapshot.administrativeUnits.map((unit) => unit.displayName),
      ...(snapshot.user.jobTitle && { jobTitle: snapshot.user.jobTitle }),
      signInNow: maskPhoneNumbers(signInNow(snapshot, now)),
    },
    requesterStores: requesterStores(profile, snapshot),
    recent: earlier.slice(0, MAX_RECENT).map((request) => ({
      number: request.number,
      summary: changeSummary(request),
      status: request.status,
      createdAt: request.createdAt,
    })),
    conflicts: conflicts.map((conflict) => ({ ...conflict, text: maskPhoneNumbers(conflict.text) })),
  };
}
