import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DeadlineKind, ExtensionStatus } from '@opvolging/deadlines';
import { DeadlineUnit } from '@opvolging/shared';
import { VersionedRefInput } from '../graphql/common.input';
import { Connection } from '../graphql/pagination.model';
import { LocalDate } from '../graphql/scalars';
import { NotBlank } from '../graphql/validators';

registerEnumType(DeadlineKind, { name: 'DeadlineKind', description: 'Every dated step of the follow-up.' });
registerEnumType(DeadlineUnit, {
  name: 'DeadlineUnit',
  description: 'Day counts in calendar days or Dutch working days (weekends and public holidays skipped).',
});
registerEnumType(ExtensionStatus, { name: 'ExtensionStatus' });

@ObjectType('Deadline', { description: 'An open dated step, derived from the lifecycle; it disappears when the step is done.' })
export class DeadlineType {
  @Field(() => DeadlineKind) kind: DeadlineKind;
  @Field(() => ID, { description: 'The plan, measure, audit or investigation it belongs to.' }) id: string;
  @Field(() => LocalDate) dueDate: string;
  @Field(() => LocalDate, { description: 'The first due date, shown beside the current one.' }) originalDueDate: string;
  investigationId: string;
  organisationId: string | null;
  ownerId: string | null;
}

@ObjectType()
export class DeadlineConnection extends Connection(DeadlineType, 'Deadline') {}

@ObjectType('DueDateChange', { description: 'A due date that moved: from, to, who decided and why.' })
export class DueDateChangeType {
  @Field(() => LocalDate) fromDate: string;
  @Field(() => LocalDate) toDate: string;
  @Field() reason: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  decidedBy: string;
}

@ObjectType('ExtensionRequest')
export class ExtensionRequestType {
  @Field(() => ID) id: string;
  @Field(() => DeadlineKind) kind: DeadlineKind;
  @Field(() => ID) subjectId: string;
  @Field(() => LocalDate) currentDueDate: string;
  @Field(() => LocalDate) requestedDueDate: string;
  @Field() reason: string;
  @Field(() => ExtensionStatus) status: ExtensionStatus;
  @Field(() => LocalDate, { nullable: true }) grantedDueDate: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) decisionNote: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => Int) version: number;
  investigationId: string;
  organisationId: string;
  requestedBy: string;
  decidedBy: string | null;
}

@ObjectType()
export class ExtensionRequestConnection extends Connection(ExtensionRequestType, 'ExtensionRequest') {}

@ObjectType('ExtensionDecision', { description: 'One recorded decision that moved many deadlines at once.' })
export class ExtensionDecisionType {
  @Field(() => ID) id: string;
  @Field(() => DeadlineKind) kind: DeadlineKind;
  @Field(() => LocalDate) newDueDate: string;
  @Field() reason: string;
  @Field(() => [ID]) excludedOrganisationIds: string[];
  @Field(() => Int, { description: 'How many deadlines moved.' }) affected: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType('ReminderPolicy', { description: 'When reminders and overdue notices go out for one kind of deadline.' })
export class ReminderPolicyType {
  @Field(() => DeadlineKind) kind: DeadlineKind;
  @Field(() => [Int], { description: "Days before the due date (in the policy's unit)." }) remindDaysBefore: number[];
  @Field(() => Int, { description: "Days late after which the organisation's other members are told too." }) organisationAfterDays: number;
  @Field(() => Int, { description: 'Days late after which the inspectors of the case are told (escalation).' }) inspectorAfterDays: number;
}

@InputType()
export class ReminderPolicyInput {
  @Field(() => DeadlineKind) @IsEnum(DeadlineKind) kind: DeadlineKind;
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(60, { each: true })
  remindDaysBefore?: number[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(365) organisationAfterDays?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(365) inspectorAfterDays?: number;
}

@InputType()
export class DeadlineFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() investigationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() organisationId?: string;
  @Field(() => DeadlineKind, { nullable: true }) @IsOptional() @IsEnum(DeadlineKind) kind?: DeadlineKind;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() overdue?: boolean;
  @Field(() => LocalDate, { nullable: true }) @IsOptional() @IsString() dueBefore?: string;
  @Field({ nullable: true, description: 'Only the deadlines you answer for.' }) @IsOptional() @IsBoolean() mine?: boolean;
}

@InputType()
export class ExtensionRequestFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() investigationId?: string;
  @Field(() => ExtensionStatus, { nullable: true }) @IsOptional() @IsEnum(ExtensionStatus) status?: ExtensionStatus;
}

@InputType()
export class RequestExtensionInput {
  @Field(() => DeadlineKind) @IsEnum(DeadlineKind) kind: DeadlineKind;
  @Field(() => ID, { description: 'The plan, measure or audit.' }) @IsUUID() subjectId: string;
  @Field(() => LocalDate) @IsString() requestedDueDate: string;
  @Field() @NotBlank() @MaxLength(5000) reason: string;
}

@InputType()
export class DecideExtensionInput extends VersionedRefInput {
  @Field() @IsBoolean() grant: boolean;
  @Field(() => LocalDate, { nullable: true, description: 'Grant another date than asked.' })
  @IsOptional()
  @IsString()
  grantedDueDate?: string;
  @Field() @NotBlank() @MaxLength(5000) note: string;
}

@InputType()
export class ExtendDeadlinesInput {
  @Field(() => ID) @IsUUID() investigationId: string;
  @Field(() => DeadlineKind) @IsEnum(DeadlineKind) kind: DeadlineKind;
  @Field(() => LocalDate) @IsString() newDueDate: string;
  @Field(() => [ID], { nullable: true, description: 'Organisations whose deadlines stay as they are.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  exceptOrganisationIds?: string[];
  @Field() @NotBlank() @MaxLength(5000) reason: string;
}
