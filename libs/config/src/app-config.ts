import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const DEV_JWT_SECRET = 'local-development-secret-change-me-in-production';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/** Every setting the processes read, with local defaults; validated once at start-up. */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/opvolging' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/opvolging';

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must be a redis:// URL, e.g. redis://127.0.0.1:6379' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * The database role every transaction runs as (SET LOCAL ROLE), so row-level security and the
   * append-only history apply even when DATABASE_URL names a superuser. Empty: stay the login role.
   */
  @Matches(/^([a-z_][a-z0-9_]{0,62})?$/, { message: 'DB_APP_ROLE must be a PostgreSQL role name (or empty)' })
  DB_APP_ROLE = 'opvolging_app';

  /** Prefix for all BullMQ keys, so several installations (or test runs) can share one Redis. */
  @Matches(/^[a-z0-9:_-]{1,40}$/i, { message: 'QUEUE_PREFIX may hold letters, digits, ":", "_" and "-" (at most 40)' })
  QUEUE_PREFIX = 'opvolging';

  @Transform(toInt)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Transform(toInt)
  @IsInt({ message: 'WORKER_PORT must be a whole number' })
  @Min(1)
  @Max(65535)
  WORKER_PORT = 3001;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET = DEV_JWT_SECRET;

  @Transform(toInt)
  @IsInt({ message: 'ACCESS_TOKEN_TTL_SECONDS must be a whole number of seconds' })
  @Min(60)
  @Max(24 * 3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Load the demo scenario when the database holds no organisations yet. */
  @Transform(toBool)
  @IsBoolean({ message: 'DEMO_DATA must be true or false' })
  DEMO_DATA = true;

  /** Outgoing mail server, e.g. smtp://user:pass@mail.example.nl:587 (smtps:// for TLS). */
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://127.0.0.1:1025' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @Matches(/^.*<?[^\s@<>]+@[^\s@<>]+>?$/, { message: 'MAIL_FROM must hold an e-mail address, e.g. "Opvolging <noreply@example.nl>"' })
  MAIL_FROM = 'Opvolging <noreply@opvolging.localhost>';

  /** Where users reach the product; used in mails and calendar feed links. */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_URL must be an http(s):// URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /**
   * Sign-in through an external OpenID Connect provider (a Keycloak realm, an eHerkenning broker):
   * its issuer URL, whose /.well-known/openid-configuration is read. Empty: OIDC sign-in is off.
   */
  @Matches(/^(https?:\/\/[^\s]+)?$/, { message: 'OIDC_ISSUER_URL must be an http(s):// URL (or empty: OIDC sign-in off)' })
  OIDC_ISSUER_URL = '';

  /** The client registered for Opvolging at the provider; required with OIDC_ISSUER_URL. */
  @IsString()
  OIDC_CLIENT_ID = '';

  @IsString()
  OIDC_CLIENT_SECRET = '';

  /** Where the provider sends the browser back; empty: `${PUBLIC_URL}/auth/oidc/callback`. */
  @Matches(/^(https?:\/\/[^\s]+)?$/, { message: 'OIDC_REDIRECT_URL must be an http(s):// URL (or empty: PUBLIC_URL + /auth/oidc/callback)' })
  OIDC_REDIRECT_URL = '';

  @Matches(/(^|\s)openid(\s|$)/, { message: 'OIDC_SCOPES must be space-separated scopes including "openid", e.g. "openid email profile"' })
  OIDC_SCOPES = 'openid email profile';

  /** How often the worker looks for deadlines that need a reminder. */
  @Transform(toInt)
  @IsInt({ message: 'SWEEP_INTERVAL_SECONDS must be a whole number' })
  @Min(10)
  @Max(3600)
  SWEEP_INTERVAL_SECONDS = 300;

  /** A mail claimed this long ago by a worker that then vanished is sent again (at-least-once for mail). */
  @Transform(toInt)
  @IsInt({ message: 'MAIL_RECOVERY_SECONDS must be a whole number' })
  @Min(1)
  @Max(86400)
  MAIL_RECOVERY_SECONDS = 600;

  /** Mail still waiting this long after its notification is queued again (Redis lost the job). */
  @Transform(toInt)
  @IsInt({ message: 'MAIL_REQUEUE_SECONDS must be a whole number' })
  @Min(1)
  @Max(86400)
  MAIL_REQUEUE_SECONDS = 60;

  /** Read notifications are deleted this many days after they were created (unread ones are kept). */
  @Transform(toInt)
  @IsInt({ message: 'RETENTION_NOTIFICATIONS_DAYS must be a whole number' })
  @Min(7)
  @Max(3650)
  RETENTION_NOTIFICATIONS_DAYS = 365;

  /** Used or expired password-reset links are deleted after this many days. */
  @Transform(toInt)
  @IsInt({ message: 'RETENTION_RESET_LINKS_DAYS must be a whole number' })
  @Min(1)
  @Max(365)
  RETENTION_RESET_LINKS_DAYS = 7;

  /** Finished export files are deleted after this many days (they can be made again). */
  @Transform(toInt)
  @IsInt({ message: 'RETENTION_EXPORTS_DAYS must be a whole number' })
  @Min(1)
  @Max(365)
  RETENTION_EXPORTS_DAYS = 30;

  /** From this hour (Europe/Amsterdam) the daily digests go out. */
  @Transform(toInt)
  @IsInt({ message: 'DIGEST_HOUR must be a whole number' })
  @Min(0)
  @Max(23)
  DIGEST_HOUR = 7;

  /** GraphQL request limits (graphql-armor); a request over one is refused with GRAPHQL_VALIDATION_FAILED. */
  @Transform(toInt)
  @IsInt({ message: 'GRAPHQL_MAX_DEPTH must be a whole number' })
  @Min(3)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  /** Estimated cost of one operation: fields weigh more the deeper they are, lists times `first`. */
  @Transform(toInt)
  @IsInt({ message: 'GRAPHQL_MAX_COST must be a whole number' })
  @Min(100)
  @Max(10_000_000)
  GRAPHQL_MAX_COST = 20_000;

  @Transform(toInt)
  @IsInt({ message: 'GRAPHQL_MAX_ALIASES must be a whole number' })
  @Min(1)
  @Max(500)
  GRAPHQL_MAX_ALIASES = 15;

  @Transform(toInt)
  @IsInt({ message: 'GRAPHQL_MAX_TOKENS must be a whole number' })
  @Min(100)
  @Max(100_000)
  GRAPHQL_MAX_TOKENS = 2000;

  @Transform(toInt)
  @IsInt({ message: 'GRAPHQL_MAX_DIRECTIVES must be a whole number' })
  @Min(1)
  @Max(500)
  GRAPHQL_MAX_DIRECTIVES = 10;

  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For), as
   * Express' "trust proxy": `false` (default: the connecting address counts), a number of hops, or
   * a comma-separated list of addresses/subnets (`loopback`, `10.0.0.0/8`). Rate limits count per address.
   */
  @Matches(/^(false|[0-9]|\s*(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?))*\s*)$/i, {
    message: 'TRUST_PROXY must be false, a number of proxy hops, or a comma-separated list of proxy addresses/subnets (e.g. "loopback, 10.0.0.0/8")',
  })
  TRUST_PROXY = 'false';

  /** Sign-in attempts allowed per e-mail address, and per client address, in one window. */
  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_SIGN_IN_PER_EMAIL must be a whole number' })
  @Min(1)
  RATE_LIMIT_SIGN_IN_PER_EMAIL = 10;

  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_SIGN_IN_PER_ADDRESS must be a whole number' })
  @Min(1)
  RATE_LIMIT_SIGN_IN_PER_ADDRESS = 50;

  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_SIGN_IN_WINDOW_SECONDS must be a whole number of seconds' })
  @Min(1)
  @Max(86400)
  RATE_LIMIT_SIGN_IN_WINDOW_SECONDS = 900;

  /** Mutations allowed per account, and per client address, in one window; each mutation field counts. */
  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_MUTATIONS_PER_ACCOUNT must be a whole number' })
  @Min(1)
  RATE_LIMIT_MUTATIONS_PER_ACCOUNT = 120;

  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_MUTATIONS_PER_ADDRESS must be a whole number' })
  @Min(1)
  RATE_LIMIT_MUTATIONS_PER_ADDRESS = 600;

  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_MUTATIONS_WINDOW_SECONDS must be a whole number of seconds' })
  @Min(1)
  @Max(86400)
  RATE_LIMIT_MUTATIONS_WINDOW_SECONDS = 60;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** OIDC sign-in is offered only when an issuer is configured. */
  get oidcEnabled(): boolean {
    return this.OIDC_ISSUER_URL !== '';
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws a ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && (value !== '' || key === 'DB_APP_ROLE')) raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const problems = validateSync(config, { whitelist: false }).flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${e.property}=${JSON.stringify(raw[e.property] ?? '')}: ${m}`),
  );
  if (config.NODE_ENV === 'production' && config.JWT_SECRET === DEV_JWT_SECRET) {
    problems.push('JWT_SECRET: set a secret of your own in production (the built-in one is for local use only)');
  }
  if (config.OIDC_ISSUER_URL) {
    if (!config.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: required when OIDC_ISSUER_URL is set (the client id registered for Opvolging at the identity provider)');
    if (!config.OIDC_CLIENT_SECRET) problems.push('OIDC_CLIENT_SECRET: required when OIDC_ISSUER_URL is set (the client secret issued with OIDC_CLIENT_ID)');
  }
  config.OIDC_REDIRECT_URL ||= `${config.PUBLIC_URL.replace(/\/+$/, '')}/auth/oidc/callback`;
  if (problems.length) throw new ConfigError(problems);
  return config;
}
