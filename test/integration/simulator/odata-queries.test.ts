// Contract tests for OData on GET /users over real HTTP (docs/graph-facts.md §7, §11).
import { demoSeed } from '../../../src/simulator/demo-tenant';
import type { Seed, SeedUser } from '../../../src/simulator/seed';
import { SimulatorHarness, demoUser, type GraphReply, useSimulator } from '../../helpers/simulator';

type Json = Record<string, unknown>;

interface Collection {
  '@odata.context'?: string;
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
  value: Json[];
}

interface ErrorEnvelope {
  error: { code: string; message: string; innerError: Record<string, string> };
}

const OBRIEN: SeedUser = {
  id: '0b41e000-0000-4000-8000-000000000001',
  userPrincipalName: 'siobhan.obrien@contosoretail.onmicrosoft.com',
  displayName: "Siobhan O'Brien",
  givenName: 'Siobhan',
  surname: "O'Brien",
  mail: "siobhan.o'brien@contoso-retail.example",
  employeeId: 'M9001',
  jobTitle: 'Cashier',
  accountEnabled: true,
  userType: 'Member',
  licenses: ['SPE_F1'],
};

/** The demo tenant plus a user whose name needs OData quote escaping. */
function testSeed(): Seed {
  const seed = demoSeed();
  seed.users.push(OBRIEN);
  return seed;
}

const SEED = testSeed();
const ALL_IDS = SEED.users.map((user) => user.id).sort();
const DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'id',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
];

const harness = new SimulatorHarness({ seed: SEED });

useSimulator(harness);

const filterPath = (filter: string, extra = ''): string => `/users?$filter=${encodeURIComponent(filter)}${extra}`;

async function users(path: string, headers: Record<string, string> = {}): Promise<GraphReply<Collection>> {
  return harness.graph<Collection>('GET', path, undefined, headers);
}

async function filterIds(filter: string): Promise<string[]> {
  const reply = await users(filterPath(filter));
  expect(reply.status).toBe(200);
  return reply.body.value.map((user) => String(user.id)).sort();
}

