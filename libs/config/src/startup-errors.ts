import { ConfigError, redactUrl } from './app-config';

interface ErrorLike {
  code?: string;
  message?: string;
  errors?: ErrorLike[];
  address?: string;
  port?: number;
}

/** host:port of a URL, without user or password. */
function where(url: string | undefined, fallbackPort: number): string {
  if (!url) return 'the configured server';
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || fallbackPort}`;
  } catch {
    return 'the configured server';
  }
}

function databaseName(url: string | undefined): string {
  try {
    return decodeURIComponent(new URL(url ?? '').pathname.slice(1)) || 'opvolging';
  } catch {
    return 'opvolging';
  }
}

/**
 * One line, with a hint, for an error that stops a process at start-up: a wrong variable, or a
 * PostgreSQL or Redis that cannot be reached. Never includes passwords (URLs are redacted).
 */
export function describeStartupError(error: unknown, env: { DATABASE_URL?: string; REDIS_URL?: string } = process.env): string {
  if (error instanceof ConfigError) return error.message;
  const e = (error ?? {}) as ErrorLike;
  // node's AggregateError (IPv4 and IPv6 both refused) carries the codes in .errors
  const code = e.code ?? e.errors?.find((inner) => inner.code)?.code;
  const message = redactUrl(String(e.message ?? error)).split('\n')[0];
  const db = where(env.DATABASE_URL, 5432);
  const isRedis = /redis/i.test(message) || (e.port !== undefined && String(e.port) === where(env.REDIS_URL, 6379).split(':')[1]);
  switch (code) {
    case '3D000': {
      const name = databaseName(env.DATABASE_URL);
      const [host, port] = db.split(':');
      return (
        `PostgreSQL at ${db} has no database "${name}". ` +
        `Create it first, e.g. \`createdb -h ${host} -p ${port} -U postgres ${name}\`, then start again (DATABASE_URL names it).`
      );
    }
    case '28P01':
    case '28000':
      return `PostgreSQL at ${db} refused the login (${message}). Check the user and password in DATABASE_URL, and pg_hba.conf.`;
    case 'ECONNREFUSED':
      return isRedis
        ? `Redis at ${where(env.REDIS_URL, 6379)} refuses connections. Is it running, and does REDIS_URL point at it?`
        : `PostgreSQL at ${db} refuses connections. Is it running, and does DATABASE_URL point at it?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host in ${isRedis ? 'REDIS_URL' : 'DATABASE_URL'} is unknown (${message}). Check the host name.`;
    case 'ETIMEDOUT':
      return (
        `${isRedis ? `Redis at ${where(env.REDIS_URL, 6379)}` : `PostgreSQL at ${db}`} did not answer in time. ` +
        'Check the address and any firewall in between.'
      );
  }
  if (/timeout expired|Connection terminated due to connection timeout/i.test(message))
    return `PostgreSQL at ${db} did not answer in time (${message}). Check the address in DATABASE_URL and any firewall in between.`;
  return `Could not start: ${message}`;
}
