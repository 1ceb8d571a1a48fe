import { GraphHttpError } from '../../src/simulator/graph-error';
import { matches, parseFilter, type FilterCapabilities, type FilterNode } from '../../src/simulator/odata-filter';

const USERS: FilterCapabilities = {
  resource: 'User',
  eq: ['id', 'userPrincipalName', 'mail', 'displayName', 'accountEnabled', 'employeeId'],
  in: ['id', 'userPrincipalName'],
  startswith: ['displayName', 'userPrincipalName'],
  anyEq: ['methodsRegistered'],
};

/** The GraphHttpError a parse throws, or a test failure if it parses. */
function refusal(text: string, capabilities: FilterCapabilities = USERS): GraphHttpError {
  try {
    parseFilter(text, capabilities);
  } catch (error) {
    if (error instanceof GraphHttpError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text.slice(0, 80))} to be refused`);
}

const record =
  (values: Record<string, unknown>) =>
  (property: string): unknown =>
    values[property];

describe('parseFilter: the supported forms', () => {
  // docs/graph-facts.md §7: "$filter=userPrincipalName eq '…'"
  it('parses property eq string (docs/graph-facts.md §7 userPrincipalName eq)', () => {
    expect(parseFilter("userPrincipalName eq 'a@b.example'", USERS)).toEqual({
      kind: 'eq',
      property: 'userPrincipalName',
      value: 'a@b.example',
    });
  });

  it('parses numbers, booleans and null as literals', () => {
    expect(parseFilter('accountEnabled eq true', USERS)).toEqual({
      kind: 'eq',
      property: 'accountEnabled',
      value: true,
    });
    expect(parseFilter('accountEnabled eq false', USERS)).toEqual({
      kind: 'eq',
      property: 'accountEnabled',
      value: false,
    });
    expect(parseFilter('employeeId eq null', USERS)).toEqual({ kind: 'eq', property: 'employeeId', value: null });
    expect(parseFilter('employeeId eq -12.5', USERS)).toEqual({ kind: 'eq', property: 'employeeId', value: -12.5 });
  });

  // docs/graph-facts.md §7: "startswith(displayName,'a')"
  it('parses startswith(property, string) (docs/graph-facts.md §7)', () => {
    expect(parseFilter("startswith(displayName,'Bo')", USERS)).toEqual({
      kind: 'startswith',
      property: 'displayName',
      value: 'Bo',
    });
    expect(parseFilter("startswith( displayName , 'Bo' )", USERS)).toEqual({
      kind: 'startswith',
      property: 'displayName',
      value: 'Bo',
    });
  });

  it('parses property in (list)', () => {
    expect(parseFilter("id in ('a', 'b','c')", USERS)).toEqual({ kind: 'in', property: 'id', values: ['a', 'b', 'c'] });
  });

  // docs/graph-facts.md §8: "$filter=methodsRegistered/any(t: t eq 'mobilePhone')"
  it("parses methodsRegistered/any(t: t eq 'mobilePhone') (docs/graph-facts.md §8)", () => {
    expect(parseFilter("methodsRegistered/any(t: t eq 'mobilePhone')", USERS)).toEqual({
      kind: 'any-eq',
      property: 'methodsRegistered',
      value: 'mobilePhone',
    });
  });

  it('gives and a higher precedence than or, and honours parentheses', () => {
    const node = parseFilter("mail eq 'a' or mail eq 'b' and mail eq 'c'", USERS);
    expect(node).toEqual({
      kind: 'or',
      left: { kind: 'eq', property: 'mail', value: 'a' },
      right: {
        kind: 'and',
        left: { kind: 'eq', property: 'mail', value: 'b' },
        right: { kind: 'eq', property: 'mail', value: 'c' },
      },
    });
    const grouped = parseFilter("(mail eq 'a' or mail eq 'b') and mail eq 'c'", USERS);
    expect(grouped.kind).toBe('and');
  });
});

describe('parseFilter: OData string escaping (docs/graph-facts.md §7 "double an embedded quote")', () => {
  // docs/graph-facts.md §7: "$filter=subject eq 'let''s meet for lunch?'"
  it("reads '' inside a string as one quote (docs/graph-facts.md §7)", () => {
    expect(parseFilter("displayName eq 'O''Brien'", USERS)).toEqual({
      kind: 'eq',
      property: 'displayName',
      value: "O'Brien",
    });
    expect(parseFilter("displayName eq 'let''s meet for lunch?'", USERS)).toEqual({
      kind: 'eq',
      property: 'displayName',
      value: "let's meet for lunch?",
    });
  });

  it("reads a literal of only an escaped quote ('''') as one quote (docs/graph-facts.md §7)", () => {
    expect(parseFilter("displayName eq ''''", USERS)).toEqual({ kind: 'eq', property: 'displayName', value: "'" });
    expect(parseFilter("displayName eq ''", USERS)).toEqual({ kind: 'eq', property: 'displayName', value: '' });
  });

  it("keeps an escaped injection attempt inside the literal: ''' or 1 eq 1' is data (docs/graph-facts.md §7)", () => {
    const node = parseFilter("displayName eq ''' or 1 eq 1'", USERS);
    expect(node).toEqual({ kind: 'eq', property: 'displayName', value: "' or 1 eq 1" });
  });

  it('keeps keywords, operators and punctuation inside a literal as data', () => {
    expect(parseFilter("displayName eq 'a) or (id eq ''x'''", USERS)).toEqual({
      kind: 'eq',
      property: 'displayName',
      value: "a) or (id eq 'x'",
    });
    expect(parseFilter("displayName eq 'Zoë 🚀 名前'", USERS)).toEqual({
      kind: 'eq',
      property: 'displayName',
      value: 'Zoë 🚀 名前',
    });
  });

  it('refuses an unterminated string literal with 400', () => {
    const error = refusal("displayName eq 'O'Brien'");
    expect(error.status).toBe(400);
    expect(refusal("displayName eq 'abc").status).toBe(400);
    expect(refusal("displayName eq 'abc''").status).toBe(400);
  });

  it('refuses an unescaped injection attempt instead of widening the match', () => {
    // What a client that forgot to escape would send for the name "x' or 1 eq 1 or displayName eq 'y".
    const error = refusal("displayName eq 'x' or 1 eq 1 or displayName eq 'y'");
    expect(error.status).toBe(400);
  });
});

describe('parseFilter: refusals', () => {
  // docs/graph-facts.md §7: endswith is an advanced query.
  it.each([
    ["endswith(mail,'@contoso.example')", 'Request_UnsupportedQuery'],
    ["contains(displayName,'a')", 'Request_UnsupportedQuery'],
    ["not(displayName eq 'a')", 'Request_UnsupportedQuery'],
    ["displayName ne 'a'", 'Request_UnsupportedQuery'],
    ["displayName gt 'a'", 'Request_UnsupportedQuery'],
    ["jobTitle eq 'Cashier'", 'Request_UnsupportedQuery'],
    ["startswith(jobTitle,'C')", 'Request_UnsupportedQuery'],
    ["mail in ('a')", 'Request_UnsupportedQuery'],
    ["methodsRegistered/any(t: t ne 'sms')", 'Request_UnsupportedQuery'],
    ["otherList/any(t: t eq 'sms')", 'Request_UnsupportedQuery'],
  ])('refuses %s with 400 %s (docs/graph-facts.md §7 supported forms only)', (text, code) => {
    const error = refusal(text);
    expect(error.status).toBe(400);
    expect(error.code).toBe(code);
  });

  it.each([
    [''],
    ['displayName'],
    ['displayName eq'],
    ["displayName like 'a'"],
    ["displayName eq 'a' 'b'"],
    ["displayName eq 'a' and"],
    ["(displayName eq 'a'"],
    ["displayName eq 'a')"],
    ['id in ()'],
    ["id in ('a'"],
    ["displayName eq 'a' ; drop"],
    ['displayName eq "a"'],
    ['startswith(displayName, 3)'],
    ["displayName eq 'a'\nor mail eq 'b'"],
  ])('refuses the malformed filter %j with 400', (text) => {
    const error = refusal(text);
    expect(error.status).toBe(400);
    expect(['Request_BadRequest', 'Request_UnsupportedQuery']).toContain(error.code);
  });

  it('refuses more than 15 values in an in clause', () => {
    const values = Array.from({ length: 16 }, (_value, index) => `'v${index}'`).join(',');
    expect(refusal(`id in (${values})`).status).toBe(400);
    expect(() => parseFilter(`id in (${values.split(',').slice(0, 15).join(',')})`, USERS)).not.toThrow();
  });

  it('refuses an over-long filter with 400', () => {
    expect(refusal(`displayName eq '${'a'.repeat(20_000)}'`).status).toBe(400);
  });

  it('accepts a 10 KB literal as data', () => {
    const long = 'x'.repeat(10 * 1024);
    expect(parseFilter(`displayName eq '${long}'`, USERS)).toEqual({
      kind: 'eq',
      property: 'displayName',
      value: long,
    });
  });

  it('refuses deeply nested parentheses with 400 rather than overflowing the stack', () => {
    const depth = 7000;
    const error = refusal(`${'('.repeat(depth)}displayName eq 'a'${')'.repeat(depth)}`);
    expect(error.status).toBe(400);
  });

  it('still accepts modest nesting', () => {
    const node = parseFilter(`${'('.repeat(20)}displayName eq 'a'${')'.repeat(20)}`, USERS);
    expect(node).toEqual({ kind: 'eq', property: 'displayName', value: 'a' });
  });
});

describe('matches', () => {
  const bob = record({
    id: 'id-1',
    displayName: "Bob O'Brien",
    userPrincipalName: 'Bob.OBrien@Contoso.example',
    mail: null,
    accountEnabled: true,
    employeeId: undefined,
    methodsRegistered: ['mobilePhone', 'officePhone'],
  });
  const evaluate = (text: string): boolean => matches(parseFilter(text, USERS), bob);

  // docs/graph-facts.md §7 lookups by UPN must find a user whatever the case the manager typed.
  it('compares strings case-insensitively for eq, in and startswith (docs/graph-facts.md §7)', () => {
    expect(evaluate("userPrincipalName eq 'bob.obrien@contoso.EXAMPLE'")).toBe(true);
    expect(evaluate("userPrincipalName in ('x', 'BOB.OBRIEN@CONTOSO.EXAMPLE')")).toBe(true);
    expect(evaluate("startswith(displayName,'bob o''b')")).toBe(true);
    expect(evaluate("startswith(displayName,'Brien')")).toBe(false);
  });

  it('does not treat a prefix or a substring as equal', () => {
    expect(evaluate("displayName eq 'Bob'")).toBe(false);
    expect(evaluate("displayName eq 'Bob O''Brien '")).toBe(false);
    expect(evaluate("displayName eq 'Bob O''Brien'")).toBe(true);
  });

  it('matches null against missing and null values only', () => {
    expect(evaluate('employeeId eq null')).toBe(true);
    expect(evaluate('mail eq null')).toBe(true);
    expect(evaluate('displayName eq null')).toBe(false);
  });

  it('does not equate a boolean with its string form', () => {
    expect(evaluate('accountEnabled eq true')).toBe(true);
    expect(evaluate("accountEnabled eq 'true'")).toBe(false);
  });

  it('evaluates and/or', () => {
    expect(evaluate("id eq 'id-1' and accountEnabled eq false")).toBe(false);
    expect(evaluate("id eq 'nope' or accountEnabled eq true")).toBe(true);
  });

  // docs/graph-facts.md §8 methodsRegistered/any(t: t eq 'mobilePhone')
  it('evaluates any-eq over an array property (docs/graph-facts.md §8)', () => {
    expect(evaluate("methodsRegistered/any(t: t eq 'mobilePhone')")).toBe(true);
    expect(evaluate("methodsRegistered/any(t: t eq 'MOBILEPHONE')")).toBe(true);
    expect(evaluate("methodsRegistered/any(t: t eq 'fido2')")).toBe(false);
    expect(
      matches(parseFilter("methodsRegistered/any(x: x eq 'sms')", USERS), record({ methodsRegistered: 'sms' })),
    ).toBe(false);
  });

  it('treats the escaped injection literal as one value that matches nothing here', () => {
    const node: FilterNode = parseFilter("displayName eq ''' or 1 eq 1'", USERS);
    expect(matches(node, bob)).toBe(false);
    expect(matches(node, record({ displayName: "' or 1 eq 1" }))).toBe(true);
  });
});
