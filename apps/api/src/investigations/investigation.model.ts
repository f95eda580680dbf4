import { NotBlank } from '../graphql/validators';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { InvestigationSort, InvestigationStatus } from '@opvolging/investigations';
import { DeadlineUnit, Theme } from '@opvolging/shared';
import { ReminderPolicyInput, ReminderPolicyType } from '../deadlines/deadline.model';
import { VersionedRefInput } from '../graphql/common.input';
import { SortDirection } from '../graphql/enums';
import { Connection } from '../graphql/pagination.model';
import { LocalDate } from '../graphql/scalars';

@ObjectType({ description: "How the deadlines of an investigation are derived (defaults per the inspectorates' practice)." })
export class DeadlinePolicy {
  @Field(() => Int, { description: 'Plan due this many days after publication (default 42).' }) planDueDays: number;
  @Field(() => Int, { description: 'Assessment due this many days after submission (default 28).' }) assessmentDueDays: number;
  @Field(() => Int, { description: 'Revised plan due this many days after a revision request (default 28).' }) revisionDueDays: number;
  @Field(() => Int, { description: 'Internal audit due this many months after acceptance (default 6).' }) auditDueMonths: number;
  @Field(() => Int, { description: 'Trajectory ends this many months after publication (default 12).' }) trajectoryMonths: number;
  @Field(() => DeadlineUnit, { description: 'Whether the day counts are calendar days or Dutch working days.' }) deadlineUnit: DeadlineUnit;
  @Field(() => [ReminderPolicyType], { description: 'Reminders and escalation per deadline kind (defaults where not set).' })
  reminders: ReminderPolicyType[];
}

@ObjectType('Investigation', { description: 'An inquiry after a calamity, named by place and year; never personal data.' })
export class InvestigationType {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() summary: string;
  @Field(() => InvestigationStatus) status: InvestigationStatus;
  @Field(() => LocalDate, { nullable: true }) publicationDate: string | null;
  @Field(() => LocalDate, { nullable: true }) trajectoryEndDate: string | null;
  @Field(() => String, { nullable: true }) closureReason: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt: Date | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => Int) version: number;
  municipalityId: string;
  leadInspectorateId: string;
}

@ObjectType('PlannedPlan', { description: 'An improvement plan that publishing will create: its organisation and due date.' })
export class PlannedPlanType {
  organisationId: string;
  @Field(() => LocalDate) dueDate: string;
}

@ObjectType('PublicationPreview', {
  description: 'What publishing a draft on a date would create, computed by the same rules as publishInvestigation.',
})
export class PublicationPreviewType {
  @Field(() => ID) investigationId: string;
  @Field(() => LocalDate) publicationDate: string;
  @Field(() => LocalDate, { description: 'The earliest publication date accepted today (365 days back).' }) earliestPublicationDate: string;
  @Field(() => LocalDate, { description: 'The latest publication date accepted today (90 days ahead).' }) latestPublicationDate: string;
  @Field(() => LocalDate, { description: 'The trajectory end publishing would set.' }) trajectoryEndDate: string;
  @Field(() => [PlannedPlanType], { description: "One plan per organisation with points addressed to it, by the organisation's name." })
  plans: PlannedPlanType[];
}

@ObjectType()
export class InvestigationConnection extends Connection(InvestigationType, 'Investigation') {}

@ObjectType('Finding', { description: 'A finding of the report (part of the judgement).' })
export class FindingType {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field() text: string;
  @Field(() => [Theme]) themes: Theme[];
  @Field(() => Int) version: number;
  investigationId: string;
}

@ObjectType('ImprovementPoint', { description: 'A verbeterpunt: addressed to one organisation, or collective with a coordinator.' })
export class ImprovementPointType {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field() text: string;
  @Field(() => [Theme]) themes: Theme[];
  @Field() collective: boolean;
  @Field(() => Int) version: number;
  investigationId: string;
  findingId: string | null;
  coordinatingOrganisationId: string | null;
}

@ObjectType()
export class ImprovementPointConnection extends Connection(ImprovementPointType, 'ImprovementPoint') {}

