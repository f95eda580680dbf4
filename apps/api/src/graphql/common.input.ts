import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';
import { DomainError } from '@opvolging/shared';

/** Identifies a row and the version the client last saw (stale versions get CONFLICT). */
@InputType()
export class VersionedRefInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int, { description: 'The version you last read; if it changed since, you get CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

/**
 * The input names the object a mutation changes `id` (with `expectedVersion`); older inputs named it
 * `planId` (and `expectedPlanVersion`). Both are accepted, one at a time: the value under either name.
 */
export function renamed<T extends object, K extends keyof T & string, O extends keyof T & string>(
  input: T,
  name: K,
  old: O,
  path = 'input',
): NonNullable<T[K]> {
  const current = input[name];
  const previous = input[old];
  if (current !== undefined && previous !== undefined) {
    throw DomainError.badInput(`Give ${path}.${name} only; ${path}.${old} is its deprecated name.`, [
      { path: `${path}.${old}`, message: `deprecated name of ${path}.${name}; give one of them` },
    ]);
  }
  const value = current ?? previous;
  if (value === undefined) throw DomainError.badInput(`${path}.${name} is required.`, [{ path: `${path}.${name}`, message: 'required' }]);
  return value as NonNullable<T[K]>;
}
