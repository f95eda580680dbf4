import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { SnakeNamingStrategy } from './naming-strategy';
import { entities } from './entities';

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
    logging: ['error'],
    extra: { max: 10, application_name: 'opvolging' },
    ...overrides,
  } as DataSourceOptions;
}
