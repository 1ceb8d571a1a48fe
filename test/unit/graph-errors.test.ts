// How a Graph error answer becomes what the person in the chat is told: by Graph's documented error.code where it
// has a distinctive one, by the message only where the code is the same for several refusals (docs/graph-facts.md §2.6).
import { GraphError } from '@microsoft/microsoft-graph-client';
import { toGraphFailure } from '../../src/graph/graph-errors';

function graphError(status: number, code: string | null, message: string): GraphError {
  const error = new GraphError(status, message);
  error.code = code;
  return error;
}

const kindOf = (status: number, code: string | null, message: string): string =>
  toGraphFailure(graphError(status, code, message)).kind;

describe('Graph error answers as failures', () => {
  it.each([
    [409, 'The phone number is already used by another user for SMS sign-in.'],
    [409, ''],
    // enableSmsSignIn on a held number: the status is not documented (docs/graph-facts.md §16), the code is.
    [400, 'Something unexpected happened while registering this method.'],
    [400, 'Invalid phone number format.'],
  ])('a %d phoneNumberNotUnique says the number is in use whatever the message (%j)', (status, message) => {
    const failure = toGraphFailure(graphError(status, 'phoneNumberNotUnique', message));
    expect(failure.kind).toBe('number-in-use');
    expect(failure.userMessage).toMatch(/already used to sign in by another account/);
    expect(failure.graphCode).toBe('phoneNumberNotUnique');
  });

  it.each([
    // Both wordings quoted in docs/graph-facts.md §2.6 (microsoft-graph-docs-contrib #1888 and #2913).
    [
      "The requested authentication method id of [3179e48a-750b-4051-897c-87b9720928f7] matches the user's current default authentication method, and cannot be deleted until the default authentication method is changed",
      'default-method',
    ],
    [
      'Cannot delete default method with other methods configured. Please change default method before deletion.',
      'default-method',
    ],
    ["A phone method of type 'mobile' already exists for this user.", 'method-exists'],
    ['Invalid phone number format.', 'invalid-number'],
    ['Something went wrong.', 'rejected'],
  ])(
    'a 400 badRequest, whose code every phone-method refusal shares, is told apart by its message: %j',
    (message, kind) => {
      expect(kindOf(400, 'badRequest', message)).toBe(kind);
    },
  );

  it('reads the message of a 400 that carries no code, as some Graph answers do', () => {
    expect(kindOf(400, null, 'Invalid phone number format.')).toBe('invalid-number');
    expect(kindOf(400, '', 'Invalid phone number format.')).toBe('invalid-number');
  });

  it.each([
    ['BadRequest', 'Invalid batch payload format.'],
    ['Request_BadRequest', "Invalid value for property 'phoneNumber'."],
    ['Request_UnsupportedQuery', 'Unsupported query on phone number.'],
  ])('a 400 %s is about how phonedesk asked, never a bad number or a default method: %j', (code, message) => {
    const failure = toGraphFailure(graphError(400, code, message));
    expect(failure.kind).toBe('rejected');
    expect(failure.userMessage).toMatch(/refused the change/);
  });

  it.each([
    [429, 'activityLimitReached', 'throttled'],
    [429, 'TooManyRequests', 'throttled'],
    [404, 'Request_ResourceNotFound', 'not-found'],
    [403, 'Authorization_RequestDenied', 'forbidden'],
    [503, 'serviceNotAvailable', 'unavailable'],
  ])('a %d %s is classified by its status', (status, code, kind) => {
    expect(kindOf(status, code, 'A message phonedesk has never seen.')).toBe(kind);
  });

  it.each([
    ['tooManyQRCodePinMethod', /already has a QR badge method/],
    ['pinTooShort', /PIN as too short/],
    ['pinTooLong', /PIN as too long/],
    ['pinTooWeak', /too easy to guess/],
    ['temporaryQRCodeExists', /already has a temporary code/],
  ])(
    'a QR code refusal %s is told in plain words, and as nothing changed (docs/graph-facts.md §17.4)',
    (code, words) => {
      const failure = toGraphFailure(graphError(400, code, 'A message phonedesk has never seen.'));
      expect(failure.kind).toBe('rejected');
      expect(failure.userMessage).toMatch(words);
      expect(failure.userMessage).toMatch(/Nothing was changed/);
      expect(failure.mayHaveApplied).toBe(false);
    },
  );
});