function expectGraphError(reply: GraphReply<unknown>, status: number, codes: string[]): ErrorEnvelope {
  expect(reply.status).toBe(status);
  const body = reply.body as ErrorEnvelope;
  expect(codes).toContain(body.error.code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

/** Follows @odata.nextLink from `first` to the end; returns every page. */
async function allPages(first: string, headers: Record<string, string> = {}): Promise<Collection[]> {
  const pages: Collection[] = [];
  let path: string | undefined = first;
  const root = `${harness.url}/v1.0`;
  while (path !== undefined) {
    const reply = await users(path, headers);
    expect(reply.status).toBe(200);
    pages.push(reply.body);
    const next = reply.body['@odata.nextLink'];
    if (next !== undefined) {
      expect(next.startsWith(`${root}/users?`)).toBe(true);
      path = next.slice(root.length);
    } else {
      path = undefined;
    }
    if (pages.length > 100) throw new Error('nextLink never ends');
  }
  return pages;
}

describe('GET /users: collection shape', () => {
  // docs/graph-facts.md §7 (list users): a collection answer has @odata.context and value.
  it('answers with @odata.context pointing at $metadata#users and a value array (docs/graph-facts.md §7)', async () => {
    const reply = await users('/users');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.body['@odata.context']).toBe(`${harness.url}/v1.0/$metadata#users`);
    expect(Array.isArray(reply.body.value)).toBe(true);
    expect(reply.body.value.map((user) => user.id).sort()).toEqual(ALL_IDS);
    expect(reply.body['@odata.nextLink']).toBeUndefined();
  });

  // docs/graph-facts.md §7: without $select Graph returns the default property set, which has no accountEnabled.
  it('returns the default property set without $select: no accountEnabled, no employeeId (docs/graph-facts.md §7)', async () => {
    const reply = await users('/users');
    for (const user of reply.body.value) {
      expect(Object.keys(user).sort()).toEqual(DEFAULT_PROPERTIES);
      expect(user).not.toHaveProperty('accountEnabled');
      expect(user).not.toHaveProperty('employeeId');
    }
  });

  // docs/graph-facts.md §7: $select picks properties.
  it('returns only the $select properties (docs/graph-facts.md §7)', async () => {
    const reply = await users('/users?$select=id,accountEnabled,employeeId');
    expect(reply.status).toBe(200);
    expect(reply.body.value).toHaveLength(SEED.users.length);
    for (const user of reply.body.value)
      expect(Object.keys(user).sort()).toEqual(['accountEnabled', 'employeeId', 'id']);
    const oliver = reply.body.value.find((user) => user.id === demoUser('oliver.brown'));
    expect(oliver).toEqual({ id: demoUser('oliver.brown'), accountEnabled: false, employeeId: 'L2003' });
  });

  // docs/graph-facts.md §11: an unknown property in $select is a 400 in the error envelope.
  it('refuses $select of an unknown property with 400 (docs/graph-facts.md §11)', async () => {
    const reply = await users('/users?$select=id,favouriteColour');
    const body = expectGraphError(reply, 400, ['Request_BadRequest', 'BadRequest']);
    expect(body.error.message).toMatch(/favouriteColour/);
  });

  it('refuses query options the endpoint does not support ($orderby, $search) with 400 (docs/graph-facts.md §7 advanced queries)', async () => {
    expectGraphError(await users('/users?$orderby=displayName'), 400, [
      'Request_BadRequest',
      'BadRequest',
      'Request_UnsupportedQuery',
    ]);
    expectGraphError(await users('/users?$search=%22displayName:Bob%22'), 400, [
      'Request_BadRequest',
      'BadRequest',
      'Request_UnsupportedQuery',
    ]);
  });
});

describe('GET /users: paging with $top and @odata.nextLink', () => {
  // docs/graph-facts.md §7: every user exactly once when following @odata.nextLink.
  it.each([1, 7, 20, 51])(
    'with $top=%i follows nextLink to the end and gets every user exactly once (docs/graph-facts.md §7)',
    async (top) => {
      const pages = await allPages(`/users?$top=${top}`);
      const ids = pages.flatMap((page) => page.value.map((user) => String(user.id)));
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(ALL_IDS);
      expect(pages).toHaveLength(Math.ceil(SEED.users.length / top));
      for (const page of pages.slice(0, -1)) {
        expect(page.value).toHaveLength(top);
        expect(page['@odata.nextLink']).toBeDefined();
      }
      expect(pages[pages.length - 1]['@odata.nextLink']).toBeUndefined();
    },
  );

  it('keeps $select and $filter on every page of a nextLink (docs/graph-facts.md §7)', async () => {
    const filter = "startswith(displayName,'a') or startswith(displayName,'b')";
    const pages = await allPages(`${filterPath(filter)}&$select=id,displayName&$top=2`);
    const expected = SEED.users
      .filter((user) => /^[ab]/i.test(user.displayName))
      .map((user) => user.id)
      .sort();
    expect(pages.length).toBeGreaterThan(1);
    const seen = pages.flatMap((page) => page.value);
    for (const user of seen) expect(Object.keys(user).sort()).toEqual(['displayName', 'id']);
    expect(seen.map((user) => String(user.id)).sort()).toEqual(expected);
  });

  it.each(['0', '-1', 'ten', '1000'])('refuses $top=%s with 400 (docs/graph-facts.md §11)', async (top) => {
    expectGraphError(await users(`/users?$top=${top}`), 400, ['Request_BadRequest', 'BadRequest']);
  });

  it('refuses a forged $skiptoken with 400 (docs/graph-facts.md §11)', async () => {
    expectGraphError(await users('/users?$top=5&$skiptoken=not-a-token'), 400, ['Request_BadRequest', 'BadRequest']);
  });
});

describe('GET /users: $count (docs/graph-facts.md §7 advanced queries need ConsistencyLevel: eventual)', () => {
  // docs/graph-facts.md §7: "Advanced queries need the header ConsistencyLevel: eventual and $count=true".
  it('adds @odata.count with $count=true and ConsistencyLevel: eventual (docs/graph-facts.md §7)', async () => {
    const reply = await users('/users?$count=true&$top=5', { ConsistencyLevel: 'eventual' });
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.count']).toBe(SEED.users.length);
    expect(reply.body.value).toHaveLength(5);
  });

  it('counts the filtered set, not the page (docs/graph-facts.md §7)', async () => {
    const reply = await users(`${filterPath("startswith(displayName,'J')")}&$count=true&$top=1`, {
      ConsistencyLevel: 'eventual',
    });
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.count']).toBe(SEED.users.filter((user) => user.displayName.startsWith('J')).length);
    expect(reply.body['@odata.count']).toBeGreaterThan(1);
  });

  // docs/graph-facts.md §7: $count=true without the header is refused.
  it('refuses $count=true without ConsistencyLevel: eventual with 400 (docs/graph-facts.md §7)', async () => {
    const body = expectGraphError(await users('/users?$count=true'), 400, ['Request_BadRequest', 'BadRequest']);
    expect(body.error.message).toMatch(/ConsistencyLevel/i);
  });

  it('does not add @odata.count without $count=true (docs/graph-facts.md §7)', async () => {
    const reply = await users('/users', { ConsistencyLevel: 'eventual' });
    expect(reply.body).not.toHaveProperty('@odata.count');
  });

  // docs/graph-facts.md §7: /users/$count is an advanced query too.
  it('answers GET /users/$count with ConsistencyLevel: eventual as a plain number (docs/graph-facts.md §7)', async () => {
    const reply = await harness.graph<string>('GET', '/users/$count', undefined, { ConsistencyLevel: 'eventual' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(reply.body).toBe(String(SEED.users.length));
  });

  it('answers GET /users/$count with a $filter as the filtered number (docs/graph-facts.md §7)', async () => {
    const reply = await harness.graph<string>(
      'GET',
      `/users/$count?$filter=${encodeURIComponent('accountEnabled eq false')}`,
      undefined,
      {
        ConsistencyLevel: 'eventual',
      },
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(String(SEED.users.filter((user) => !user.accountEnabled).length));
  });

  it('refuses GET /users/$count without ConsistencyLevel: eventual with 400 (docs/graph-facts.md §7)', async () => {
    expectGraphError(await harness.graph('GET', '/users/$count'), 400, ['Request_BadRequest', 'BadRequest']);
  });
});

describe('GET /users: $filter forms (docs/graph-facts.md §7)', () => {
  // docs/graph-facts.md §7: "$filter=userPrincipalName eq '…'"
  it('finds one user by userPrincipalName eq (docs/graph-facts.md §7)', async () => {
    expect(await filterIds("userPrincipalName eq 'bob.smith@contosoretail.onmicrosoft.com'")).toEqual([
      demoUser('bob.smith'),
    ]);
  });

  // docs/graph-facts.md §7: "mail eq '…'"
  it('finds one user by mail eq (docs/graph-facts.md §7)', async () => {
    expect(await filterIds("mail eq 'chloe.evans@contoso-retail.example'")).toEqual([demoUser('chloe.evans')]);
  });

  it('finds one user by employeeId eq (docs/graph-facts.md §7)', async () => {
    expect(await filterIds("employeeId eq 'M2002'")).toEqual([demoUser('bob.smith')]);
  });

  // docs/graph-facts.md §7: "startswith(displayName,'a')"
  it("finds users by startswith(displayName,'…') (docs/graph-facts.md §7)", async () => {
    const expected = SEED.users
      .filter((user) => user.displayName.toLowerCase().startsWith('ja'))
      .map((user) => user.id)
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(await filterIds("startswith(displayName,'Ja')")).toEqual(expected);
  });

  it('finds the listed users by id in (…) (docs/graph-facts.md §7)', async () => {
    const wanted = [demoUser('bob.smith'), demoUser('ali.khan'), demoUser('zara.ahmed')];
    expect(await filterIds(`id in ('${wanted.join("','")}', '00000000-0000-4000-8000-000000000000')`)).toEqual(
      [...wanted].sort(),
    );
  });

  it('combines clauses with and/or (docs/graph-facts.md §7)', async () => {
    expect(await filterIds("employeeId eq 'M2002' or employeeId eq 'M2003'")).toEqual(
      [demoUser('bob.smith'), demoUser('ali.khan')].sort(),
    );
    expect(await filterIds("employeeId eq 'M2002' and accountEnabled eq false")).toEqual([]);
  });

  // docs/graph-facts.md §7: managers type names in any case; Graph compares these strings case-insensitively.
  it('compares strings case-insensitively (docs/graph-facts.md §7)', async () => {
    expect(await filterIds("userPrincipalName eq 'BOB.SMITH@ContosoRetail.OnMicrosoft.com'")).toEqual([
      demoUser('bob.smith'),
    ]);
    expect(await filterIds("mail eq 'CHLOE.EVANS@CONTOSO-RETAIL.EXAMPLE'")).toEqual([demoUser('chloe.evans')]);
    expect(await filterIds("startswith(displayName,'bob sm')")).toEqual([demoUser('bob.smith')]);
    expect(await filterIds("employeeId eq 'm2002'")).toEqual([demoUser('bob.smith')]);
  });

  it('matches whole values with eq, not prefixes (docs/graph-facts.md §7)', async () => {
    expect(await filterIds("displayName eq 'Bob'")).toEqual([]);
    expect(await filterIds("userPrincipalName eq 'bob.smith@contosoretail.onmicrosoft'")).toEqual([]);
  });

  it('finds nobody for an unknown value, with 200 and an empty value (docs/graph-facts.md §7)', async () => {
    const reply = await users(filterPath("userPrincipalName eq 'nobody@contosoretail.onmicrosoft.com'"));
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([]);
  });

  // docs/graph-facts.md §7: "double an embedded quote, as in $filter=subject eq 'let''s meet for lunch?'"
  it("reads a doubled quote as one quote: displayName eq 'Siobhan O''Brien' (docs/graph-facts.md §7)", async () => {
    expect(await filterIds("displayName eq 'Siobhan O''Brien'")).toEqual([OBRIEN.id]);
    expect(await filterIds("surname eq 'o''brien'")).toEqual([OBRIEN.id]);
    expect(await filterIds("startswith(displayName,'Siobhan O''')")).toEqual([OBRIEN.id]);
    expect(await filterIds("mail eq 'siobhan.o''brien@contoso-retail.example'")).toEqual([OBRIEN.id]);
  });

  // docs/graph-facts.md §7 escaping: an unescaped quote ends the literal early, leaving a malformed filter.
  it("refuses an unescaped quote (displayName eq 'Siobhan O'Brien') with 400 (docs/graph-facts.md §7, §11)", async () => {
    expectGraphError(await users(filterPath("displayName eq 'Siobhan O'Brien'")), 400, [
      'Request_BadRequest',
      'BadRequest',
    ]);
  });
});

describe('GET /users: unsupported and malformed filters (docs/graph-facts.md §7, §11)', () => {
  // docs/graph-facts.md §7: endswith is an advanced query; the simulator does not offer advanced queries on /users.
  it.each([
    ["endswith(mail,'@contoso-retail.example')"],
    ["displayName ne 'Bob Smith'"],
    ["jobTitle eq 'Cashier'"],
    ["startswith(jobTitle,'Cash')"],
    ["contains(displayName,'Bob')"],
    ['not(accountEnabled eq true)'],
    ["jobTitle in ('Cashier')"],
  ])('refuses %s with 400 Request_UnsupportedQuery or Request_BadRequest (docs/graph-facts.md §7)', async (filter) => {
    expectGraphError(await users(filterPath(filter)), 400, ['Request_UnsupportedQuery', 'Request_BadRequest']);
  });

  it.each([
    ["displayName eq 'Bob Smith"],
    ["displayName eq 'Bob Smith''"],
    ['displayName eq'],
    ["displayName = 'Bob Smith'"],
    ["(displayName eq 'Bob Smith'"],
    ["displayName eq 'Bob Smith' and"],
    ['displayName eq "Bob Smith"'],
    [''],
  ])('refuses the malformed filter %j with 400 (docs/graph-facts.md §11)', async (filter) => {
    expectGraphError(await users(filterPath(filter)), 400, [
      'Request_BadRequest',
      'BadRequest',
      'Request_UnsupportedQuery',
    ]);
  });
});

describe('GET /users: hostile input in a quoted literal is data (docs/graph-facts.md §7 escaping)', () => {
  /** 200 with no match or a 400 in the envelope: never a user it should not match, never a 5xx. */
  async function expectNoMatch(path: string): Promise<void> {
    const reply = await users(path);
    if (reply.status === 200) {
      expect(reply.body.value).toEqual([]);
    } else {
      expectGraphError(reply, 400, ['Request_BadRequest', 'BadRequest', 'Request_UnsupportedQuery']);
    }
  }

  const escape = (value: string): string => value.replace(/'/g, "''");

  it.each([
    ["' or 1 eq 1"],
    ["' or displayName eq 'Bob Smith"],
    ["x') or (startswith(displayName,'"],
    ["bob.smith@contosoretail.onmicrosoft.com' or '1' eq '1"],
    ['%27 or 1 eq 1'],
    ['%27)%20or%20(1%20eq%201'],
    ['Zoë 😀 Ω \u202e名前 \u0000'],
    ["\\' or 1 eq 1 --"],
    ['*'],
    ['%'],
  ])('matches nobody for the escaped literal %j (docs/graph-facts.md §7)', async (value) => {
    const reply = await users(filterPath(`userPrincipalName eq '${escape(value)}'`));
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([]);
    await expectNoMatch(filterPath(`startswith(displayName,'${escape(value)}')`));
  });

  it('matches nobody for a 10 KB literal (docs/graph-facts.md §7)', async () => {
    const long = 'a'.repeat(10 * 1024);
    const reply = await users(filterPath(`displayName eq '${long}'`));
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([]);
    await expectNoMatch(filterPath(`startswith(displayName,'Bob${long}')`));
  });

  // An unescaped "' or 1 eq 1" yields a literal-vs-literal tautology, which is not a supported clause.
  it("refuses the tautology an unescaped ' or 1 eq 1 produces with 400 instead of matching everyone (docs/graph-facts.md §7)", async () => {
    for (const value of ["' or 1 eq 1", "' or true", "' or 'a' eq 'a", "x' or 1 eq 1 or mail eq '"]) {
      expectGraphError(await users(filterPath(`userPrincipalName eq '${value}'`)), 400, [
        'Request_BadRequest',
        'BadRequest',
        'Request_UnsupportedQuery',
      ]);
    }
  });

  it('refuses %27 sent as a raw URL escape (it decodes to a quote) rather than matching everyone (docs/graph-facts.md §7)', async () => {
    // The query string as a careless client would send it: %27 is a quote once decoded.
    await expectNoMatch("/users?$filter=displayName%20eq%20'x%27%20or%201%20eq%201%20or%20displayName%20eq%20%27y'");
    await expectNoMatch("/users?$filter=displayName%20eq%20'x%27%20or%20startswith(displayName,%27'");
  });

  it('refuses a filter with deeply nested parentheses with 400, not a crash (docs/graph-facts.md §11)', async () => {
    const depth = 3000;
    const reply = await users(filterPath(`${'('.repeat(depth)}displayName eq 'Bob Smith'${')'.repeat(depth)}`));
    expectGraphError(reply, 400, ['Request_BadRequest', 'BadRequest', 'Request_UnsupportedQuery']);
  });

  it('still serves normal queries after the hostile ones', async () => {
    expect(await filterIds("userPrincipalName eq 'bob.smith@contosoretail.onmicrosoft.com'")).toEqual([
      demoUser('bob.smith'),
    ]);
    const health = await harness.control<{ status: string }>('GET', 'health');
    expect(health.body.status).toBe('ok');
  });
});
