import request from 'supertest';
import { UsersService } from '@opvolging/identity';
import { RateLimiter } from '../../apps/api/src/graphql/rate-limit';
import { codes, GraphQLResponse, TestApp } from '../support/test-app';

/**
 * The GraphQL endpoint's defences, over HTTP: document limits (depth, cost, aliases, tokens,
 * directives), page sizes, batching, CSRF, production's closed schema, no stack traces, and rate
 * limits counted per operation in Redis, shared by every replica.
 */

/** Every error answer the tests saw; none may carry a stack trace. */
const seen: GraphQLResponse[] = [];

async function post(t: TestApp, body: unknown, headers: Record<string, string> = {}) {
  const req = request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  for (const [name, value] of Object.entries(headers)) req.set(name, value);
  const res = await req.send(JSON.stringify(body));
  if (res.body && typeof res.body === 'object') seen.push(...(Array.isArray(res.body) ? res.body : [res.body]));
  return res;
}

/** POST /graphql as the holder of `token`, from client address `from` (honoured with TRUST_PROXY=loopback). */
async function gql(
  t: TestApp,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  from?: string,
): Promise<GraphQLResponse> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (from) headers['x-forwarded-for'] = from;
  const res = await post(t, { query, variables }, headers);
  if (res.status >= 500) throw new Error(`HTTP ${res.status}: ${res.text}`);
  return res.body;
}

const message = (res: GraphQLResponse) => res.errors?.[0]?.message ?? '';

