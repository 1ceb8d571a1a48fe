// What a person is told when a turn fails: one plain sentence and a short reference; details go to the log only.
import { randomUUID } from 'node:crypto';
import { DialogContextError } from 'botbuilder-dialogs';
import { GraphFailure } from '../graph/graph-errors';
import type { Logger } from '../log/logger';
import { storageFaultOf, type StorageFault } from '../storage/storage-fault';

const STORAGE_SENTENCES: Readonly<Record<StorageFault, string>> = {
  full: "phonedesk's storage is full, so nothing was changed. Please tell IT.",
  busy: "phonedesk's database is busy, so nothing was changed. Please try again in a minute.",
  failed: 'phonedesk could not save to its database, so nothing was changed. Please tell IT.',
};

const SOMETHING_WENT_WRONG =
  'Sorry, something went wrong on my side and nothing was changed. Please try again in a minute.';

export function failureReply(error: unknown, logger: Logger, where: string): string {
  const reference = randomUUID().slice(0, 8);
  // Dialogs wrap whatever their steps throw; the sentence belongs to the error inside.
  const cause = error instanceof DialogContextError ? error.error : error;
  logger.error({ err: cause, reference, where }, 'request failed');
  const fault = storageFaultOf(cause);
  const sentence =
    cause instanceof GraphFailure ? cause.userMessage : fault ? STORAGE_SENTENCES[fault] : SOMETHING_WENT_WRONG;
  return `${sentence} (Reference ${reference})`;
}
