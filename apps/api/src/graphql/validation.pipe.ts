import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from '@opvolging/shared';

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/**
 * class-validator on every input; a failure is BAD_USER_INPUT listing each field path
 * (`input.grades.1.reason`) with what was wrong.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors, 'input');
      return DomainError.badInput(`Invalid input: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}.`, fields);
    },
  });
}
