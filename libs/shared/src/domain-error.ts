/** Stable error codes; the API exposes them as GraphQL `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  CONFLICT = 'CONFLICT',
  /** A rate limit was reached; `extensions.retryAfterSeconds` says when to try again. */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** Something the product depends on (e.g. the configured virus scanner) does not answer. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

export interface FieldProblem {
  /** Path of the offending input field, e.g. `input.grades.1.reason`. */
  path: string;
  message: string;
}

/**
 * An expected failure of a domain rule. Services throw these; the API turns them into
 * GraphQL errors with the code in `extensions.code`. Anything else is an internal error.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldProblem[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(message: string, fields: FieldProblem[] = [], extra: Record<string, unknown> = {}) {
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, { fields, ...extra });
  }

  static notFound(entity: string, id?: string) {
    return new DomainError(ErrorCode.NOT_FOUND, id ? `${entity} ${id} was not found.` : `${entity} was not found.`, {
      entity,
      ...(id ? { id } : {}),
    });
  }

  static forbidden(message: string) {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static unauthenticated(message = 'Sign in first: this operation needs a valid bearer token.') {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }

  static conflict(entity: string, id: string, expectedVersion: number, actualVersion?: number) {
    return new DomainError(
      ErrorCode.CONFLICT,
      `${entity} ${id} was changed by someone else (you edited version ${expectedVersion}` +
        (actualVersion !== undefined ? `, it is now at version ${actualVersion}` : '') +
        '). Reload it and apply your change again.',
      { entity, id, expectedVersion, ...(actualVersion !== undefined ? { actualVersion } : {}) },
    );
  }
}
