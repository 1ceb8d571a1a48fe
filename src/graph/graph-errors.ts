// Graph errors as phonedesk's domain errors: a sentence for the store manager, the details for the audit log.
import { GraphError } from '@microsoft/microsoft-graph-client';
import { CALL_REFUSED_BY_OBSERVER } from './graph-call';

type GraphFailureKind =
  | 'number-in-use'
  | 'invalid-number'
  | 'method-exists'
  | 'default-method'
  | 'not-found'
  | 'forbidden'
  | 'throttled'
  | 'unavailable'
  | 'rejected'
  | 'audit-unavailable';

interface GraphFailureDetails {
  kind: GraphFailureKind;
  /** One plain sentence for the person in the chat. */
  userMessage: string;
  /** Graph's own message, for logs and the audit log (never shown as is). */
  graphMessage: string;
  /** HTTP status; 0 when no answer came. */
  status?: number;
  graphCode?: string;
  requestId?: string;
  clientRequestId?: string;
  /**
   * Whether Graph may have made the change all the same: the last attempt, or an earlier one, got no answer or
   * a 5xx. A plain refusal (4xx, or 429s only) means it did not.
   */
  mayHaveApplied?: boolean;
}

export class GraphFailure extends Error {
  override name = 'GraphFailure';
  readonly kind: GraphFailureKind;
  readonly userMessage: string;
  readonly graphMessage: string;
  readonly status: number;
  readonly graphCode: string | undefined;
  readonly requestId: string | undefined;
  readonly clientRequestId: string | undefined;
  readonly mayHaveApplied: boolean;

  constructor(details: GraphFailureDetails) {
    super(`${details.kind}: ${details.graphMessage}`);
    this.kind = details.kind;
    this.userMessage = details.userMessage;
    this.graphMessage = details.graphMessage;
    this.status = details.status ?? 0;
    this.graphCode = details.graphCode;
    this.requestId = details.requestId;
    this.clientRequestId = details.clientRequestId;
    this.mayHaveApplied = details.mayHaveApplied ?? false;
  }
}

const PERMISSION =
  /\b((?:UserAuthenticationMethod|UserAuthMethod-Phone|User|Policy|RoleManagement|RoleEligibilitySchedule|AdministrativeUnit|AuditLog|Directory|Group)[\w.-]*\.(?:Read|ReadWrite|RevokeSessions)[\w.]*)\b/;

/** The number is held by another account for SMS sign-in (docs/graph-facts.md §2.4: 409 on create and update). */
const PHONE_NUMBER_NOT_UNIQUE = 'phoneNumberNotUnique';

/** The code of every phone-method refusal Graph documents (docs/graph-facts.md §2.6); it does not say which refusal it is. */
const PHONE_METHOD_REFUSED = 'badRequest';

/**
 * Which phone-method refusal a 400 `badRequest` is, from Graph's message: the only place that tells them apart,
 * since the code is the same for all (docs/graph-facts.md §2.6 quotes the default-method messages; for a bad format or
 * a second phone of one type it documents no code or text, docs/graph-facts.md §16). Undefined when the message says neither.
 */
function phoneMethodRefusal(message: string): 'default-method' | 'method-exists' | 'invalid-number' | undefined {
  if (/default authentication method|default method/i.test(message)) return 'default-method';
  if (/already exists/i.test(message)) return 'method-exists';
  if (/phone ?number|format/i.test(message)) return 'invalid-number';
  return undefined;
}

const USER_MESSAGES: Readonly<Record<'number-in-use' | 'default-method' | 'method-exists' | 'invalid-number', string>> =
  {
    'number-in-use':
      "That number is already used to sign in by another account, so it cannot be used for this worker's sign-in.",
    'default-method':
      "This number is the worker's default way to confirm sign-ins, so it cannot be removed until they choose another method in My Sign-Ins.",
    'method-exists': 'The worker already has a phone of that kind; phonedesk will change it instead of adding another.',
    'invalid-number':
      'Microsoft 365 did not accept that phone number. Check it has the country code, like +44 7700 900123.',
  };

/**
 * QR code + PIN refusals by their documented codes (docs/graph-facts.md §17.3, §17.4), in words: phonedesk makes the
 * PIN and checks before asking, so these mean Graph and phonedesk disagree, and the person is told what stands.
 */