describe('GraphQL request limits (defaults)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = t.token(await t.createAdmin());
  });
  afterAll(async () => t?.stop());

  /** organisations → nodes → municipality × n → id: depth n + 3. */
  const nested = (n: number) => `{ organisations { nodes { ${'municipality { '.repeat(n)} id ${'} '.repeat(n)} } } }`;

  it('refuses a query nested deeper than GRAPHQL_MAX_DEPTH (10)', async () => {
    expect((await gql(t, admin, nested(7))).errors).toBeUndefined();
    const res = await gql(t, admin, nested(8));
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(message(res)).toBe(
      'Query depth limit of 10 exceeded, found 11. Ask for fewer nested levels in one request (GRAPHQL_MAX_DEPTH).',
    );
    expect(res.data).toBeUndefined();
  });

  it('refuses more than GRAPHQL_MAX_ALIASES (15) aliases', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect((await gql(t, admin, aliases(15))).errors).toBeUndefined();
    const res = await gql(t, admin, aliases(16));
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(message(res)).toBe('Aliases limit of 15 exceeded, found 16. Use fewer aliases in one request (GRAPHQL_MAX_ALIASES).');
  });

  it('refuses more than GRAPHQL_MAX_DIRECTIVES (10) directives', async () => {
    const directives = (n: number) => `{ me { ${'id @include(if: true) '.repeat(n)} } }`;
    expect((await gql(t, admin, directives(10))).errors).toBeUndefined();
    const res = await gql(t, admin, directives(11));
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(message(res)).toBe('Directives limit of 10 exceeded, found 11. Use fewer directives in one request (GRAPHQL_MAX_DIRECTIVES).');
  });

  it('refuses a document of more than GRAPHQL_MAX_TOKENS (2000) tokens before parsing it whole, with HTTP 400', async () => {
    // 250 named operations of 8 tokens each (`query qN { me { id } }`) make 2000; one more `id` makes 2001.
    const document = (extra: string) =>
      Array.from({ length: 250 }, (_, i) => `query q${i} { me { id${i === 0 ? extra : ''} } }`).join('\n');
    const fits = await post(t, { query: document(''), operationName: 'q0' }, { authorization: `Bearer ${admin}` });
    expect(fits.body.errors).toBeUndefined();
    const res = await post(t, { query: document(' id'), operationName: 'q0' }, { authorization: `Bearer ${admin}` });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(message(res.body)).toBe('Token limit of 2000 exceeded. Send a shorter query document (GRAPHQL_MAX_TOKENS).');
  });

  it('refuses a query whose estimated cost is over GRAPHQL_MAX_COST (20000)', async () => {
    const page = `investigations(first: 100) { nodes { id title summary status plans { id status dueDate organisation { id name }
      measures { id description status dueDate owner { id email displayName } points { id text } } } } }`;
    expect((await gql(t, admin, `{ ${page} }`)).errors).toBeUndefined();
    const res = await gql(t, admin, `{ a: ${page} b: ${page} }`);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(message(res)).toMatch(/^Query Cost limit of 20000 exceeded, found \d+(\.\d+)?\. Ask for fewer fields or smaller pages/);
  });

  it('caps page sizes at 100', async () => {
    const res = await gql(t, admin, `{ investigations(first: 1000) { totalCount } }`);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(message(res)).toContain('first must not be greater than 100');
    expect((await gql(t, admin, `{ investigations(first: 100) { totalCount } }`)).errors).toBeUndefined();
  });

  it('refuses batched requests (a JSON array) with HTTP 400', async () => {
    const res = await post(t, [{ query: '{ me { id } }' }, { query: '{ me { email } }' }], { authorization: `Bearer ${admin}` });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['BAD_REQUEST']);
    expect(message(res.body)).toBe('Operation batching disabled.');
  });

  it('refuses requests a browser could send cross-site without a preflight (CSRF prevention)', async () => {
    const server = t.app.getHttpServer();
    const csrf = /blocked as a potential Cross-Site Request Forgery \(CSRF\)/;
    // A form or a fetch with text/plain needs no preflight, so it is refused...
    const plain = await request(server)
      .post('/graphql')
      .set('content-type', 'text/plain')
      .set('authorization', `Bearer ${admin}`)
      .send(JSON.stringify({ query: '{ me { id } }' }));
    expect(plain.status).toBe(400);
    expect(plain.text).toMatch(csrf);
    const form = await request(server).post('/graphql').type('form').send({ query: '{ me { id } }' });
    expect(form.status).toBe(400);
    expect(form.text).toMatch(csrf);
    // ...and so is a simple GET, unless it carries a header only a preflighted request can.
    const get = await request(server).get('/graphql').query({ query: '{ __typename }' });
    expect(get.status).toBe(400);
    expect(get.text).toMatch(csrf);
    const preflighted = await request(server).get('/graphql').query({ query: '{ __typename }' }).set('apollo-require-preflight', 'true');
    expect(preflighted.status).toBe(200);
    expect(preflighted.body).toEqual({ data: { __typename: 'Query' } });
    // A GET never runs a mutation.
    const mutation = await request(server)
      .get('/graphql')
      .query({ query: 'mutation { signOutEverywhere }' })
      .set('apollo-require-preflight', 'true');
    expect(mutation.status).toBe(405);
  });

  it('answers an unexpected failure without internals or a stack trace', async () => {
    const spy = jest
      .spyOn(t.get(UsersService), 'list')
      .mockRejectedValueOnce(new Error('connection to 10.0.0.7 failed at /srv/app/secret.ts:12'));
    try {
      const res = await gql(t, admin, `{ users { nodes { id } } }`);
      expect(res.errors).toEqual([
        { message: 'Internal server error', path: ['users'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) } },
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  it('still suggests field names outside production, to help development', async () => {
    const res = await gql(t, admin, `{ me { emial } }`);
    expect(message(res)).toBe('Cannot query field "emial" on type "User". Did you mean "email"?');
  });
});

describe('production: the schema stays closed', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-for-the-hardening-test-0123456789' });
    admin = t.token(await t.createAdmin());
  });
  afterAll(async () => t?.stop());

  it('refuses introspection', async () => {
    for (const query of [`{ __schema { types { name } } }`, `{ __type(name: "User") { fields { name } } }`]) {
      const res = await gql(t, admin, query);
      expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(message(res)).toContain('introspection is not allowed');
      expect(res.data).toBeUndefined();
    }
    expect((await gql(t, admin, `{ me { __typename } }`)).data).toEqual({ me: { __typename: 'User' } });
  });

  it('gives no field, argument, type or enum value suggestions', async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [`{ me { emial } }`, {}, 'Cannot query field "emial" on type "User".'],
      [`{ users(frist: 5) { totalCount } }`, {}, 'Unknown argument "frist" on field "Query.users".'],
      [`query($f: UserFiltr) { users(filter: $f) { totalCount } }`, {}, 'Unknown type "UserFiltr".'],
      [`{ users(filter: { role: ADMN }) { totalCount } }`, {}, 'Value "ADMN" does not exist in "Role" enum.'],
      [
        `query($f: UserFilterInput) { users(filter: $f) { totalCount } }`,
        { f: { role: 'ADMN' } },
        'Variable "$f" got invalid value "ADMN" at "f.role"; Value "ADMN" does not exist in "Role" enum.',
      ],
    ];
    for (const [query, variables, expected] of cases) {
      const res = await gql(t, admin, query, variables);
      expect(res.errors).toHaveLength(1);
      expect(message(res)).toBe(expected);
      expect(message(res)).not.toContain('Did you mean');
    }
  });

  it('keeps the request limits there too', async () => {
    const res = await gql(t, admin, `{ organisations { nodes { ${'municipality { '.repeat(8)} id ${'} '.repeat(8)} } } }`);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(message(res)).toContain('Query depth limit of 10 exceeded');
  });
});

