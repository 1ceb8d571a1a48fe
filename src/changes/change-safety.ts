// What a careful helpdesk never does, checked when a change is asked for and again just before it is made:
// turn a lost or SIM-swapped number back on, or give a worker a number another account already holds.
import type { AccessPolicy } from '../access/access-policy';
import type { RequesterDirectory } from '../access/requester-directory';
import type { Person } from '../audit/audit-context';
import type { LostNumberReport } from '../methods/diagnosis-context';
import type { SignInSnapshot } from '../methods/method-types';
import type { GraphGateway } from '../graph/graph-gateway';
import type { NumberHolderFinder } from '../number-index/number-holder-finder';
import { specOf, type ChangeDetails } from '../methods/registry';
import { fromGraph, maskPhoneNumber, type PhoneNumber } from '../phone/phone-number';
import type { ChangeTarget } from './change-request';
import type { LostNumbers } from './lost-numbers';
import { signInSnapshot } from '../methods/read-snapshot';

/** The parts of a request (new or stored) the checks look at. */
type GuardedChange = ChangeDetails & {
  requester: Person;
  target: ChangeTarget;
};

/** Port for the change pipeline: why a change must not be made, in plain words, or undefined. */
export interface ChangeGuard {
  refusal(change: GuardedChange, snapshot: SignInSnapshot | undefined): Promise<string | undefined>;
}

const day = (iso: string): string => iso.slice(0, 10);

export class ChangeSafety implements ChangeGuard {
  constructor(
    private readonly lost: Pick<LostNumbers, 'reportOf'>,
    private readonly holders: Pick<NumberHolderFinder, 'find'>,
    private readonly gateway: Pick<GraphGateway, 'scopesOf' | 'readWorker'>,
    private readonly directory: Pick<RequesterDirectory, 'profile'>,
    private readonly access: Pick<AccessPolicy, 'canActOn'>,
  ) {}

  async refusal(change: GuardedChange, snapshot: SignInSnapshot | undefined): Promise<string | undefined> {
    const spec = specOf(change);
    const added = spec.newNumber?.(change);
    // A change that turns on a number the worker has concerns the number they have now: read it if the caller has not.
    const live = spec.numberTurnedOn && !snapshot ? await signInSnapshot(this.gateway, change.target.userId) : snapshot;
    const graphNumber = added ?? (live && spec.numberTurnedOn?.(change, live));
    const number = graphNumber ? fromGraph(graphNumber) : undefined;
    if (!number) return undefined;
    const report = await this.lost.reportOf(number.e164);
    if (report) return lostRefusal(change.target.displayName, number, report);
    if (added) return this.heldRefusal(change, number);
    return undefined;
  }

  /** Another account has the number as a mobile (a SIM): it would sign in only one of them, if either. */
  private async heldRefusal(change: GuardedChange, number: PhoneNumber): Promise<string | undefined> {
    const { holders } = await this.holders.find(number.e164, { excludeUserId: change.target.userId });
    const holder = holders.find((candidate) => candidate.phoneType !== 'office');
    if (!holder) return undefined;
    const who = (await this.maySee(change.requester, holder.userId)) ? holder.displayName : 'another account';
    return `${maskPhoneNumber(number)} already belongs to ${who}, and each worker needs their own SIM: a number can sign in only one person. Use ${change.target.displayName}'s own mobile number.`;
  }

  private async maySee(requester: Person, userId: string): Promise<boolean> {
    const [profile, scopes] = await Promise.all([this.directory.profile(requester), this.gateway.scopesOf([userId])]);
    const scope = scopes.get(userId);
    return scope !== undefined && this.access.canActOn(profile, { userId, ...scope });
  }
}

function lostRefusal(name: string, number: PhoneNumber, report: LostNumberReport): string {
  return `${maskPhoneNumber(number)} was reported lost or SIM-swapped by ${report.reportedBy} on ${day(report.reportedAt)} (request ${report.requestNumber}), so phonedesk will never turn it back on for sign-in: whoever has that phone would get the codes. Add ${name}'s new number instead.`;
}
