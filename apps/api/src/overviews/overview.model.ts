import { EnforcementStatus, EnforcementType } from '@opvolging/enforcement';
import '../enforcement/enforcement.model';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ImplementationGrade } from '@opvolging/audits';
import { InvestigationStatus } from '@opvolging/investigations';
import { Organisation, OrganisationKind } from '@opvolging/organisations';
import { ImprovementPlanStatus } from '@opvolging/plans';
import { Theme } from '@opvolging/shared';
import { LocalDate } from '../graphql/scalars';
import { OrganisationType } from '../organisations/organisation.model';

export enum ActionKind {
  ASSESS_PLAN = 'ASSESS_PLAN',
  JUDGE_AUDIT = 'JUDGE_AUDIT',
  VERIFY = 'VERIFY',
  DECIDE_EXTENSION = 'DECIDE_EXTENSION',
  CONSIDER_ESCALATION = 'CONSIDER_ESCALATION',
  DECIDE_CLOSURE = 'DECIDE_CLOSURE',
}
registerEnumType(ActionKind, { name: 'ActionKind', description: 'What an inspector is asked to do.' });

@ObjectType({ description: 'How many improvement points got this grade.' })
export class GradeCount {
  @Field(() => ImplementationGrade) grade: ImplementationGrade;
  @Field(() => Int) count: number;
}

@ObjectType({ description: "One organisation's plan in one investigation, counted." })
export class PlanProgress {
  @Field(() => ID) planId: string;
  @Field(() => ImprovementPlanStatus) planStatus: ImprovementPlanStatus;
  @Field(() => LocalDate) planDueDate: string;
  @Field(() => LocalDate) planOriginalDueDate: string;
  @Field() planOverdue: boolean;
  @Field() assessmentOverdue: boolean;
  @Field(() => Int, { description: 'Counted once the plan was submitted (no drafts), except for the organisation itself.' })
  measuresTotal: number;
  @Field(() => Int) measuresCompleted: number;
  @Field(() => Int) measuresCancelled: number;
  @Field(() => Int) measuresLate: number;
  @Field(() => String, { nullable: true }) auditStatus: string | null;
  @Field(() => LocalDate, { nullable: true }) auditDueDate: string | null;
  @Field() auditOverdue: boolean;
  @Field(() => Int, { description: 'Enforcement measures of the organisation in this investigation (on the plan or the investigation).' })
  enforcementCount: number;
  @Field(() => EnforcementType, { nullable: true, description: 'The current (latest) enforcement step.' })
  enforcementType: EnforcementType | null;
  @Field(() => EnforcementStatus, { nullable: true }) enforcementStatus: EnforcementStatus | null;
  @Field(() => OrganisationType) organisation: Organisation;
  @Field(() => [GradeCount], { description: 'Verification grades of its points.' }) grades: GradeCount[];
}

@ObjectType()
export class ProgressTotals {
  @Field(() => Int) plansNotSubmitted: number;
  @Field(() => Int) plansSubmitted: number;
  @Field(() => Int) plansInRevision: number;
  @Field(() => Int) plansAccepted: number;
  @Field(() => Int) plansClosed: number;
  @Field(() => Int) plansOverdue: number;
  @Field(() => Int) measuresTotal: number;
  @Field(() => Int) measuresCompleted: number;
  @Field(() => Int) measuresLate: number;
  @Field(() => Int, { description: 'Internal audits not yet submitted.' }) auditsOpen: number;
  @Field(() => Int) auditsOverdue: number;
  @Field(() => [GradeCount]) grades: GradeCount[];
}

@ObjectType()
export class InvestigationProgressType {
  @Field(() => ID) investigationId: string;
  @Field() title: string;
  @Field(() => InvestigationStatus) status: InvestigationStatus;
  @Field(() => LocalDate, { nullable: true }) publicationDate: string | null;
  @Field(() => LocalDate, { nullable: true }) trajectoryEndDate: string | null;
  @Field(() => Int, { nullable: true }) daysUntilTrajectoryEnd: number | null;
  @Field(() => [PlanProgress]) plans: PlanProgress[];
  @Field(() => ProgressTotals) totals: ProgressTotals;
}

@ObjectType({ description: 'A recorded change to a plan, assessment, audit, verification or due date.' })
export class OverviewChange {
  @Field(() => GraphQLISODateTime) occurredAt: Date;
  @Field() entityType: string;
  @Field(() => ID) entityId: string;
  @Field() operation: string;
  @Field(() => [String], { nullable: true }) changedFields: string[] | null;
  @Field(() => ID, { nullable: true }) investigationId: string | null;
  organisationId: string | null;
}

@ObjectType()
export class ChangesSince {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When you last marked this overview as seen (markOverviewSeen).' })
  since: Date | null;
  @Field(() => Int) count: number;
  @Field(() => [OverviewChange], { description: 'The latest 50.' }) entries: OverviewChange[];
}

@ObjectType()
export class MunicipalityOverview {
  @Field(() => [InvestigationProgressType]) investigations: InvestigationProgressType[];
  @Field(() => ProgressTotals) totals: ProgressTotals;
  @Field(() => ChangesSince) changesSinceLastVisit: ChangesSince;
  municipalityId: string;
}

@ObjectType()
export class ActionNeededType {
  @Field(() => ActionKind) kind: ActionKind;
  @Field(() => ID) investigationId: string;
  @Field() investigationTitle: string;
  @Field(() => String, { nullable: true }) organisationName: string | null;
  @Field(() => ID, { description: 'The plan, audit, extension request or investigation to act on.' }) subjectId: string;
  @Field(() => LocalDate, { nullable: true }) dueDate: string | null;
  @Field() reason: string;
}

@ObjectType()
export class Portfolio {
  @Field(() => [InvestigationProgressType]) investigations: InvestigationProgressType[];
  @Field(() => ProgressTotals, { description: 'Over this page.' }) totals: ProgressTotals;
  @Field(() => String, { nullable: true }) nextCursor: string | null;
}

@ObjectType()
export class ThemeOverview {
  @Field(() => Theme) theme: Theme;
  @Field(() => Int) investigations: number;
  @Field(() => Int) findings: number;
  @Field(() => Int) points: number;
  @Field(() => Int, { nullable: true }) firstYear: number | null;
  @Field(() => Int, { nullable: true }) lastYear: number | null;
  @Field(() => [GradeCount]) grades: GradeCount[];
}

@ObjectType({ description: 'Improvement points at the end of a month, for a chart.' })
export class MonthProgress {
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => Int) points: number;
  @Field(() => Int, { description: 'Graded fully or mostly implemented by then.' }) implemented: number;
  @Field(() => Int) noLongerRelevant: number;
  @Field(() => Int) open: number;
}

@InputType()
export class PortfolioFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() municipalityId?: string;
  @Field(() => OrganisationKind, { nullable: true, description: 'Investigations involving an organisation of this kind.' })
  @IsOptional()
  @IsEnum(OrganisationKind)
  organisationKind?: OrganisationKind;
  @Field(() => InvestigationStatus, { nullable: true }) @IsOptional() @IsEnum(InvestigationStatus) status?: InvestigationStatus;
  @Field(() => Theme, { nullable: true }) @IsOptional() @IsEnum(Theme) theme?: Theme;
  @Field({ nullable: true, description: 'Something in it is late.' }) @IsOptional() @IsBoolean() late?: boolean;
}
