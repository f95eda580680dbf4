import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AmountBasis, EnforcementStatus, EnforcementType, ProgressReportStatus } from '@opvolging/enforcement';
import { VersionedRefInput } from '../graphql/common.input';
import { LocalDate } from '../graphql/scalars';
import { NotBlank } from '../graphql/validators';

registerEnumType(EnforcementType, {
  name: 'EnforcementType',
  description:
    'INTENSIFIED_SUPERVISION (verscherpt toezicht), BINDING_INSTRUCTION (aanwijzing), PENALTY_ORDER (last onder dwangsom), ' +
    'ADMINISTRATIVE_FINE (bestuurlijke boete).',
});
registerEnumType(EnforcementStatus, { name: 'EnforcementStatus' });
registerEnumType(AmountBasis, { name: 'AmountBasis', description: 'A penalty per period (up to a maximum) or in total.' });
registerEnumType(ProgressReportStatus, { name: 'ProgressReportStatus' });

const MAX_CENTS = 2_000_000_000;

@ObjectType('EnforcementMeasure', {
  description:
    "An enforcement step (handhaving) on an organisation's plan or its share of an investigation. Municipality reviewers see the step " +
    'and dates, not the texts.',
})
export class EnforcementMeasureType {
  @Field(() => ID) id: string;
  @Field(() => EnforcementType) type: EnforcementType;
  @Field(() => EnforcementStatus) status: EnforcementStatus;
  @Field(() => LocalDate) decisionDate: string;
  @Field(() => LocalDate, { nullable: true, description: 'Intensified supervision: the end of the period (current).' }) periodEndDate:
    string | null;
  @Field(() => LocalDate, { nullable: true }) originalPeriodEndDate: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Binding instruction, penalty order: comply by (current).' })
  complianceDueDate: string | null;
  @Field(() => LocalDate, { nullable: true }) originalComplianceDueDate: string | null;
  @Field(() => AmountBasis, { nullable: true }) amountBasis: AmountBasis | null;
  @Field(() => LocalDate, { nullable: true, description: 'When it ended (lifted, complied, not complied, next step).' }) decidedOn:
    string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => Int) version: number;
  investigationId: string;
  planId: string | null;
  organisationId: string;
  previousId: string | null;
  inspectorId: string;
  rationale: string;
  requirements: string | null;
  outcomeNote: string | null;
  amountCents: string | null;
  maximumCents: string | null;
}

@ObjectType('EnforcementProgressReport', {
  description: 'A monthly progress report of intensified supervision; a deadline for the organisation.',
})
export class EnforcementProgressReportType {
  @Field(() => ID) id: string;
  @Field(() => Int) sequence: number;
  @Field(() => LocalDate) dueDate: string;
  @Field(() => LocalDate) originalDueDate: string;
  @Field(() => ProgressReportStatus) status: ProgressReportStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) reviewedAt: Date | null;
  @Field(() => Int) version: number;
  report: string | null;
  reviewNote: string | null;
}

@ObjectType('EnforcementForfeit', { description: 'A penalty forfeited under an order subject to a penalty.' })
export class EnforcementForfeitType {
  @Field(() => ID) id: string;
  @Field(() => LocalDate) forfeitedOn: string;
  amountCents: string;
  note: string;
}

@ObjectType('EnforcementSummary', { description: 'Per plan: how many enforcement measures, and the current step.' })
export class EnforcementSummaryType {
  @Field(() => Int) count: number;
  @Field(() => EnforcementType, { nullable: true, description: 'The latest measure; null when there is none.' })
  currentType: EnforcementType | null;
  @Field(() => EnforcementStatus, { nullable: true }) currentStatus: EnforcementStatus | null;
}

@InputType()
export class RecordEnforcementMeasureInput {
  @Field(() => ID, { nullable: true, description: "The organisation's plan; or give investigationId and organisationId." })
  @IsOptional()
  @IsUUID()
  planId?: string;
  @Field(() => ID, { nullable: true, description: 'For collective points: the investigation, with an involved organisation.' })
  @IsOptional()
  @IsUUID()
  investigationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() organisationId?: string;
  @Field(() => EnforcementType) @IsEnum(EnforcementType) type: EnforcementType;
  @Field(() => LocalDate, { description: 'Not in the future, not before the publication.' }) @IsString() decisionDate: string;
  @Field() @NotBlank() @MaxLength(20000) rationale: string;
  @Field(() => Int, { nullable: true, description: 'Intensified supervision: months, default 6 (1–24); one report due each month.' })
  @IsOptional()
  @IsInt()
  periodMonths?: number;
  @Field({ nullable: true, description: 'Binding instruction, penalty order: what must be done.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  requirements?: string;
  @Field(() => LocalDate, { nullable: true, description: 'Binding instruction, penalty order: comply by (after today).' })
  @IsOptional()
  @IsString()
  complianceDueDate?: string;
  @Field(() => Int, { nullable: true, description: 'Penalty order (per period or total) and fine: euro cents.' })
  @IsOptional()
  @IsInt()
  @Max(MAX_CENTS)
  amountCents?: number;
  @Field(() => AmountBasis, { nullable: true }) @IsOptional() @IsEnum(AmountBasis) amountBasis?: AmountBasis;
  @Field(() => Int, { nullable: true, description: 'Penalty order per period: the maximum in euro cents.' })
  @IsOptional()
  @IsInt()
  @Max(MAX_CENTS)
  maximumCents?: number;
}

@InputType()
export class SubmitProgressReportInput extends VersionedRefInput {
  @Field() @NotBlank() @MaxLength(20000) report: string;
}

@InputType()
export class ReviewProgressReportInput extends VersionedRefInput {
  @Field({ description: 'true: accepted; false: more is needed, by dueDate.' }) @IsBoolean() accepted: boolean;
  @Field() @NotBlank() @MaxLength(10000) note: string;
  @Field(() => LocalDate, { nullable: true, description: 'When more is needed: the new date for the report (after today).' })
  @IsOptional()
  @IsString()
  dueDate?: string;
}

@InputType()
export class DecideSupervisionInput extends VersionedRefInput {
  @Field({ description: 'LIFT or EXTEND; the next step is recorded with recordEnforcementMeasure.' }) @IsIn(['LIFT', 'EXTEND']) decision:
    'LIFT' | 'EXTEND';
  @Field(() => Int, { nullable: true, description: 'EXTEND: by how many months (1–24).' }) @IsOptional() @IsInt() extendMonths?: number;
  @Field(() => LocalDate) @IsString() decidedOn: string;
  @Field() @NotBlank() @MaxLength(10000) note: string;
}

@InputType()
export class RecordComplianceInput extends VersionedRefInput {
  @Field() @IsBoolean() complied: boolean;
  @Field(() => LocalDate) @IsString() decidedOn: string;
  @Field() @NotBlank() @MaxLength(10000) note: string;
}

@InputType()
export class RecordForfeitInput extends VersionedRefInput {
  @Field(() => LocalDate) @IsString() forfeitedOn: string;
  @Field(() => Int, { description: 'Euro cents.' }) @IsInt() @Min(1) @Max(MAX_CENTS) amountCents: number;
  @Field() @NotBlank() @MaxLength(10000) note: string;
}
