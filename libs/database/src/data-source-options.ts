import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy';

// Calendar dates stay 'YYYY-MM-DD' strings in every query, raw or not: a due date has no time or zone.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

/**
 * One definition of how every process (API, worker, launcher, tests) reaches PostgreSQL. The
 * entities and migrations come from the caller: the apps assemble them (apps/composition).
 */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Off: failed-query logs carry parameters (addresses, free text); formatError logs unexpected errors.
    logging: false,
    // jit off: the just-in-time compiler pays off for long analytical queries, not for these short
    // ones, where it added ~90 ms of compilation to a 500 ms plan (docs/PERFORMANCE.md).
    // connectionTimeoutMillis: an unreachable PostgreSQL fails a checkout in 5 s instead of hanging.
    extra: { max: 10, application_name: 'opvolging', options: '-c jit=off', connectionTimeoutMillis: 5000 },
    ...overrides,
  } as DataSourceOptions;
}
