// Whether a failed proactive send means the person can no longer be reached there: Teams answers 403 when the
// bot was uninstalled or blocked and 404 when the conversation is gone. Retrying those only wastes the send.

/** The HTTP status in a connector error (a RestError's statusCode, or the response it carries). */
function connectorStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, response } = error as { statusCode?: unknown; response?: { status?: unknown } };
  if (typeof statusCode === 'number') return statusCode;
  return typeof response?.status === 'number' ? response.status : undefined;
}

export function meansGoneFromTeams(error: unknown): boolean {
  const status = connectorStatusOf(error);
  return status === 403 || status === 404;
}
