// What a careful helpdesk never does, checked when a change is asked for and again just before it is made:
// turn a lost or SIM-swapped number back on, or give a worker a number another account already holds.
import type { AccessPolicy } from '../access/access-policy';
import type { RequesterDirectory } from '../access/requester-directory';
import type { Person } from '../audit/audit-context';
import type { LostNumberReport } from '../diagnosis/diagnosis-context';
import type { SignInSnapshot } from '../snapshot/sign-in-snapshot';
import type { GraphGateway } from '../graph/graph-gateway';
import type { NumberHolderFinder } from '../number-index/number-holder-finder';
import { fromGraph, maskPhoneNumber, type PhoneNumber } from '../phone/phone-number';
import type { ChangeKind } from './change-kind';
import type { ChangeTarget } from './change-request';
import type { LostNumbers } from './lost-numbers';

/** The parts of a request (new or stored) the checks look at. */
export interface GuardedChange {
  kind: ChangeKind;
  requester: Person;
  target: ChangeTarget;
  phoneNumber?: string;
}

/** Port for the change pipeline: why a change must not be made, in plain words, or undefined. */
export interface ChangeGuard {
  refusal(change: GuardedChange, snapshot: SignInSnapshot | undefined): Promise<string | undefined>;
}

const NEW_NUMBER: ReadonlySet<ChangeKind> = new Set(['add-number', 'replace-number']);

const day = (iso: string): string => iso.slice(0, 10);

export class ChangeSafety implements ChangeGuard {
  constructor(
    private readonly lost: Pick<LostNumbers, 'reportOf'>,
    private readonly holders: Pick<NumberHolderFinder, 'find'>,
    private readonly gateway: Pick<GraphGateway, 'scopesOf' | 'signInSnapshot'>,
    private readonly directory: Pick<RequesterDirectory, 'profile'>,
    private readonly access: Pick<AccessPolicy, 'canActOn'>,
  ) {}

  async refusal(change: GuardedChange, snapshot: SignInSnapshot | undefined): Promise<string | undefined> {
    // Turning on SMS sign-in concerns the mobile the worker has now: read it if the caller has not.
    const live = snapshot ?? (change.kind === 'enable-sms-sign-in' ? await this.gateway.signInSnapshot(change.target.userId) : undefined);
    const number = this.numberTurnedOn(change, live);
    if (!number) return undefined;
    const report = await this.lost.reportOf(number.e164);
    if (report) return lostRefusal(change.target.displayName, number, report);
    if (NEW_NUMBER.has(change.kind)) return this.heldRefusal(change, number);
    return undefined;
  }

  /** The number the change would make usable for sign-in: the new one, or the mobile that is turned on. */
  private numberTurnedOn(change: GuardedChange, snapshot: SignInSnapshot | undefined): PhoneNumber | undefined {
    if (NEW_NUMBER.has(change.kind)) return change.phoneNumber ? fromGraph(change.phoneNumber) : undefined;
    if (change.kind !== 'enable-sms-sign-in') return undefined;
    const mobile = snapshot?.phoneMethods.find((method) => method.phoneType === 'mobile');
    return mobile ? fromGraph(mobile.phoneNumber) : undefined;
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
