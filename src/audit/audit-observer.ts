// Writes every Graph attempt to the audit log: a 'read' or 'intent' record before the request goes out (durable,
// or the request is not sent), and an 'outcome' record with what Graph answered.
//
// When the OUTCOME cannot be written, the Graph call has already happened. Throwing from afterCall would not undo
// it and would make things worse: the gateway's retry middleware treats an error thrown below it as a lost
// response and sends a replayable write (PATCH, enable/disable, revoke) again, and the gateway would report
// "Microsoft 365 did not answer… Nothing was changed" for a change that was made. So afterCall does not throw:
// it logs the gap at error level and keeps the outcome, which is written (marked as late) before the next record.
// Until it is written, every further Graph call is refused with AuditUnavailableError, so the log never runs on
// with a hole in it, and the caller still gets Graph's true result for the call that did happen.
import type { GraphCall, GraphCallObserver, GraphCallOutcome } from '../graph/graph-call';
import type { Logger } from '../log/logger';
import { currentAuditContext } from './audit-context';
import type { AuditLog } from './audit-log';
import type { AuditEntry, AuditPhase } from './audit-record';
import { AuditUnavailableError } from './audit-unavailable-error';

/** A GET, or a $batch of GETs only, reveals data but changes nothing. */
function phaseOf(call: GraphCall): Extract<AuditPhase, 'read' | 'intent'> {
  const methods = call.batch ? call.batch.map((item) => item.method) : [call.method];
  return methods.every((method) => method.toUpperCase() === 'GET') ? 'read' : 'intent';
}

function who(): Pick<AuditEntry, 'actor' | 'requester' | 'requestId' | 'targetUserId'> {
  const context = currentAuditContext();
  return {
    actor: context.actor,
    requester: context.requester,
    requestId: context.requestId,
    targetUserId: context.targetUserId,
  };
}

export class AuditObserver implements GraphCallObserver {
  private readonly unrecorded: AuditEntry[] = [];

  constructor(
    private readonly log: AuditLog,
    private readonly logger: Logger,
  ) {}

  /** Outcomes Graph returned that are not in the audit log yet (for health checks and the change pipeline). */
  get unrecordedOutcomes(): readonly AuditEntry[] {
    return this.unrecorded;
  }

  async beforeCall(call: GraphCall): Promise<void> {
    const entry: AuditEntry = {
      phase: phaseOf(call),
      ...who(),
      operation: call.operation,
      graph: {
        method: call.method,
        path: call.path,
        clientRequestId: call.clientRequestId,
        attempt: call.attempt,
        batch: call.batch,
      },
    };
    try {
      await this.catchUp();
      await this.log.append(entry);
    } catch (error) {
      this.logger.error(
        { err: error, operation: call.operation, clientRequestId: call.clientRequestId },
        'audit log could not be written: Graph call not sent',
      );
      throw new AuditUnavailableError(error);
    }
  }

  async afterCall(call: GraphCall, outcome: GraphCallOutcome): Promise<void> {
    const entry: AuditEntry = {
      phase: 'outcome',
      ...who(),
      operation: call.operation,
      graph: { method: call.method, path: call.path, clientRequestId: call.clientRequestId, attempt: call.attempt },
      outcome: {
        status: outcome.status,
        graphCode: outcome.graphCode,
        graphRequestId: outcome.requestId,
        failure: outcome.failure,
        durationMs: outcome.durationMs,
      },
    };
    try {
      await this.catchUp();
      await this.log.append(entry);
    } catch (error) {
      // See the top of this file for why this does not throw.
      this.unrecorded.push({
        ...entry,
        detail: `recorded late: the audit log could not be written when Graph answered at ${new Date().toISOString()}`,
      });
      this.logger.error(
        {
          err: error,
          operation: call.operation,
          clientRequestId: call.clientRequestId,
          status: outcome.status,
          graphRequestId: outcome.requestId,
        },
        'audit log could not record what Graph answered; no further Graph call is made until it can',
      );
    }
  }

  /** Writes kept outcomes first, oldest first, so the log closes its gap before it grows. */
  private async catchUp(): Promise<void> {
    while (this.unrecorded.length > 0) {
      // Taken before the await so a concurrent call does not write the same outcome twice.
      const entry = this.unrecorded.shift()!;
      try {
        await this.log.append(entry);
      } catch (error) {
        this.unrecorded.unshift(entry);
        throw error;
      }
    }
  }
}
