import { ConfigError, loadConfig } from '@opvolging/config';

describe('configuration', () => {
  it('works with no variables at all, with local defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/opvolging', REDIS_URL: 'redis://127.0.0.1:6379', PORT: 3000, DEMO_DATA: true });
  });

  it('reads and converts what is set', () => {
    expect(loadConfig({ PORT: '8080', DEMO_DATA: 'false', ACCESS_TOKEN_TTL_SECONDS: '600' })).toMatchObject({ PORT: 8080, DEMO_DATA: false, ACCESS_TOKEN_TTL_SECONDS: 600 });
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
    expect(message).toContain('PORT="eighty": PORT must be a whole number');
    expect(message).toContain('DATABASE_URL="mysql://x": DATABASE_URL must be a postgres:// URL');
    expect(message).toContain('JWT_SECRET must be at least 32 characters long');
  });

  it('refuses the built-in token secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: set a secret of your own in production/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).isProduction).toBe(true);
  });
});
