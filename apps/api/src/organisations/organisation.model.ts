import { NotBlank } from '../graphql/validators';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { OrganisationKind } from '@opvolging/organisations';
import { Connection } from '../graphql/pagination.model';
import '../graphql/enums';

@ObjectType('Organisation', { description: 'An inspectorate, a municipality, or a care, school or safety organisation.' })
export class OrganisationType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => OrganisationKind) kind: OrganisationKind;
  municipalityId: string | null;
  @Field(() => Int, { description: 'Pass as expectedVersion when changing it.' }) version: number;
}

@ObjectType()
export class OrganisationConnection extends Connection(OrganisationType, 'Organisation') {}

@InputType()
export class OrganisationFilterInput {
  @Field(() => OrganisationKind, { nullable: true }) @IsOptional() @IsEnum(OrganisationKind) kind?: OrganisationKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() municipalityId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) search?: string;
}

@InputType()
export class CreateOrganisationInput {
  @Field() @NotBlank() @MaxLength(200) name: string;
  @Field(() => OrganisationKind) @IsEnum(OrganisationKind) kind: OrganisationKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() municipalityId?: string;
}

@InputType()
export class UpdateOrganisationInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field({ nullable: true }) @IsOptional() @NotBlank() @MaxLength(200) name?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() municipalityId?: string;
}
