// What a person is told when a turn fails: one plain sentence and a short reference; details go to the log only.
import { randomUUID } from 'node:crypto';
import { GraphFailure } from '../graph/graph-errors';
import type { Logger } from '../log/logger';

export function failureReply(error: unknown, logger: Logger, where: string): string {
  const reference = randomUUID().slice(0, 8);
  logger.error({ err: error, reference, where }, 'request failed');
  const sentence = error instanceof GraphFailure ? error.userMessage : 'Sorry, something went wrong on my side and nothing was changed. Please try again in a minute.';
  return `${sentence} (Reference ${reference})`;
}
