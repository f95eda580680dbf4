import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, ValueNode } from 'graphql';
import { dates } from '@opvolging/shared';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !dates.isValid(value)) {
    throw new GraphQLError(`Expected a calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** Marker type for fields that hold a calendar date: `@Field(() => LocalDate)`. */
export class LocalDate {}

/** A calendar date (YYYY-MM-DD) as deadlines are set in the Netherlands; no time, no zone. */
@Scalar('Date', () => LocalDate)
export class LocalDateScalar implements CustomScalar<string, string> {
  description = 'A calendar date, YYYY-MM-DD (Europe/Amsterdam).';
  parseValue(value: unknown): string {
    return parse(value);
  }
  serialize(value: unknown): string {
    return value instanceof Date ? dates.dateOf(value) : String(value);
  }
  parseLiteral(ast: ValueNode): string {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('Expected a calendar date string (YYYY-MM-DD).', { extensions: { code: 'BAD_USER_INPUT' } });
    return parse(ast.value);
  }
}
