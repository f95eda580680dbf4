import { Args, GraphQLISODateTime, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ImplementationGrade } from '@opvolging/audits';
import { byInvestigation, forInvestigations, OverviewsService, PlanProgressRow, totalsOf } from '@opvolging/overviews';
import { Actor, Clock } from '@opvolging/shared';
import { CurrentActor, RequestLoaders } from '../graphql/current-actor.decorator';
import { Loaders } from '../graphql/loaders';
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

@Resolver()
export class OverviewsResolver {
  constructor(
    private readonly overviews: OverviewsService,
    private readonly clock: Clock,
  ) {}

  @Query(() => MunicipalityOverview, { description: 'Reviewers: your municipality; inspectors: name one. Every case, per organisation, with what changed since you last looked.' })
  async municipalityOverview(@CurrentActor() actor: Actor, @Args('municipalityId', { type: () => ID, nullable: true }) municipalityId?: string) {
    const { municipalityId: id, rows } = await this.overviews.municipality(actor, municipalityId);
    const investigations = byInvestigation(rows, this.clock.today());
    return {
      municipalityId: id,
      investigations,
      totals: totalsOf(rows),
      changesSinceLastVisit: await this.overviews.changesSince(actor, id, investigations.map((i) => i.investigationId)),
    };
  }

  @Mutation(() => GraphQLISODateTime, { description: 'Marks an overview (a municipality id) as seen now: "changes since last visit" count from here.' })
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
    return { investigations: forInvestigations(page.investigations, page.rows, this.clock.today()), totals: totalsOf(page.rows), nextCursor: page.nextCursor };
  }

  @Query(() => [ActionNeededType], { description: "Inspectors: what needs an inspector's action now (assessments, audit judgements, verifications, extension requests, escalations, closures)." })
  actionsNeeded(@CurrentActor() actor: Actor) {
    return this.overviews.actionsNeeded(actor);
  }

  @Query(() => [InvestigationProgressType], { description: "Organisation members: your organisation's plans across investigations." })
  async organisationOverview(@CurrentActor() actor: Actor) {
    return byInvestigation(await this.overviews.organisation(actor), this.clock.today());
  }

  @Query(() => [ThemeOverview], { description: 'Per recurring theme, across all published investigations: counts and how the points were graded.' })
  themeOverview(
    @CurrentActor() actor: Actor,
    @Args('fromYear', { type: () => Int, nullable: true }) fromYear?: number,
    @Args('toYear', { type: () => Int, nullable: true }) toYear?: number,
  ) {
    return this.overviews.themes(actor, { fromYear, toYear });
  }

  @Query(() => [MonthProgress], { description: 'Month by month: improvement points in a municipality, implemented versus open (for a chart).' })
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
  municipality(@Parent() o: { municipalityId: string }, @RequestLoaders() loaders: Loaders) {
    return loaders.organisation.load(o.municipalityId);
  }
}

@Resolver(() => PlanProgress)
export class PlanProgressResolver {
  @ResolveField(() => OrganisationType)
  organisation(@Parent() p: PlanProgressRow, @RequestLoaders() loaders: Loaders) {
    return loaders.organisation.load(p.organisationId);
  }

  @ResolveField(() => [GradeCount], { description: 'Verification grades of its points.' })
  grades(@Parent() p: PlanProgressRow) {
    return gradeList(p.grades);
  }
}

@Resolver(() => ProgressTotals)
export class ProgressTotalsResolver {
  @ResolveField(() => [GradeCount])
  grades(@Parent() t: { grades: Record<string, number> }) {
    return gradeList(t.grades);
  }
}

@Resolver(() => ThemeOverview)
export class ThemeOverviewResolver {
  @ResolveField(() => [GradeCount])
  grades(@Parent() t: { grades: Record<string, number> }) {
    return gradeList(t.grades);
  }
}

@Resolver(() => OverviewChange)
export class OverviewChangeResolver {
  @ResolveField(() => OrganisationType, { nullable: true })
  organisation(@Parent() c: { organisationId: string | null }, @RequestLoaders() loaders: Loaders) {
    return c.organisationId ? loaders.organisation.load(c.organisationId) : null;
  }
}

