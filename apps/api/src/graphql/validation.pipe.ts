import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from '@opvolging/shared';

/** class-validator's messages start with the property ("expectedVersion must …"); the path already names it. */
function withoutProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, message: withoutProperty(message, e.property) }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** Carries class-validator's errors to `transform`, which knows the argument's name. */
class ValidationFailure {
  constructor(readonly errors: ValidationError[]) {}
}

/**
 * class-validator on every input; a failure is BAD_USER_INPUT listing each field by its path from
 * the argument (`input.grades.1.reason`, `filter.investigationId`; a plain argument by its own name,
 * `first`) with what was wrong.
 */
@Injectable()
class FieldPathValidationPipe extends ValidationPipe {
  constructor() {
    super({ transform: true, whitelist: true, forbidUnknownValues: false, exceptionFactory: (errors) => new ValidationFailure(errors) });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ValidationFailure)) throw error;
      // @Args('input') names its fields input.…; @Args() of an ArgsType spreads plain arguments.
      const fields = flatten(error.errors, metadata.data ?? '');
      throw DomainError.badInput(`Invalid input: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}.`, fields);
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new FieldPathValidationPipe();
}
