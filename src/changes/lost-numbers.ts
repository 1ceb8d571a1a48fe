// Which numbers phonedesk was told are lost or SIM-swapped, from its own change store: Graph only says a number
// is turned off, not why, so phonedesk's memory is what keeps a lost number from being turned back on.
import type { LostNumberReport } from '../methods/diagnosis-context';
import type { SignInSnapshot } from '../methods/method-types';
import { kindsWhere, numberNamed, specOf, type ChangeDetails } from '../methods/registry';
import { fromGraph } from '../phone/phone-number';
import type { ChangeRequest, ChangeStatus } from './change-request';
import type { ChangeStore } from './change-store';

/** A report counts from when it is made until someone rejects it or it lapses: a failed run does not find the phone. */
const REPORTED: ChangeStatus[] = ['pending', 'approved', 'executing', 'succeeded', 'partially-succeeded', 'failed'];
const TURNED_OFF: ReadonlySet<ChangeStatus> = new Set(['succeeded', 'partially-succeeded']);

/** Port for the worker check: the worker's numbers reported lost. */
export interface LostNumberSource {
  ofWorker(userId: string): Promise<LostNumberReport[]>;
}

/** A lost-phone request records the mobile number it turns off, so that the store can answer for it later. */
export function withReportedNumber<T extends ChangeDetails>(input: T, snapshot: SignInSnapshot | undefined): T {
  if (!specOf(input).reportsLostNumber || numberNamed(input) !== undefined || !snapshot) return input;
  const mobile = snapshot.phoneMethods.find((method) => method.phoneType === 'mobile');
  return mobile ? { ...input, phoneNumber: mobile.phoneNumber } : input;
}

const LOST_PHONE_KINDS = kindsWhere((spec) => spec.reportsLostNumber === true);

export class LostNumbers implements LostNumberSource {
  constructor(private readonly store: Pick<ChangeStore, 'list' | 'transitions'>) {}

  /** Newest report of this number (any worker), if phonedesk was ever told it is lost. */
  async reportOf(e164: string): Promise<LostNumberReport | undefined> {
    const [newest] = await this.store.list({
      kinds: LOST_PHONE_KINDS,
      phoneNumberE164: e164,
      statuses: REPORTED,
      limit: 1,
    });
    return newest && this.report(newest);
  }

  async ofWorker(userId: string): Promise<LostNumberReport[]> {
    // Old lost-phone requests stored no number; they load but name nothing.
    const requests = (
      await this.store.list({ kinds: LOST_PHONE_KINDS, targetUserId: userId, statuses: REPORTED, limit: 20 })
    ).filter((request) => numberNamed(request));
    return Promise.all(requests.map((request) => this.report(request)));
  }

  private async report(request: ChangeRequest): Promise<LostNumberReport> {
    const ended = TURNED_OFF.has(request.status)
      ? (await this.store.transitions(request.id)).find((transition) => transition.to === request.status)
      : undefined;
    const number = numberNamed(request) ?? '';
    return {
      e164: fromGraph(number)?.e164 ?? number,
      requestNumber: request.number,
      reportedBy: request.requester.name,
      reportedAt: request.createdAt,
      ...(ended && { turnedOffAt: ended.at }),
    };
  }
}
