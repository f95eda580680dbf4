import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { join } from 'path';
import { AuditsModule } from '@opvolging/audits';
import { AppConfig, ConfigModule } from '@opvolging/config';
import { DatabaseModule } from '@opvolging/database';
import { HealthModule } from '@opvolging/health';
import { IdentityModule } from '@opvolging/identity';
import { InvestigationsModule } from '@opvolging/investigations';
import { OrganisationsModule } from '@opvolging/organisations';
import { PlansModule } from '@opvolging/plans';
import { QueueModule } from '@opvolging/queue';
import { SharedModule } from '@opvolging/shared';
import { InternalAuditJudgementsResolver, InternalAuditResultsResolver, InternalAuditsResolver, VerificationGradesResolver, VerificationsResolver } from './audits/audits.resolver';
import { AuthGuard } from './graphql/auth.guard';
import { DomainErrorFilter } from './graphql/domain-error.filter';
import { formatError } from './graphql/format-error';
import { LoaderFactory, LoaderServices } from './graphql/loaders';
import { RequestContext } from './graphql/request-context';
import { LocalDateScalar } from './graphql/scalars';
import { createValidationPipe } from './graphql/validation.pipe';
import { IdentityResolver } from './identity/identity.resolver';
import { FindingsResolver, ImprovementPointsResolver } from './investigations/improvement-points.resolver';
import { InvestigationsResolver } from './investigations/investigations.resolver';
import { OrganisationsResolver } from './organisations/organisations.resolver';
import { MeasuresResolver } from './plans/measures.resolver';
import { PlanAssessmentsResolver, PlansResolver, PlanVersionMeasuresResolver, PlanVersionsResolver } from './plans/plans.resolver';

/** Where the schema generated from code is written; committed so API changes show in review. */
export const SCHEMA_FILE = join(process.cwd(), 'docs', 'schema.graphql');

@Module({
  imports: [
    ConfigModule,
    SharedModule.forRoot(),
    DatabaseModule,
    QueueModule,
    HealthModule,
    IdentityModule,
    OrganisationsModule,
    InvestigationsModule,
    PlansModule,
    AuditsModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // In development the schema file is rewritten from code on start; tests check it is current.
        autoSchemaFile: config.NODE_ENV === 'development' ? SCHEMA_FILE : true,
        sortSchema: true,
        path: '/graphql',
        playground: false,
        introspection: !config.isProduction,
        includeStacktraceInErrorResponses: false,
        plugins: config.isProduction ? [ApolloServerPluginLandingPageDisabled()] : [],
        context: ({ req }: { req: RequestContext['req'] }): RequestContext => ({ req }),
        formatError,
      }),
    }),
  ],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
    LoaderServices,
    LoaderFactory,
    LocalDateScalar,
    IdentityResolver,
    OrganisationsResolver,
    InvestigationsResolver,
    ImprovementPointsResolver,
    FindingsResolver,
    PlansResolver,
    PlanVersionsResolver,
    PlanVersionMeasuresResolver,
    PlanAssessmentsResolver,
    MeasuresResolver,
    InternalAuditsResolver,
    InternalAuditResultsResolver,
    InternalAuditJudgementsResolver,
    VerificationsResolver,
    VerificationGradesResolver,
  ],
})
export class AppModule {}
