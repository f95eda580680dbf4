import { ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { join } from 'path';
import { AuditsModule } from '@opvolging/audits';
import { AppConfig, ConfigModule } from '@opvolging/config';
import { DeadlinesModule } from '@opvolging/deadlines';
import { EnforcementModule } from '@opvolging/enforcement';
import { HistoryModule } from '@opvolging/history';
import { OverviewsModule } from '@opvolging/overviews';
import { ExportsModule } from '@opvolging/exports';
import { ConversationModule } from '@opvolging/conversation';
import { NotificationsModule } from '@opvolging/notifications';
import { DatabaseModule } from '@opvolging/database';
import { ENTITIES } from '../../composition/src/persistence';
import { HealthModule } from '@opvolging/health';
import { IdentityModule } from '@opvolging/identity';
import { InvestigationsModule } from '@opvolging/investigations';
import { OrganisationsModule } from '@opvolging/organisations';
import { PlansModule } from '@opvolging/plans';
import { LoggingModule, MetricsModule } from '@opvolging/observability';
import { QueueModule } from '@opvolging/queue';
import { SharedModule } from '@opvolging/shared';
import { CompiledApolloDriver } from './graphql/compiled-execution';
import { AuthGuard } from './graphql/auth.guard';
import { DomainErrorFilter } from './graphql/domain-error.filter';
import { HttpErrorsFilter } from './graphql/http-errors.filter';
import { formatError } from './graphql/format-error';
import { withoutPropertyResolvers } from './graphql/plain-fields';
import { requestLimits } from './graphql/request-limits';
import { requestLogPlugin } from './graphql/request-log.plugin';
import { RateLimiter, RateLimitGuard } from './graphql/rate-limit';
import { TrustProxy } from './graphql/client-address';
import { LoaderFactory, LoaderServices } from './graphql/loaders';
import { RequestContext } from './graphql/request-context';
import { LocalDateScalar } from './graphql/scalars';
import { JsonScalar } from './history/history.model';
import { createValidationPipe } from './graphql/validation.pipe';
import { InputSanitiserPipe } from './graphql/input-sanitiser.pipe';
import { RESOLVERS } from './resolvers';
import { CalendarController } from './notifications/calendar.controller';
import { OidcController } from './identity/oidc.controller';
import { SessionController } from './identity/session.controller';
import { SessionErrorFilter } from './identity/session-error.filter';
import { ExportsController } from './exports/exports.controller';
import { AttachmentsController } from './conversation/attachments.controller';

/** Where the schema generated from code is written; committed so API changes show in review. */
export const SCHEMA_FILE = join(process.cwd(), 'docs', 'schema.graphql');

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forService('api'),
    SharedModule.forRoot(),
    DatabaseModule.forRoot(ENTITIES),
    QueueModule,
    HealthModule,
    MetricsModule,
    IdentityModule,
    OrganisationsModule,
    InvestigationsModule,
    PlansModule,
    AuditsModule,
    DeadlinesModule,
    EnforcementModule,
    NotificationsModule,
    HistoryModule,
    OverviewsModule,
    ExportsModule,
    ConversationModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: CompiledApolloDriver, // Apollo with compiled execution (graphql-jit)
      inject: [AppConfig],
      useFactory: (config: AppConfig): ApolloDriverConfig => {
        const limits = requestLimits(config);
        return {
          // Built in memory; docs/schema.graphql is written by `npm run schema` and checked by a test.
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          playground: false,
          introspection: !config.isProduction,
          includeStacktraceInErrorResponses: false,
          // Apollo's defaults, stated: CSRF prevention on, batched (array) requests refused.
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          // No HTTP caching of answers here (they are per user), so no cache-control bookkeeping per field;
          // no federation, so no inline-trace plugin asked at every request whether to trace.
          plugins: [
            requestLogPlugin(),
            ...limits.plugins,
            ApolloServerPluginCacheControlDisabled(),
            ApolloServerPluginInlineTraceDisabled(),
            ...(config.isProduction ? [ApolloServerPluginLandingPageDisabled()] : []),
          ],
          // Compact JSON: Apollo's default indents every answer, which for a large overview costs time and bytes.
          stringifyResult: (result) => JSON.stringify(result),
          validationRules: limits.validationRules,
          parseOptions: limits.parseOptions,
          context: ({ req }: { req: RequestContext['req'] }): RequestContext => ({ req }),
          formatError,
          // Plain-data types read their properties without a resolver call per row and field.
          transformSchema: withoutPropertyResolvers,
        };
      },
    }),
  ],
  controllers: [CalendarController, OidcController, SessionController, ExportsController, AttachmentsController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard }, // after AuthGuard: counts per signed-in account
    RateLimiter,
    TrustProxy,
    { provide: APP_PIPE, useClass: InputSanitiserPipe }, // first: validation then sees clean values
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: HttpErrorsFilter }, // everything else, logged without SQL or flooding
    { provide: APP_FILTER, useClass: DomainErrorFilter },
    { provide: APP_FILTER, useClass: SessionErrorFilter },
    LoaderServices,
    LoaderFactory,
    LocalDateScalar,
    JsonScalar,
    ...RESOLVERS,
  ],
})
export class AppModule {}
