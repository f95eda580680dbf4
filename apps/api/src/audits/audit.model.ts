import { NotBlank } from '../graphql/validators';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { AuditQuality, Implementation, ImplementationGrade, InternalAuditStatus, VerificationMethod } from '@opvolging/audits';
import { VersionedRefInput } from '../graphql/common.input';
import { LocalDate } from '../graphql/scalars';

@ObjectType('InternalAudit', { description: 'The organisation\'s own check, months after acceptance, that the measures were implemented.' })
export class InternalAuditType {
  @Field(() => ID) id: string;
  @Field(() => InternalAuditStatus) status: InternalAuditStatus;
  @Field(() => LocalDate) dueDate: string;
  @Field(() => LocalDate) originalDueDate: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt: Date | null;
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

@ObjectType('InternalAuditJudgement', { description: 'An inspector\'s judgement of the audit\'s quality.' })
export class InternalAuditJudgementType {
  @Field(() => AuditQuality) quality: AuditQuality;
  @Field() rationale: string;
  @Field(() => GraphQLISODateTime) judgedAt: Date;
  inspectorId: string;
}

@ObjectType('Verification', { description: 'The inspectorate\'s own check; it grades every point and closes the plan.' })
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
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => AuditResultInput) results?: AuditResultInput[];
}

@InputType()
export class JudgeInternalAuditInput extends VersionedRefInput {
  @Field(() => AuditQuality) @IsEnum(AuditQuality) quality: AuditQuality;
  @Field() @NotBlank() @MaxLength(10000) rationale: string;
}

@InputType()
export class VerificationGradeInput {
  @Field(() => ID) @IsUUID() pointId: string;
  @Field(() => ImplementationGrade) @IsEnum(ImplementationGrade) grade: ImplementationGrade;
  @Field({ nullable: true, description: 'Required for NO_LONGER_RELEVANT.' }) @IsOptional() @IsString() @MaxLength(5000) reason?: string;
}

@InputType()
export class RecordVerificationInput {
  @Field(() => ID) @IsUUID() planId: string;
  @Field(() => Int) @IsInt() @Min(1) expectedPlanVersion: number;
  @Field(() => VerificationMethod) @IsEnum(VerificationMethod) method: VerificationMethod;
  @Field(() => LocalDate) @IsString() verifiedOn: string;
  @Field() @NotBlank() @MaxLength(20000) summary: string;
  @Field(() => [VerificationGradeInput], { description: 'One grade for every point addressed to the organisation.' })
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => VerificationGradeInput) grades: VerificationGradeInput[];
}
