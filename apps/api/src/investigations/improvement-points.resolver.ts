import { Args, ID, Info, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Finding, ImprovementPoint, ReportContentService } from '@opvolging/investigations';
import { PageColumn } from '@opvolging/database';
import { MeasuresService } from '@opvolging/plans';
import { Actor } from '@opvolging/shared';
import { CurrentActor, loadersOf, RequestLoaders } from '../graphql/current-actor.decorator';
import { RequestContext } from '../graphql/request-context';
import { loadAll, Loaders } from '../graphql/loaders';
import { asksForNodeField } from '../graphql/look-ahead';
import { PageArgsInput } from '../graphql/pagination.model';
import { OrganisationType } from '../organisations/organisation.model';
import { MeasureType } from '../plans/plan.model';
import {
  FindingType,
  ImprovementPointConnection,
  ImprovementPointFilterInput,
  ImprovementPointType,
  InvestigationType,
} from './investigation.model';

@Resolver(() => ImprovementPointType)
export class ImprovementPointsResolver {
  constructor(
    private readonly content: ReportContentService,
    private readonly measureRows: MeasuresService,
  ) {}

  @Query(() => ImprovementPointConnection, { description: 'Improvement points you may see, across investigations.' })
  async improvementPoints(
    @CurrentActor() actor: Actor,
    @RequestLoaders() loaders: Loaders,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgsInput,
    @Args('filter', { nullable: true }) filter?: ImprovementPointFilterInput,
  ) {
    // Measures asked for under the page come in the page's own statement (one round trip, not two)
    // and go to the request's loader, where the `measures` field finds them.
    const withMeasures = asksForNodeField(info, 'measures');
    const result = await this.content.listPoints(actor, filter ?? {}, page, (point): Record<string, PageColumn> =>
      withMeasures ? { measures: this.measureRows.byPointColumn(actor, point) } : {},
    );
    if (withMeasures) {
      result.nodes.forEach((p, i) => loaders.measuresByPoint.prime(p.id, this.measureRows.fromColumn(result.included.measures[i])));
    }
    return result;
  }

  @Query(() => ImprovementPointType)
  improvementPoint(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.content.getPoint(actor, id);
  }

  @ResolveField(() => InvestigationType)
  investigation(p: ImprovementPoint, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.investigation.load(p.investigationId);
  }

  @ResolveField(() => FindingType, { nullable: true })
  finding(p: ImprovementPoint, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return p.findingId ? loaders.finding.load(p.findingId) : null;
  }

  @ResolveField(() => [OrganisationType], { description: 'The organisations the point is addressed to.' })
  async addressees(p: ImprovementPoint, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loadAll(loaders.organisation, await loaders.addresseeIds.load(p.id));
  }

  @ResolveField(() => OrganisationType, { nullable: true, description: 'For a collective point: who coordinates it.' })
  coordinatingOrganisation(p: ImprovementPoint, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return p.coordinatingOrganisationId ? loaders.organisation.load(p.coordinatingOrganisationId) : null;
  }

  @ResolveField(() => [MeasureType], { description: 'Measures covering this point, in plans you may see.' })
  measures(p: ImprovementPoint, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.measuresByPoint.load(p.id);
  }
}

@Resolver(() => FindingType)
export class FindingsResolver {
  @ResolveField(() => InvestigationType)
  investigation(f: Finding, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.investigation.load(f.investigationId);
  }
}
