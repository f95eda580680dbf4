import { plainToInstance, Transform } from 'class-transformer';
import { existsSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min, MinLength, validateSync, ValidationArguments } from 'class-validator';

const DEV_JWT_SECRET = 'local-development-secret-change-me-in-production';

/** The words a boolean variable accepts (case-insensitive); anything else is refused, not read as false. */
export const BOOLEAN_WORDS = { true: ['true', '1', 'yes', 'on'], false: ['false', '0', 'no', 'off'] } as const;

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  if ((BOOLEAN_WORDS.true as readonly string[]).includes(word)) return true;
  if ((BOOLEAN_WORDS.false as readonly string[]).includes(word)) return false;
  return value; // left a string, so IsBoolean refuses it with the accepted words
};
const booleanMessage = (args: ValidationArguments) =>
  `${args.property} must be true or false (accepted: ${[...BOOLEAN_WORDS.true, ...BOOLEAN_WORDS.false].join(', ')})`;

/** A whole number in a range: one message for every way it can be wrong (not a number, too small, too large). */
function WholeNumber(min: number, max?: number): PropertyDecorator {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  const message = (args: ValidationArguments) => `${args.property} must be a whole number ${range}`;
  return (target, key) => {
    Transform(toInt)(target, key);
    IsInt({ message })(target, key);
    Min(min, { message })(target, key);
    if (max !== undefined) Max(max, { message })(target, key);
  };
}

/** Variables whose values are never echoed; URLs among the others have their password hidden. */
const SECRET_VARIABLES = new Set(['JWT_SECRET', 'OIDC_CLIENT_SECRET', 'METRICS_TOKEN']);

/** How a value may appear in a message or a log: secrets as their length only, passwords in URLs masked. */
export function redactValue(name: string, value: string | undefined): string {
  if (value === undefined) return '(not set)';
  if (SECRET_VARIABLES.has(name)) return `(hidden, ${value.length} characters)`;
  return JSON.stringify(redactUrl(value));
}

/** `scheme://user:secret@host` → `scheme://user:***@host`; other text unchanged. */
export function redactUrl(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]*@/gi, '$1***@');
}

