import { NotBlank } from '../graphql/validators';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AssessmentOutcome, ImprovementPlanStatus, Judgement, MeasureSort, MeasureStatus, PlanSort } from '@opvolging/plans';
import { VersionedRefInput } from '../graphql/common.input';
import { SortDirection } from '../graphql/enums';
import { Connection } from '../graphql/pagination.model';
import { LocalDate } from '../graphql/scalars';

@ObjectType('ImprovementPlan', { description: "One organisation's verbeterplan for one investigation." })
export class ImprovementPlanType {
  @Field(() => ID) id: string;
  @Field(() => ImprovementPlanStatus) status: ImprovementPlanStatus;
  @Field(() => LocalDate, { description: 'When the (revised) plan is due.' }) dueDate: string;
  @Field(() => LocalDate, { description: 'The first due date, shown beside the current one.' }) originalDueDate: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt: Date | null;
  @Field(() => LocalDate, { nullable: true, description: "When the inspectorate's assessment of the submitted version is due." })
  assessmentDueDate: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) acceptedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt: Date | null;
  @Field(() => Int, { description: 'Number of submitted versions (0 while never submitted).' }) submittedVersions: number;
  @Field(() => Int) version: number;
  investigationId: string;
  organisationId: string;
}

@ObjectType()
export class ImprovementPlanConnection extends Connection(ImprovementPlanType, 'ImprovementPlan') {}

@ObjectType('Measure', { description: 'A maatregel: what the organisation will do, by when, and how success shows.' })
export class MeasureType {
  @Field(() => ID) id: string;
  @Field() description: string;
  @Field({ description: 'How success is measured (SMART).' }) successIndicator: string;
  @Field(() => LocalDate) dueDate: string;
  @Field(() => LocalDate, { description: 'The due date first agreed, shown beside the current one.' }) originalDueDate: string;
  @Field(() => MeasureStatus) status: MeasureStatus;
  @Field(() => String, { nullable: true, description: 'Statement of evidence (COMPLETED).' }) evidence: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was cancelled (CANCELLED).' }) cancellationReason: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) startedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) completedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) cancelledAt: Date | null;
  @Field(() => Int) version: number;
  planId: string;
  ownerId: string;
}

@ObjectType()
export class MeasureConnection extends Connection(MeasureType, 'Measure') {}

@ObjectType()
export class QuestionJudgement {
  @Field(() => Judgement) judgement: Judgement;
  @Field() rationale: string;
}

@ObjectType('PlanAssessment', { description: "The inspectorate's judgement of one submitted version on three questions." })
export class PlanAssessmentType {
  @Field(() => ID) id: string;
  @Field(() => Int) planVersionNumber: number;
  @Field(() => AssessmentOutcome) outcome: AssessmentOutcome;
  @Field(() => GraphQLISODateTime) assessedAt: Date;
  inspectorId: string;
}

@ObjectType({ description: 'A measure as it stood in a submitted version.' })
export class PlanVersionMeasure {
  @Field(() => ID) id: string;
  @Field() description: string;
  @Field() successIndicator: string;
  @Field(() => LocalDate) dueDate: string;
  ownerId: string;
  pointIds: string[];
}

@ObjectType('PlanVersion', { description: 'A submitted version of a plan, frozen.' })
export class PlanVersionType {
  @Field(() => Int) number: number;
  @Field(() => GraphQLISODateTime) submittedAt: Date;
  @Field(() => [PlanVersionMeasure]) measures: PlanVersionMeasure[];
  submittedBy: string;
}

@ObjectType()
export class FieldChange {
  @Field() field: string;
  @Field() from: string;
  @Field() to: string;
}

@ObjectType()
export class MeasureChange {
  @Field(() => ID) measureId: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => [FieldChange]) changes: FieldChange[];
}

@ObjectType({ description: 'What changed between two submitted versions of a plan.' })
export class PlanVersionDiff {
  @Field(() => Int) fromVersion: number;
  @Field(() => Int) toVersion: number;
  @Field(() => [PlanVersionMeasure]) added: PlanVersionMeasure[];
  @Field(() => [PlanVersionMeasure]) removed: PlanVersionMeasure[];
  @Field(() => [MeasureChange]) changed: MeasureChange[];
}

