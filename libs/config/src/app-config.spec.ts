import { tmpdir } from 'os';
import { join } from 'path';
import { ConfigError, loadConfig } from '@opvolging/config';

describe('configuration', () => {
  it('works with no variables at all, with local defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/opvolging',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PORT: 3000,
      DEMO_DATA: true,
    });
  });

  it('reads and converts what is set', () => {
    expect(loadConfig({ PORT: '8080', DEMO_DATA: 'false', ACCESS_TOKEN_TTL_SECONDS: '600' })).toMatchObject({
      PORT: 8080,
      DEMO_DATA: false,
      ACCESS_TOKEN_TTL_SECONDS: 600,
    });
  });

  it('stops with a message naming every wrong variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT="eighty": PORT must be a whole number from 1 to 65535');
    expect(message).toContain('DATABASE_URL="mysql://x": DATABASE_URL must be a postgres:// URL');
    expect(message).toContain('JWT_SECRET must be at least 32 characters long');
  });

  it('bounds the browser session length and finds the web app from the repository root, not the cwd', () => {
    expect(loadConfig({}).SESSION_MAX_HOURS).toBe(12);
    expect(loadConfig({ SESSION_MAX_HOURS: '168' }).SESSION_MAX_HOURS).toBe(168);
    for (const value of ['0', '169', 'eight']) {
      expect(() => loadConfig({ SESSION_MAX_HOURS: value })).toThrow(`SESSION_MAX_HOURS="${value}"`);
    }
    const cwd = process.cwd();
    try {
      process.chdir(tmpdir());
      expect(loadConfig({}).WEB_DIST_DIR).toBe(join(__dirname, '..', '..', '..', 'dist', 'web'));
    } finally {
      process.chdir(cwd);
    }
    expect(loadConfig({ WEB_DIST_DIR: 'build/web' }).WEB_DIST_DIR).toBe(join(cwd, 'build', 'web'));
  });

  it('refuses the built-in token secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: set a secret of your own in production/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).isProduction).toBe(true);
  });

  it('says once per variable what it accepts, not three times and not wrongly', () => {
    const problems = problemsOf({ PORT: 'abc', SWEEP_INTERVAL_SECONDS: '5', LOG_LEVEL: 'loud' });
    expect(problems).toEqual([
      'PORT="abc": PORT must be a whole number from 1 to 65535',
      'SWEEP_INTERVAL_SECONDS="5": SWEEP_INTERVAL_SECONDS must be a whole number from 10 to 3600',
      'LOG_LEVEL="loud": LOG_LEVEL must be one of error, warn, log, debug, verbose',
    ]);
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT="70000": PORT must be a whole number from 1 to 65535']);
  });

  it('never echoes a secret: token secrets by length only, passwords in URLs masked', () => {
    const message = messageOf({
      JWT_SECRET: 'hunter2-short',
      DATABASE_URL: 'postgres://app:s3cret-pw@db:5432/opvolging withspace',
      REDIS_URL: 'redis://:redis-pw@cache:6379 x',
      SMTP_URL: 'smtp://mail:mail-pw@mail example',
      METRICS_TOKEN: 'short-token',
    });
    for (const secret of ['hunter2-short', 's3cret-pw', 'redis-pw', 'mail-pw', 'short-token']) expect(message).not.toContain(secret);
    expect(message).toContain('JWT_SECRET=(hidden, 13 characters): JWT_SECRET must be at least 32 characters long');
    expect(message).toContain('DATABASE_URL="postgres://app:***@db:5432/opvolging withspace"');
    expect(message).toContain('REDIS_URL="redis://:***@cache:6379 x"');
  });

  it('reads booleans from the documented words only', () => {
    for (const word of ['true', 'TRUE', '1', 'yes', 'on']) expect(loadConfig({ DEMO_DATA: word }).DEMO_DATA).toBe(true);
    for (const word of ['false', '0', 'no', 'off']) expect(loadConfig({ DEMO_DATA: word }).DEMO_DATA).toBe(false);
    expect(problemsOf({ DEMO_DATA: 'maybe' })).toEqual([
      'DEMO_DATA="maybe": DEMO_DATA must be true or false (accepted: true, 1, yes, on, false, 0, no, off)',
    ]);
  });

  it('loads no demo in production unless DEMO_DATA=true is set explicitly', () => {
    const secret = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(loadConfig(secret).DEMO_DATA).toBe(false);
    expect(loadConfig({ ...secret, DEMO_DATA: 'true' }).DEMO_DATA).toBe(true);
    expect(loadConfig({}).DEMO_DATA).toBe(true);
  });
});

function messageOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}
