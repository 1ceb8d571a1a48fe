// Status and diagnosis of one worker: one $batch snapshot, plus one read to confirm who holds a number in use,
// and the numbers phonedesk itself turned off as lost (from its change store, through a port).
import { diagnose, type Diagnosis } from '../diagnosis/diagnose';
import type { DiagnosisContext } from '../methods/diagnosis-context';
import type { SignInSnapshot } from '../methods/method-types';
import type { GraphGateway } from '../graph/graph-gateway';
import type { LostNumberSource } from '../changes/lost-numbers';
import type { NumberHolderFinder } from '../number-index/number-holder-finder';
import { fromGraph, type PhoneNumber } from '../phone/phone-number';
import type { NumberIndex } from '../number-index/number-index';
import { signInSnapshot } from '../methods/read-snapshot';

interface WorkerCheck {
  snapshot: SignInSnapshot;
  diagnosis: Diagnosis;
}

interface WorkerCheckOptions {
  /** A number the requester mentioned, to spot it on the wrong phone type. */
  mentionedNumber?: PhoneNumber;
  /** Whether the requester may see who another user is (store scope); names stay hidden otherwise. */
  canSee(userId: string): Promise<boolean>;
}

export class WorkerChecker {
  constructor(
    private readonly gateway: Pick<GraphGateway, 'readWorker'>,
    private readonly index: NumberIndex,
    private readonly holders: NumberHolderFinder,
    private readonly lost: LostNumberSource = { ofWorker: async () => [] },
    private readonly now: () => Date = () => new Date(),
  ) {}

  async check(userId: string, options: WorkerCheckOptions): Promise<WorkerCheck> {
    return this.checkSnapshot(await signInSnapshot(this.gateway, userId), options);
  }

  /** The same, from a snapshot the caller already read (so "why can't Bob sign in?" costs no extra batch). */
  async checkSnapshot(snapshot: SignInSnapshot, options: WorkerCheckOptions): Promise<WorkerCheck> {
    await this.index.record(snapshot.user.id, snapshot.phoneMethods, this.now());
    const lostNumbers = await this.lost.ofWorker(snapshot.user.id);
    const context: DiagnosisContext = {
      now: this.now(),
      ...(options.mentionedNumber && { mentionedNumber: options.mentionedNumber }),
      ...(lostNumbers.length > 0 && { lostNumbers }),
    };
    const mobile = snapshot.phoneMethods.find((method) => method.phoneType === 'mobile');
    if (mobile?.smsSignInState === 'phoneNumberNotUnique') {
      const number = fromGraph(mobile.phoneNumber);
      const lookup = number ? await this.holders.find(number.e164, { excludeUserId: snapshot.user.id }) : undefined;
      const holder =
        lookup?.holders.find((candidate) => candidate.phoneType === 'mobile' && candidate.smsSignInState === 'ready') ??
        lookup?.holders[0];
      if (!holder) context.holder = 'unknown';
      else if (!(await options.canSee(holder.userId))) context.holder = 'hidden';
      else context.holder = { displayName: holder.displayName };
    }
    return { snapshot, diagnosis: diagnose(snapshot, context) };
  }
}