/** Every setting the processes read, with local defaults; validated once at start-up. */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, {
    message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/opvolging',
  })
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

  @WholeNumber(1, 65535)
  PORT = 3000;

  @WholeNumber(1, 65535)
  WORKER_PORT = 3001;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET = DEV_JWT_SECRET;

  @WholeNumber(60, 24 * 3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Absolute lifetime of a browser session (a refresh-token family), in hours: refreshing never extends it. */
  @WholeNumber(1, 168)
  SESSION_MAX_HOURS = 12;

  /**
   * The built web app (index.html, assets/, graphiql.html) the API serves at `/`. Empty: `dist/web`
   * under the repository root (found from this file's location, so it does not depend on the cwd).
   */
  @IsString()
  WEB_DIST_DIR = '';

  /** Load the demo scenario when the database holds no organisations yet. */
  @Transform(toBool)
  @IsBoolean({ message: booleanMessage })
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
  @Matches(/^(https?:\/\/[^\s]+)?$/, {
    message: 'OIDC_REDIRECT_URL must be an http(s):// URL (or empty: PUBLIC_URL + /auth/oidc/callback)',
  })
  OIDC_REDIRECT_URL = '';

  @Matches(/(^|\s)openid(\s|$)/, { message: 'OIDC_SCOPES must be space-separated scopes including "openid", e.g. "openid email profile"' })
  OIDC_SCOPES = 'openid email profile';

  /** How often the worker looks for deadlines that need a reminder. */
  @WholeNumber(10, 3600)
  SWEEP_INTERVAL_SECONDS = 300;

  /** A mail claimed this long ago by a worker that then vanished is sent again (at-least-once for mail). */
  @WholeNumber(1, 86400)
  MAIL_RECOVERY_SECONDS = 600;

  /** Mail still waiting this long after its notification is queued again (Redis lost the job). */
  @WholeNumber(1, 86400)
  MAIL_REQUEUE_SECONDS = 60;

  /**
   * At most this many mail jobs wait in Redis. More mail (a catch-up after downtime) waits in
   * PostgreSQL as PENDING and is queued as room frees up: at every sweep and every minute.
   */
  @WholeNumber(100, 1_000_000)
  MAIL_QUEUE_LIMIT = 5000;

  /** Read notifications are deleted this many days after they were created (unread ones are kept). */
  @WholeNumber(7, 3650)
  RETENTION_NOTIFICATIONS_DAYS = 365;

  /** Used or expired password-reset links are deleted after this many days. */
  @WholeNumber(1, 365)
  RETENTION_RESET_LINKS_DAYS = 7;

  /** Finished export files are deleted after this many days (they can be made again). */
  @WholeNumber(1, 365)
  RETENTION_EXPORTS_DAYS = 30;

  /** Ended browser sessions (expired, revoked or signed out) are deleted this many days after they ended. */
  @WholeNumber(1, 365)
  RETENTION_SESSIONS_DAYS = 7;

  /** From this hour (Europe/Amsterdam) the daily digests go out. */
  @WholeNumber(0, 23)
  DIGEST_HOUR = 7;

  /** GraphQL request limits (graphql-armor); a request over one is refused with GRAPHQL_VALIDATION_FAILED. */
  @WholeNumber(3, 50)
  GRAPHQL_MAX_DEPTH = 10;

  /** Estimated cost of one operation: fields weigh more the deeper they are, lists times `first`. */
  @WholeNumber(100, 10_000_000)
  GRAPHQL_MAX_COST = 20_000;

  @WholeNumber(1, 500)
  GRAPHQL_MAX_ALIASES = 15;

  /** Largest request body the API reads (JSON); a larger one is answered 413 PAYLOAD_TOO_LARGE. */
  @WholeNumber(10_000, 10_000_000)
  GRAPHQL_MAX_BODY_BYTES = 102_400;

  @WholeNumber(100, 100_000)
  GRAPHQL_MAX_TOKENS = 2000;

  @WholeNumber(1, 500)
  GRAPHQL_MAX_DIRECTIVES = 10;

  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For), as
   * Express' "trust proxy": `false` (default: the connecting address counts), a number of hops, or
   * a comma-separated list of addresses/subnets (`loopback`, `10.0.0.0/8`). Rate limits count per address.
   */
  @Matches(
    /^(false|[0-9]|\s*(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?))*\s*)$/i,
    {
      message:
        'TRUST_PROXY must be false, a number of proxy hops, or a comma-separated list of proxy addresses/subnets (e.g. "loopback, ' +
        '10.0.0.0/8")',
    },
  )
  TRUST_PROXY = 'false';

  /** Sign-in attempts allowed per e-mail address, and per client address, in one window. */
  @WholeNumber(1)
  RATE_LIMIT_SIGN_IN_PER_EMAIL = 10;

  @WholeNumber(1)
  RATE_LIMIT_SIGN_IN_PER_ADDRESS = 50;

  @WholeNumber(1, 86400)
  RATE_LIMIT_SIGN_IN_WINDOW_SECONDS = 900;

  /** Mutations allowed per account, and per client address, in one window; each mutation field counts. */
  @WholeNumber(1)
  RATE_LIMIT_MUTATIONS_PER_ACCOUNT = 120;

  @WholeNumber(1)
  RATE_LIMIT_MUTATIONS_PER_ADDRESS = 600;

  @WholeNumber(1, 86400)
  RATE_LIMIT_MUTATIONS_WINDOW_SECONDS = 60;

  /** Minutes after writing in which the author may still edit a comment. */
  @Transform(toInt)
  @IsInt({ message: 'COMMENT_EDIT_WINDOW_MINUTES must be a whole number of minutes' })
  @Min(0)
  @Max(1440)
  COMMENT_EDIT_WINDOW_MINUTES = 15;

  /** Where evidence files are kept: a directory (the default, one machine) or s3://bucket[/prefix] (several replicas). */
  STORAGE_DIR = 'var/storage';

  @Matches(/^$|^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[A-Za-z0-9!_.*'()/-]*)?$/, {
    message: 'STORAGE_URL must be empty (use STORAGE_DIR) or s3://bucket, optionally with a key prefix (s3://bucket/opvolging)',
  })
  STORAGE_URL = '';

  /** S3-compatible endpoint (empty: AWS itself); region and credentials (empty: the SDK's default chain). */
  S3_ENDPOINT = '';
  S3_REGION = 'eu-west-1';
  S3_ACCESS_KEY_ID = '';
  S3_SECRET_ACCESS_KEY = '';
  @IsIn(['true', 'false'], { message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE = 'true';

  /** Largest evidence file, and most bytes of evidence on one item (measure, audit, verification, comment). */
  @Transform(toInt)
  @IsInt({ message: 'ATTACHMENT_MAX_BYTES must be a whole number of bytes' })
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

  @Transform(toInt)
  @IsInt({ message: 'ATTACHMENT_MAX_BYTES_PER_ITEM must be a whole number of bytes' })
  @Min(1024)
  ATTACHMENT_MAX_BYTES_PER_ITEM = 100 * 1024 * 1024;

  /** ClamAV: clamd's socket (a path, or host:port for TCP); empty turns scanning off. */
  CLAMD_SOCKET = '';

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'], { message: 'LOG_LEVEL must be one of error, warn, log, debug, verbose' })
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** `json` (one object per line, for a log collector) or `pretty` (readable); empty: json in production, pretty otherwise. */
  @IsIn(['', 'json', 'pretty'], { message: 'LOG_FORMAT must be json or pretty (or empty: json in production, pretty otherwise)' })
  LOG_FORMAT: '' | 'json' | 'pretty' = '';

  /** When set, GET /metrics answers only with `Authorization: Bearer <METRICS_TOKEN>`. Empty: open (protect it in the network). */
  @Matches(/^(.{16,})?$/, { message: 'METRICS_TOKEN must be at least 16 characters long (or empty: /metrics unprotected)' })
  METRICS_TOKEN = '';

  /** On SIGTERM, in-flight requests and jobs get this long to finish before connections are closed anyway. */
  @WholeNumber(1, 300)
  SHUTDOWN_TIMEOUT_SECONDS = 20;

  /** A database statement running longer than this is cancelled by PostgreSQL (statement_timeout). */
  @WholeNumber(1, 3600)
  DB_STATEMENT_TIMEOUT_SECONDS = 60;

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

/** Reads and validates the environment; throws a ConfigError with one line per wrong variable, secrets hidden. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && (value !== '' || key === 'DB_APP_ROLE' || key === 'LOG_FORMAT' || key === 'METRICS_TOKEN')) raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const problems = validateSync(config, { whitelist: false }).map((e) => {
    // One line per variable: several constraints of one variable share their message.
    const messages = [...new Set(Object.values(e.constraints ?? {}))];
    return `${e.property}=${redactValue(e.property, raw[e.property])}: ${messages.join('; ')}`;
  });
  if (config.NODE_ENV === 'production' && config.JWT_SECRET === DEV_JWT_SECRET) {
    problems.push('JWT_SECRET: set a secret of your own in production (the built-in one is for local use only)');
  }
  if (config.OIDC_ISSUER_URL) {
    if (!config.OIDC_CLIENT_ID)
      problems.push(
        'OIDC_CLIENT_ID: required when OIDC_ISSUER_URL is set (the client id registered for Opvolging at the identity provider)',
      );
    if (!config.OIDC_CLIENT_SECRET)
      problems.push('OIDC_CLIENT_SECRET: required when OIDC_ISSUER_URL is set (the client secret issued with OIDC_CLIENT_ID)');
  }
  // In production the demo (with its published accounts) is loaded only when DEMO_DATA=true is set explicitly.
  if (config.NODE_ENV === 'production' && raw.DEMO_DATA === undefined) config.DEMO_DATA = false;
  config.OIDC_REDIRECT_URL ||= `${config.PUBLIC_URL.replace(/\/+$/, '')}/auth/oidc/callback`;
  config.WEB_DIST_DIR = config.WEB_DIST_DIR ? resolve(config.WEB_DIST_DIR) : join(repositoryRoot(), 'dist', 'web');
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** The nearest directory above this file holding package.json: the repository from source, the image's /app from dist/. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
