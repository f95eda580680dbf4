import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@opvolging/config';
import { DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { RetentionTasks } from './retention';
import { Database } from './transaction';

/** The data source and `Database`; the app that starts passes the entities it assembled. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(entities: NonNullable<DataSourceOptions['entities']>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            const options = dataSourceOptions(config.DATABASE_URL, { entities });
            // Every statement is bounded: PostgreSQL cancels one that runs longer (statement_timeout).
            return { ...options, extra: { ...options.extra, statement_timeout: config.DB_STATEMENT_TIMEOUT_SECONDS * 1000 } };
          },
        }),
      ],
      providers: [Database, RetentionTasks],
      exports: [Database, RetentionTasks],
    };
  }
}
