// PostGraphile 5 needs Promise.withResolvers (Node 22); Node 20 lacks it. Before anything imports grafast.
if (!(Promise as unknown as { withResolvers?: unknown }).withResolvers) {
  Object.assign(Promise, {
    withResolvers<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

import { createSecretKey } from 'crypto';
import { createServer, IncomingMessage, ServerResponse } from 'http';
import { monitorEventLoopDelay } from 'perf_hooks';
import { JwtService } from '@nestjs/jwt';
import { Pool } from 'pg';
import { postgraphile } from 'postgraphile';
import { PEER_SCHEMA } from './peer-schema';

/**
 * The peer of the request benchmark (test/bench/requests.bench.ts): PostGraphile 5 on the product's
 * database, doing per request the security work the API does:
 * - the bearer token verified as AuthService.authenticate does (HS256 with JWT_SECRET, @nestjs/jwt);
 * - the account looked up in one statement outside a transaction (active, token version), as
 *   userRepository.tokenState (which since commit 'the token check reads the whole account' reads
 *   every column, so that the API's `me` needs no read of its own; the peer reads the five it checks);
 * - then PostGraphile's transaction with role `opvolging_app` and the same `app.*` settings as
 *   Database.actingAs (transaction-local), so the same row-level security policies apply.
 * Besides GraphQL on /graphql it answers GET /health-metrics with the event-loop delay p99 since
 * the last call (monitorEventLoopDelay, resolution 10 ms, reset on read) and its RSS.
 *
 * Environment: DATABASE_URL (the same user the API connects as), JWT_SECRET, PORT.
 * A benchmark tool only: no product code imports PostGraphile.
 */

const DATABASE_URL = process.env.DATABASE_URL!;
const JWT_SECRET = process.env.JWT_SECRET!;
const PORT = Number(process.env.PORT ?? 5678);
const APP_ROLE = process.env.DB_APP_ROLE ?? 'opvolging_app';

/**
 * PostGraphile's subpath exports (postgraphile/adaptors/pg, …) are beyond the project's
 * `moduleResolution: node`; loaded at run time (Node resolves them) with the little typing used here.
 */
const runtimeImport = <T>(id: string): Promise<T> => import(id);
type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

class Unauthenticated extends Error {
  statusCode = 401;
}

async function main() {
  // As the API's pool (libs/database data-source-options): 10 connections, JIT off.
  const pool = new Pool({ connectionString: DATABASE_URL, max: 10, application_name: 'opvolging-bench-peer', options: '-c jit=off' });
  // As libs/identity's JwtModule: the secret as a KeyObject (a string is first tried as a public key on every verification).
  const jwt = new JwtService({
    secret: createSecretKey(Buffer.from(JWT_SECRET, 'utf8')) as unknown as string,
    verifyOptions: { algorithms: ['HS256'] },
  });

  async function pgSettings(req: IncomingMessage | undefined): Promise<Record<string, string>> {
    const token = /^Bearer (.+)$/i.exec(req?.headers.authorization ?? '')?.[1];
    if (!token) throw new Unauthenticated('a bearer token is required');
    let claims: { sub: string; tv: number };
    try {
      claims = await jwt.verifyAsync(token);
    } catch {
      throw new Unauthenticated('The bearer token is not valid: sign in again.');
    }
    const { rows } = await pool.query(
      `SELECT id, role, organisation_id AS "organisationId", active, token_version AS "tokenVersion" FROM users WHERE id = $1`,
      [claims.sub],
    );
    const user = rows[0] as { id: string; role: string; organisationId: string | null; active: boolean; tokenVersion: number } | undefined;
    if (!user || !user.active || user.tokenVersion !== claims.tv) {
      throw new Unauthenticated('This session is no longer valid: sign in again.');
    }
    return {
      'app.user_id': user.id,
      'app.role': user.role,
      'app.organisation_id': user.organisationId ?? '',
      'app.on_behalf_of': '',
      role: APP_ROLE,
    };
  }

  const { makePgService } = await runtimeImport<{ makePgService(options: { pool: Pool; schemas: string[] }): unknown }>(
    'postgraphile/adaptors/pg',
  );
  const { grafserv } = await runtimeImport<{ grafserv: unknown }>('postgraphile/grafserv/node');
  const { PostGraphileAmberPreset } = await runtimeImport<{ PostGraphileAmberPreset: unknown }>('postgraphile/presets/amber');
  const preset = {
    extends: [PostGraphileAmberPreset],
    // Amber offers orderBy/condition only on indexed columns; Opvolging's pages sort by
    // improvement_points.created_at, which has none. Every column, as in PostGraphile 4.
    disablePlugins: ['PgIndexBehaviorsPlugin'],
    pgServices: [makePgService({ pool, schemas: ['public', PEER_SCHEMA] })],
    grafast: {
      async context(requestContext: { node?: { req?: IncomingMessage } }) {
        return { pgSettings: await pgSettings(requestContext.node?.req) };
      },
    },
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
    schema: { exportSchemaSDLPath: process.env.PEER_SCHEMA_SDL || undefined },
  };
  const pgl = postgraphile(preset as unknown as GraphileConfig.Preset);
  await pgl.getSchema();
  const serv = pgl.createServ(grafserv as Parameters<typeof pgl.createServ>[0]) as unknown as { createHandler(): NodeHandler };
  const handler = serv.createHandler();

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const server = createServer((req, res) => {
    if (req.url === '/health-metrics') {
      const body = JSON.stringify({
        eventLoopDelayP99Ms: loop.percentile(99) / 1e6,
        eventLoopDelayMaxMs: loop.max / 1e6,
        rssMiB: process.memoryUsage().rss / 2 ** 20,
      });
      loop.reset();
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      return;
    }
    handler(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(PORT, '127.0.0.1', () => console.log(`PostGraphile peer on http://127.0.0.1:${PORT}/graphql`));
  const stop = () => {
    server.close();
    void Promise.resolve(pgl.release())
      .then(() => pool.end())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
