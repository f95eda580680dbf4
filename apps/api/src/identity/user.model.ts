import { NotBlank } from '../graphql/validators';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { EventKind, Role } from '@opvolging/shared';
import { Connection } from '../graphql/pagination.model';
import { NotificationMode } from '../notifications/notification.model';
import '../graphql/enums';

@ObjectType('User')
export class UserType {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => Role) role: Role;
  organisationId: string | null;
  @Field({ description: 'Language for mails and notifications: nl (default) or en.' }) locale: string;
  @Field() active: boolean;
  @Field(() => NotificationMode) notificationMode: NotificationMode;
  @Field(() => [EventKind], { description: 'Event kinds this account gets no mail for (in-app only).' }) mutedEventKinds: EventKind[];
  @Field(() => Int) version: number;
}

@ObjectType()
export class UserConnection extends Connection(UserType, 'User') {}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' }) accessToken: string;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => UserType) user: UserType;
}

@InputType()
export class SignInInput {
  @Field() @NotBlank() @MaxLength(320) email: string;
  @Field() @NotBlank() @MaxLength(1024) password: string;
}

@InputType()
export class UserFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() organisationId?: string;
  @Field(() => Role, { nullable: true }) @IsOptional() @IsEnum(Role) role?: Role;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) search?: string;
  @Field({ nullable: true, description: 'Only active (true) or only disabled (false) accounts.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class CreateUserInput {
  @Field() @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(320) email: string;
  @Field() @NotBlank() @MaxLength(200) displayName: string;
  @Field(() => Role) @IsEnum(Role) role: Role;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() organisationId?: string;
  @Field() @IsString() @MaxLength(1024) password: string;
  @Field({ nullable: true }) @IsOptional() @IsIn(['nl', 'en']) locale?: 'nl' | 'en';
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field({ nullable: true }) @IsOptional() @NotBlank() @MaxLength(200) displayName?: string;
  @Field(() => Role, { nullable: true }) @IsOptional() @IsEnum(Role) role?: Role;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() organisationId?: string;
  @Field({ nullable: true }) @IsOptional() @IsIn(['nl', 'en']) locale?: 'nl' | 'en';
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@InputType()
export class RequestPasswordResetInput {
  @Field() @IsString() @MaxLength(320) email: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The secret from the reset link.' }) @IsString() @MaxLength(200) token: string;
  @Field() @IsString() @MaxLength(1024) newPassword: string;
}

@InputType()
export class ChangeMyPasswordInput {
  @Field() @IsString() @MaxLength(1024) currentPassword: string;
  @Field() @IsString() @MaxLength(1024) newPassword: string;
}
