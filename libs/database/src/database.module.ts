import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@opvolging/config';
import { dataSourceOptions } from './data-source-options';
import { Database } from './transaction';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => dataSourceOptions(config.DATABASE_URL),
    }),
  ],
  providers: [Database],
  exports: [Database],
})
export class DatabaseModule {}
