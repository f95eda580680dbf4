import { Args, ID, Info, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Finding, ImprovementPoint, ReportContentService } from '@opvolging/investigations';
import { PageColumn } from '@opvolging/database';
import { Measure, MeasuresService } from '@opvolging/plans';
import { Actor } from '@opvolging/shared';
import { CurrentActor, loadersOf, RequestLoaders } from '../graphql/current-actor.decorator';
import { RequestContext } from '../graphql/request-context';
import { loadAll, Loaders } from '../graphql/loaders';
import { FieldReads, nodeFieldSelection, nodeSelection, propertiesRead } from '../graphql/look-ahead';
import { PageArgsInput } from '../graphql/pagination.model';
import { OrganisationType } from '../organisations/organisation.model';
import { MeasureType } from '../plans/plan.model';
import { MEASURE_FIELD_READS } from '../plans/measures.resolver';
import {
  FindingType,
  ImprovementPointConnection,
  ImprovementPointFilterInput,
  ImprovementPointType,
  InvestigationType,
} from './investigation.model';

/** What each field of ImprovementPoint reads of the point, where that is not the field's own property (see `propertiesRead`). */
export const POINT_FIELD_READS: FieldReads = {
  __typename: [],
  investigation: ['investigationId'],
  finding: ['findingId'],
  addressees: ['id'],
  coordinatingOrganisation: ['coordinatingOrganisationId'],
  measures: ['id'],
};

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
    // Measures asked for under the page come in the page's own statement (one round trip, not two),
    // with only the properties their selection reads. Whole measures go to the request's loader,
    // partial ones stay with this page's points, where only this selection reads them.
    const selection = nodeFieldSelection(info, 'measures');
    const properties = selection ? propertiesRead(selection, MEASURE_FIELD_READS, (p) => this.measureRows.isMeasureColumn(p)) : undefined;
    // Of the points, too, only what is asked for (partial points, reaching nothing but this page's answer).
    const pointProperties = propertiesRead(nodeSelection(info) ?? new Set(), POINT_FIELD_READS, (p) => this.content.isPointColumn(p));
    const result = await this.content.listPoints(
      actor,
      filter ?? {},
      page,
      (point): Record<string, PageColumn> => (selection ? { measures: this.measureRows.byPointColumn(actor, point, properties) } : {}),
      pointProperties,
    );
    if (selection) {
      result.nodes.forEach((p, i) => {
        const measures = this.measureRows.fromColumn(result.included.measures[i]);
        if (properties) partialMeasures.set(p, measures);
        else loaders.measuresByPoint.prime(p.id, measures);
      });
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
    return partialMeasures.get(p) ?? loadersOf(ctx, info).measuresByPoint.load(p.id);
  }
}

/**
 * The partial measures a page of points read for its own points (keyed by those point objects,
 * which only that page's nodes reach, so nothing else in the request, nor another request, sees them).
 */
const partialMeasures = new WeakMap<ImprovementPoint, Measure[]>();

@Resolver(() => FindingType)
export class FindingsResolver {
  @ResolveField(() => InvestigationType)
  investigation(f: Finding, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.investigation.load(f.investigationId);
  }
}
