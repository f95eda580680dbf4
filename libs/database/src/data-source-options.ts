import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { SnakeNamingStrategy } from './naming-strategy';
import { entities } from './entities';

// Calendar dates stay 'YYYY-MM-DD' strings in every query, raw or not: a due date has no time or zone.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

/** One definition of how every process (API, worker, launcher, tests) reaches PostgreSQL. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Off: failed-query logs carry parameters (addresses, free text); formatError logs unexpected errors.
    logging: false,
    // jit off: the just-in-time compiler pays off for long analytical queries, not for these short
    // ones, where it added ~90 ms of compilation to a 500 ms plan (docs/PERFORMANCE.md).
    extra: { max: 10, application_name: 'opvolging', options: '-c jit=off' },
    ...overrides,
  } as DataSourceOptions;
}
