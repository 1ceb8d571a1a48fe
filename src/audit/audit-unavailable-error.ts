// The refusal that keeps "no Graph call without an audit record first": thrown before the request is sent.
const AUDIT_UNAVAILABLE_MESSAGE = 'The audit log could not be written, so nothing was sent to Microsoft 365.';

export class AuditUnavailableError extends Error {
  // The Graph client turns errors thrown in its middleware into GraphError with this name as `code`, and the
  // gateway keeps it as GraphFailure.graphCode: the name is how the refusal is still recognised after wrapping.
  override readonly name = 'AuditUnavailableError';

  constructor(cause: unknown) {
    super(AUDIT_UNAVAILABLE_MESSAGE, { cause });
  }
}