const QR_REFUSALS: Readonly<Record<string, string>> = {
  tooManyQRCodePinMethod:
    'The worker already has a QR badge method, so Microsoft 365 refused a second one. Nothing was changed; ask for a new badge to replace theirs.',
  pinTooShort:
    'Microsoft 365 refused the PIN as too short for its QR code policy. Nothing was changed; please try again.',
  pinTooLong: 'Microsoft 365 refused the PIN as too long. Nothing was changed; please try again.',
  pinTooWeak:
    'Microsoft 365 refused the PIN as too easy to guess (a run or a repeat). Nothing was changed; please try again.',
  standardQRCodeRequired: 'Microsoft 365 wants a badge made with the method. Nothing was changed; please try again.',
  temporaryQRCodeExists:
    'The worker already has a temporary code, so Microsoft 365 refused another. Nothing was changed; ask again for a new one.',
};

export function toGraphFailure(error: unknown, clientRequestId?: string, answerLost = false): GraphFailure {
  if (error instanceof GraphFailure) return error;
  const name = error instanceof GraphError ? error.code : error instanceof Error ? error.name : undefined;
  if (name === CALL_REFUSED_BY_OBSERVER) {
    // The observer's message already says it plainly: nothing was sent.
    const message = error instanceof Error ? error.message : String(error);
    return new GraphFailure({
      kind: 'audit-unavailable',
      userMessage: message,
      graphMessage: message,
      graphCode: CALL_REFUSED_BY_OBSERVER,
      clientRequestId,
    });
  }
  if (!(error instanceof GraphError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new GraphFailure({
      kind: 'unavailable',
      userMessage: 'Microsoft 365 did not answer in time. Nothing was changed; please try again in a minute.',
      graphMessage: message,
      clientRequestId,
      mayHaveApplied: true,
    });
  }
  const status = error.statusCode;
  const code = error.code ?? undefined;
  const message = error.message ?? '';
  const requestId = error.requestId ?? error.headers?.get('request-id') ?? undefined;
  const make = (kind: GraphFailureKind, userMessage: string) =>
    new GraphFailure({
      kind,
      userMessage,
      graphMessage: message,
      status,
      graphCode: code,
      requestId,
      clientRequestId,
      mayHaveApplied: answerLost || kind === 'unavailable',
    });

  // Graph's documented code first ("code against error codes … not message", docs/graph-facts.md §11). The code alone: the
  // status is 409 on create and update, and undocumented for enableSmsSignIn on a held number (docs/graph-facts.md §16).
  if (code === PHONE_NUMBER_NOT_UNIQUE && status >= 400 && status < 500)
    return make('number-in-use', USER_MESSAGES['number-in-use']);
  // Throttling by its status, as Graph's guidance says: its code varies (activityLimitReached, TooManyRequests).
  if (status === 429)
    return make(
      'throttled',
      'Microsoft 365 is busy right now and asked phonedesk to slow down. Please try again in a minute.',
    );
  if (status === 404)
    return make(
      'not-found',
      'Microsoft 365 could not find that person or phone number any more. They may have been changed or removed.',
    );
  if (status === 401 || status === 403) {
    // The message only names the permission; a 403 can also be a licence or Conditional Access (docs/graph-facts.md §11).
    const permission = PERMISSION.exec(message)?.[1];
    return make(
      'forbidden',
      permission
        ? `phonedesk is not allowed to do that in Microsoft 365: it needs the ${permission} permission. Ask IT to grant it.`
        : 'phonedesk is not allowed to do that in Microsoft 365. Ask IT to check its permissions (see docs/permissions.md).',
    );
  }
  if (status >= 500 || status <= 0)
    return make(
      'unavailable',
      'Microsoft 365 is not responding properly right now. Nothing was changed; please try again in a few minutes.',
    );
  if (status === 400 && code !== undefined && QR_REFUSALS[code] !== undefined)
    return make('rejected', QR_REFUSALS[code]);
  // A 400 with another code (BadRequest, Request_BadRequest, Request_UnsupportedQuery: how phonedesk asked, not
  // the number) is a plain refusal whatever its message says. Some answers carry no code at all (docs/graph-facts.md §11).
  if (status === 400 && (code === PHONE_METHOD_REFUSED || code === undefined || code === '')) {
    const refusal = phoneMethodRefusal(message);
    if (refusal) return make(refusal, USER_MESSAGES[refusal]);
  }
  return make(
    'rejected',
    'Microsoft 365 refused the change. Nothing was changed; IT can find the details in the audit log.',
  );
}