@InputType()
export class DeadlinePolicyInput {
  @Field(() => DeadlineUnit, { nullable: true }) @IsOptional() @IsEnum(DeadlineUnit) unit?: DeadlineUnit;
  @Field(() => [ReminderPolicyInput], { nullable: true, description: 'Overrides per deadline kind.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ReminderPolicyInput)
  reminders?: ReminderPolicyInput[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(365) planDueDays?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(365) assessmentDueDays?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(365) revisionDueDays?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(36) auditDueMonths?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(60) trajectoryMonths?: number;
}

@InputType()
export class CreateInvestigationInput {
  @Field({ description: 'Place and year, e.g. "Casus Heerlen 2015". No names of the people involved.' })
  @NotBlank()
  @MaxLength(200)
  title: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20000) summary?: string;
  @Field(() => ID) @IsUUID() municipalityId: string;
  @Field(() => [ID], { nullable: true, description: 'Inspectorates taking part besides yours (you lead).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  participatingInspectorateIds?: string[];
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) involvedOrganisationIds: string[];
  @Field(() => DeadlinePolicyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlinePolicyInput)
  policy?: DeadlinePolicyInput;
}

@InputType()
export class UpdateInvestigationInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field({ nullable: true }) @IsOptional() @NotBlank() @MaxLength(200) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20000) summary?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() municipalityId?: string;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  participatingInspectorateIds?: string[];
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  involvedOrganisationIds?: string[];
  @Field(() => DeadlinePolicyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlinePolicyInput)
  policy?: DeadlinePolicyInput;
}

@InputType()
export class PublishInvestigationInput extends VersionedRefInput {
  @Field(() => LocalDate) @IsString() publicationDate: string;
}

@InputType()
export class CloseInvestigationInput extends VersionedRefInput {
  @Field({ description: 'The closure decision, e.g. what the verifications found.' }) @NotBlank() @MaxLength(5000) reason: string;
}

@InputType()
export class AddFindingInput {
  @Field(() => ID) @IsUUID() investigationId: string;
  @Field() @NotBlank() @MaxLength(20000) text: string;
  @Field(() => [Theme], { nullable: true }) @IsOptional() @IsArray() @IsEnum(Theme, { each: true }) themes?: Theme[];
}

@InputType()
export class UpdateFindingInput extends VersionedRefInput {
  @Field({ nullable: true }) @IsOptional() @NotBlank() @MaxLength(20000) text?: string;
  @Field(() => [Theme], { nullable: true }) @IsOptional() @IsArray() @IsEnum(Theme, { each: true }) themes?: Theme[];
}

@InputType()
export class AddImprovementPointInput {
  @Field(() => ID) @IsUUID() investigationId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() findingId?: string;
  @Field() @NotBlank() @MaxLength(20000) text: string;
  @Field(() => [Theme], { nullable: true }) @IsOptional() @IsArray() @IsEnum(Theme, { each: true }) themes?: Theme[];
  @Field(() => [ID], { description: 'One organisation, or several for a collective point.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  addresseeIds: string[];
  @Field(() => ID, { nullable: true, description: 'Required for a collective point: one of the addressees.' })
  @IsOptional()
  @IsUUID()
  coordinatingOrganisationId?: string;
}

@InputType()
export class UpdateImprovementPointInput extends VersionedRefInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() findingId?: string;
  @Field({ nullable: true }) @IsOptional() @NotBlank() @MaxLength(20000) text?: string;
  @Field(() => [Theme], { nullable: true }) @IsOptional() @IsArray() @IsEnum(Theme, { each: true }) themes?: Theme[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) addresseeIds?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() coordinatingOrganisationId?: string;
}

@InputType()
export class InvestigationFilterInput {
  @Field(() => InvestigationStatus, { nullable: true }) @IsOptional() @IsEnum(InvestigationStatus) status?: InvestigationStatus;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() municipalityId?: string;
  @Field(() => ID, { nullable: true, description: 'Investigations this organisation is involved in.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @Field(() => Theme, { nullable: true }) @IsOptional() @IsEnum(Theme) theme?: Theme;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) search?: string;
  @Field({ nullable: true, description: 'Something in it (plan, measure, audit) is past its due date.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@InputType()
export class InvestigationOrderInput {
  @Field(() => InvestigationSort, { defaultValue: InvestigationSort.PUBLICATION_DATE })
  @IsEnum(InvestigationSort)
  field: InvestigationSort = InvestigationSort.PUBLICATION_DATE;
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC }) @IsEnum(SortDirection) direction: SortDirection = SortDirection.DESC;
}

@InputType()
export class ImprovementPointFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() investigationId?: string;
  @Field(() => ID, { nullable: true, description: 'Points addressed to this organisation.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @Field(() => Theme, { nullable: true }) @IsOptional() @IsEnum(Theme) theme?: Theme;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() collective?: boolean;
  @Field({ nullable: true, description: "A covering measure is late, or an addressee's plan is." })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}
