import { NotBlank } from '../graphql/validators';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  AuditQuality,
  Implementation,
  InsufficientAuditFollowUp,
  ImplementationGrade,
  InternalAuditStatus,
  VerificationMethod,
} from '@opvolging/audits';
import { VersionedRefInput } from '../graphql/common.input';
import { LocalDate } from '../graphql/scalars';

@ObjectType('InternalAudit', { description: "The organisation's own check, months after acceptance, that the measures were implemented." })
export class InternalAuditType {
  @Field(() => ID) id: string;
  @Field(() => InternalAuditStatus) status: InternalAuditStatus;
  @Field(() => LocalDate) dueDate: string;
  @Field(() => LocalDate) originalDueDate: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt: Date | null;
  @Field(() => VerificationMethod, { nullable: true, description: 'Own verification planned after an insufficient audit: how.' })
  verificationMethod: VerificationMethod | null;
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Own verification planned after an insufficient audit: on which date (the current one).',
  })
  verificationDueDate: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'The first planned date of the own verification.' })
  originalVerificationDueDate: string | null;
  @Field(() => Int) version: number;
  planId: string;
  conclusion: string | null;
}

@ObjectType('InternalAuditResult')
export class InternalAuditResultType {
  @Field(() => Implementation) implementation: Implementation;
  @Field() evidence: string;
  measureId: string;
}

@ObjectType('InternalAuditJudgement', { description: "An inspector's judgement of the audit's quality." })
export class InternalAuditJudgementType {
  @Field(() => AuditQuality) quality: AuditQuality;
  @Field() rationale: string;
  @Field(() => GraphQLISODateTime) judgedAt: Date;
  @Field(() => InsufficientAuditFollowUp, { nullable: true, description: 'What follows an insufficient audit.' })
  followUp: InsufficientAuditFollowUp | null;
  @Field(() => LocalDate, { nullable: true }) revisedDueDate: string | null;
  @Field(() => VerificationMethod, { nullable: true }) verificationMethod: VerificationMethod | null;
  @Field(() => LocalDate, { nullable: true }) verificationPlannedOn: string | null;
  inspectorId: string;
}

@ObjectType('Verification', { description: "The inspectorate's own check; it grades every point and closes the plan." })
export class VerificationType {
  @Field(() => ID) id: string;
  @Field(() => VerificationMethod) method: VerificationMethod;
  @Field(() => LocalDate) verifiedOn: string;
  @Field() summary: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  planId: string;
  inspectorId: string;
}

@ObjectType('VerificationGrade')
export class VerificationGradeType {
  @Field(() => ImplementationGrade) grade: ImplementationGrade;
  @Field(() => String, { nullable: true }) reason: string | null;
  pointId: string;
}

@InputType()
export class AuditResultInput {
  @Field(() => ID) @IsUUID() measureId: string;
  @Field(() => Implementation) @IsEnum(Implementation) implementation: Implementation;
  @Field() @NotBlank() @MaxLength(10000) evidence: string;
}

@InputType()
export class SaveInternalAuditInput extends VersionedRefInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20000) conclusion?: string;
  @Field(() => [AuditResultInput], { nullable: true, description: 'The full set of results; replaces what was saved.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AuditResultInput)
  results?: AuditResultInput[];
}

@InputType()
export class JudgeInternalAuditInput extends VersionedRefInput {
  @Field(() => AuditQuality) @IsEnum(AuditQuality) quality: AuditQuality;
  @Field() @NotBlank() @MaxLength(10000) rationale: string;
  @Field(() => InsufficientAuditFollowUp, {
    nullable: true,
    description: 'Required when INSUFFICIENT: a revised audit or own verification.',
  })
  @IsOptional()
  @IsEnum(InsufficientAuditFollowUp)
  followUp?: InsufficientAuditFollowUp;
  @Field(() => LocalDate, { nullable: true, description: 'REVISED_AUDIT: the new due date (after today); the original stays beside it.' })
  @IsOptional()
  @IsString()
  revisedDueDate?: string;
  @Field(() => VerificationMethod, { nullable: true, description: 'OWN_VERIFICATION: DESK_REVIEW or SITE_VISIT.' })
  @IsOptional()
  @IsEnum(VerificationMethod)
  verificationMethod?: VerificationMethod;
  @Field(() => LocalDate, {
    nullable: true,
    description: 'OWN_VERIFICATION: the planned date (today or later); a deadline for the inspector.',
  })
  @IsOptional()
  @IsString()
  verificationPlannedOn?: string;
}

@InputType()
export class VerificationGradeInput {
  @Field(() => ID) @IsUUID() pointId: string;
  @Field(() => ImplementationGrade) @IsEnum(ImplementationGrade) grade: ImplementationGrade;
  @Field({ nullable: true, description: 'Required for NO_LONGER_RELEVANT.' }) @IsOptional() @IsString() @MaxLength(5000) reason?: string;
}

@InputType()
export class RecordVerificationInput {
  @Field(() => ID, { nullable: true, description: 'The plan (required; `planId` is its deprecated name).' })
  @IsOptional()
  @IsUUID()
  id?: string;
  @Field(() => ID, { nullable: true, deprecationReason: 'Use `id`.' }) @IsOptional() @IsUUID() planId?: string;
  @Field(() => Int, {
    nullable: true,
    description: "The plan's version you last read (required; `expectedPlanVersion` is its deprecated name).",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
  @Field(() => Int, { nullable: true, deprecationReason: 'Use `expectedVersion`.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedPlanVersion?: number;
  @Field(() => VerificationMethod) @IsEnum(VerificationMethod) method: VerificationMethod;
  @Field(() => LocalDate) @IsString() verifiedOn: string;
  @Field() @NotBlank() @MaxLength(20000) summary: string;
  @Field(() => [VerificationGradeInput], { description: 'One grade for every point addressed to the organisation.' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => VerificationGradeInput)
  grades: VerificationGradeInput[];
}
