// The last step of a change that makes a secret: hand it to the requester in their 1:1 chat, once, or stop it.
// A secret is never stored, so one that cannot reach the requester must not stay usable (docs/security.md,
// "One-time secrets").
import type { Logger } from 'pino';
import type { ApplyResult, SecretMaking, TargetedChange } from '../methods/method-contract';
import type { Handover } from '../methods/handover';
import type { ChangeRequest } from './change-request';

/** What the card says about the worker besides their name. */
export interface HandoverAbout {
  /** Their store(s): the administrative units they are in. */
  store?: string;
}

/** Takes a secret to the requester's 1:1 chat (the bot's delivery card). */
export interface HandoverCourier {
  /** True once the requester's 1:1 chat has it; false when they cannot be reached there (no chat, Teams refusing). */
  deliver(request: ChangeRequest, handover: Handover, about: HandoverAbout): Promise<boolean>;
}

/** What the audit log keeps of a handover: to whom, and the ids and expiry of what was handed over. */
function handedOverWords(request: ChangeRequest, handover: Handover): string {
  const parts = [
    handover.code &&
      `${handover.code.temporary ? 'temporary code' : 'badge'} ${handover.code.codeId} until ${handover.code.expireDateTime}`,
    handover.pin && 'a temporary PIN',
    handover.pass && `Temporary Access Pass ${handover.pass.id} until ${handover.pass.expireDateTime}`,
  ].filter(Boolean);
  return `handed to ${request.requester.name} in their 1:1 chat: ${parts.join(', ')}`;
}

/** The result as stored and told: the secret delivered, or stopped (the request then failed). Never the secret. */
export async function handOver<G>(
  request: ChangeRequest,
  result: ApplyResult,
  secrets: SecretMaking<TargetedChange<ChangeRequest>, G> | undefined,
  gateway: G,
  courier: HandoverCourier | undefined,
  logger: Logger,
  about: HandoverAbout,
): Promise<ApplyResult> {
  const { handover, ...told } = result;
  if (!handover) return told;
  let delivered = false;
  try {
    delivered = (await courier?.deliver(request, handover, about)) ?? false;
  } catch (error) {
    // The error may quote what was sent: only its name is logged.
    logger.warn({ requestId: request.id, error: error instanceof Error ? error.name : 'unknown' }, 'handover failed');
  }
  if (delivered) return { ...told, handedOver: handedOverWords(request, handover) };
  logger.warn({ requestId: request.id, kind: request.kind }, 'a secret could not be handed over; stopping it');
  try {
    return { status: 'failed', outcome: (await secrets?.withdraw(request, gateway, handover)) ?? told.outcome };
  } catch (error) {
    logger.error({ err: error, requestId: request.id }, 'a secret that could not be handed over could not be stopped');
    return {
      status: 'failed',
      outcome: `It was made in Microsoft 365, but phonedesk could not hand it to the person who asked in their 1:1 chat, nor stop it. Ask IT to remove it from ${request.target.displayName}'s sign-in methods in the Entra admin center.`,
    };
  }
}
