import { CustomScalar, Field, GraphQLISODateTime, ID, ObjectType, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, ValueNode } from 'graphql';

/** Marker type for JSON values (a row as it was before or after a change). */
export class JsonValue {}

@Scalar('JSON', () => JsonValue)
export class JsonScalar implements CustomScalar<unknown, unknown> {
  description = 'A JSON value: a recorded row as it was.';
  serialize(value: unknown) {
    return value;
  }
  parseValue(): never {
    throw new GraphQLError('JSON is output only.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  parseLiteral(_ast: ValueNode): never {
    void Kind;
    throw new GraphQLError('JSON is output only.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

@ObjectType('HistoryEntry', {
  description: 'One recorded change: who, when, what, before and after. Written by the database; never changed.',
})
export class HistoryEntryType {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) occurredAt: Date;
  @Field(() => String, { nullable: true, description: 'The role the change was made in, or SYSTEM.' }) actorRole: string | null;
  @Field(() => String, { nullable: true, description: 'The process that acted without a user, e.g. deadline-sweep.' }) onBehalfOf:
    string | null;
  @Field({ description: 'e.g. measure, improvement_plan, user.' }) entityType: string;
  @Field(() => ID) entityId: string;
  @Field() operation: string;
  @Field(() => [String], { nullable: true }) changedFields: string[] | null;
  @Field(() => JsonValue, { nullable: true }) before: unknown;
  @Field(() => JsonValue, { nullable: true }) after: unknown;
  actorUserId: string | null;
}

@ObjectType()
export class HistoryPageType {
  @Field(() => [HistoryEntryType]) entries: HistoryEntryType[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) nextCursor: string | null;
}
