import { Args, GraphQLISODateTime, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { ImplementationGrade } from '@opvolging/audits';
import {
  byInvestigation,
  forInvestigations,
  InvestigationProgress,
  OverviewsService,
  PlanProgressRow,
  ProgressTotals as ProgressTotalsData,
  totalsOf,
} from '@opvolging/overviews';
import { Organisation } from '@opvolging/organisations';
import { Actor, Clock } from '@opvolging/shared';
import { CurrentActor, loadersOf } from '../graphql/current-actor.decorator';
import { RequestContext } from '../graphql/request-context';
import { OrganisationType } from '../organisations/organisation.model';
import {
  ActionNeededType,
  GradeCount,
  MonthProgress,
  MunicipalityOverview,
  OverviewChange,
  PlanProgress,
  Portfolio,
  PortfolioFilterInput,
  ProgressTotals,
  ThemeOverview,
  InvestigationProgressType,
} from './overview.model';

const gradeList = (grades: Record<string, number>): GradeCount[] =>
  Object.values(ImplementationGrade).map((grade) => ({ grade, count: Number(grades[grade] ?? 0) }));

/*
 * The overview types are plain data, shaped here once: no per-row field resolvers (a municipality
 * overview has hundreds of plan rows, and each resolver call costs the framework's wrapping).
 */
const totalsView = (t: ProgressTotalsData): ProgressTotals => ({ ...t, grades: gradeList(t.grades) });

const planView = (r: PlanProgressRow): PlanProgress => ({
  ...r,
  planStatus: r.planStatus as PlanProgress['planStatus'],
  enforcementType: r.enforcementType as PlanProgress['enforcementType'],
  enforcementStatus: r.enforcementStatus as PlanProgress['enforcementStatus'],
  grades: gradeList(r.grades),
  // The row carries the organisation (joined in the aggregate); its own fields still resolve as usual.
  organisation: {
    id: r.organisationId,
    name: r.organisationName,
    kind: r.organisationKind,
    municipalityId: r.organisationMunicipalityId,
    version: r.organisationVersion,
  } as Organisation,
});

const progressView = (p: InvestigationProgress): InvestigationProgressType => ({
  ...p,
  status: p.status as InvestigationProgressType['status'],
  plans: p.plans.map(planView),
  totals: totalsView(p.totals),
});

@Resolver()
export class OverviewsResolver {
  constructor(
    private readonly overviews: OverviewsService,
    private readonly clock: Clock,
  ) {}

  @Query(() => MunicipalityOverview, {
    description:
      'Reviewers: your municipality; inspectors: name one. Every case, per organisation, with what changed since you last looked.',
  })
  async municipalityOverview(
    @CurrentActor() actor: Actor,
    @Args('municipalityId', { type: () => ID, nullable: true }) municipalityId?: string,
  ) {
    const { municipalityId: id, rows, changes } = await this.overviews.municipalityWithChanges(actor, municipalityId);
    return {
      municipalityId: id,
      investigations: byInvestigation(rows, this.clock.today()).map(progressView),
      totals: totalsView(totalsOf(rows)),
      changesSinceLastVisit: changes,
    };
  }

  @Mutation(() => GraphQLISODateTime, {
    description: 'Marks an overview (a municipality id) as seen now: "changes since last visit" count from here.',
  })
  markOverviewSeen(@CurrentActor() actor: Actor, @Args('subjectId', { type: () => ID }) subjectId: string) {
    return this.overviews.markSeen(actor, subjectId);
  }

  @Query(() => Portfolio, { description: "Inspectors: the inspectorate's investigations, newest first, with progress per organisation." })
  async inspectoratePortfolio(
    @CurrentActor() actor: Actor,
    @Args('filter', { nullable: true }) filter?: PortfolioFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    const page = await this.overviews.portfolio(actor, filter ?? {}, { first, after });
    return {
      investigations: forInvestigations(page.investigations, page.rows, this.clock.today()).map(progressView),
      totals: totalsView(totalsOf(page.rows)),
      nextCursor: page.nextCursor,
    };
  }

  @Query(() => [ActionNeededType], {
    description:
      "Inspectors: what needs an inspector's action now (assessments, audit judgements, verifications, extension requests, " +
      'escalations, closures).',
  })
  actionsNeeded(@CurrentActor() actor: Actor) {
    return this.overviews.actionsNeeded(actor);
  }

  @Query(() => [InvestigationProgressType], { description: "Organisation members: your organisation's plans across investigations." })
  async organisationOverview(@CurrentActor() actor: Actor) {
    return byInvestigation(await this.overviews.organisation(actor), this.clock.today()).map(progressView);
  }

  @Query(() => [ThemeOverview], {
    description: 'Per recurring theme, across all published investigations: counts and how the points were graded.',
  })
  async themeOverview(
    @CurrentActor() actor: Actor,
    @Args('fromYear', { type: () => Int, nullable: true }) fromYear?: number,
    @Args('toYear', { type: () => Int, nullable: true }) toYear?: number,
  ) {
    return (await this.overviews.themes(actor, { fromYear, toYear })).map((t) => ({ ...t, grades: gradeList(t.grades) }));
  }

  @Query(() => [MonthProgress], {
    description: 'Month by month: improvement points in a municipality, implemented versus open (for a chart).',
  })
  municipalityProgressSeries(
    @CurrentActor() actor: Actor,
    @Args('municipalityId', { type: () => ID, nullable: true }) municipalityId?: string,
    @Args('months', { type: () => Int, nullable: true, defaultValue: 12 }) months = 12,
  ) {
    return this.overviews.monthlySeries(actor, municipalityId, months);
  }
}

@Resolver(() => MunicipalityOverview)
export class MunicipalityOverviewResolver {
  @ResolveField(() => OrganisationType)
  municipality(o: { municipalityId: string }, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.organisation.load(o.municipalityId);
  }
}

@Resolver(() => OverviewChange)
export class OverviewChangeResolver {
  @ResolveField(() => OrganisationType, { nullable: true })
  organisation(c: { organisationId: string | null }, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return c.organisationId ? loaders.organisation.load(c.organisationId) : null;
  }
}