@InputType()
export class PlanFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() investigationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() organisationId?: string;
  @Field(() => ImprovementPlanStatus, { nullable: true }) @IsOptional() @IsEnum(ImprovementPlanStatus) status?: ImprovementPlanStatus;
  @Field({ nullable: true, description: 'The plan, or its assessment, is past its due date.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@InputType()
export class PlanOrderInput {
  @Field(() => PlanSort, { defaultValue: PlanSort.DUE_DATE }) @IsEnum(PlanSort) field: PlanSort = PlanSort.DUE_DATE;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) @IsEnum(SortDirection) direction: SortDirection = SortDirection.ASC;
}

@InputType()
export class MeasureFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() planId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() investigationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() organisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() ownerId?: string;
  @Field(() => MeasureStatus, { nullable: true }) @IsOptional() @IsEnum(MeasureStatus) status?: MeasureStatus;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() overdue?: boolean;
}

@InputType()
export class MeasureOrderInput {
  @Field(() => MeasureSort, { defaultValue: MeasureSort.DUE_DATE }) @IsEnum(MeasureSort) field: MeasureSort = MeasureSort.DUE_DATE;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) @IsEnum(SortDirection) direction: SortDirection = SortDirection.ASC;
}

@InputType()
export class AddMeasureInput {
  @Field(() => ID) @IsUUID() planId: string;
  @Field() @NotBlank() @MaxLength(5000) description: string;
  @Field({ description: 'How success will be measured (SMART).' }) @NotBlank() @MaxLength(2000) successIndicator: string;
  @Field(() => ID, { description: 'A member of your organisation who answers for it.' }) @IsUUID() ownerId: string;
  @Field(() => LocalDate) @IsString() dueDate: string;
  @Field(() => [ID], { description: 'The improvement points it covers.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  pointIds: string[];
}

@InputType()
export class UpdateMeasureInput extends VersionedRefInput {
  @Field({ nullable: true }) @IsOptional() @NotBlank() @MaxLength(5000) description?: string;
  @Field({ nullable: true }) @IsOptional() @NotBlank() @MaxLength(2000) successIndicator?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() ownerId?: string;
  @Field(() => LocalDate, { nullable: true }) @IsOptional() @IsString() dueDate?: string;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  pointIds?: string[];
}

@InputType()
export class CompleteMeasureInput extends VersionedRefInput {
  @Field({ description: 'What shows it was done.' }) @NotBlank() @MaxLength(10000) evidence: string;
}

@InputType()
export class CancelMeasureInput extends VersionedRefInput {
  @Field() @NotBlank() @MaxLength(5000) reason: string;
}

@InputType()
export class SubmitPlanInput {
  @Field(() => ID, { nullable: true, description: 'The plan (required; `planId` is its deprecated name).' })
  @IsOptional()
  @IsUUID()
  id?: string;
  @Field(() => ID, { nullable: true, deprecationReason: 'Use `id`.' }) @IsOptional() @IsUUID() planId?: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
}

@InputType()
export class QuestionJudgementInput {
  @Field(() => Judgement) @IsEnum(Judgement) judgement: Judgement;
  @Field() @NotBlank() @MaxLength(10000) rationale: string;
}

@InputType()
export class AssessPlanInput {
  @Field(() => ID, { nullable: true, description: 'The plan (required; `planId` is its deprecated name).' })
  @IsOptional()
  @IsUUID()
  id?: string;
  @Field(() => ID, { nullable: true, deprecationReason: 'Use `id`.' }) @IsOptional() @IsUUID() planId?: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => QuestionJudgementInput) @ValidateNested() @Type(() => QuestionJudgementInput) aimedAtShortcomings: QuestionJudgementInput;
  @Field(() => QuestionJudgementInput) @ValidateNested() @Type(() => QuestionJudgementInput) chanceOfSuccess: QuestionJudgementInput;
  @Field(() => QuestionJudgementInput) @ValidateNested() @Type(() => QuestionJudgementInput) pace: QuestionJudgementInput;
}
