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

  /** From this hour (Europe/Amsterdam) the daily digests go out. */
  @Transform(toInt)
  @IsInt({ message: 'DIGEST_HOUR must be a whole number' })
  @Min(0)
  @Max(23)
  DIGEST_HOUR = 7;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

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
  if (problems.length) throw new ConfigError(problems);
  return config;
}
