import { HttpException, Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import { safeError } from '@opvolging/observability';
import { DomainError } from '@opvolging/shared';

const logger = new Logger('GraphQL');

// Codes that graphql-js and Apollo raise for malformed requests; their messages are safe to show.
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * Every error leaves with a stable `extensions.code`. Domain errors keep their message and details;
 * request errors keep graphql-js' message; anything else is logged and answered without internals.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { ...original.details, code: original.code },
    };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    if (status < 500) return { message: original.message, path: formatted.path, extensions: { code: HTTP_CODES[status] ?? 'BAD_REQUEST' } };
  }
  // graphql-js stops reading variables after 50 errors with an error that carries no code.
  if (formatted.message.startsWith('Too many errors processing variables')) {
    return { message: 'Too many invalid values in the variables; correct them and send again.', extensions: { code: 'BAD_USER_INPUT' } };
  }
  const code = formatted.extensions?.code;
  const variable = code === 'BAD_USER_INPUT' ? variableProblem(formatted.message) : null;
  if (variable) return { message: formatted.message, locations: formatted.locations, extensions: { code, fields: [variable] } };
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  // Type, message, code and stack only: a failed query's SQL and parameters stay out of the log.
  logger.error({ err: safeError(original) }, `Unexpected error at ${formatted.path?.join('.') ?? 'request'}`);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

// graphql-js: 'Variable "$input" got invalid value "X" at "input.kind"; Value "X" does not exist in "DeadlineKind" enum.'
const INVALID_VARIABLE = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value .*?(?: at "([^"]+)")?; (.+)$/s;

/** A variable that did not coerce gets a field path like any other bad input: the variable, then the path inside it. */
function variableProblem(message: string): { path: string; message: string } | null {
  const m = INVALID_VARIABLE.exec(message);
  return m ? { path: m[2] ?? m[1], message: m[3] } : null;
}
