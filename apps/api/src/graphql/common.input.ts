import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';

/** Identifies a row and the version the client last saw (stale versions get CONFLICT). */
@InputType()
export class VersionedRefInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int, { description: 'The version you last read; if it changed since, you get CONFLICT.' }) @IsInt() @Min(1) expectedVersion: number;
}