describe('rate limits, per operation, in Redis', () => {
  const LIMITS = {
    TRUST_PROXY: 'loopback', // the tests' requests come from 127.0.0.1 and name their client in X-Forwarded-For
    RATE_LIMIT_SIGN_IN_PER_EMAIL: '3',
    RATE_LIMIT_SIGN_IN_PER_ADDRESS: '6',
    RATE_LIMIT_MUTATIONS_PER_ACCOUNT: '5',
    RATE_LIMIT_MUTATIONS_PER_ADDRESS: '8',
  };
  let t: TestApp;
  /** A second API process on the same Redis and QUEUE_PREFIX (its own database). */
  let replica: TestApp;
  let adminEmail: string;

  beforeAll(async () => {
    t = await TestApp.start(LIMITS);
    replica = await TestApp.start({ ...LIMITS, QUEUE_PREFIX: t.config.QUEUE_PREFIX });
    adminEmail = await t.createAdmin();
  });
  afterAll(async () => {
    await replica?.stop();
    await t?.stop();
  });

  const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
  const signIn = (app: TestApp, email: string, password: string, from: string) =>
    gql(app, null, SIGN_IN, { input: { email, password } }, from);

  function expectLimited(res: GraphQLResponse, what: string, windowSeconds: number) {
    expect(codes(res)).toContain('TOO_MANY_REQUESTS');
    const error = res.errors!.find((e) => e.extensions.code === 'TOO_MANY_REQUESTS')!;
    expect(error.message).toMatch(new RegExp(`^Too many ${what}: at most \\d+ per .+\\. Try again in \\d+ (seconds?|minutes?)\\.$`));
    expect(error.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.extensions.retryAfterSeconds).toBeLessThanOrEqual(windowSeconds);
  }

  it('limits sign-in attempts per e-mail address, whatever the case and the client address', async () => {
    for (let i = 0; i < 3; i++)
      expect(codes(await signIn(t, 'target@example.test', `guess-${i}-password`, `203.0.113.${i + 1}`))).toEqual(['UNAUTHENTICATED']);
    const refused = await signIn(t, 'Target@Example.TEST', 'guess-4-password', '203.0.113.9');
    expectLimited(refused, 'sign-in attempts for this e-mail address', 900);
    expect(refused.data).toBeNull();
    // Another address is not affected.
    expect(codes(await signIn(t, 'other@example.test', 'guess-password', '203.0.113.9'))).toEqual(['UNAUTHENTICATED']);
  });

  it('limits sign-in attempts per client address, across e-mail addresses', async () => {
    for (let i = 0; i < 6; i++)
      expect(codes(await signIn(t, `spray-${i}@example.test`, 'Summer2026!', '198.51.100.7'))).toEqual(['UNAUTHENTICATED']);
    expectLimited(
      await signIn(t, 'spray-6@example.test', 'Summer2026!', '198.51.100.7'),
      'sign-in attempts from your network address',
      900,
    );
    // The same account, from elsewhere: fine.
    expect(codes(await signIn(t, 'spray-6@example.test', 'Summer2026!', '198.51.100.8'))).toEqual(['UNAUTHENTICATED']);
    // IPv6 clients count per /64 network, so rotating through one's own /64 does not help.
    for (let i = 1; i <= 6; i++) await signIn(t, `v6-${i}@example.test`, 'Summer2026!', `2001:db8:1:2::${i.toString(16)}`);
    expectLimited(
      await signIn(t, 'v6-7@example.test', 'Summer2026!', '2001:db8:1:2:ffff::1'),
      'sign-in attempts from your network address',
      900,
    );
  });

  it('lets successful sign-ins through: only failures add up', async () => {
    for (let i = 0; i < 8; i++) expect(codes(await signIn(t, adminEmail, 'admin-password-123', '192.0.2.50'))).toEqual([]);
    // A success clears the e-mail address' count, as it ends a lock-out.
    for (let i = 0; i < 2; i++) await signIn(t, adminEmail, 'wrong-password-1', '192.0.2.50');
    expect(codes(await signIn(t, adminEmail, 'admin-password-123', '192.0.2.50'))).toEqual([]);
    for (let i = 0; i < 2; i++) await signIn(t, adminEmail, 'wrong-password-1', '192.0.2.50');
    expect(codes(await signIn(t, adminEmail, 'admin-password-123', '192.0.2.50'))).toEqual([]);
  });

  it("counts the queue dashboard's sign-in form with the GraphQL sign-ins", async () => {
    const attempt = (from: string) =>
      request(t.app.getHttpServer())
        .post('/admin/session')
        .set('x-forwarded-for', from)
        .type('form')
        .send({ email: 'dash@example.test', password: 'wrong-password-1' });
    for (let i = 0; i < 2; i++) expect((await attempt('192.0.2.200')).status).toBe(401);
    expect(codes(await signIn(t, 'dash@example.test', 'wrong-password-2', '192.0.2.201'))).toEqual(['UNAUTHENTICATED']);
    const refused = await attempt('192.0.2.202');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expectLimited(await signIn(t, 'dash@example.test', 'wrong-password-3', '192.0.2.203'), 'sign-in attempts for this e-mail address', 900);
  });

  it('limits mutations per account, counting every mutation field of a request, not the request', async () => {
    const token = t.token(adminEmail);
    const three = (tag: string) =>
      `mutation { ${['a', 'b', 'c']
        .map((k) => `${k}: createOrganisation(input: { name: "Gemeente ${tag}-${k}", kind: MUNICIPALITY ` + `}) { id }`)
        .join(' ')} }`;
    const first = await gql(t, token, three('een'), {}, '192.0.2.10');
    expect(first.errors).toBeUndefined();
    // Two more fit (4 and 5 of 5); the third field of the same request is refused, the others ran
    // (data is null as a whole: createOrganisation is non-null).
    const second = await gql(t, token, three('twee'), {}, '192.0.2.11');
    expect(second.errors).toHaveLength(1);
    expect(second.errors![0].path).toEqual(['c']);
    expectLimited(second, 'changes by your account', 60);
    const names = (await gql(t, token, `{ organisations(first: 100) { nodes { name } } }`)).data!.organisations.nodes.map(
      (o: { name: string }) => o.name,
    );
    expect(names.filter((n: string) => n.includes('twee')).sort()).toEqual(['Gemeente twee-a', 'Gemeente twee-b']);
    // Per account: another address does not help.
    expectLimited(await gql(t, token, `mutation { createCalendarFeed { url } }`, {}, '192.0.2.12'), 'changes by your account', 60);
    // Queries are not counted.
    expect(
      (await gql(t, token, `{ me { id } a: me { id } b: me { id } c: me { id } d: me { id } e: me { id } }`, {}, '192.0.2.12')).errors,
    ).toBeUndefined();
  });

  it('limits mutations per client address, signed in or not, over all replicas', async () => {
    const reset = `mutation { resetPassword(input: { token: "not-a-real-reset-secret", newPassword: "a-new-password-123" }) }`;
    for (const app of [t, replica])
      for (let i = 0; i < 4; i++) expect(codes(await gql(app, null, reset, {}, '192.0.2.99'))).not.toContain('TOO_MANY_REQUESTS');
    expectLimited(await gql(t, null, reset, {}, '192.0.2.99'), 'changes from your network address', 60);
    expectLimited(await gql(replica, null, reset, {}, '192.0.2.99'), 'changes from your network address', 60);
    expect(codes(await gql(replica, null, reset, {}, '192.0.2.100'))).not.toContain('TOO_MANY_REQUESTS');
  });

  it('shares the counters between replicas', async () => {
    // target@example.test was used up on the first replica; the second refuses it too.
    expectLimited(
      await signIn(replica, 'target@example.test', 'guess-5-password', '203.0.113.20'),
      'sign-in attempts for this e-mail address',
      900,
    );
    // Attempts from one address spread over both replicas add up.
    for (let i = 0; i < 3; i++) await signIn(t, `shared-${i}@example.test`, 'guess-password', '198.51.100.77');
    for (let i = 3; i < 6; i++) await signIn(replica, `shared-${i}@example.test`, 'guess-password', '198.51.100.77');
    expectLimited(
      await signIn(t, 'shared-6@example.test', 'guess-password', '198.51.100.77'),
      'sign-in attempts from your network address',
      900,
    );
    expectLimited(
      await signIn(replica, 'shared-7@example.test', 'guess-password', '198.51.100.77'),
      'sign-in attempts from your network address',
      900,
    );
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says to believe the proxy', async () => {
    const direct = await TestApp.start({ ...LIMITS, QUEUE_PREFIX: t.config.QUEUE_PREFIX, TRUST_PROXY: 'false' });
    try {
      // 198.51.100.77 is used up, but without a trusted proxy the header is the client's own claim.
      expect(codes(await signIn(direct, 'shared-8@example.test', 'guess-password', '198.51.100.77'))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await direct.stop();
    }
  });

  it('opens again when the window has passed', async () => {
    const limiter = t.get(RateLimiter);
    const probe = { key: `probe:${Date.now()}`, limit: 1, windowSeconds: 1, what: 'probes' };
    await limiter.hit([probe]);
    await expect(limiter.hit([probe])).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(limiter.hit([probe])).resolves.toBeUndefined();
  });

  it('rejects an invalid TRUST_PROXY at start-up', async () => {
    const { loadConfig } = await import('@opvolging/config');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be false, a number of proxy hops/);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
  });
});

describe('stack traces', () => {
  it('appear in no error answer of the tests above: limits, refusals, rate limits and internal errors alike', () => {
    const errors = seen.flatMap((body) => body.errors ?? []);
    expect(errors.length).toBeGreaterThan(30);
    for (const error of errors) {
      expect(error.extensions).not.toHaveProperty('stacktrace');
      expect(error.extensions).not.toHaveProperty('exception');
    }
  });
});
