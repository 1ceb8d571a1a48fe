// Each line of a roster checked against the tenant, in plain words: an unknown worker (or one outside the requester's
// stores: the same words, as for status), an invalid or landline number, a number another account signs in with, an
// admin or a guest, a duplicate line. The valid lines become one request; each is checked again when the job runs it.
import type { CountryCode } from 'libphonenumber-js';
import type { AccessPolicy } from '../access/access-policy';
import type { RequesterProfile } from '../access/requester-profile';
import type { WorkerResolver } from '../access/worker-resolver';
import type { RosterEntry } from '../methods/account/account-types';
import { qrPolicyAllows } from '../methods/qr-code-pin/qr-findings';
import { signInSnapshot, type SnapshotGateway } from '../methods/read-snapshot';
import { specOf } from '../methods/registry';
import type { NumberHolderFinder } from '../number-index/number-holder-finder';
import { parsePhoneNumber } from '../phone/phone-number';

export interface RosterCheckDeps {
  resolver: Pick<WorkerResolver, 'resolve'>;
  gateway: SnapshotGateway;
  access: AccessPolicy;
  holders: Pick<NumberHolderFinder, 'find'>;
  defaultRegion: CountryCode;
}

/** A roster line as the understanding read it (bot/understanding/roster-lines.ts). */
export interface LineToCheck {
  line: number;
  raw: string;
  worker: string;
  number?: string;
  badge: boolean;
}

export type LineVerdict = { line: number; raw: string } & (
  { ok: true; entry: RosterEntry } | { ok: false; why: string }
);

const notFound = (typed: string): string =>
  `I couldn't find anyone called "${typed.slice(0, 80)}" among the people you look after.`;

async function checkLine(deps: RosterCheckDeps, profile: RequesterProfile, line: LineToCheck): Promise<LineVerdict> {
  const base = { line: line.line, raw: line.raw };
  const refuse = (why: string): LineVerdict => ({ ...base, ok: false, why });
  if (line.worker === '') return refuse('Name the worker: their name, email address or employee id.');
  if (line.number === undefined && !line.badge) return refuse('Give a mobile number, or "badge" for a QR badge.');
  if (line.number !== undefined && line.badge) return refuse('Give a mobile number or "badge", not both.');
  const parsed = line.number !== undefined ? parsePhoneNumber(line.number, deps.defaultRegion) : undefined;
  if (parsed && !parsed.ok) return refuse(parsed.message);
  const found = await deps.resolver.resolve(line.worker);
  if (found.kind === 'none') return refuse(notFound(line.worker));
  if (found.kind === 'several' || !found.exact)
    return refuse(`"${line.worker}" could be more than one person: use their email address or employee id.`);
  const snapshot = await signInSnapshot(deps.gateway, found.worker.userId);
  const scope = {
    userId: snapshot.user.id,
    administrativeUnitIds: snapshot.administrativeUnits.map((unit) => unit.id),
    managerId: snapshot.user.managerId,
  };
  if (!deps.access.canActOn(profile, scope)) return refuse(notFound(line.worker));
  const name = snapshot.user.displayName;
  const kind = parsed?.ok ? 'add-number' : snapshot.lastSignIn === 'never' ? 'new-starter' : 'issue-badge';
  const never = specOf({ kind }).refusalFor?.(snapshot);
  if (never) return refuse(never);
  if (parsed?.ok) {
    const held = await deps.holders.find(parsed.number.e164, { excludeUserId: snapshot.user.id });
    if (held.holders.some((holder) => holder.phoneType === 'mobile'))
      return refuse(`${line.number} is already held by another account, and a number can sign in only one person.`);
    return {
      ...base,
      ok: true,
      entry: { userId: snapshot.user.id, displayName: name, withPass: false, phoneNumber: parsed.number.graph },
    };
  }
  if (snapshot.qrPolicy && !qrPolicyAllows(snapshot, snapshot.qrPolicy))
    return refuse(`${name} is not in the QR code policy: IT can add them to its group.`);
  if (kind === 'new-starter' && snapshot.tapPolicy?.state === 'disabled')
    return refuse(
      `${name} has never signed in, so a badge needs a Temporary Access Pass first, and passes are turned off here.`,
    );
  return {
    ...base,
    ok: true,
    entry: { userId: snapshot.user.id, displayName: name, withPass: kind === 'new-starter' },
  };
}

/** Every line's verdict, in order; a worker or number already on an earlier valid line is a duplicate. */
export async function checkRoster(
  deps: RosterCheckDeps,
  profile: RequesterProfile,
  lines: readonly LineToCheck[],
): Promise<LineVerdict[]> {
  const verdicts: LineVerdict[] = [];
  const seenWorkers = new Map<string, number>();
  const seenNumbers = new Map<string, number>();
  for (const line of lines) {
    const verdict = await checkLine(deps, profile, line);
    if (verdict.ok) {
      const sameWorker = seenWorkers.get(verdict.entry.userId);
      const sameNumber = verdict.entry.phoneNumber ? seenNumbers.get(verdict.entry.phoneNumber) : undefined;
      const earlier = sameWorker ?? sameNumber;
      if (earlier !== undefined) {
        verdicts.push({
          line: line.line,
          raw: line.raw,
          ok: false,
          why: `The same ${sameWorker !== undefined ? 'worker' : 'number'} as line ${earlier}.`,
        });
        continue;
      }
      seenWorkers.set(verdict.entry.userId, line.line);
      if (verdict.entry.phoneNumber) seenNumbers.set(verdict.entry.phoneNumber, line.line);
    }
    verdicts.push(verdict);
  }
  return verdicts;
}
