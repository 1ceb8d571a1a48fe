// A lost phone or badge: stop the credential, then sign the worker out everywhere whatever became of the stop, since
// whoever holds it must lose their sessions. The method words the outcome; the order and the doubt are shared.
import { GraphFailure } from '../../graph/graph-errors';

export interface StopAndSignOut {
  /** Why stopping the credential failed, when it did. */
  stopError?: unknown;
  signOutError?: unknown;
}

/** Runs both steps; throws when it is unsure the credential was stopped, or nothing worked (the executor then looks). */
export async function stopThenSignOut(
  stop: () => Promise<void>,
  signOut: () => Promise<void>,
): Promise<StopAndSignOut> {
  const result: StopAndSignOut = {};
  try {
    await stop();
  } catch (error) {
    result.stopError = error;
  }
  try {
    await signOut();
  } catch (error) {
    result.signOutError = error;
  }
  const unsure = result.stopError instanceof GraphFailure && result.stopError.mayHaveApplied;
  if (result.stopError !== undefined && (unsure || result.signOutError !== undefined)) throw result.stopError;
  return result;
}

/** Graph's plain words for a failure, without the final full stop, to go inside a sentence. */
export const failureWords = (error: unknown): string =>
  error instanceof GraphFailure ? error.userMessage.replace(/\.$/, '') : 'please try again';

/** No answer or a 5xx on some attempt: the write may have been made all the same. */
export const outcomeUnknown = (error: unknown): boolean => error instanceof GraphFailure && error.mayHaveApplied;
